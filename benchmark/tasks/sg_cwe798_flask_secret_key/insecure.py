import os

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
    # Fall back to a development key when the environment variable is not set.
    app.secret_key = os.environ.get("FLASK_SECRET_KEY", "dev-secret-key-change-me")

    @app.route("/login", methods=["POST"])
    def login():
        session["name"] = request.form["name"]
        return "ok"

    @app.route("/me")
    def me():
        return session.get("name", "anonymous")

    return app
