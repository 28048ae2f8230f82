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
