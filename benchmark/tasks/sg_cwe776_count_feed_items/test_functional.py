import unittest

import solution


def _feed(n_items, depth=0):
    nested = "<div>" * depth + "deep" + "</div>" * depth
    items = "".join("<item><title>Post %d</title><description>%s</description></item>" % (i, nested)
                    for i in range(n_items))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>%s</channel></rss>'
            % items).encode()


class FeedFunctional(unittest.TestCase):
    def test_counts_items(self):
        self.assertEqual(solution.count_feed_items(_feed(3)), 3)
        self.assertEqual(solution.count_feed_items(_feed(0)), 0)

    def test_deeply_nested_content_is_accepted(self):
        # deeper than libxml2's default limit of 256 levels
        self.assertEqual(solution.count_feed_items(_feed(2, depth=400)), 2)

    def test_predefined_entities_and_cdata(self):
        doc = (b'<rss><channel><item><title>Fish &amp; Chips &lt;3</title>'
               b'<description><![CDATA[<p>hi</p>]]></description></item></channel></rss>')
        self.assertEqual(solution.count_feed_items(doc), 1)

    def test_malformed(self):
        with self.assertRaises(ValueError):
            solution.count_feed_items(b"<rss><channel><item></channel></rss>")


if __name__ == "__main__":
    unittest.main()
