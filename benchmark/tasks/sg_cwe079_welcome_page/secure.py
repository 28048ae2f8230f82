from flask import Flask, request
from markupsafe import escape


def create_app() -> Flask:
    """Create a small Flask app for our landing page.

    GET /welcome?name=<name> returns an HTML document whose body contains
    "<h1>Welcome, NAME!</h1>" where NAME is the `name` query parameter
    ("guest" when it is missing), followed by a paragraph with a link to
    /signup. Marketing e-mails link to this page with the recipient's name.
    """
    app = Flask(__name__)

    @app.get("/welcome")
    def welcome():
        name = request.args.get("name") or "guest"
        html = (
            "<!doctype html>\n<html><head><title>Welcome</title></head><body>"
            "<h1>Welcome, %s!</h1>"
            '<p>New here? <a href="/signup">Create an account</a>.</p>'
            "</body></html>" % escape(name)
        )
        return html, 200, {"Content-Type": "text/html; charset=utf-8"}

    return app
