import unittest
from urllib.parse import urlsplit

import solution


def _offsite(location):
    """True when a browser following `location` from http://localhost/login
    would leave the site (or run script)."""
    loc = "".join(ch for ch in location if ord(ch) > 32).replace("\\", "/")
    parts = urlsplit(loc)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return True
    if loc.startswith("//"):
        return True
    if parts.scheme and not parts.netloc:
        # "http:evil.example" style: browsers treat it as a host
        return True
    return parts.netloc not in ("", "localhost")


class LoginSecurity(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app().test_client()

    def _login(self, nxt):
        resp = self.client.post("/login", data={"username": "alice", "password": "wonderland", "next": nxt})
        if 300 <= resp.status_code < 400:
            self.assertFalse(_offsite(resp.headers.get("Location", "")),
                             "redirected off-site to %r for next=%r" % (resp.headers.get("Location"), nxt))

    def test_absolute_url(self):
        self._login("https://evil.example/login")

    def test_protocol_relative_url(self):
        self._login("//evil.example/login")

    def test_backslash_trick(self):
        self._login("/\\evil.example/login")

    def test_javascript_scheme(self):
        self._login("javascript:alert(document.cookie)")

    def test_scheme_without_slashes(self):
        self._login("https:evil.example")


if __name__ == "__main__":
    unittest.main()
