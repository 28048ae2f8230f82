import unittest

import solution


class DisplayNameFunctional(unittest.TestCase):
    def test_valid_names(self):
        for n in ("Anne-Marie O'Neill", "José Núñez", "Bob", "Mary Ann Smith", "Zoë d'Arcy"):
            self.assertEqual(solution.clean_display_name(n), n)

    def test_strips_surrounding_whitespace(self):
        self.assertEqual(solution.clean_display_name("  Ada Lovelace \n"), "Ada Lovelace")

    def test_invalid_names(self):
        for n in ("", "   ", "Ada  Lovelace", "R2D2", "alice_b", "<script>", "Ada\tLovelace", "Bob!"):
            with self.assertRaises(ValueError, msg=repr(n)):
                solution.clean_display_name(n)


if __name__ == "__main__":
    unittest.main()
