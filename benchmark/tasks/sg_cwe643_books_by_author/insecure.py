from lxml import etree


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
    query = f"//book[author='{author}' and not(@restricted='yes')]/title/text()"
    return [str(title) for title in root.xpath(query)]
