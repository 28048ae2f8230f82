import unittest

import solution


class ApiKeyFunctional(unittest.TestCase):
    def test_format(self):
        key = solution.generate_api_key(1001)
        self.assertIsInstance(key, str)
        self.assertEqual(len(key), 40)
        self.assertTrue(set(key) <= set("0123456789abcdef"), key)

    def test_unique(self):
        keys = {solution.generate_api_key(n % 3) for n in range(300)}
        self.assertEqual(len(keys), 300)


if __name__ == "__main__":
    unittest.main()
