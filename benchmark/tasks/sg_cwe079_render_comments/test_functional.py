import html.parser
import unittest

import solution


class _Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.starts = []
        self.li_texts = []
        self._depth_li = 0

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag == "li":
            self.li_texts.append("")
            self._depth_li += 1

    def handle_endtag(self, tag):
        if tag == "li":
            self._depth_li -= 1

    def handle_data(self, data):
        if self._depth_li > 0:
            self.li_texts[-1] += data


COMMENTS = [
    {"author": "Alice", "url": "https://alice.example/blog", "text": "Great post, thanks!"},
    {"author": "Bob", "url": "", "text": "I disagree with point 2."},
]


class RenderCommentsFunctional(unittest.TestCase):
    def _parse(self, comments):
        out = solution.render_comments(comments)
        self.assertIsInstance(out, str)
        tree = _Tree()
        tree.feed(out)
        return tree

    def test_structure(self):
        tree = self._parse(COMMENTS)
        self.assertEqual(tree.starts[0][0], "ul")
        self.assertIn("comments", tree.starts[0][1].get("class", "").split())
        self.assertEqual(len(tree.li_texts), 2)
        self.assertIn("Alice", tree.li_texts[0])
        self.assertIn("Great post, thanks!", tree.li_texts[0])
        self.assertIn("Bob", tree.li_texts[1])
        self.assertIn("I disagree with point 2.", tree.li_texts[1])

    def test_homepage_link(self):
        tree = self._parse(COMMENTS)
        links = [attrs.get("href") for tag, attrs in tree.starts if tag == "a"]
        self.assertEqual(links, ["https://alice.example/blog"])

    def test_no_comments(self):
        tree = self._parse([])
        self.assertEqual(tree.li_texts, [])
        self.assertEqual(tree.starts[0][0], "ul")


if __name__ == "__main__":
    unittest.main()
