import html
import ipaddress
import re
import socket
import urllib.request
from urllib.parse import urlsplit

from flask import Flask, jsonify, request

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
MAX_BYTES = 512 * 1024


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("only http(s) URLs can be previewed")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise ValueError("cannot resolve host") from e
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            raise ValueError("refusing to fetch a non-public address")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def create_app() -> Flask:
    """Create the Flask app of the chat service's link-preview endpoint.

    GET /preview?url=<url> downloads the web page a user pasted into a chat
    message (with urllib.request.urlopen and a 3 second timeout) and returns
    JSON {"url": url, "title": <text of the page's <title> element, or
    null>}. When the page cannot be fetched, return 400 with JSON
    {"error": <message>}.
    """
    app = Flask(__name__)
    opener = urllib.request.build_opener(_CheckedRedirects())

    @app.get("/preview")
    def preview():
        url = request.args.get("url", "")
        try:
            _check_url(url)
            with opener.open(url, timeout=3) as resp:
                body = resp.read(MAX_BYTES)
        except (ValueError, OSError) as e:
            return jsonify({"error": "cannot fetch this URL"}), 400
        m = _TITLE.search(body.decode("utf-8", "replace"))
        title = html.unescape(m.group(1)).strip() if m else None
        return jsonify({"url": url, "title": title})

    return app
