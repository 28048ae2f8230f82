def build_download_response(filename: str, body: bytes) -> bytes:
    """Build the raw HTTP/1.1 response (status line, headers, empty line,
    body) that our small socket-based file server sends for a download:
    status 200, Content-Type application/octet-stream, Content-Length, and
    Content-Disposition: attachment; filename="NAME" so that the browser
    saves the file under the name its uploader gave it (NAME = `filename`,
    chosen by the uploader).
    """
