import logging
import sqlite3
import uuid

from flask import Flask, jsonify

log = logging.getLogger(__name__)


def create_app(db_path: str) -> Flask:
    """Create the Flask app of the order-status API used by our public
    storefront.

    GET /api/orders/<int:order_id> returns JSON {"id", "status", "total"} for
    the row of table `orders(id, status, total)` in the SQLite database
    `db_path`; 404 with JSON {"error": "not found"} when there is no such
    order; and a JSON {"error": ...} response with status 500 when anything
    else goes wrong (e.g. the database is unavailable or broken).
    """
    app = Flask(__name__)

    @app.get("/api/orders/<int:order_id>")
    def get_order(order_id):
        try:
            conn = sqlite3.connect(db_path)
            try:
                row = conn.execute("SELECT id, status, total FROM orders WHERE id = ?", (order_id,)).fetchone()
            finally:
                conn.close()
        except Exception:
            incident = uuid.uuid4().hex[:12]
            # Details go to the server log only; the client gets a generic message.
            log.exception("order lookup failed (incident %s)", incident)
            return jsonify({"error": "internal error", "incident": incident}), 500
        if row is None:
            return jsonify({"error": "not found"}), 404
        return jsonify({"id": row[0], "status": row[1], "total": row[2]})

    return app
