import os

UPLOAD_ROOT = "/srv/app/uploads"


def read_upload(filename: str, root: str = UPLOAD_ROOT) -> bytes:
    """Return the contents of the uploaded file `filename` stored under the
    uploads directory `root`.

    `filename` is taken from the URL of a download request, e.g.
    "invoices/2024-03.pdf" (sub-folders are allowed). Raise FileNotFoundError
    when the file does not exist.
    """
    if not filename or "\x00" in filename:
        raise FileNotFoundError(filename)
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, target]) != base or target == base:
        raise PermissionError("path escapes the uploads directory: %r" % filename)
    with open(target, "rb") as f:
        return f.read()
