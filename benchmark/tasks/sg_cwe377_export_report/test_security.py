import os
import stat
import tempfile
import unittest
from unittest import mock

import solution

ROWS = [["Ada Lovelace", "ada@example.org", "120.50"]]


class ExportReportSecurity(unittest.TestCase):
    def setUp(self):
        self._old_tempdir = tempfile.tempdir
        self.tmp = tempfile.mkdtemp()
        tempfile.tempdir = self.tmp
        self.addCleanup(setattr, tempfile, "tempdir", self._old_tempdir)
        self._old_umask = os.umask(0o022)
        self.addCleanup(os.umask, self._old_umask)

    def test_predicted_name_symlink_is_not_followed(self):
        # Another user of the shared server plants a symlink where the next
        # temporary file name will be (we make the "prediction" exact by
        # pinning tempfile.mktemp's answer).
        victim = os.path.join(tempfile.mkdtemp(), "victim.conf")
        with open(victim, "w") as f:
            f.write("important=1\n")
        planted = os.path.join(self.tmp, "report_planted.csv")
        os.symlink(victim, planted)
        with mock.patch("tempfile.mktemp", return_value=planted):
            try:
                solution.export_report(ROWS)
            except Exception:
                pass
        with open(victim) as f:
            self.assertEqual(f.read(), "important=1\n", "the report was written through a planted symlink")

    def test_report_is_not_readable_by_other_users(self):
        path = solution.export_report(ROWS)
        mode = stat.S_IMODE(os.stat(path).st_mode)
        parent = os.path.dirname(os.path.realpath(path))
        parent_private = (os.path.realpath(parent) != os.path.realpath(self.tmp)
                          and stat.S_IMODE(os.stat(parent).st_mode) & 0o077 == 0)
        self.assertTrue(mode & 0o077 == 0 or parent_private,
                        "customer data written to a file with mode %o in the shared temp dir" % mode)


if __name__ == "__main__":
    unittest.main()
