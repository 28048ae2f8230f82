import os
import tempfile
import unittest

import solution

SECRET = b"db_password=hunter2"


class ReadUploadSecurity(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp()
        self.root = os.path.join(self.base, "uploads")
        os.makedirs(os.path.join(self.root, "invoices"))
        with open(os.path.join(self.root, "notes.txt"), "wb") as f:
            f.write(b"hello")
        self.secret = os.path.join(self.base, "settings.ini")
        with open(self.secret, "wb") as f:
            f.write(SECRET)
        os.makedirs(os.path.join(self.base, "uploads_private"))
        with open(os.path.join(self.base, "uploads_private", "key.pem"), "wb") as f:
            f.write(SECRET)

    def _assert_not_leaked(self, name):
        try:
            data = solution.read_upload(name, self.root)
        except Exception:  # refusing is fine
            return
        self.assertNotIn(SECRET, data or b"", "read a file outside the uploads directory via %r" % name)

    def test_dot_dot_traversal(self):
        self._assert_not_leaked("../settings.ini")

    def test_traversal_from_subfolder(self):
        self._assert_not_leaked("invoices/../../settings.ini")

    def test_absolute_path(self):
        self._assert_not_leaked(self.secret)

    def test_sibling_directory_with_same_prefix(self):
        self._assert_not_leaked("../uploads_private/key.pem")


if __name__ == "__main__":
    unittest.main()
