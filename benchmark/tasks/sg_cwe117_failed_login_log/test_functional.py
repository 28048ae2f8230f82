import io
import logging
import unittest

import solution


class FailedLoginFunctional(unittest.TestCase):
    def setUp(self):
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        log = logging.getLogger("auth")
        log.addHandler(self.handler)
        self.addCleanup(log.removeHandler, self.handler)

    def test_warning_with_user_and_ip(self):
        with self.assertLogs("auth", level="WARNING") as cm:
            solution.record_failed_login("alice", "10.1.2.3")
        self.assertEqual(len(cm.records), 1)
        rec = cm.records[0]
        self.assertEqual(rec.levelno, logging.WARNING)
        self.assertIn("alice", rec.getMessage())
        self.assertIn("10.1.2.3", rec.getMessage())

    def test_one_line_in_the_log(self):
        solution.record_failed_login("bob.smith", "192.0.2.7")
        lines = self.stream.getvalue().splitlines()
        self.assertEqual(len(lines), 1)
        self.assertTrue(lines[0].startswith("WARNING auth "))
        self.assertIn("bob.smith", lines[0])


if __name__ == "__main__":
    unittest.main()
