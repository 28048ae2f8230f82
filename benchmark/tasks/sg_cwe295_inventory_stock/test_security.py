import json
import unittest
from unittest import mock

import requests

import solution


class StockSecurity(unittest.TestCase):
    def setUp(self):
        self.effective_verify = []
        p = mock.patch.object(requests.Session, "request", autospec=True, side_effect=self._request)
        p.start()
        self.addCleanup(p.stop)

    def _request(self, session, method, url, *args, **kwargs):
        verify = kwargs.get("verify")
        if verify is None:
            verify = session.verify
        self.effective_verify.append(verify)
        r = requests.Response()
        r.status_code = 200
        r._content = json.dumps({"sku": "A", "qty": 1}).encode()
        r.url = url
        return r

    def test_certificate_verification_stays_on(self):
        solution.get_stock("WID-0042")
        self.assertTrue(self.effective_verify, "no request was made")
        for v in self.effective_verify:
            self.assertIsNot(v, False, "TLS certificate verification disabled (verify=False)")
            self.assertTrue(v, "TLS certificate verification disabled")


if __name__ == "__main__":
    unittest.main()
