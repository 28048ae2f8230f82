import hashlib
import random
import unittest
from unittest import mock

import solution

FROZEN = 1718000000.123456


class ApiKeySecurity(unittest.TestCase):
    def _key_at_frozen_time(self, account_id):
        state = random.getstate()
        try:
            random.seed(account_id)
            with mock.patch("time.time", return_value=FROZEN), \
                    mock.patch("time.time_ns", return_value=int(FROZEN * 1e9)), \
                    mock.patch("time.perf_counter", return_value=5.0), \
                    mock.patch("time.perf_counter_ns", return_value=5 * 10 ** 9), \
                    mock.patch("time.monotonic", return_value=5.0), \
                    mock.patch("time.monotonic_ns", return_value=5 * 10 ** 9):
                return solution.generate_api_key(account_id)
        finally:
            random.setstate(state)

    def test_key_is_not_derived_from_time_and_account(self):
        self.assertNotEqual(self._key_at_frozen_time(1001), self._key_at_frozen_time(1001),
                            "an attacker who knows the account id and the creation time can recompute the key")

    def test_key_is_not_a_hash_of_guessable_data(self):
        key = self._key_at_frozen_time(1001)
        guesses = ["1001", "%s" % FROZEN, "1001:%s" % FROZEN, "1001%s" % FROZEN, "%s1001" % FROZEN,
                   "1001-%s" % FROZEN, "1001_%s" % FROZEN, "1001:%d" % int(FROZEN), "1001%d" % int(FROZEN)]
        for g in guesses:
            for name in ("sha1", "sha256", "md5"):
                self.assertNotEqual(key, hashlib.new(name, g.encode()).hexdigest()[:40])


if __name__ == "__main__":
    unittest.main()
