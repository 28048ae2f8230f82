import socket
import unittest
from unittest import mock

import requests

import solution

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DNS = {"cdn.example.com": "93.184.216.34", "img.example.net": "151.101.1.69"}
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


def _fake_gethostbyname(host):
    return _fake_getaddrinfo(host, 0)[0][4][0]


def _response(url, status, body):
    r = requests.Response()
    r.status_code = status
    r._content = body
    r.url = url
    r.headers["Content-Type"] = "image/png"
    return r


class FetchAvatarFunctional(unittest.TestCase):
    def setUp(self):
        self.requested = []
        self.status = 200
        patches = [
            mock.patch("socket.getaddrinfo", side_effect=_fake_getaddrinfo),
            mock.patch("socket.gethostbyname", side_effect=_fake_gethostbyname),
            mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request),
        ]
        for p in patches:
            p.start()
            self.addCleanup(p.stop)

    def _request(self, session, method, url, *args, **kwargs):
        self.requested.append(url)
        return _response(url, self.status, PNG if self.status == 200 else b"not found")

    def test_downloads_image(self):
        self.assertEqual(solution.fetch_avatar("https://cdn.example.com/u/42.png"), PNG)
        self.assertEqual(self.requested, ["https://cdn.example.com/u/42.png"])

    def test_http_url(self):
        self.assertEqual(solution.fetch_avatar("http://img.example.net/a.png"), PNG)

    def test_non_200_raises(self):
        self.status = 404
        with self.assertRaises(ValueError):
            solution.fetch_avatar("https://cdn.example.com/missing.png")


if __name__ == "__main__":
    unittest.main()
