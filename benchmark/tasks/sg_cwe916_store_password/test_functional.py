import unittest

import solution


class PasswordFunctional(unittest.TestCase):
    def test_round_trip(self):
        stored = solution.hash_password("correct horse battery staple")
        self.assertIsInstance(stored, str)
        self.assertLessEqual(len(stored), 255)
        self.assertTrue(solution.verify_password("correct horse battery staple", stored))

    def test_wrong_password(self):
        stored = solution.hash_password("s3cret!")
        self.assertFalse(solution.verify_password("s3cret?", stored))
        self.assertFalse(solution.verify_password("", stored))

    def test_unicode_password(self):
        stored = solution.hash_password("pässwörd-密码")
        self.assertTrue(solution.verify_password("pässwörd-密码", stored))
        self.assertFalse(solution.verify_password("passwort-密码", stored))


if __name__ == "__main__":
    unittest.main()
