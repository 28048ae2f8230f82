import re
import unittest

import solution

BODY = b"file-contents"


class DownloadResponseSecurity(unittest.TestCase):
    def _build(self, filename):
        try:
            return solution.build_download_response(filename, BODY)
        except Exception:  # rejecting the name is fine
            return None

    def _head_lines(self, resp):
        # Browsers and proxies also split header lines on a bare LF or CR.
        head, sep, body = resp.partition(b"\r\n\r\n")
        self.assertTrue(sep, "no end of headers")
        return re.split(rb"\r\n|\n|\r", head), body

    def test_crlf_cannot_add_a_header(self):
        resp = self._build("report.pdf\r\nSet-Cookie: session=attacker; Path=/")
        if resp is None:
            return
        lines, body = self._head_lines(resp)
        self.assertFalse([l for l in lines if l.lower().startswith(b"set-cookie")], "header injected: %r" % lines)
        self.assertEqual(body, BODY)

    def test_bare_lf_cannot_add_a_header(self):
        resp = self._build("report.pdf\nLocation: https://evil.example/")
        if resp is None:
            return
        lines, _ = self._head_lines(resp)
        self.assertFalse([l for l in lines if l.lower().startswith(b"location")], "header injected: %r" % lines)

    def test_response_splitting(self):
        resp = self._build('x.txt"\r\n\r\n<html><script>alert(1)</script>')
        if resp is None:
            return
        lines, body = self._head_lines(resp)
        self.assertEqual(body, BODY, "attacker controls the response body")
        self.assertEqual(len([l for l in lines if l]), 4, lines)


if __name__ == "__main__":
    unittest.main()
