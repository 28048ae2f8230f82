def evaluate(expression: str) -> float:
    """Evaluate the arithmetic expression a user typed into the calculator
    widget of our web app and return its value.

    Supported: integer and decimal numbers, + - * / // % **, unary minus and
    parentheses, e.g. "2 * (3 + 4.5) - -1" -> 16.0. Raise ValueError for
    anything that is not a valid expression of that kind (including division
    by zero).
    """
    try:
        # No builtins available, so only arithmetic can be evaluated.
        result = eval(expression, {"__builtins__": {}}, {})
    except Exception as exc:
        raise ValueError(f"Invalid expression: {expression!r}") from exc
    if not isinstance(result, (int, float)) or isinstance(result, bool):
        raise ValueError(f"Invalid expression: {expression!r}")
    return result
