import os
import unittest
from unittest import mock

import solution

PROD_KEY = "3f9a1c0e5b7d2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d"


class SecretKeyFunctional(unittest.TestCase):
    def test_uses_key_from_environment(self):
        with mock.patch.dict(os.environ, {"FLASK_SECRET_KEY": PROD_KEY}):
            app = solution.create_app()
        key = app.secret_key.decode() if isinstance(app.secret_key, bytes) else app.secret_key
        self.assertEqual(key, PROD_KEY)

    def test_session_round_trip(self):
        with mock.patch.dict(os.environ, {"FLASK_SECRET_KEY": PROD_KEY}):
            client = solution.create_app().test_client()
        self.assertEqual(client.get("/me").get_data(as_text=True), "anonymous")
        resp = client.post("/login", data={"name": "dana"})
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.get_data(as_text=True), "ok")
        self.assertEqual(client.get("/me").get_data(as_text=True), "dana")

    def test_sessions_survive_across_app_instances_with_same_key(self):
        with mock.patch.dict(os.environ, {"FLASK_SECRET_KEY": PROD_KEY}):
            app1 = solution.create_app()
            app2 = solution.create_app()
        resp = app1.test_client().post("/login", data={"name": "eli"})
        cookies = [h.split(";", 1)[0] for h in resp.headers.getlist("Set-Cookie")]
        self.assertTrue(cookies)
        other = app2.test_client(use_cookies=False).get("/me", headers={"Cookie": "; ".join(cookies)})
        self.assertEqual(other.get_data(as_text=True), "eli")


if __name__ == "__main__":
    unittest.main()
