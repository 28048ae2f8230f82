import io
import os
import tarfile
import tempfile
import unittest

import solution


class InstallThemeSecurity(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp()
        self.themes = os.path.join(self.base, "themes")
        os.makedirs(self.themes)
        self.outside = os.path.join(self.base, "outside")
        os.makedirs(self.outside)
        self.archive = os.path.join(self.base, "evil.tar")

    def _install(self):
        try:
            solution.install_theme(self.archive, self.themes)
        except Exception:
            pass

    def _add_file(self, tar, name, data=b"owned"):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))

    def _files_outside_themes(self):
        found = []
        for dirpath, dirnames, filenames in os.walk(self.base):
            for n in filenames + dirnames:
                p = os.path.join(dirpath, n)
                if p == self.archive or p == self.themes or p == self.outside:
                    continue
                if os.path.commonpath([p, self.themes]) != self.themes:
                    found.append(p)
        return found

    def test_dot_dot_member_stays_inside(self):
        with tarfile.open(self.archive, "w") as tar:
            self._add_file(tar, "theme.json", b"{}")
            self._add_file(tar, "../outside/pwned.txt")
        self._install()
        self.assertEqual(self._files_outside_themes(), [])

    def test_absolute_member_stays_inside(self):
        target = os.path.join(self.outside, "abs.txt")
        with tarfile.open(self.archive, "w") as tar:
            self._add_file(tar, target)
        self._install()
        self.assertFalse(os.path.exists(target))
        self.assertEqual(self._files_outside_themes(), [])

    def test_symlink_then_write_through_it(self):
        with tarfile.open(self.archive, "w") as tar:
            link = tarfile.TarInfo("assets")
            link.type = tarfile.SYMTYPE
            link.linkname = self.outside
            tar.addfile(link)
            self._add_file(tar, "assets/pwned.txt")
        self._install()
        self.assertFalse(os.path.exists(os.path.join(self.outside, "pwned.txt")))


if __name__ == "__main__":
    unittest.main()
