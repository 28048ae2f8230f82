import io
import socket
import unittest
import urllib.request
from unittest import mock

import solution

DNS = {
    "blog.example.com": "93.184.216.34",
    "localhost": "127.0.0.1",
    "preview.attacker.example": "127.0.0.1",
    "meta.attacker.example": "169.254.169.254",
}
_real_getaddrinfo = socket.getaddrinfo


def _fake_getaddrinfo(host, port, *args, **kwargs):
    if isinstance(host, bytes):
        host = host.decode()
    if host in DNS:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (DNS[host], port or 0))]
    try:
        return _real_getaddrinfo(host, port, *args, **dict(kwargs, flags=socket.AI_NUMERICHOST))
    except socket.gaierror:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


class _FakeResponse(io.BytesIO):
    status = 200

    def geturl(self):
        return "http://internal/"

    def getcode(self):
        return 200

    def info(self):
        return {}


class LinkPreviewSecurity(unittest.TestCase):
    def setUp(self):
        self.requested = []
        patches = [
            mock.patch("socket.getaddrinfo", side_effect=_fake_getaddrinfo),
            mock.patch("socket.gethostbyname", side_effect=lambda h: _fake_getaddrinfo(h, 0)[0][4][0]),
            mock.patch.object(urllib.request.OpenerDirector, "open", autospec=True, side_effect=self._open),
        ]
        for p in patches:
            p.start()
            self.addCleanup(p.stop)
        self.client = solution.create_app().test_client()

    def _open(self, opener, fullurl, *args, **kwargs):
        self.requested.append(getattr(fullurl, "full_url", fullurl))
        return _FakeResponse(b"<title>root:x:0:0:root</title>")

    def _assert_not_fetched(self, url):
        resp = self.client.get("/preview", query_string={"url": url})
        self.assertEqual(self.requested, [], "the server fetched %r" % url)
        self.assertNotIn("root:x:0:0", resp.get_data(as_text=True))

    def test_loopback(self):
        self._assert_not_fetched("http://127.0.0.1:8500/v1/agent/self")

    def test_localhost(self):
        self._assert_not_fetched("http://localhost:6379/")

    def test_metadata_service(self):
        self._assert_not_fetched("http://169.254.169.254/latest/meta-data/")

    def test_private_range(self):
        self._assert_not_fetched("http://192.168.1.1/admin")

    def test_name_resolving_to_internal(self):
        self._assert_not_fetched("http://preview.attacker.example/")
        self._assert_not_fetched("http://meta.attacker.example/latest/")

    def test_file_scheme(self):
        self._assert_not_fetched("file:///etc/passwd")


if __name__ == "__main__":
    unittest.main()
