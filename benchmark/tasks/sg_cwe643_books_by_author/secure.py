from lxml import etree

_QUERY = etree.XPath("/catalog/book[author = $author and not(@restricted = 'yes')]/title/text()")


def books_by_author(catalog_xml: bytes, author: str) -> list:
    """Return the titles of the public books written by `author` in the
    library catalogue, in document order, using an XPath query.

    The catalogue looks like:

        <catalog>
          <book id="1"><title>Dune</title><author>Frank Herbert</author></book>
          <book id="2" restricted="yes"><title>...</title><author>...</author></book>
          ...
        </catalog>

    Books with restricted="yes" are not public. `author` comes from the
    search box of the public library website.
    """
    root = etree.fromstring(catalog_xml)
    # The user's text is passed as an XPath variable, never spliced into the expression.
    return [str(t) for t in _QUERY(root, author=author)]
