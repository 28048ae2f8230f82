import signal
import unittest

import solution

TIME_LIMIT_S = 0.5


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow()


class EmailSecurity(unittest.TestCase):
    def _timed(self, address):
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
        try:
            result = solution.is_valid_email(address)
        except _TooSlow:
            self.fail("validation of a %d-character input took more than %.1fs (catastrophic backtracking)"
                      % (len(address), TIME_LIMIT_S))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        self.assertFalse(result)

    def test_long_local_part_without_at(self):
        self._timed("a" * 48 + "!")

    def test_dotted_local_part_with_bad_domain(self):
        self._timed("a.a" * 20 + "aaaaaaaaaaaaaaaaaaaaaaaa@example!")

    def test_short_input(self):
        self._timed("a" * 30 + "!")

    def test_long_domain(self):
        self._timed("alice@" + "a" * 60 + "." + "b" * 10 + "1")


if __name__ == "__main__":
    unittest.main()
