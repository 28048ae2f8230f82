import io
import logging
import unittest

import solution


class FailedLoginSecurity(unittest.TestCase):
    def setUp(self):
        self.stream = io.StringIO()
        handler = logging.StreamHandler(self.stream)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        log = logging.getLogger("auth")
        log.addHandler(handler)
        self.addCleanup(log.removeHandler, handler)

    def _log_text(self, username):
        solution.record_failed_login(username, "203.0.113.9")
        return self.stream.getvalue()

    def test_newline_cannot_forge_a_log_entry(self):
        text = self._log_text("alice' from 203.0.113.9\n2024-05-01 10:00:00,000 INFO auth Login succeeded for user 'admin")
        self.assertLessEqual(text.count("\n"), 1, "user input started a new log line: %r" % text)
        self.assertNotIn("\r", text)

    def test_carriage_return_cannot_hide_the_entry(self):
        text = self._log_text("alice\r2024-05-01 10:00:00,000 INFO auth all good")
        self.assertNotIn("\r", text, "raw carriage return written to the log: %r" % text)
        self.assertLessEqual(text.count("\n"), 1)


if __name__ == "__main__":
    unittest.main()
