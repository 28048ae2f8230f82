from lxml import etree


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
    parser = etree.XMLParser(resolve_entities=True)
    try:
        root = etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"Malformed order XML: {exc}") from exc
    customer = root.findtext("customer", default="").strip()
    items = [{"sku": item.get("sku"), "qty": int(item.get("qty", "0"))} for item in root.iter("item")]
    return {"order_id": root.get("id"), "customer": customer, "items": items}
