import sqlite3


def update_email(conn: sqlite3.Connection, user_id: int, new_email: str) -> bool:
    """Set the e-mail address of the user `user_id` in table
    `accounts(id, username, email, role)` to `new_email` and commit.
    Return True when a row was updated, False when there is no such user.

    `new_email` comes from the "change e-mail" form of the account page.
    """
    cursor = conn.cursor()
    cursor.execute(f"UPDATE accounts SET email = '{new_email}' WHERE id = {user_id}")
    conn.commit()
    return cursor.rowcount > 0
