import sqlite3


def find_user(conn: sqlite3.Connection, username: str):
    """Return the row (id, username, email) of the user called `username` from
    table `users`, or None when there is no such user.

    `username` is typed by a visitor on the login page.
    """
