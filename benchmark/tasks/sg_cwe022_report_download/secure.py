import os

from flask import Flask, abort, request, send_file
from werkzeug.security import safe_join


def create_app(report_dir: str) -> Flask:
    """Create the Flask app of the reports service.

    GET /reports/download?name=<file name> sends back the file `name` from
    `report_dir` as an attachment (404 when there is no such file). Report
    names come from the drop-down list on the reports web page.
    """
    app = Flask(__name__)

    @app.get("/reports/download")
    def download():
        name = request.args.get("name", "")
        path = safe_join(os.path.abspath(report_dir), name) if name else None
        if path is None or not os.path.isfile(path):
            abort(404)
        return send_file(path, as_attachment=True)

    return app
