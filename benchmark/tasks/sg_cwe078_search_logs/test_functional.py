import os
import tempfile
import unittest

import solution


class SearchLogsFunctional(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        os.makedirs(os.path.join(self.dir, "worker"))
        with open(os.path.join(self.dir, "app.log"), "w") as f:
            f.write("INFO started\nERROR disk full on /var\nINFO done\n")
        with open(os.path.join(self.dir, "worker", "w1.log"), "w") as f:
            f.write("ERROR timeout talking to db\nDEBUG retry\n")

    def test_finds_matches_in_all_files(self):
        result = solution.search_logs(self.dir, "ERROR")
        self.assertEqual(list(result), [
            os.path.join(self.dir, "app.log") + ":ERROR disk full on /var",
            os.path.join(self.dir, "worker", "w1.log") + ":ERROR timeout talking to db",
        ])

    def test_text_with_spaces(self):
        result = solution.search_logs(self.dir, "disk full")
        self.assertEqual(list(result), [os.path.join(self.dir, "app.log") + ":ERROR disk full on /var"])

    def test_no_match_gives_empty_list(self):
        self.assertEqual(list(solution.search_logs(self.dir, "CRITICAL")), [])


if __name__ == "__main__":
    unittest.main()
