import sqlite3

from flask import Flask, jsonify


def create_app(db_path: str) -> Flask:
    """Create the Flask app of the order-status API used by our public
    storefront.

    GET /api/orders/<int:order_id> returns JSON {"id", "status", "total"} for
    the row of table `orders(id, status, total)` in the SQLite database
    `db_path`; 404 with JSON {"error": "not found"} when there is no such
    order; and a JSON {"error": ...} response with status 500 when anything
    else goes wrong (e.g. the database is unavailable or broken).
    """
