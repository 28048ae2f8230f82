import hashlib
import hmac
import unittest

import solution

BODY = b'{"event":"payment.succeeded","amount":4200}'


def _sig(body, key=None):
    return "sha256=" + hmac.new(key or solution.WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()


class WebhookFunctional(unittest.TestCase):
    def test_valid_signature(self):
        self.assertIs(solution.verify_webhook(BODY, _sig(BODY)), True)

    def test_wrong_signature(self):
        self.assertIs(solution.verify_webhook(BODY, _sig(BODY, b"other-key")), False)
        self.assertIs(solution.verify_webhook(BODY + b" ", _sig(BODY)), False)

    def test_missing_or_malformed_header(self):
        for header in ("", None, "sha256=", "md5=abcd", _sig(BODY)[7:]):
            self.assertFalse(solution.verify_webhook(BODY, header), header)


if __name__ == "__main__":
    unittest.main()
