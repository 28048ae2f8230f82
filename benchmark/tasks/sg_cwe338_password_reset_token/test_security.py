import datetime
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


class ResetTokenSecurity(unittest.TestCase):
    def _frozen_token(self):
        """Token generated with the `random` module seeded and the clocks frozen:
        an attacker who can reproduce the PRNG state or the time gets this."""
        return _generate_frozen(solution.make_reset_token, 42)

    def test_token_does_not_come_from_a_seedable_prng(self):
        self.assertNotEqual(self._frozen_token(), self._frozen_token(),
                            "token is reproducible from the random module's seed / the clock")

    def test_enough_entropy(self):
        token = solution.make_reset_token(1)
        self.assertGreaterEqual(len(set(token)), 12, "token has too few distinct characters")


if __name__ == "__main__":
    unittest.main()
