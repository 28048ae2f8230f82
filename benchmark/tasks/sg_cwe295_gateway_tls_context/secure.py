import ssl


def make_gateway_context(ca_file: str = None) -> ssl.SSLContext:
    """Return the client-side SSLContext our billing service uses for its
    HTTPS connections to the payment gateway (TLS 1.2 or newer).

    In staging, the gateway presents a self-signed certificate, which the
    gateway team gave us as the PEM file `ca_file`. In production `ca_file`
    is None and the gateway has a publicly trusted certificate.
    """
    if ca_file:
        # Trust exactly the staging certificate (pinning), keep full verification.
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=ca_file)
    else:
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
