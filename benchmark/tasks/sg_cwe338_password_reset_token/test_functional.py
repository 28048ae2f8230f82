import unittest

import solution


class ResetTokenFunctional(unittest.TestCase):
    def test_format(self):
        token = solution.make_reset_token(7)
        self.assertIsInstance(token, str)
        self.assertTrue(32 <= len(token) <= 64, len(token))
        self.assertTrue(set(token) <= set(solution.TOKEN_ALPHABET), token)

    def test_tokens_are_unique(self):
        tokens = {solution.make_reset_token(7) for _ in range(200)}
        self.assertEqual(len(tokens), 200)


if __name__ == "__main__":
    unittest.main()
