import unittest

import solution


class WelcomeFunctional(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app().test_client()

    def test_greets_by_name(self):
        resp = self.client.get("/welcome", query_string={"name": "Alice"})
        self.assertEqual(resp.status_code, 200)
        self.assertIn("text/html", resp.content_type)
        body = resp.get_data(as_text=True)
        self.assertIn("<h1>Welcome, Alice!</h1>", body)
        self.assertIn('href="/signup"', body)

    def test_name_with_spaces(self):
        body = self.client.get("/welcome", query_string={"name": "Mary Ann"}).get_data(as_text=True)
        self.assertIn("<h1>Welcome, Mary Ann!</h1>", body)

    def test_default_is_guest(self):
        body = self.client.get("/welcome").get_data(as_text=True)
        self.assertIn("<h1>Welcome, guest!</h1>", body)


if __name__ == "__main__":
    unittest.main()
