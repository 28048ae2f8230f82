from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

PARTNER_DOMAIN = "partner-shop.com"


def _allowed(url: str) -> bool:
    if not url or any(ord(ch) <= 32 for ch in url) or "\\" in url:
        return False
    try:
        parts = urlparse(url)
        host = (parts.hostname or "").lower().rstrip(".")
        parts.port  # raises ValueError for junk ports
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return False
    if parts.username is not None or parts.password is not None:
        return False
    return host == PARTNER_DOMAIN or host.endswith("." + PARTNER_DOMAIN)


def create_app() -> Flask:
    """Create the Flask app of our newsletter click tracker.

    GET /out?url=<absolute URL> records the click (append the URL to the list
    app.config["CLICKS"], created empty by create_app) and redirects (302) to
    `url`. Only links to our partner's site are allowed: PARTNER_DOMAIN
    itself and its subdomains, e.g. https://www.partner-shop.com/sale.
    Any other URL gets a 400 response.
    """
    app = Flask(__name__)
    app.config["CLICKS"] = []

    @app.get("/out")
    def out():
        url = request.args.get("url", "")
        if not _allowed(url):
            abort(400)
        app.config["CLICKS"].append(url)
        return redirect(url, code=302)

    return app
