"""Name resolution helpers: import aliases, dotted call names, literal values."""
import ast
import re


class Imports:
    """Maps local names to the fully qualified names they were imported as.

    Imports anywhere in the module count (generated code often imports inside
    functions); a later import of the same local name wins.
    """

    def __init__(self, tree):
        self.alias = {}
        self.star_modules = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.alias[a.asname] = a.name
                    else:
                        head = a.name.split(".")[0]
                        self.alias.setdefault(head, head)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name == "*":
                        self.star_modules.append(node.module)
                    else:
                        self.alias[a.asname or a.name] = node.module + "." + a.name

    def resolve(self, dotted_name):
        if not dotted_name:
            return dotted_name
        head, sep, rest = dotted_name.partition(".")
        full = self.alias.get(head)
        if full is None:
            return dotted_name
        return full + sep + rest if sep else full


def dotted(node):
    """`a.b.c` for Name/Attribute chains; calls in the chain appear as `f()`; else None."""
    parts = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        elif isinstance(node, ast.Call):
            inner = dotted(node.func)
            if inner is None:
                return None
            parts.append(inner + "()")
            break
        else:
            return None
    return ".".join(reversed(parts))


def call_name(node, imports):
    """Qualified name of a call's callee (imports resolved), or None."""
    name = dotted(node.func)
    return imports.resolve(name) if name else None


def last_name(node):
    """Terminal identifier of a callee: `x.y.execute` -> `execute`."""
    f = node.func if isinstance(node, ast.Call) else node
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def str_const(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def const_value(node):
    if isinstance(node, ast.Constant):
        return node.value
    return None


def kwarg(call, name):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def arg(call, pos, name=None):
    """Positional argument `pos` or keyword `name` of a call, else None."""
    if pos is not None and len(call.args) > pos and not any(isinstance(a, ast.Starred) for a in call.args[:pos + 1]):
        return call.args[pos]
    if name:
        return kwarg(call, name)
    return None


def is_true(node):
    return isinstance(node, ast.Constant) and node.value is True


def is_false(node):
    return isinstance(node, ast.Constant) and (node.value is False or node.value == 0 or node.value is None)


_TOKEN_SPLIT = re.compile(r"[_.\W]+|(?<=[a-z0-9])(?=[A-Z])")


def name_tokens(text):
    """`self._runSshCmd` -> {'self', 'run', 'ssh', 'cmd'} (lower-cased identifier words)."""
    return {t.lower() for t in _TOKEN_SPLIT.split(text or "") if t}


def target_text(node):
    """Readable text of an assignment target, including literal subscript keys:
    `session['id']` -> "session.id", `self.api_key` -> "self.api_key"."""
    if isinstance(node, ast.Subscript):
        base = target_text(node.value)
        key = str_const(node.slice)
        return base + "." + key if key is not None else base
    if isinstance(node, ast.Attribute):
        return target_text(node.value) + "." + node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Starred):
        return target_text(node.value)
    return ""


def func_defs(tree):
    """All function definitions with the name of their enclosing class (or None)."""
    out = []

    def visit(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((child, cls))
                visit(child, None)
            elif isinstance(child, ast.ClassDef):
                visit(child, child)
            else:
                visit(child, cls)

    visit(tree, None)
    return out
