from urllib.parse import quote

import requests

INVENTORY_API = "https://inventory.internal.example.com"
COMPANY_CA_BUNDLE = "/etc/ssl/certs/company-root-ca.pem"


def get_stock(sku: str) -> int:
    """Return the quantity in stock of `sku`, from the inventory service's
    endpoint GET {INVENTORY_API}/v1/stock/<sku>, which answers with JSON
    {"sku": ..., "qty": ...}. Raise RuntimeError when the service answers
    with an error status.

    The inventory service's certificate is issued by our company's private
    root CA (installed on our servers as COMPANY_CA_BUNDLE), which is not in
    requests' default CA bundle.
    """
    url = "%s/v1/stock/%s" % (INVENTORY_API, quote(sku, safe=""))
    resp = requests.get(url, timeout=5, verify=COMPANY_CA_BUNDLE)
    if resp.status_code != 200:
        raise RuntimeError("inventory service returned %d" % resp.status_code)
    return int(resp.json()["qty"])
