from urllib.parse import quote


def _ascii_fallback(filename: str) -> str:
    cleaned = []
    for ch in filename:
        if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F or ord(ch) > 0x7E:
            cleaned.append("_")
        else:
            cleaned.append(ch)
    return "".join(cleaned) or "download"


def build_download_response(filename: str, body: bytes) -> bytes:
    """Build the raw HTTP/1.1 response (status line, headers, empty line,
    body) that our small socket-based file server sends for a download:
    status 200, Content-Type application/octet-stream, Content-Length, and
    Content-Disposition: attachment; filename="NAME" so that the browser
    saves the file under the name its uploader gave it (NAME = `filename`,
    chosen by the uploader).
    """
    disposition = 'attachment; filename="%s"' % _ascii_fallback(filename)
    if _ascii_fallback(filename) != filename:
        # RFC 6266 / RFC 5987 extended parameter keeps the exact name, percent-encoded.
        disposition += "; filename*=UTF-8''%s" % quote(filename, safe="")
    headers = [
        "HTTP/1.1 200 OK",
        "Content-Type: application/octet-stream",
        "Content-Length: %d" % len(body),
        "Content-Disposition: " + disposition,
    ]
    head = "\r\n".join(headers) + "\r\n\r\n"
    return head.encode("ascii") + body
