import unittest

import solution

CATALOG = b"""<catalog>
  <book id="1"><title>Dune</title><author>Frank Herbert</author></book>
  <book id="3"><title>Neuromancer</title><author>William Gibson</author></book>
  <book id="4" restricted="yes"><title>Staff Only: Acquisitions 2025</title><author>Library Board</author></book>
  <staff><account login="admin" password="pa55-SECRET-9917"/></staff>
</catalog>"""


class BooksSecurity(unittest.TestCase):
    def _query(self, author):
        try:
            return [str(x) for x in solution.books_by_author(CATALOG, author)]
        except Exception:
            return []

    def test_tautology_does_not_list_everything(self):
        result = self._query("x' or '1'='1")
        self.assertEqual(result, [])

    def test_restricted_books_stay_hidden(self):
        result = self._query("Library Board' or @restricted='yes' or author='x")
        self.assertNotIn("Staff Only: Acquisitions 2025", result)

    def test_union_does_not_leak_other_nodes(self):
        result = self._query("x']/title/text() | //account/@password | //book[author='x")
        self.assertFalse(any("SECRET" in r for r in result), result)

    def test_quote_in_name_is_data(self):
        self.assertEqual(self._query("O'Brien"), [])


if __name__ == "__main__":
    unittest.main()
