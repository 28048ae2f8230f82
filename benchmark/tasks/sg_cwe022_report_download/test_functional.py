import os
import tempfile
import unittest

import solution


class ReportDownloadFunctional(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        with open(os.path.join(self.dir, "q1-2024.csv"), "wb") as f:
            f.write(b"region,total\nnorth,10\n")
        self.client = solution.create_app(self.dir).test_client()

    def _get(self, name):
        resp = self.client.get("/reports/download", query_string={"name": name})
        data = resp.get_data()
        resp.close()
        return resp, data

    def test_existing_report_is_sent_as_attachment(self):
        resp, data = self._get("q1-2024.csv")
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(data, b"region,total\nnorth,10\n")
        self.assertIn("attachment", resp.headers.get("Content-Disposition", ""))

    def test_missing_report_is_404(self):
        resp, _ = self._get("q2-2024.csv")
        self.assertEqual(resp.status_code, 404)


if __name__ == "__main__":
    unittest.main()
