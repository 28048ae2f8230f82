import io
import os
import tempfile
import unittest

import solution

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00;"


class AvatarFunctional(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.client = solution.create_app(self.dir).test_client()

    def _upload(self, name, data):
        return self.client.post("/avatar", data={"avatar": (io.BytesIO(data), name)},
                                content_type="multipart/form-data")

    def test_png_is_stored(self):
        resp = self._upload("me.png", PNG)
        self.assertEqual(resp.status_code, 201)
        name = resp.get_json()["filename"]
        with open(os.path.join(self.dir, name), "rb") as f:
            self.assertEqual(f.read(), PNG)

    def test_jpeg_and_gif(self):
        for fname, data in (("holiday.jpg", JPEG), ("anim.gif", GIF), ("photo.JPEG", JPEG)):
            resp = self._upload(fname, data)
            self.assertEqual(resp.status_code, 201, fname)
            self.assertTrue(os.path.isfile(os.path.join(self.dir, resp.get_json()["filename"])))

    def test_missing_file(self):
        self.assertEqual(self.client.post("/avatar", data={}, content_type="multipart/form-data").status_code, 400)


if __name__ == "__main__":
    unittest.main()
