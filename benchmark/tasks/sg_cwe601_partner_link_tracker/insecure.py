from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

PARTNER_DOMAIN = "partner-shop.com"


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

    @app.route("/out")
    def out():
        url = request.args.get("url")
        if not url:
            abort(400)
        domain = urlparse(url).netloc.lower()
        if not domain.endswith(PARTNER_DOMAIN):
            abort(400)
        app.config["CLICKS"].append(url)
        return redirect(url, code=302)

    return app
