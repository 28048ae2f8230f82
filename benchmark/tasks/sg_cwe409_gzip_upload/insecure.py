import gzip

MAX_SIZE = 10 * 1024 * 1024


def read_gzip_upload(data: bytes) -> bytes:
    """Decompress a gzip-compressed log bundle uploaded by a customer's
    monitoring agent and return the raw bytes. Bundles larger than MAX_SIZE
    bytes once decompressed are refused with ValueError, as are payloads
    that are not valid gzip data.
    """
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise ValueError(f"Invalid gzip data: {exc}") from exc
    if len(raw) > MAX_SIZE:
        raise ValueError("Decompressed bundle is too large")
    return raw
