import os

from flask import Flask, abort, request, send_file


def create_app(report_dir: str) -> Flask:
    """Create the Flask app of the reports service.

    GET /reports/download?name=<file name> sends back the file `name` from
    `report_dir` as an attachment (404 when there is no such file). Report
    names come from the drop-down list on the reports web page.
    """
    app = Flask(__name__)

    @app.route("/reports/download")
    def download():
        name = request.args.get("name")
        if not name:
            abort(404)
        path = os.path.join(report_dir, name)
        if not os.path.exists(path):
            abort(404)
        return send_file(path, as_attachment=True)

    return app
