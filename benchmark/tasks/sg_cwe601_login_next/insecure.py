import os

from flask import Flask, redirect, request, session

USERS = {"alice": "wonderland", "bob": "builder"}


def create_app() -> Flask:
    """Create the Flask app of our intranet portal.

    POST /login takes the form fields `username`, `password` and an optional
    `next`: the page the user wanted before being sent to the login form
    (the login page copies it from its own query string). On success store
    the user name in the session and redirect to `next`, or to "/" when it
    is missing. Wrong credentials get a 401 response.
    """
    app = Flask(__name__)
    app.secret_key = os.urandom(24)

    @app.route("/login", methods=["POST"])
    def login():
        username = request.form.get("username")
        password = request.form.get("password")
        if username in USERS and USERS[username] == password:
            session["user"] = username
            next_page = request.form.get("next") or "/"
            return redirect(next_page)
        return "Invalid username or password", 401

    return app
