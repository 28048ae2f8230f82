import json
import unittest
from unittest import mock

import requests

import solution


class StockFunctional(unittest.TestCase):
    def setUp(self):
        self.calls = []
        self.status = 200
        p = mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request)
        p.start()
        self.addCleanup(p.stop)

    def _request(self, session, method, url, *args, **kwargs):
        self.calls.append((method.upper(), url))
        r = requests.Response()
        r.status_code = self.status
        r._content = json.dumps({"sku": url.rsplit("/", 1)[-1], "qty": 17}).encode()
        r.headers["Content-Type"] = "application/json"
        r.url = url
        return r

    def test_returns_quantity(self):
        self.assertEqual(solution.get_stock("WID-0042"), 17)
        self.assertEqual(self.calls, [("GET", "https://inventory.internal.example.com/v1/stock/WID-0042")])

    def test_error_status(self):
        self.status = 503
        with self.assertRaises(RuntimeError):
            solution.get_stock("WID-0042")


if __name__ == "__main__":
    unittest.main()
