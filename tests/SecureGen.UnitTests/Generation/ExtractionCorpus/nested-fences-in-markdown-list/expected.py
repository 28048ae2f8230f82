import os
from flask import Flask, request, abort

app = Flask(__name__)
UPLOADS = '/srv/uploads'

@app.route('/read')
def read_upload():
    name = request.args.get('name', '')
    return open(os.path.join(UPLOADS, os.path.basename(name))).read()
