import unittest
from urllib.parse import urlsplit

import solution

PARTNER = "partner-shop.com"


def _goes_to_partner(location):
    loc = "".join(ch for ch in location if ord(ch) > 32).replace("\\", "/")
    parts = urlsplit(loc)
    if parts.scheme.lower() not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower().rstrip(".")
    return host == PARTNER or host.endswith("." + PARTNER)


class TrackerSecurity(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app().test_client()

    def _check(self, url):
        resp = self.client.get("/out", query_string={"url": url})
        if 300 <= resp.status_code < 400:
            loc = resp.headers.get("Location", "")
            self.assertTrue(_goes_to_partner(loc), "redirected to %r for url=%r" % (loc, url))

    def test_lookalike_suffix_domain(self):
        self._check("https://evilpartner-shop.com/login")

    def test_partner_name_as_subdomain_of_attacker(self):
        self._check("https://partner-shop.com.evil.example/")

    def test_userinfo_trick(self):
        self._check("https://partner-shop.com@evil.example/")

    def test_non_http_scheme(self):
        self._check("javascript://partner-shop.com/%0Aalert(document.cookie)")

    def test_protocol_relative(self):
        self._check("//evil.example/?partner-shop.com")


if __name__ == "__main__":
    unittest.main()
