import csv
import os
import tempfile


def export_report(rows: list) -> str:
    """Write `rows` (a list of [customer name, e-mail, amount owed] lists) to
    a new CSV file in the system's temporary directory, for the nightly job
    that uploads it to the accounting SFTP server, and return the file's
    path. The job runs on a shared build server.
    """
    fd, path = tempfile.mkstemp(prefix="billing-", suffix=".csv")  # O_EXCL, mode 0600
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
    except BaseException:
        os.unlink(path)
        raise
    return path
