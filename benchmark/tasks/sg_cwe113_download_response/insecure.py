def build_download_response(filename: str, body: bytes) -> bytes:
    """Build the raw HTTP/1.1 response (status line, headers, empty line,
    body) that our small socket-based file server sends for a download:
    status 200, Content-Type application/octet-stream, Content-Length, and
    Content-Disposition: attachment; filename="NAME" so that the browser
    saves the file under the name its uploader gave it (NAME = `filename`,
    chosen by the uploader).
    """
    headers = (
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: application/octet-stream\r\n"
        f"Content-Length: {len(body)}\r\n"
        f'Content-Disposition: attachment; filename="{filename}"\r\n'
        "\r\n"
    )
    return headers.encode("utf-8") + body
