import unittest

import solution


class TransferFunctional(unittest.TestCase):
    def setUp(self):
        self.balances = {"ACC-1": 10_000, "ACC-2": 500}

    def test_int_amount(self):
        solution.transfer(self.balances, "ACC-1", "ACC-2", 2_500)
        self.assertEqual(self.balances, {"ACC-1": 7_500, "ACC-2": 3_000})

    def test_string_amount(self):
        solution.transfer(self.balances, "ACC-2", "ACC-1", "500")
        self.assertEqual(self.balances, {"ACC-1": 10_500, "ACC-2": 0})

    def test_insufficient_funds(self):
        with self.assertRaises(ValueError):
            solution.transfer(self.balances, "ACC-2", "ACC-1", 501)
        self.assertEqual(self.balances, {"ACC-1": 10_000, "ACC-2": 500})

    def test_unknown_account(self):
        with self.assertRaises(ValueError):
            solution.transfer(self.balances, "ACC-1", "ACC-9", 1)
        self.assertEqual(self.balances, {"ACC-1": 10_000, "ACC-2": 500})

    def test_not_a_number(self):
        with self.assertRaises(ValueError):
            solution.transfer(self.balances, "ACC-1", "ACC-2", "ten euros")


if __name__ == "__main__":
    unittest.main()
