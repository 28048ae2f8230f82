import unittest

import solution


class RenderProfileFunctional(unittest.TestCase):
    def test_renders_all_fields(self):
        out = solution.render_profile({"display_name": "Ada Lovelace", "bio": "Mathematician and writer.",
                                       "location": "London"})
        self.assertIn('<div class="profile">', out)
        self.assertIn("<h2>Ada Lovelace</h2>", out)
        self.assertIn('<p class="bio">Mathematician and writer.</p>', out)
        self.assertIn('<span class="location">London</span>', out)

    def test_other_user(self):
        out = solution.render_profile({"display_name": "Grace", "bio": "COBOL", "location": "Arlington"})
        self.assertIn("<h2>Grace</h2>", out)
        self.assertNotIn("Ada", out)


if __name__ == "__main__":
    unittest.main()
