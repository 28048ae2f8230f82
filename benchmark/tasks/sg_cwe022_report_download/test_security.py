import os
import tempfile
import unittest

import solution

SECRET = b"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI"


class ReportDownloadSecurity(unittest.TestCase):
    def setUp(self):
        base = tempfile.mkdtemp()
        self.dir = os.path.join(base, "reports")
        os.makedirs(os.path.join(self.dir, "archive"))
        with open(os.path.join(self.dir, "q1-2024.csv"), "wb") as f:
            f.write(b"region,total\n")
        self.secret = os.path.join(base, ".env")
        with open(self.secret, "wb") as f:
            f.write(SECRET)
        self.client = solution.create_app(self.dir).test_client()

    def _assert_refused(self, name):
        resp = self.client.get("/reports/download", query_string={"name": name})
        data = resp.get_data()
        resp.close()
        self.assertNotIn(SECRET, data, "served a file outside the reports directory for %r" % name)
        self.assertNotEqual(resp.status_code, 200)

    def test_relative_traversal(self):
        self._assert_refused("../.env")

    def test_nested_traversal(self):
        self._assert_refused("archive/../../.env")

    def test_absolute_path(self):
        self._assert_refused(self.secret)


if __name__ == "__main__":
    unittest.main()
