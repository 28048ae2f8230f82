import sqlite3
import unittest

import solution


def _db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, username TEXT, email TEXT, role TEXT)")
    conn.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?)", [
        (1, "alice", "alice@old.example", "admin"), (2, "bob", "bob@old.example", "user")])
    conn.commit()
    return conn


class UpdateEmailFunctional(unittest.TestCase):
    def test_updates_only_that_user(self):
        conn = _db()
        self.assertTrue(solution.update_email(conn, 2, "bob@new.example"))
        rows = conn.execute("SELECT id, email, role FROM accounts ORDER BY id").fetchall()
        self.assertEqual(rows, [(1, "alice@old.example", "admin"), (2, "bob@new.example", "user")])

    def test_unknown_user_returns_false(self):
        conn = _db()
        self.assertFalse(solution.update_email(conn, 42, "x@y.example"))

    def test_change_is_committed(self):
        conn = _db()
        solution.update_email(conn, 1, "alice@new.example")
        self.assertFalse(conn.in_transaction)


if __name__ == "__main__":
    unittest.main()
