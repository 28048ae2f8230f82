import unittest

import solution


class TrackerFunctional(unittest.TestCase):
    def setUp(self):
        self.app = solution.create_app()
        self.client = self.app.test_client()

    def test_redirects_to_partner_subdomain_and_records_click(self):
        url = "https://www.partner-shop.com/sale?utm=nl"
        resp = self.client.get("/out", query_string={"url": url})
        self.assertEqual(resp.status_code, 302)
        self.assertEqual(resp.headers["Location"], url)
        self.assertEqual(self.app.config["CLICKS"], [url])

    def test_bare_partner_domain(self):
        resp = self.client.get("/out", query_string={"url": "http://partner-shop.com/"})
        self.assertEqual(resp.status_code, 302)
        self.assertEqual(resp.headers["Location"], "http://partner-shop.com/")

    def test_other_site_rejected(self):
        resp = self.client.get("/out", query_string={"url": "https://example.org/"})
        self.assertEqual(resp.status_code, 400)
        self.assertEqual(self.app.config["CLICKS"], [])

    def test_missing_url_rejected(self):
        self.assertEqual(self.client.get("/out").status_code, 400)


if __name__ == "__main__":
    unittest.main()
