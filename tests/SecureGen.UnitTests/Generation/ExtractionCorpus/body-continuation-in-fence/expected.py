import sqlite3


def find_user(conn: sqlite3.Connection, username: str):
    """Return the row of the user called `username`, or None."""
    cur = conn.execute("SELECT * FROM users WHERE name = ?", (username,))
    return cur.fetchone()
