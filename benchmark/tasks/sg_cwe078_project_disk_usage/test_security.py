import os
import tempfile
import unittest

import solution


class DiskUsageSecurity(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp()
        self.root = os.path.join(self.base, "projects")
        os.makedirs(os.path.join(self.root, "billing"))
        self.marker = os.path.join(self.base, "pwned")

    def _call(self, project):
        try:
            solution.project_disk_usage(project, self.root)
        except Exception:
            pass
        self.assertFalse(os.path.exists(self.marker), "injected command ran for %r" % project)

    def test_semicolon(self):
        self._call("billing; touch %s" % self.marker)

    def test_command_substitution(self):
        self._call("billing$(touch %s)" % self.marker)

    def test_pipe(self):
        self._call("billing | touch %s" % self.marker)

    def test_newline(self):
        self._call("billing\ntouch %s" % self.marker)


if __name__ == "__main__":
    unittest.main()
