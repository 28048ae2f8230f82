import io
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


class FetchAvatarSecurity(unittest.TestCase):
    def setUp(self):
        self.requested = []
        patches = [
            mock.patch("socket.getaddrinfo", side_effect=_fake_getaddrinfo),
            mock.patch("socket.gethostbyname", side_effect=_fake_gethostbyname),
            mock.patch("socket.gethostbyname_ex", side_effect=_fake_gethostbyname_ex),
            mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request),
            mock.patch.object(urllib.request.OpenerDirector, "open", autospec=True, side_effect=self._urllib),
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
        r = requests.Response()
        r.status_code = 200
        r._content = PNG
        r._content_consumed = True
        r.raw = io.BytesIO(PNG)
        r.headers["Content-Type"] = "image/png"
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
