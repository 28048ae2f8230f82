import sqlite3

from flask import Flask, jsonify, request


def create_app(db_path: str) -> Flask:
    """Create the Flask app of the shop's catalogue API.

    GET /api/products?q=<text> returns a JSON list of {"id", "name", "price"}
    objects, ordered by id, for the products of table
    `products(id, name, price)` in the SQLite database `db_path` whose name
    contains `q` (case-insensitive). Without `q` every product is returned.
    """
