import email.parser
import http.client
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
_real_gethostbyname = socket.gethostbyname
_real_gethostbyname_ex = socket.gethostbyname_ex


def _fake_getaddrinfo(host, port, *args, **kwargs):
    """Offline DNS: names from DNS, numeric addresses parsed by the real resolver."""
    if isinstance(host, bytes):
        host = host.decode()
    host = (host or "").rstrip(".").lower()
    port_num = int(port) if isinstance(port, (int, str)) and str(port).isdigit() else 0
    if host in DNS:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (DNS[host], port_num))]
    try:
        return _real_getaddrinfo(host, port_num, 0, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
    except socket.gaierror:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def _fake_gethostbyname(host):
    return _fake_gethostbyname_ex(host)[2][0]


def _fake_gethostbyname_ex(host):
    addrs = [info[4][0] for info in _fake_getaddrinfo(host, 0) if info[0] == socket.AF_INET]
    if not addrs:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return host, [], addrs


class _FakeResponse(io.BytesIO):
    status = 200
    code = 200
    reason = "OK"
    headers = email.parser.Parser(_class=http.client.HTTPMessage).parsestr(
        "Content-Type: text/html; charset=utf-8\r\n\r\n")

    def geturl(self):
        return "http://internal/"

    def getcode(self):
        return 200

    def info(self):
        return self.headers

    def getheader(self, name, default=None):
        return self.headers.get(name, default)


class LinkPreviewSecurity(unittest.TestCase):
    def setUp(self):
        self.requested = []
        patches = [
            mock.patch("socket.getaddrinfo", side_effect=_fake_getaddrinfo),
            mock.patch("socket.gethostbyname", side_effect=_fake_gethostbyname),
            mock.patch("socket.gethostbyname_ex", side_effect=_fake_gethostbyname_ex),
            mock.patch.object(urllib.request.OpenerDirector, "open", autospec=True, side_effect=self._open),
        ]
        # also names imported into the solution (from socket import getaddrinfo)
        fakes = [(_real_getaddrinfo, _fake_getaddrinfo), (_real_gethostbyname, _fake_gethostbyname),
                 (_real_gethostbyname_ex, _fake_gethostbyname_ex)]
        for attr, obj in list(vars(solution).items()):
            for real, fake in fakes:
                if obj is real:
                    patches.append(mock.patch.object(solution, attr, side_effect=fake))
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
