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

    @app.get("/api/products")
    def products():
        q = request.args.get("q", "")
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conn = sqlite3.connect(db_path)
        try:
            rows = conn.execute(
                "SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\' ORDER BY id",
                ("%" + escaped + "%",),
            ).fetchall()
        finally:
            conn.close()
        return jsonify([{"id": r[0], "name": r[1], "price": r[2]} for r in rows])

    return app
