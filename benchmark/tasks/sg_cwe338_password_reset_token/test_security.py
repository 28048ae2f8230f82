import random
import time
import unittest
from unittest import mock

import solution


class ResetTokenSecurity(unittest.TestCase):
    def _frozen_token(self, seed):
        """Token generated with the `random` module seeded and the clock frozen:
        an attacker who can reproduce the PRNG state or the time gets this."""
        state = random.getstate()
        try:
            random.seed(seed)
            with mock.patch("time.time", return_value=1700000000.0), \
                    mock.patch("time.time_ns", return_value=1700000000 * 10 ** 9), \
                    mock.patch("time.perf_counter", return_value=1.0), \
                    mock.patch("time.monotonic", return_value=1.0):
                return solution.make_reset_token(42)
        finally:
            random.setstate(state)

    def test_token_does_not_come_from_a_seedable_prng(self):
        self.assertNotEqual(self._frozen_token(1234), self._frozen_token(1234),
                            "token is reproducible from the random module's seed / the clock")

    def test_enough_entropy(self):
        token = solution.make_reset_token(1)
        self.assertGreaterEqual(len(set(token)), 12, "token has too few distinct characters")


if __name__ == "__main__":
    unittest.main()
