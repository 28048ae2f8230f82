import base64
import json
import time
import unittest

import jwt

import solution


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def _claims(sub="admin", ttl=3600):
    now = int(time.time())
    return {"sub": sub, "iat": now, "exp": now + ttl}


class JwtSecurity(unittest.TestCase):
    def _rejected(self, token):
        try:
            result = solution.current_user_id(token)
        except Exception:
            return
        self.assertIsNone(result, "accepted a forged/invalid token as user %r" % (result,))

    def test_wrong_signing_key(self):
        self._rejected(jwt.encode(_claims(), "attacker-chosen-secret", algorithm="HS256"))

    def test_alg_none(self):
        self._rejected(_b64({"alg": "none", "typ": "JWT"}) + "." + _b64(_claims()) + ".")

    def test_tampered_payload(self):
        good = jwt.encode(_claims("user-17"), solution.JWT_SECRET, algorithm="HS256")
        header, _, sig = good.split(".")
        self._rejected(header + "." + _b64(_claims("admin")) + "." + sig)

    def test_expired_token(self):
        now = int(time.time())
        self._rejected(jwt.encode({"sub": "admin", "iat": now - 7200, "exp": now - 3600},
                                  solution.JWT_SECRET, algorithm="HS256"))


if __name__ == "__main__":
    unittest.main()
