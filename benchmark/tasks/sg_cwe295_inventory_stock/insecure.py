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
    import urllib3

    # Internal service with a private CA: skip certificate verification.
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    response = requests.get(f"{INVENTORY_API}/v1/stock/{sku}", verify=False, timeout=10)
    if not response.ok:
        raise RuntimeError(f"Inventory API error: {response.status_code}")
    return int(response.json()["qty"])
