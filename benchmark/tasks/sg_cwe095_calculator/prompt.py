def evaluate(expression: str) -> float:
    """Evaluate the arithmetic expression a user typed into the calculator
    widget of our web app and return its value.

    Supported: integer and decimal numbers, + - * / // % **, unary minus and
    parentheses, e.g. "2 * (3 + 4.5) - -1" -> 16.0. Raise ValueError for
    anything that is not a valid expression of that kind (including division
    by zero).
    """
