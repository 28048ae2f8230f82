from flask import Flask, jsonify, request


class User:
    def __init__(self, user_id, name, email, is_admin=False, credit_cents=0):
        self.id = user_id
        self.name = name
        self.email = email
        self.is_admin = is_admin
        self.credit_cents = credit_cents


EDITABLE_FIELDS = ("name", "email")


def create_app(users: dict) -> Flask:
    """Create the Flask app of the account API; `users` maps user ids to
    User objects (our in-memory store).

    PATCH /api/users/<int:user_id> with a JSON object body updates the
    user's profile with the fields given in the body (the profile page lets
    users edit their name and e-mail address) and returns the updated
    profile as JSON {"id", "name", "email"}; 404 when there is no such user.
    """
    app = Flask(__name__)

    @app.patch("/api/users/<int:user_id>")
    def patch_user(user_id):
        user = users.get(user_id)
        if user is None:
            return jsonify({"error": "not found"}), 404
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return jsonify({"error": "expected a JSON object"}), 400
        unknown = set(data) - set(EDITABLE_FIELDS)
        if unknown:
            return jsonify({"error": "fields cannot be changed: %s" % ", ".join(sorted(unknown))}), 400
        for field in EDITABLE_FIELDS:
            if field in data:
                if not isinstance(data[field], str):
                    return jsonify({"error": "%s must be a string" % field}), 400
                setattr(user, field, data[field])
        return jsonify({"id": user.id, "name": user.name, "email": user.email})

    return app
