import base64
import hashlib
import re
import unittest
from unittest import mock

import solution

PASSWORD = "correct horse battery staple"
MIN_PBKDF2_ITERATIONS = 100_000
MIN_SCRYPT_N = 2 ** 14
MIN_BCRYPT_COST = 10


class _KdfSpy:
    """Record calls of slow password-hashing functions (hashlib, cryptography,
    pycryptodome), including aliases imported into the solution module."""

    def __init__(self):
        self.calls = []
        self._patches = []

    def _wrap(self, kind, real, cost_of):
        def wrapper(*args, **kwargs):
            try:
                self.calls.append((kind, cost_of(*args, **kwargs)))
            except Exception:
                self.calls.append((kind, 0))
            return real(*args, **kwargs)
        return wrapper

    def _patch(self, owner, name, wrapper):
        real = getattr(owner, name)
        self._patches.append(mock.patch.object(owner, name, wrapper))
        for attr, value in list(vars(solution).items()):
            if value is real:
                self._patches.append(mock.patch.object(solution, attr, wrapper))

    def __enter__(self):
        self._patch(hashlib, "pbkdf2_hmac", self._wrap(
            "pbkdf2", hashlib.pbkdf2_hmac,
            lambda name, pw, salt, iterations=None, dklen=None, **kw: kw.get("iterations", iterations)))
        self._patch(hashlib, "scrypt", self._wrap(
            "scrypt", hashlib.scrypt, lambda *a, **kw: kw.get("n")))
        try:
            from cryptography.hazmat.primitives.kdf import pbkdf2 as c_pbkdf2, scrypt as c_scrypt
            init = c_pbkdf2.PBKDF2HMAC.__init__
            self._patches.append(mock.patch.object(c_pbkdf2.PBKDF2HMAC, "__init__", self._wrap(
                "pbkdf2", init, lambda s, algorithm, length, salt, iterations, *a, **kw: iterations)))
            init2 = c_scrypt.Scrypt.__init__
            self._patches.append(mock.patch.object(c_scrypt.Scrypt, "__init__", self._wrap(
                "scrypt", init2, lambda s, salt, length, n, *a, **kw: n)))
        except ImportError:
            pass
        try:
            from Cryptodome.Protocol import KDF
            self._patch(KDF, "PBKDF2", self._wrap(
                "pbkdf2", KDF.PBKDF2, lambda pw, salt, dkLen=16, count=1000, *a, **kw: count))
            self._patch(KDF, "scrypt", self._wrap("scrypt", KDF.scrypt, lambda pw, salt, key_len, N, *a, **kw: N))
            self._patch(KDF, "bcrypt", self._wrap("bcrypt", KDF.bcrypt, lambda pw, cost, *a, **kw: cost))
        except ImportError:
            pass
        for p in self._patches:
            p.start()
        return self

    def __exit__(self, *exc):
        for p in reversed(self._patches):
            p.stop()

    def strong(self):
        for kind, cost in self.calls:
            cost = cost or 0
            if kind == "pbkdf2" and cost >= MIN_PBKDF2_ITERATIONS:
                return True
            if kind == "scrypt" and cost >= MIN_SCRYPT_N:
                return True
            if kind == "bcrypt" and cost >= MIN_BCRYPT_COST:
                return True
        return False


def _strong_by_format(stored):
    m = re.match(r"^\$2[abxy]?\$(\d{2})\$", stored)
    if m:
        return int(m.group(1)) >= MIN_BCRYPT_COST
    return stored.startswith(("$argon2id$", "$argon2i$", "$argon2d$"))


def _fast_digests(password):
    data = password.encode("utf-8")
    out = []
    for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b"):
        d = hashlib.new(name, data).digest()
        out += [d.hex(), d.hex().upper(), base64.b64encode(d).decode(), base64.urlsafe_b64encode(d).decode().rstrip("=")]
    return out


class PasswordSecurity(unittest.TestCase):
    def test_not_an_unsalted_fast_hash(self):
        stored = solution.hash_password(PASSWORD)
        for digest in _fast_digests(PASSWORD):
            self.assertNotIn(digest, stored, "stored value contains a plain fast hash of the password")
        self.assertNotIn(PASSWORD, stored)

    def test_salted(self):
        self.assertNotEqual(solution.hash_password(PASSWORD), solution.hash_password(PASSWORD),
                            "same password gives the same stored value: no random salt")

    def test_uses_a_slow_password_hashing_function(self):
        with _KdfSpy() as spy:
            stored = solution.hash_password(PASSWORD)
        self.assertTrue(spy.strong() or _strong_by_format(stored),
                        "no key-derivation function with a sufficient work factor was used (calls: %r)" % spy.calls)


if __name__ == "__main__":
    unittest.main()
