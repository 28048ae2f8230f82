import hashlib
import hmac

WEBHOOK_SECRET = b"whsec_5f2b7c9e1a4d8b3f"


def verify_webhook(body: bytes, signature_header: str) -> bool:
    """Check the X-Signature header of an incoming payment-provider webhook.

    The provider sends "sha256=<hex>" where <hex> is the HMAC-SHA256 of the
    raw request body keyed with WEBHOOK_SECRET. Return True when the
    signature is valid, False otherwise (including a missing or malformed
    header).
    """
