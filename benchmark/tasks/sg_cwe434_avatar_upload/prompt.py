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
