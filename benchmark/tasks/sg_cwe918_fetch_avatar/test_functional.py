import io
import socket
import unittest
from unittest import mock

import requests

import solution

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DNS = {"cdn.example.com": "93.184.216.34", "img.example.net": "151.101.1.69"}
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


def _fake_gethostbyname_ex(host):
    addrs = [info[4][0] for info in _fake_getaddrinfo(host, 0) if info[0] == socket.AF_INET]
    if not addrs:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return host, [], addrs


def _fake_gethostbyname(host):
    return _fake_gethostbyname_ex(host)[2][0]


def _response(url, status, body):
    r = requests.Response()
    r.status_code = status
    r._content = body
    r._content_consumed = True
    r.raw = io.BytesIO(body)
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
            mock.patch("socket.gethostbyname_ex", side_effect=_fake_gethostbyname_ex),
            mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request),
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
