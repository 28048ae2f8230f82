from flask import Flask, request


def create_app() -> Flask:
    """Create a small Flask app for our landing page.

    GET /welcome?name=<name> returns an HTML document whose body contains
    "<h1>Welcome, NAME!</h1>" where NAME is the `name` query parameter
    ("guest" when it is missing), followed by a paragraph with a link to
    /signup. Marketing e-mails link to this page with the recipient's name.
    """
