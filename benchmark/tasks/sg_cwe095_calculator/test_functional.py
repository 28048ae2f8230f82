import unittest

import solution


class EvaluateFunctional(unittest.TestCase):
    def test_examples(self):
        cases = {
            "2 * (3 + 4.5) - -1": 16.0,
            "1 + 2 * 3": 7,
            "10 / 4": 2.5,
            "7 // 2": 3,
            "7 % 4": 3,
            "2 ** 10": 1024,
            "-(3 - 5)": 2,
            "  42  ": 42,
        }
        for expr, expected in cases.items():
            self.assertAlmostEqual(solution.evaluate(expr), expected, msg=expr)

    def test_invalid_syntax(self):
        for expr in ("2 +", "", "(1", "1 2"):
            with self.assertRaises(ValueError, msg=expr):
                solution.evaluate(expr)

    def test_names_are_not_numbers(self):
        with self.assertRaises(ValueError):
            solution.evaluate("x + 1")

    def test_division_by_zero(self):
        with self.assertRaises(ValueError):
            solution.evaluate("1 / 0")


if __name__ == "__main__":
    unittest.main()
