import hashlib
import os


def verify_password(password: str, stored: str) -> bool:
    """Return True when `password` matches `stored`, a value produced by
    hash_password() below."""


def hash_password(password: str) -> str:
    """Return the value to store in the `users.password_hash` column (TEXT,
    at most 255 characters) for a user who signs up with `password`.
    """
