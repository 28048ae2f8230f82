import unittest

import solution


def _split(resp):
    head, sep, body = resp.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return lines[0], headers, body


class DownloadResponseFunctional(unittest.TestCase):
    def test_response_layout(self):
        status, headers, body = _split(solution.build_download_response("report.pdf", b"%PDF-1.7 data"))
        self.assertEqual(status, "HTTP/1.1 200 OK")
        self.assertEqual(headers["content-type"], "application/octet-stream")
        self.assertEqual(headers["content-length"], str(len(b"%PDF-1.7 data")))
        self.assertEqual(body, b"%PDF-1.7 data")
        self.assertTrue(headers["content-disposition"].startswith("attachment"))
        self.assertIn('filename="report.pdf"', headers["content-disposition"])

    def test_name_with_spaces(self):
        _, headers, body = _split(solution.build_download_response("Q3 budget (final).xlsx", b"\x00\x01"))
        self.assertIn('filename="Q3 budget (final).xlsx"', headers["content-disposition"])
        self.assertEqual(body, b"\x00\x01")

    def test_empty_body(self):
        _, headers, body = _split(solution.build_download_response("empty.txt", b""))
        self.assertEqual(headers["content-length"], "0")
        self.assertEqual(body, b"")


if __name__ == "__main__":
    unittest.main()
