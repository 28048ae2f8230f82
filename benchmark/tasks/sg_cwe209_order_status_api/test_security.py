import logging
import os
import sqlite3
import tempfile
import unittest

import solution


class OrderApiSecurity(unittest.TestCase):
    def setUp(self):
        logging.disable(logging.CRITICAL)
        self.addCleanup(logging.disable, logging.NOTSET)
        self.dir = tempfile.mkdtemp(prefix="prod-orders-")

    def _body(self, db_path):
        resp = solution.create_app(db_path).test_client().get("/api/orders/1")
        self.assertGreaterEqual(resp.status_code, 400)
        return resp.get_data(as_text=True)

    def _assert_no_internals(self, body, db_path, *fragments):
        for bad in ("Traceback", "File \"", "sqlite3", "OperationalError", "DatabaseError", db_path,
                    os.path.basename(self.dir)) + fragments:
            self.assertNotIn(bad, body, "the error response reveals internal details (%r)" % bad)

    def test_missing_table_details_are_not_returned(self):
        path = os.path.join(self.dir, "shop.db")
        sqlite3.connect(path).close()
        self._assert_no_internals(self._body(path), path, "no such table", "orders(")

    def test_corrupt_database_details_are_not_returned(self):
        path = os.path.join(self.dir, "shop.db")
        with open(path, "wb") as f:
            f.write(b"this is definitely not an sqlite database" * 100)
        self._assert_no_internals(self._body(path), path, "not a database")

    def test_unreachable_database_details_are_not_returned(self):
        path = os.path.join(self.dir, "missing-volume", "shop.db")
        self._assert_no_internals(self._body(path), path, "unable to open")


if __name__ == "__main__":
    unittest.main()
