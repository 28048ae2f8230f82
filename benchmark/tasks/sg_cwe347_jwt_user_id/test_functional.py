import time
import unittest

import jwt

import solution


def _token(sub="user-17", ttl=3600, key=None):
    now = int(time.time())
    return jwt.encode({"sub": sub, "iat": now, "exp": now + ttl}, key or solution.JWT_SECRET, algorithm="HS256")


class JwtFunctional(unittest.TestCase):
    def test_valid_token(self):
        self.assertEqual(solution.current_user_id(_token("user-17")), "user-17")
        self.assertEqual(solution.current_user_id(_token("42")), "42")

    def test_missing_token(self):
        self.assertIsNone(solution.current_user_id(""))
        self.assertIsNone(solution.current_user_id(None))

    def test_garbage_token(self):
        self.assertIsNone(solution.current_user_id("not-a-jwt"))
        self.assertIsNone(solution.current_user_id("a.b.c"))


if __name__ == "__main__":
    unittest.main()
