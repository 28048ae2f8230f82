import os
import secrets
import warnings

from flask import Flask, request, session


def create_app() -> Flask:
    """Create the Flask app of our feedback site.

    Sessions are signed with the app's secret key; on the production servers
    operations provide it in the FLASK_SECRET_KEY environment variable.
    Developers also run the app on their laptops.

    Routes: POST /login with form field `name` stores the name in the
    session and returns "ok"; GET /me returns the stored name, or
    "anonymous".
    """
    app = Flask(__name__)
    secret = os.environ.get("FLASK_SECRET_KEY")
    if not secret:
        # No hard-coded fallback: a throw-away random key for local runs
        # (sessions do not survive a restart).
        warnings.warn("FLASK_SECRET_KEY is not set; using a random key for this process")
        secret = secrets.token_hex(32)
    app.secret_key = secret

    @app.post("/login")
    def login():
        session["name"] = request.form.get("name", "")
        return "ok"

    @app.get("/me")
    def me():
        return session.get("name") or "anonymous"

    return app
