from flask import Flask, jsonify, request


class User:
    def __init__(self, user_id, name, email, is_admin=False, credit_cents=0):
        self.id = user_id
        self.name = name
        self.email = email
        self.is_admin = is_admin
        self.credit_cents = credit_cents


def create_app(users: dict) -> Flask:
    """Create the Flask app of the account API; `users` maps user ids to
    User objects (our in-memory store).

    PATCH /api/users/<int:user_id> with a JSON object body updates the
    user's profile with the fields given in the body (the profile page lets
    users edit their name and e-mail address) and returns the updated
    profile as JSON {"id", "name", "email"}; 404 when there is no such user.
    """
    app = Flask(__name__)

    @app.route("/api/users/<int:user_id>", methods=["PATCH"])
    def update_user(user_id):
        user = users.get(user_id)
        if user is None:
            return jsonify({"error": "User not found"}), 404
        data = request.get_json() or {}
        for key, value in data.items():
            if hasattr(user, key):
                setattr(user, key, value)
        return jsonify({"id": user.id, "name": user.name, "email": user.email})

    return app
