import os

UPLOAD_ROOT = "/srv/app/uploads"


def read_upload(filename: str, root: str = UPLOAD_ROOT) -> bytes:
    """Return the contents of the uploaded file `filename` stored under the
    uploads directory `root`.

    `filename` is taken from the URL of a download request, e.g.
    "invoices/2024-03.pdf" (sub-folders are allowed). Raise FileNotFoundError
    when the file does not exist.
    """
    path = os.path.join(root, filename)
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    with open(path, "rb") as f:
        return f.read()
