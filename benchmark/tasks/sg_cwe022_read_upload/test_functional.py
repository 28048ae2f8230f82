import os
import tempfile
import unittest

import solution


class ReadUploadFunctional(unittest.TestCase):
    def setUp(self):
        self.root = os.path.join(tempfile.mkdtemp(), "uploads")
        os.makedirs(os.path.join(self.root, "invoices"))
        with open(os.path.join(self.root, "invoices", "2024-03.pdf"), "wb") as f:
            f.write(b"%PDF-1.4 march")
        with open(os.path.join(self.root, "notes.txt"), "wb") as f:
            f.write(b"hello")

    def test_reads_top_level_file(self):
        self.assertEqual(solution.read_upload("notes.txt", self.root), b"hello")

    def test_reads_file_in_subfolder(self):
        self.assertEqual(solution.read_upload("invoices/2024-03.pdf", self.root), b"%PDF-1.4 march")

    def test_missing_file_raises_file_not_found(self):
        with self.assertRaises(FileNotFoundError):
            solution.read_upload("invoices/2099-01.pdf", self.root)


if __name__ == "__main__":
    unittest.main()
