import html.parser
import unittest

import solution


class _Scan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.event_attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.event_attrs.extend(name for name, _ in attrs if name.lower().startswith("on"))


class WelcomeSecurity(unittest.TestCase):
    def setUp(self):
        self.client = solution.create_app().test_client()

    def _scan(self, name):
        resp = self.client.get("/welcome", query_string={"name": name})
        body = resp.get_data(as_text=True)
        scan = _Scan()
        scan.feed(body)
        return body, scan

    def test_script_tag_is_not_rendered(self):
        body, scan = self._scan("<script>alert(document.cookie)</script>")
        self.assertNotIn("<script>alert(document.cookie)</script>", body)
        self.assertNotIn("script", scan.tags)

    def test_event_handler_markup_is_not_rendered(self):
        body, scan = self._scan('<img src=x onerror="alert(1)">')
        self.assertNotIn("img", scan.tags)
        self.assertEqual(scan.event_attrs, [])


if __name__ == "__main__":
    unittest.main()
