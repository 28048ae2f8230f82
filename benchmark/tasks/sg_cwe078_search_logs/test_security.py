import os
import tempfile
import unittest

import solution


class SearchLogsSecurity(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.logs = os.path.join(self.dir, "logs")
        os.makedirs(self.logs)
        with open(os.path.join(self.logs, "app.log"), "w") as f:
            f.write("ERROR disk full\n")
        self.marker = os.path.join(self.dir, "pwned")

    def _search(self, text):
        try:
            solution.search_logs(self.logs, text)
        except Exception:
            pass
        self.assertFalse(os.path.exists(self.marker), "injected command ran for %r" % text)

    def test_command_substitution(self):
        self._search("$(touch %s)" % self.marker)

    def test_backticks(self):
        self._search("`touch %s`" % self.marker)

    def test_double_quote_breakout(self):
        self._search('x" %s; touch %s; echo "' % (self.logs, self.marker))

    def test_single_quote_breakout(self):
        self._search("x' %s; touch %s; echo '" % (self.logs, self.marker))


if __name__ == "__main__":
    unittest.main()
