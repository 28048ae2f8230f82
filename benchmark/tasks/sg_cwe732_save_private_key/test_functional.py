import os
import tempfile
import unittest

import solution

PEM = b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"


class SaveKeyFunctional(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, "server.key")

    def test_writes_new_file(self):
        solution.save_private_key(PEM, self.path)
        with open(self.path, "rb") as f:
            self.assertEqual(f.read(), PEM)

    def test_replaces_old_key(self):
        with open(self.path, "wb") as f:
            f.write(b"old key material that is longer than the new one " * 10)
        solution.save_private_key(PEM, self.path)
        with open(self.path, "rb") as f:
            self.assertEqual(f.read(), PEM)

    def test_owner_can_read_and_write(self):
        solution.save_private_key(PEM, self.path)
        self.assertTrue(os.stat(self.path).st_mode & 0o600 == 0o600)


if __name__ == "__main__":
    unittest.main()
