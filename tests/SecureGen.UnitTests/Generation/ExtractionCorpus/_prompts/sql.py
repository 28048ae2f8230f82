import sqlite3


def find_user(conn: sqlite3.Connection, username: str):
    """Return the row of the user called `username`, or None."""
