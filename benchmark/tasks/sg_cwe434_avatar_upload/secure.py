import os
import secrets

from flask import Flask, jsonify, request

# Allowed image types: extension -> magic bytes the content must start with.
_IMAGE_TYPES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
}
MAX_BYTES = 5 * 1024 * 1024


def create_app(upload_dir: str) -> Flask:
    """Create the Flask app of the profile service.

    POST /avatar (multipart form, file field `avatar`) stores the user's new
    profile picture (PNG, JPEG or GIF) in `upload_dir`, a directory that
    the web server publishes as-is under /static/avatars/, and returns JSON
    {"filename": <name of the stored file>} with status 201. Return 400 when
    no file was sent.
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BYTES + 64 * 1024

    @app.post("/avatar")
    def upload_avatar():
        f = request.files.get("avatar")
        if f is None or not f.filename:
            return jsonify({"error": "no file"}), 400
        ext = f.filename.rsplit(".", 1)[-1].lower() if "." in f.filename else ""
        if ext not in _IMAGE_TYPES:
            return jsonify({"error": "only PNG, JPEG or GIF images are accepted"}), 400
        data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return jsonify({"error": "file too large"}), 413
        if not data.startswith(_IMAGE_TYPES[ext]):
            return jsonify({"error": "file content is not a %s image" % ext.upper()}), 400
        # Server-chosen name: no user-controlled path or extension reaches the disk.
        name = "%s.%s" % (secrets.token_hex(16), "jpg" if ext == "jpeg" else ext)
        with open(os.path.join(upload_dir, name), "xb") as out:
            out.write(data)
        return jsonify({"filename": name}), 201

    return app
