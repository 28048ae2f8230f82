import email.parser
import http.client
import io
import socket
import unittest
import urllib.error
import urllib.request
from unittest import mock

import solution

DNS = {"blog.example.com": "93.184.216.34", "news.example.org": "151.101.65.69"}
PAGES = {
    "https://blog.example.com/post/1": b"<html><head><title>My first post</title></head><body>hi</body></html>",
    "http://news.example.org/": b"<html><body>no title here</body></html>",
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
    def __init__(self, url, body):
        super().__init__(body)
        self.url = url
        self.status = 200
        self.code = 200
        self.reason = "OK"
        self.headers = email.parser.Parser(_class=http.client.HTTPMessage).parsestr(
            "Content-Type: text/html; charset=utf-8\r\n\r\n")

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status

    def info(self):
        return self.headers

    def getheader(self, name, default=None):
        return self.headers.get(name, default)


class LinkPreviewFunctional(unittest.TestCase):
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

    def _open(self, opener, fullurl, data=None, timeout=None, **kwargs):
        url = getattr(fullurl, "full_url", fullurl)
        self.requested.append(url)
        if url not in PAGES:
            raise urllib.error.URLError("connection refused")
        return _FakeResponse(url, PAGES[url])

    def test_title_is_extracted(self):
        resp = self.client.get("/preview", query_string={"url": "https://blog.example.com/post/1"})
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.get_json(), {"url": "https://blog.example.com/post/1", "title": "My first post"})
        self.assertEqual(self.requested, ["https://blog.example.com/post/1"])

    def test_page_without_title(self):
        resp = self.client.get("/preview", query_string={"url": "http://news.example.org/"})
        self.assertEqual(resp.status_code, 200)
        self.assertIsNone(resp.get_json()["title"])

    def test_unreachable_page(self):
        resp = self.client.get("/preview", query_string={"url": "https://blog.example.com/gone"})
        self.assertEqual(resp.status_code, 400)
        self.assertIn("error", resp.get_json())


if __name__ == "__main__":
    unittest.main()
