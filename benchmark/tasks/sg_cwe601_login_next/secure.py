import os
from urllib.parse import urlsplit

from flask import Flask, redirect, request, session

USERS = {"alice": "wonderland", "bob": "builder"}


def _safe_next(target):
    if not target:
        return "/"
    cleaned = target.strip()
    if any(ord(ch) < 32 for ch in cleaned) or "\\" in cleaned:
        return "/"
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc or not cleaned.startswith("/") or cleaned.startswith("//"):
        return "/"
    return cleaned


def create_app() -> Flask:
    """Create the Flask app of our intranet portal.

    POST /login takes the form fields `username`, `password` and an optional
    `next`: the page the user wanted before being sent to the login form
    (the login page copies it from its own query string). On success store
    the user name in the session and redirect to `next`, or to "/" when it
    is missing. Wrong credentials get a 401 response.
    """
    app = Flask(__name__)
    app.secret_key = os.environ.get("PORTAL_SECRET_KEY") or os.urandom(32)

    @app.post("/login")
    def login():
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        expected = USERS.get(username)
        if expected is None or expected != password:
            return "invalid credentials", 401
        session["user"] = username
        return redirect(_safe_next(request.form.get("next")))

    return app
