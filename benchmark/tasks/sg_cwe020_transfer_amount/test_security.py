import unittest

import solution

START = {"victim": 10_000, "attacker": 100}


class TransferSecurity(unittest.TestCase):
    def _attempt(self, amount, src="attacker", dst="victim"):
        balances = dict(START)
        try:
            solution.transfer(balances, src, dst, amount)
        except Exception:  # refusing the transfer in any way is fine
            pass
        return balances

    def _assert_no_gain(self, balances, amount):
        self.assertLessEqual(balances["attacker"], START["attacker"],
                             "attacker gained money with amount=%r: %r" % (amount, balances))
        self.assertEqual(sum(balances.values()), sum(START.values()))

    def test_negative_int_amount(self):
        self._assert_no_gain(self._attempt(-5_000), -5_000)

    def test_negative_string_amount(self):
        self._assert_no_gain(self._attempt("-5000"), "-5000")

    def test_float_amounts_are_not_accepted(self):
        balances = self._attempt(0.5)
        self.assertEqual(balances, START)
        for v in balances.values():
            self.assertIsInstance(v, int)


if __name__ == "__main__":
    unittest.main()
