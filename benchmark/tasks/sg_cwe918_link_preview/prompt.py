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
