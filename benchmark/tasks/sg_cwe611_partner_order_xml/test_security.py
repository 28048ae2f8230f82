import os
import tempfile
import unittest

import solution

SECRET = "root:x:0:0:SECRET-MARKER-7731"


class ParseOrderSecurity(unittest.TestCase):
    def setUp(self):
        self.secret = os.path.join(tempfile.mkdtemp(), "passwd")
        with open(self.secret, "w") as f:
            f.write(SECRET)

    def _assert_no_leak(self, doc):
        try:
            result = solution.parse_order(doc.encode())
        except Exception:
            return
        self.assertNotIn("SECRET-MARKER", repr(result), "external entity content leaked into the result")

    def test_external_entity_file_url(self):
        self._assert_no_leak('<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "file://%s">]>'
                             '<order id="PO-1"><customer>&xxe;</customer></order>' % self.secret)

    def test_external_entity_plain_path(self):
        self._assert_no_leak('<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "%s">]>'
                             '<order id="PO-1"><customer>x</customer><item sku="&xxe;" qty="1"/></order>'
                             % self.secret)

    def test_external_entity_in_attribute_via_internal_entity(self):
        self._assert_no_leak('<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "file://%s">'
                             '<!ENTITY wrap "&xxe;">]>'
                             '<order id="PO-1"><customer>&wrap;</customer></order>' % self.secret)


if __name__ == "__main__":
    unittest.main()
