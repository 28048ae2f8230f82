import unittest

import solution


class EmailFunctional(unittest.TestCase):
    def test_valid_addresses(self):
        for a in ("alice@example.com", "bob.smith+news@mail.example.co.uk", "x_y%z@sub-domain.example.org",
                  "a@b.io", "first.middle.last@example.museum"):
            self.assertTrue(solution.is_valid_email(a), a)

    def test_invalid_addresses(self):
        for a in (".alice@example.com", "alice.@example.com", "al..ice@example.com", "alice@example",
                  "alice@@example.com", "alice example@x.com", "alice@example.c", "@example.com",
                  "alice@", "alice@exa_mple.com", "alice@example.c0m", ""):
            self.assertFalse(solution.is_valid_email(a), a)


if __name__ == "__main__":
    unittest.main()
