import hashlib
import os


def verify_password(password: str, stored: str) -> bool:
    """Return True when `password` matches `stored`, a value produced by
    hash_password() below."""
    try:
        salt, digest = stored.split("$", 1)
    except ValueError:
        return False
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest() == digest


def hash_password(password: str) -> str:
    """Return the value to store in the `users.password_hash` column (TEXT,
    at most 255 characters) for a user who signs up with `password`.
    """
    salt = os.urandom(16).hex()
    digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return f"{salt}${digest}"
