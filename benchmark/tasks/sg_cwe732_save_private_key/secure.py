import os
import tempfile


def save_private_key(pem: bytes, path: str) -> None:
    """Save the freshly generated TLS private key `pem` (PEM bytes) to
    `path`, creating the file or replacing an older key, so that our
    service (running as the same Unix user) can load it at start-up. The
    server is shared with other users' services.
    """
    directory = os.path.dirname(os.path.abspath(path))
    # mkstemp creates the file with mode 0600; the old key is replaced atomically.
    fd, tmp_path = tempfile.mkstemp(dir=directory, prefix=".key-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp_path, 0o600)
        os.replace(tmp_path, path)
    except BaseException:
        if os.path.exists(tmp_path):
            os.unlink(tmp_path)
        raise
