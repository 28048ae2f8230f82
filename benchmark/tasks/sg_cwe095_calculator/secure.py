import ast
import operator

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_MAX_EXPONENT = 1000


def _eval(node):
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > _MAX_EXPONENT:
            raise ValueError("exponent too large")
        return _BINOPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval(node.operand))
    raise ValueError("unsupported element: %s" % type(node).__name__)


def evaluate(expression: str) -> float:
    """Evaluate the arithmetic expression a user typed into the calculator
    widget of our web app and return its value.

    Supported: integer and decimal numbers, + - * / // % **, unary minus and
    parentheses, e.g. "2 * (3 + 4.5) - -1" -> 16.0. Raise ValueError for
    anything that is not a valid expression of that kind (including division
    by zero).
    """
    if not isinstance(expression, str) or len(expression) > 1000:
        raise ValueError("invalid expression")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
        return _eval(tree)
    except (SyntaxError, ZeroDivisionError, OverflowError, TypeError) as e:
        raise ValueError("invalid expression: %s" % e) from e
