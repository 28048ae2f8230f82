import unittest
from urllib.parse import urlsplit

import solution


class LoginFunctional(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app().test_client()

    def test_redirects_to_next_page(self):
        resp = self.client.post("/login", data={"username": "alice", "password": "wonderland",
                                                "next": "/reports/q3?tab=sales"})
        self.assertIn(resp.status_code, (301, 302, 303, 307, 308))
        loc = urlsplit(resp.headers["Location"])
        self.assertEqual((loc.path, loc.query), ("/reports/q3", "tab=sales"))
        self.assertIn(loc.netloc, ("", "localhost"))

    def test_defaults_to_root(self):
        resp = self.client.post("/login", data={"username": "bob", "password": "builder"})
        self.assertIn(resp.status_code, (301, 302, 303, 307, 308))
        self.assertEqual(urlsplit(resp.headers["Location"]).path, "/")

    def test_session_is_set(self):
        with self.client as c:
            c.post("/login", data={"username": "bob", "password": "builder", "next": "/home"})
            from flask import session
            self.assertEqual(session.get("user"), "bob")

    def test_wrong_password(self):
        resp = self.client.post("/login", data={"username": "alice", "password": "nope", "next": "/x"})
        self.assertEqual(resp.status_code, 401)


if __name__ == "__main__":
    unittest.main()
