import os
import sqlite3
import tempfile
import unittest

import solution


def _db(create_table=True):
    path = os.path.join(tempfile.mkdtemp(), "shop.db")
    conn = sqlite3.connect(path)
    if create_table:
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, total REAL)")
        conn.executemany("INSERT INTO orders VALUES (?, ?, ?)", [(1, "shipped", 19.99), (2, "pending", 5.0)])
    conn.commit()
    conn.close()
    return path


class OrderApiFunctional(unittest.TestCase):
    def test_existing_order(self):
        client = solution.create_app(_db()).test_client()
        resp = client.get("/api/orders/1")
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.get_json(), {"id": 1, "status": "shipped", "total": 19.99})

    def test_missing_order(self):
        client = solution.create_app(_db()).test_client()
        resp = client.get("/api/orders/99")
        self.assertEqual(resp.status_code, 404)
        self.assertEqual(resp.get_json(), {"error": "not found"})

    def test_broken_database_gives_json_500(self):
        client = solution.create_app(_db(create_table=False)).test_client()
        resp = client.get("/api/orders/1")
        self.assertEqual(resp.status_code, 500)
        self.assertIn("error", resp.get_json())


if __name__ == "__main__":
    unittest.main()
