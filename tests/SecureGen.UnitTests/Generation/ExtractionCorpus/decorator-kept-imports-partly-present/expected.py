import os
from flask import Flask, request, abort

app = Flask(__name__)
UPLOADS = '/srv/uploads'

@app.route('/read')
def read_upload():
    name = request.args.get('name', '')
    path = os.path.realpath(os.path.join(UPLOADS, name))
    if not path.startswith(UPLOADS + os.sep):
        abort(400)
    with open(path) as f:
        return f.read()
