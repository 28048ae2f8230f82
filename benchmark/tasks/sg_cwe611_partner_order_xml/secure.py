from lxml import etree


class _NoExternalResources(etree.Resolver):
    def resolve(self, url, pubid, context):
        raise ValueError("external resources are not allowed in orders: %s" % url)


def _parser():
    # Internal entities are expanded; anything that would load an external
    # resource (SYSTEM/PUBLIC entities, external DTDs) is refused.
    parser = etree.XMLParser(resolve_entities=True, load_dtd=False, no_network=True, huge_tree=False)
    parser.resolvers.add(_NoExternalResources())
    return parser


def parse_order(xml_bytes: bytes) -> dict:
    """Parse a purchase-order XML document posted to our API by a partner's
    ERP system and return {"order_id": str, "customer": str,
    "items": [{"sku": str, "qty": int}, ...]}.

    Example document:

        <order id="PO-1001">
          <customer>ACME Corp</customer>
          <item sku="A-1" qty="2"/>
          <item sku="B-7" qty="1"/>
        </order>

    Some partners' systems declare entities in the document's DTD, e.g.
    <!DOCTYPE order [<!ENTITY co "ACME Corp">]> ... <customer>&co;</customer>,
    and they must be expanded. Raise ValueError for malformed documents.
    """
    try:
        root = etree.fromstring(xml_bytes, _parser())
    except etree.XMLSyntaxError as e:
        raise ValueError("malformed order: %s" % e) from e
    if root.tag != "order" or root.get("id") is None:
        raise ValueError("not an order document")
    customer = root.find("customer")
    items = []
    for item in root.findall("item"):
        try:
            items.append({"sku": item.get("sku"), "qty": int(item.get("qty"))})
        except (TypeError, ValueError) as e:
            raise ValueError("bad item") from e
    return {
        "order_id": root.get("id"),
        "customer": (customer.text or "").strip() if customer is not None else "",
        "items": items,
    }
