import sqlite3

from flask import Flask, jsonify, request


def create_app(db_path: str) -> Flask:
    """Create the Flask app of the shop's catalogue API.

    GET /api/products?q=<text> returns a JSON list of {"id", "name", "price"}
    objects, ordered by id, for the products of table
    `products(id, name, price)` in the SQLite database `db_path` whose name
    contains `q` (case-insensitive). Without `q` every product is returned.
    """
    app = Flask(__name__)

    @app.route("/api/products")
    def products():
        q = request.args.get("q", "")
        conn = sqlite3.connect(db_path)
        cur = conn.cursor()
        cur.execute(f"SELECT id, name, price FROM products WHERE name LIKE '%{q}%' ORDER BY id")
        rows = cur.fetchall()
        conn.close()
        return jsonify([{"id": row[0], "name": row[1], "price": row[2]} for row in rows])

    return app
