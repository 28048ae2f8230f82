import hashlib


def document_fingerprint(data: bytes) -> str:
    """Return the fingerprint of an uploaded document's contents, as a
    lowercase hex string.

    The document store uses the fingerprint as the document's identity:
    uploads with the same fingerprint are considered the same document and
    stored only once, and signed contracts are referenced by fingerprint in
    the audit log. Anyone with an account can upload documents.
    """
    return hashlib.md5(data).hexdigest()
