import os

from flask import Flask, jsonify, request


def create_app(upload_dir: str) -> Flask:
    """Create the Flask app of the profile service.

    POST /avatar (multipart form, file field `avatar`) stores the user's new
    profile picture (PNG, JPEG or GIF) in `upload_dir`, a directory that
    the web server publishes as-is under /static/avatars/, and returns JSON
    {"filename": <name of the stored file>} with status 201. Return 400 when
    no file was sent.
    """
    from werkzeug.utils import secure_filename

    app = Flask(__name__)
    os.makedirs(upload_dir, exist_ok=True)

    @app.route("/avatar", methods=["POST"])
    def upload_avatar():
        if "avatar" not in request.files:
            return jsonify({"error": "No file part"}), 400
        file = request.files["avatar"]
        if file.filename == "":
            return jsonify({"error": "No selected file"}), 400
        filename = secure_filename(file.filename)
        file.save(os.path.join(upload_dir, filename))
        return jsonify({"filename": filename}), 201

    return app
