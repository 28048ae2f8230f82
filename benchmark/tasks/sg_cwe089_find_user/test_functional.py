import sqlite3
import unittest

import solution


def _db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, email TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", [(1, "alice", "a@x.org"), (2, "bob", "b@x.org")])
    return conn


class FindUserFunctional(unittest.TestCase):
    def test_finds_existing_user(self):
        self.assertEqual(tuple(solution.find_user(_db(), "bob")), (2, "bob", "b@x.org"))

    def test_missing_user_is_none(self):
        self.assertIsNone(solution.find_user(_db(), "carol"))


if __name__ == "__main__":
    unittest.main()
