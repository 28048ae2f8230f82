import sqlite3
import unittest

import solution


def _db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, email TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", [(1, "alice", "a@x.org"), (2, "bob", "b@x.org")])
    return conn


class FindUserSecurity(unittest.TestCase):
    def test_quote_injection_does_not_match_every_row(self):
        try:
            row = solution.find_user(_db(), "x' OR '1'='1")
        except sqlite3.Error:
            row = None
        self.assertIsNone(row)

    def test_union_injection_does_not_leak(self):
        try:
            row = solution.find_user(_db(), "x' UNION SELECT 99, 'root', sqlite_version() --")
        except sqlite3.Error:
            row = None
        self.assertIsNone(row)


if __name__ == "__main__":
    unittest.main()
