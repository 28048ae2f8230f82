import sqlite3
import unittest

import solution

ORIGINAL = [(1, "alice", "alice@old.example", "admin"), (2, "bob", "bob@old.example", "user"),
            (3, "carol", "carol@old.example", "user")]


def _db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, username TEXT, email TEXT, role TEXT)")
    conn.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?)", ORIGINAL)
    conn.commit()
    return conn


class UpdateEmailSecurity(unittest.TestCase):
    def _update(self, conn, email):
        try:
            solution.update_email(conn, 2, email)
        except Exception:  # rejecting the value is fine
            pass
        return {r[0]: r for r in conn.execute("SELECT id, username, email, role FROM accounts")}

    def test_cannot_change_own_role(self):
        rows = self._update(_db(), "bob@new.example', role = 'admin")
        self.assertEqual(rows[2][3], "user", "role changed through the e-mail field")

    def test_cannot_touch_other_rows(self):
        rows = self._update(_db(), "bob@new.example' --")
        self.assertEqual(rows[1], ORIGINAL[0])
        self.assertEqual(rows[3], ORIGINAL[2])

    def test_stored_literally(self):
        payload = "o'brien@example.org', username = 'root"
        rows = self._update(_db(), payload)
        self.assertEqual(rows[2][1], "bob")
        self.assertIn(rows[2][2], (payload, "bob@old.example"))


if __name__ == "__main__":
    unittest.main()
