import gzip
import io
import zlib

MAX_SIZE = 10 * 1024 * 1024
_CHUNK = 64 * 1024


def read_gzip_upload(data: bytes) -> bytes:
    """Decompress a gzip-compressed log bundle uploaded by a customer's
    monitoring agent and return the raw bytes. Bundles larger than MAX_SIZE
    bytes once decompressed are refused with ValueError, as are payloads
    that are not valid gzip data.
    """
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as f:
            while True:
                chunk = f.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > MAX_SIZE:
                    raise ValueError("bundle exceeds %d bytes once decompressed" % MAX_SIZE)
    except (OSError, EOFError, zlib.error) as e:
        raise ValueError("not a valid gzip payload: %s" % e) from e
    return bytes(out)
