import signal
import unittest

import solution

TIME_LIMIT_S = 0.5


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow()


class DisplayNameSecurity(unittest.TestCase):
    def _timed(self, name):
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
        try:
            solution.clean_display_name(name)
        except _TooSlow:
            self.fail("validating a %d-character name took more than %.1fs (catastrophic backtracking)"
                      % (len(name), TIME_LIMIT_S))
        except Exception:  # rejected (ValueError or otherwise) in time
            return
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        self.fail("invalid name %r accepted" % name)

    def test_long_word_with_bad_trailing_character(self):
        self._timed("a" * 40 + "1")

    def test_short_input_under_a_length_cap(self):
        self._timed("a" * 28 + "1")

    def test_many_words_with_bad_trailing_character(self):
        self._timed("ab " * 14 + "abcdefghijklmnopqrstuvwxyz" + "!")


if __name__ == "__main__":
    unittest.main()
