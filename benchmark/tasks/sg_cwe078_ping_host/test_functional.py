import unittest
from unittest import mock

import solution


class PingHostFunctional(unittest.TestCase):
    def test_pings_the_given_host_and_returns_stdout(self):
        fake = mock.Mock(stdout="1 packets transmitted", returncode=0)
        with mock.patch("subprocess.run", return_value=fake) as run:
            out = solution.ping_host("example.org")
        self.assertEqual(out, "1 packets transmitted")
        args = run.call_args[0][0]
        joined = args if isinstance(args, str) else " ".join(args)
        self.assertIn("example.org", joined)
        self.assertIn("ping", joined)

    def test_rejects_empty_host(self):
        with self.assertRaises(ValueError):
            solution.ping_host("")


if __name__ == "__main__":
    unittest.main()
