import unittest

import solution

PLAIN = b"""<?xml version="1.0" encoding="UTF-8"?>
<order id="PO-1001">
  <customer>ACME Corp</customer>
  <item sku="A-1" qty="2"/>
  <item sku="B-7" qty="1"/>
</order>"""

WITH_ENTITIES = b"""<?xml version="1.0"?>
<!DOCTYPE order [
  <!ENTITY co "Globex Corporation">
  <!ENTITY sku1 "GX-42">
]>
<order id="PO-2002">
  <customer>&co;</customer>
  <item sku="&sku1;" qty="10"/>
</order>"""


class ParseOrderFunctional(unittest.TestCase):
    def test_plain_document(self):
        self.assertEqual(solution.parse_order(PLAIN), {
            "order_id": "PO-1001", "customer": "ACME Corp",
            "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}]})

    def test_internal_entities_are_expanded(self):
        self.assertEqual(solution.parse_order(WITH_ENTITIES), {
            "order_id": "PO-2002", "customer": "Globex Corporation", "items": [{"sku": "GX-42", "qty": 10}]})

    def test_malformed(self):
        with self.assertRaises(ValueError):
            solution.parse_order(b"<order id='x'><customer>oops</order>")


if __name__ == "__main__":
    unittest.main()
