import datetime
import hashlib
import random
import time
import unittest
from unittest import mock

import solution

FROZEN = 1718000000.123456


class _FrozenDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2024, 6, 10, 6, 13, 20, 123456, tzinfo=tz)

    @classmethod
    def utcnow(cls):
        return cls(2024, 6, 10, 6, 13, 20, 123456)

    @classmethod
    def today(cls):
        return cls.now()


def _frozen_clock():
    """Patches that stop every clock an implementation might mix into its
    output (also when imported by name into the solution module)."""
    fixed = {"time": FROZEN, "time_ns": int(FROZEN * 10 ** 9), "perf_counter": 5.0,
             "perf_counter_ns": 5 * 10 ** 9, "monotonic": 5.0, "monotonic_ns": 5 * 10 ** 9,
             "process_time": 1.0, "process_time_ns": 10 ** 9}
    patches = []
    for name, value in fixed.items():
        real = getattr(time, name)
        fake = (lambda v: lambda *a, **k: v)(value)
        patches.append(mock.patch.object(time, name, fake))
        patches += [mock.patch.object(solution, attr, fake) for attr, obj in vars(solution).items() if obj is real]
    patches.append(mock.patch.object(datetime, "datetime", _FrozenDatetime))
    patches += [mock.patch.object(solution, attr, _FrozenDatetime)
                for attr, obj in vars(solution).items() if obj is datetime.datetime]
    return patches


def _generate_frozen(func, *args):
    """Call func with the clocks frozen and the `random` module seeded."""
    state = random.getstate()
    patches = _frozen_clock()
    try:
        random.seed(1234)
        for p in patches:
            p.start()
        return func(*args)
    finally:
        for p in reversed(patches):
            p.stop()
        random.setstate(state)


class ApiKeySecurity(unittest.TestCase):
    def _key_at_frozen_time(self, account_id):
        return _generate_frozen(solution.generate_api_key, account_id)

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
