import re
import urllib.request

from flask import Flask, jsonify, request


def create_app() -> Flask:
    """Create the Flask app of the chat service's link-preview endpoint.

    GET /preview?url=<url> downloads the web page a user pasted into a chat
    message (with urllib.request.urlopen and a 3 second timeout) and returns
    JSON {"url": url, "title": <text of the page's <title> element, or
    null>}. When the page cannot be fetched, return 400 with JSON
    {"error": <message>}.
    """
    app = Flask(__name__)

    @app.route("/preview")
    def preview():
        url = request.args.get("url")
        if not url:
            return jsonify({"error": "missing url"}), 400
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                page = response.read().decode("utf-8", errors="replace")
        except Exception as exc:
            return jsonify({"error": str(exc)}), 400
        match = re.search(r"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
        title = match.group(1).strip() if match else None
        return jsonify({"url": url, "title": title})

    return app
