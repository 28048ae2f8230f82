import socket
import unittest
import urllib.request
from unittest import mock

import requests

import solution

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
# Fake DNS: attacker-controlled names that resolve to internal addresses.
DNS = {
    "cdn.example.com": "93.184.216.34",
    "localhost": "127.0.0.1",
    "avatar.attacker.example": "127.0.0.1",
    "metadata.attacker.example": "169.254.169.254",
    "intranet.attacker.example": "10.20.30.40",
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


def _fake_gethostbyname(host):
    return _fake_getaddrinfo(host, 0)[0][4][0]


class FetchAvatarSecurity(unittest.TestCase):
    def setUp(self):
        self.requested = []
        patches = [
            mock.patch("socket.getaddrinfo", side_effect=_fake_getaddrinfo),
            mock.patch("socket.gethostbyname", side_effect=_fake_gethostbyname),
            mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request),
            mock.patch.object(urllib.request.OpenerDirector, "open", autospec=True, side_effect=self._urllib),
        ]
        for p in patches:
            p.start()
            self.addCleanup(p.stop)

    def _request(self, session, method, url, *args, **kwargs):
        self.requested.append(url)
        r = requests.Response()
        r.status_code = 200
        r._content = PNG
        r.url = url
        return r

    def _urllib(self, opener, url, *args, **kwargs):
        self.requested.append(getattr(url, "full_url", url))
        raise OSError("network disabled in tests")

    def _assert_not_fetched(self, url):
        try:
            solution.fetch_avatar(url)
        except Exception:
            pass
        self.assertEqual(self.requested, [], "the server fetched %r" % url)

    def test_loopback_ip(self):
        self._assert_not_fetched("http://127.0.0.1:8080/admin/avatar.png")

    def test_localhost_name(self):
        self._assert_not_fetched("http://localhost/server-status")

    def test_cloud_metadata(self):
        self._assert_not_fetched("http://169.254.169.254/latest/meta-data/iam/security-credentials/")

    def test_private_network(self):
        self._assert_not_fetched("http://10.0.0.5/internal.png")

    def test_ipv6_loopback(self):
        self._assert_not_fetched("http://[::1]/avatar.png")

    def test_hostname_resolving_to_internal_address(self):
        self._assert_not_fetched("https://avatar.attacker.example/a.png")
        self._assert_not_fetched("http://metadata.attacker.example/latest/meta-data/")

    def test_decimal_encoded_ip(self):
        self._assert_not_fetched("http://2130706433/a.png")

    def test_non_http_scheme(self):
        self._assert_not_fetched("file:///etc/passwd")


if __name__ == "__main__":
    unittest.main()
