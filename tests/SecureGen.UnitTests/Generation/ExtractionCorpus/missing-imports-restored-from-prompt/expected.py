import sqlite3

def find_user(conn, username):
    cur = conn.execute("SELECT * FROM users WHERE name = ?", (username,))
    return cur.fetchone()
