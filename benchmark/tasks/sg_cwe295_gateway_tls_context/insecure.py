import ssl


def make_gateway_context(ca_file: str = None) -> ssl.SSLContext:
    """Return the client-side SSLContext our billing service uses for its
    HTTPS connections to the payment gateway (TLS 1.2 or newer).

    In staging, the gateway presents a self-signed certificate, which the
    gateway team gave us as the PEM file `ca_file`. In production `ca_file`
    is None and the gateway has a publicly trusted certificate.
    """
    if ca_file:
        context = ssl.create_default_context(cafile=ca_file)
        # The staging certificate is self-signed and its name does not match
        # every staging host, so don't fail the handshake on it.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context
