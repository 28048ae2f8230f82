from lxml import etree


def count_feed_items(xml_bytes: bytes) -> int:
    """Return the number of <item> elements of the RSS feed that a publisher
    submitted to our aggregator.

    Some publishers' feeds are very large (hundreds of MB) and embed deeply
    nested XHTML in their items, which lxml's default parser limits reject,
    so the parser must be configured to accept huge documents. Raise
    ValueError when the feed is not well-formed XML.
    """
    # huge_tree lifts libxml2's size/depth limits, which also disables its
    # entity-amplification protection, so entities must not be expanded and
    # no DTD or external resource may be loaded.
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        root = etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as e:
        raise ValueError("feed is not well-formed: %s" % e) from e
    return sum(1 for _ in root.iter("item"))
