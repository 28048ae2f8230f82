import os
import tempfile
import unittest

import solution


class PingHostSecurity(unittest.TestCase):
    def test_shell_metacharacters_do_not_run_a_second_command(self):
        marker = os.path.join(tempfile.mkdtemp(), "pwned")
        try:
            solution.ping_host("127.0.0.1; touch " + marker)
        except (ValueError, OSError):
            pass
        self.assertFalse(os.path.exists(marker), "injected command ran")


if __name__ == "__main__":
    unittest.main()
