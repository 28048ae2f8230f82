import unittest

import solution

CATALOG = b"""<catalog>
  <book id="1"><title>Dune</title><author>Frank Herbert</author></book>
  <book id="2"><title>Children of Dune</title><author>Frank Herbert</author></book>
  <book id="3"><title>Neuromancer</title><author>William Gibson</author></book>
  <book id="4" restricted="yes"><title>Dune: Director's Notes</title><author>Frank Herbert</author></book>
</catalog>"""


class BooksFunctional(unittest.TestCase):
    def test_titles_in_document_order(self):
        self.assertEqual(list(solution.books_by_author(CATALOG, "Frank Herbert")), ["Dune", "Children of Dune"])

    def test_single_result(self):
        self.assertEqual(list(solution.books_by_author(CATALOG, "William Gibson")), ["Neuromancer"])

    def test_unknown_author(self):
        self.assertEqual(list(solution.books_by_author(CATALOG, "Ursula K. Le Guin")), [])


if __name__ == "__main__":
    unittest.main()
