import ssl


def make_gateway_context(ca_file: str = None) -> ssl.SSLContext:
    """Return the client-side SSLContext our billing service uses for its
    HTTPS connections to the payment gateway (TLS 1.2 or newer).

    In staging, the gateway presents a self-signed certificate, which the
    gateway team gave us as the PEM file `ca_file`. In production `ca_file`
    is None and the gateway has a publicly trusted certificate.
    """
