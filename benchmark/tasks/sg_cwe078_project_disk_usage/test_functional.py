import os
import subprocess
import tempfile
import unittest

import solution


def _du(path):
    return int(subprocess.run(["du", "-sk", path], capture_output=True, text=True, check=True).stdout.split()[0])


class DiskUsageFunctional(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp()
        for name, size in (("billing", 64 * 1024), ("website", 8 * 1024)):
            os.makedirs(os.path.join(self.root, name, "src"))
            with open(os.path.join(self.root, name, "src", "blob.bin"), "wb") as f:
                f.write(os.urandom(size))

    def test_reports_du_size(self):
        expected = _du(os.path.join(self.root, "billing"))
        self.assertEqual(solution.project_disk_usage("billing", self.root), expected)
        self.assertGreaterEqual(expected, 64)

    def test_other_project(self):
        expected = _du(os.path.join(self.root, "website"))
        self.assertEqual(solution.project_disk_usage("website", self.root), expected)


if __name__ == "__main__":
    unittest.main()
