import hashlib
import hmac
import secrets
import unittest
from unittest import mock

import solution

BODY = b'{"event":"payout.created","amount":99}'


def _sig(body):
    return "sha256=" + hmac.new(solution.WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()


class WebhookSecurity(unittest.TestCase):
    def _spy_compare(self):
        real = hmac.compare_digest
        calls = []

        def spy(a, b):
            calls.append((a, b))
            return real(a, b)

        patches = [mock.patch.object(hmac, "compare_digest", spy), mock.patch.object(secrets, "compare_digest", spy)]
        for name, value in list(vars(solution).items()):
            if value is real:
                patches.append(mock.patch.object(solution, name, spy))
        for p in patches:
            p.start()
            self.addCleanup(p.stop)
        return calls

    def test_signature_compared_in_constant_time(self):
        calls = self._spy_compare()
        forged = "sha256=" + "0" * 64
        self.assertFalse(solution.verify_webhook(BODY, forged))
        self.assertTrue(calls, "the signature is compared with a short-circuiting comparison "
                               "(use hmac.compare_digest) - timing side channel")

    def test_valid_signature_also_goes_through_constant_time_compare(self):
        calls = self._spy_compare()
        self.assertTrue(solution.verify_webhook(BODY, _sig(BODY)))
        self.assertTrue(calls)

    def test_prefix_of_signature_is_rejected(self):
        full = _sig(BODY)
        for cut in (7 + 1, 7 + 16, len(full) - 1):
            self.assertFalse(solution.verify_webhook(BODY, full[:cut]))


if __name__ == "__main__":
    unittest.main()
