import csv
import os
import tempfile
import unittest

import solution

ROWS = [["Ada Lovelace", "ada@example.org", "120.50"], ["Alan Turing", "alan@example.org", "0"]]


class ExportReportFunctional(unittest.TestCase):
    def setUp(self):
        self._old_tempdir = tempfile.tempdir
        tempfile.tempdir = tempfile.mkdtemp()
        self.addCleanup(setattr, tempfile, "tempdir", self._old_tempdir)

    def test_writes_csv_in_temp_dir(self):
        path = solution.export_report(ROWS)
        self.assertTrue(os.path.isfile(path))
        real_tmp = os.path.realpath(tempfile.gettempdir())
        self.assertEqual(os.path.commonpath([real_tmp, os.path.realpath(path)]), real_tmp)
        with open(path, newline="", encoding="utf-8") as f:
            self.assertEqual(list(csv.reader(f)), ROWS)

    def test_each_call_creates_a_new_file(self):
        a = solution.export_report(ROWS)
        b = solution.export_report(ROWS[:1])
        self.assertNotEqual(a, b)
        with open(a, newline="", encoding="utf-8") as f:
            self.assertEqual(len(list(csv.reader(f))), 2)


if __name__ == "__main__":
    unittest.main()
