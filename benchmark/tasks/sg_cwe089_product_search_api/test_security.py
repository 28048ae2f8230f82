import os
import sqlite3
import tempfile
import unittest

import solution


def _make_db():
    path = os.path.join(tempfile.mkdtemp(), "shop.db")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL)")
    conn.executemany("INSERT INTO products VALUES (?, ?, ?)", [(1, "Red Mug", 7.5), (2, "Teapot", 24.9)])
    conn.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, login TEXT, password_hash TEXT)")
    conn.execute("INSERT INTO staff VALUES (1, 'root', 'pbkdf2$s3cr3t-hash-value')")
    conn.commit()
    conn.close()
    return path


class ProductSearchSecurity(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app(_make_db()).test_client()

    def _get(self, q):
        resp = self.client.get("/api/products", query_string={"q": q})
        return resp, resp.get_data(as_text=True)

    def test_tautology_does_not_return_every_product(self):
        resp, body = self._get("zzz%' OR 1=1 --")
        if resp.status_code == 200:
            self.assertEqual(resp.get_json(), [])
        self.assertNotIn("Teapot", body)

    def test_union_does_not_leak_other_tables(self):
        resp, body = self._get("zzz%' UNION SELECT id, login, password_hash FROM staff --")
        self.assertNotIn("s3cr3t-hash-value", body)
        if resp.status_code == 200:
            self.assertEqual(resp.get_json(), [])


if __name__ == "__main__":
    unittest.main()
