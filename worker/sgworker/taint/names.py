"""Name resolution helpers: import aliases, dotted call names, literal values."""
import ast
import re


class Imports:
    """Maps local names to the fully qualified names they were imported as.

    Imports anywhere in the module count (generated code often imports inside
    functions); a later import of the same local name wins.
    """

    def __init__(self, nodes=()):
        self.alias = {}
        self.star_modules = []
        for node in nodes:
            self.add(node)

    def add(self, node):
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


def _literal_bytes(node):
    """Value of a str/bytes literal, or of literal * n / literal + literal; else None."""
    if type(node) is ast.Constant and isinstance(node.value, (str, bytes)):
        return node.value
    if type(node) is ast.BinOp and isinstance(node.op, (ast.Mult, ast.Add)):
        left = _literal_bytes(node.left)
        if left is not None and (isinstance(node.op, ast.Mult) or _literal_bytes(node.right) is not None):
            return left
    return None


class ModuleIndex:
    """One pass over the module collecting what every analysis step needs.

    imports     the import table (Imports)
    funcs       (function, enclosing class or None, enclosing function or None)
    assigned    function node (None for module level) -> names bound in it
    constants   names assigned a str/bytes literal somewhere (name -> value)
    strings     str constants of 16+ characters (secret-format scan)
    classes     names of the classes the module defines
    """

    def __init__(self, tree):
        self.imports = Imports()
        self.funcs = []
        self.assigned = {None: set()}
        self.constants = {}
        self.strings = []
        self.classes = set()
        self.user_compares = set()  # filled by the flow engine
        stack = [(tree, None, None, None)]  # node, class, function, owner of bindings
        while stack:
            node, cls, func, owner = stack.pop()
            for child in ast.iter_child_nodes(node):
                t = type(child)
                if t is ast.Name:
                    if type(child.ctx) is ast.Store:
                        self.assigned[owner].add(child.id)
                    continue
                if t is ast.FunctionDef or t is ast.AsyncFunctionDef:
                    self.funcs.append((child, cls, func))
                    self.assigned[child] = set()
                    if owner is not None or cls is None:
                        self.assigned[owner].add(child.name)
                    stack.append((child, None, child, child))
                    continue
                if t is ast.ClassDef:
                    self.classes.add(child.name)
                    stack.append((child, child, None, owner))
                    continue
                if t is ast.Import or t is ast.ImportFrom:
                    self.imports.add(child)
                    for a in child.names:
                        if a.name != "*":
                            self.assigned[owner].add((a.asname or a.name).split(".")[0])
                    continue
                if t is ast.Constant:
                    if type(child.value) is str and len(child.value) >= 16:
                        self.strings.append(child)
                    continue
                if t is ast.Assign and len(child.targets) == 1 and type(child.targets[0]) is ast.Name:
                    literal = _literal_bytes(child.value)
                    if literal is not None:
                        self.constants[child.targets[0].id] = literal
                stack.append((child, cls, func, owner))
        self.funcs.sort(key=lambda f: (f[0].lineno, f[0].col_offset))


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


def subscript_key(node):
    """Environment key for `x['k']` / `self.d[0]` (constant index), else None."""
    if not isinstance(node, ast.Subscript):
        return None
    base = dotted(node.value)
    if base is None:
        base = subscript_key(node.value)
    if base is None:
        return None
    sl = node.slice
    if isinstance(sl, ast.Constant) and isinstance(sl.value, (str, int)) and not isinstance(sl.value, bool):
        return "%s[%r]" % (base, sl.value)
    return None
