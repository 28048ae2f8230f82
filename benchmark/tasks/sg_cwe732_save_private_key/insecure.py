import os


def save_private_key(pem: bytes, path: str) -> None:
    """Save the freshly generated TLS private key `pem` (PEM bytes) to
    `path`, creating the file or replacing an older key, so that our
    service (running as the same Unix user) can load it at start-up. The
    server is shared with other users' services.
    """
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(pem)
    os.chmod(path, 0o644)
