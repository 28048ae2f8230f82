import os
import stat
import tempfile
import unittest

import solution

PEM = b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"


class SaveKeySecurity(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        os.chmod(self.dir, 0o755)
        self.path = os.path.join(self.dir, "server.key")
        self._old_umask = os.umask(0o022)
        self.addCleanup(os.umask, self._old_umask)

    def _mode(self):
        return stat.S_IMODE(os.stat(self.path).st_mode)

    def test_new_key_file_is_private(self):
        solution.save_private_key(PEM, self.path)
        self.assertEqual(self._mode() & 0o077, 0, "private key saved with mode %o" % self._mode())

    def test_replacing_a_world_readable_file_makes_it_private(self):
        with open(self.path, "wb") as f:
            f.write(b"old")
        os.chmod(self.path, 0o644)
        solution.save_private_key(PEM, self.path)
        self.assertEqual(self._mode() & 0o077, 0, "private key left with mode %o" % self._mode())

    def test_not_executable(self):
        solution.save_private_key(PEM, self.path)
        self.assertEqual(self._mode() & 0o111, 0)


if __name__ == "__main__":
    unittest.main()
