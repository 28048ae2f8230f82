import os
from flask import Flask, request, abort

app = Flask(__name__)
UPLOADS = '/srv/uploads'


@app.route('/read')
def read_upload():
    """Return the content of the uploaded file named by the `name` query parameter."""
