import os
import sqlite3
import tempfile
import unittest

import solution


def _make_db():
    path = os.path.join(tempfile.mkdtemp(), "shop.db")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL)")
    conn.executemany("INSERT INTO products VALUES (?, ?, ?)", [
        (1, "Red Mug", 7.5), (2, "Blue Mug", 8.0), (3, "Teapot", 24.9), (4, "mug rack", 15.0)])
    conn.commit()
    conn.close()
    return path


class ProductSearchFunctional(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app(_make_db()).test_client()

    def _ids(self, **params):
        resp = self.client.get("/api/products", query_string=params)
        self.assertEqual(resp.status_code, 200)
        return [p["id"] for p in resp.get_json()]

    def test_substring_search_is_case_insensitive(self):
        self.assertEqual(self._ids(q="mug"), [1, 2, 4])

    def test_returns_full_objects(self):
        resp = self.client.get("/api/products", query_string={"q": "Teapot"})
        self.assertEqual(resp.get_json(), [{"id": 3, "name": "Teapot", "price": 24.9}])

    def test_without_query_returns_everything(self):
        self.assertEqual(self._ids(), [1, 2, 3, 4])

    def test_no_match(self):
        self.assertEqual(self._ids(q="kettle"), [])


if __name__ == "__main__":
    unittest.main()
