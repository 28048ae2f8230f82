import base64
import hashlib
import hmac
import os

# scrypt parameters (same defaults as Django's ScryptPasswordHasher: N=2**14, r=8, p=1).
_N, _R, _P = 2 ** 14, 8, 1
_DKLEN = 32


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 1024 * 1024, dklen=dklen)


def verify_password(password: str, stored: str) -> bool:
    """Return True when `password` matches `stored`, a value produced by
    hash_password() below."""
    try:
        algo, n, r, p, salt_b64, hash_b64 = stored.split("$")
        if algo != "scrypt":
            return False
        n, r, p = int(n), int(r), int(p)
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(hash_b64)
    except (ValueError, TypeError):
        return False
    if not (2 ** 14 <= n <= 2 ** 20 and 1 <= r <= 16 and 1 <= p <= 4):
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, len(expected)), expected)


def hash_password(password: str) -> str:
    """Return the value to store in the `users.password_hash` column (TEXT,
    at most 255 characters) for a user who signs up with `password`.
    """
    salt = os.urandom(16)
    digest = _scrypt(password, salt, _N, _R, _P, _DKLEN)
    return "scrypt$%d$%d$%d$%s$%s" % (_N, _R, _P, base64.b64encode(salt).decode("ascii"),
                                      base64.b64encode(digest).decode("ascii"))
