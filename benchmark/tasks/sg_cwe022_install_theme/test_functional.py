import io
import os
import tarfile
import tempfile
import unittest

import solution


def _make_tar(path, files, mode="w:gz"):
    with tarfile.open(path, mode) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))


class InstallThemeFunctional(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp()
        self.themes = os.path.join(self.base, "themes")
        os.makedirs(self.themes)

    def test_extracts_gzipped_archive(self):
        archive = os.path.join(self.base, "ocean.tar.gz")
        _make_tar(archive, {"theme.json": b'{"name": "ocean"}', "css/main.css": b"body{color:navy}",
                            "img/logo.svg": b"<svg/>"})
        result = solution.install_theme(archive, self.themes)
        self.assertEqual(list(result), ["css/main.css", "img/logo.svg", "theme.json"])
        with open(os.path.join(self.themes, "css", "main.css"), "rb") as f:
            self.assertEqual(f.read(), b"body{color:navy}")
        with open(os.path.join(self.themes, "theme.json"), "rb") as f:
            self.assertEqual(f.read(), b'{"name": "ocean"}')

    def test_extracts_plain_tar(self):
        archive = os.path.join(self.base, "plain.tar")
        _make_tar(archive, {"readme.txt": b"hi"}, mode="w")
        self.assertEqual(list(solution.install_theme(archive, self.themes)), ["readme.txt"])
        self.assertTrue(os.path.isfile(os.path.join(self.themes, "readme.txt")))


if __name__ == "__main__":
    unittest.main()
