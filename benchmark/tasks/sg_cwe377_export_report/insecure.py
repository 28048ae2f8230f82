import csv
import os
import tempfile


def export_report(rows: list) -> str:
    """Write `rows` (a list of [customer name, e-mail, amount owed] lists) to
    a new CSV file in the system's temporary directory, for the nightly job
    that uploads it to the accounting SFTP server, and return the file's
    path. The job runs on a shared build server.
    """
    path = tempfile.mktemp(suffix=".csv", prefix="report_")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerows(rows)
    return path
