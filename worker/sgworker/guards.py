"""Which dangerous calls only ever see constant or validated text.

Pattern checkers (Bandit's B307 eval, B102 exec, B602/B605 shell commands, B608 SQL
text) fire on a call whatever reaches it. `guarded_call_lines(tree)` finds the calls
whose first argument is built only from literals, module constants and names that a
validating guard has vetted before the call, so their finding shows the API's presence,
not a weakness. Guards recognised (in the same function, before the call):

* an AST allow-list: ``for n in ast.walk(t): if not isinstance(n, ALLOWED): raise``
  (also ``all(isinstance(n, ALLOWED) for n in ast.walk(t))`` and ``type(n) not in``),
  where ALLOWED is a literal tuple/set of ``ast.*`` classes (or a module constant
  holding one) that admits neither calls, attribute access, imports nor lambdas;
  ``t = ast.parse(s)`` vets ``s`` as well; a module function that performs a check on
  its first parameter vets what is passed to it in ``if not f(x): raise``, and, when
  its failed check raises, in a bare ``f(x)`` statement;
* an anchored regular expression (``re.fullmatch``, or ``re.match``/``search`` with a
  pattern anchored at both ends) that must match;
* membership in a literal collection or module constant, ``str.isalnum()``-style
  methods, and character allow-lists (``all(c in ALLOWED for c in s)``,
  ``set(s) <= ALLOWED``).

A guard counts when its failure leaves the function (raise/return/abort/exit; a
`continue` leaves only one loop iteration and does not count) or
when the call lies inside the branch where the check passed. The module is pure
`ast` and knows nothing about the analyzers that use it.
"""
import ast
import re

# ast node classes whose presence in an allow-list lets evaluated text do more than
# compute a value from literals and names
_UNSAFE_AST = frozenset(("Call", "Attribute", "Import", "ImportFrom", "Lambda", "FunctionDef", "ClassDef",
                         "AsyncFunctionDef", "Await", "Yield", "YieldFrom", "Global", "Nonlocal", "AST",
                         "expr", "stmt", "mod", "NamedExpr"))
_CHAR_METHODS = frozenset(("isalnum", "isdigit", "isdecimal", "isnumeric", "isalpha", "isidentifier"))
_SAFE_WRAPPERS = frozenset(("int", "float", "bool", "len", "abs", "round", "shlex.quote", "pipes.quote", "re.escape",
                            "str", "repr", "ast.parse", "compile", "ast.literal_eval", "hash", "ord", "chr"))
_STRING_METHODS = frozenset(("format", "join", "strip", "lower", "upper", "replace", "lstrip", "rstrip", "encode",
                             "decode"))
_TERMINATING_CALLS = frozenset(("abort", "exit", "quit", "sys.exit", "os._exit", "flask.abort"))
_ANCHOR_START = re.compile(r"^(\^|\\A)")
_ANCHOR_END = re.compile(r"(\$|\\Z|\\z)$")


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class _Module:
    def __init__(self, tree):
        self.consts = {}
        self.patterns = {}
        self.validators = set()         # `if not f(x): raise` vets x
        self.raising_validators = set()  # `f(x)` as a statement vets x: f raises when x is bad
        for s in tree.body:
            if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
                self.consts[s.targets[0].id] = s.value
        for s in tree.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                params = [a.arg for a in s.args.posonlyargs + s.args.args]
                scope = _Scope(self, s)
                if params and params[0] in scope.vetted:
                    self.validators.add(s.name)
                if params and params[0] in scope.raising:
                    self.raising_validators.add(s.name)

    def const(self, node):
        if isinstance(node, ast.Name) and node.id in self.consts:
            return self.consts[node.id]
        return node

    def is_constant(self, node):
        node = self.const(node)
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return all(self.is_constant(e) for e in node.elts)
        if isinstance(node, ast.Call) and _dotted(node.func) in ("set", "frozenset", "tuple", "list") and node.args:
            return all(self.is_constant(a) for a in node.args)
        if isinstance(node, ast.Dict):
            return all(k is None or self.is_constant(k) for k in node.keys) and all(
                self.is_constant(v) for v in node.values)
        return False

    def pattern(self, node):
        node = self.const(node)
        if isinstance(node, ast.Call) and _dotted(node.func) in ("re.compile", "regex.compile") and node.args:
            node = self.const(node.args[0])
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    def safe_allow_list(self, node):
        """True for a literal collection of ast classes that admits no call or attribute access."""
        node = self.const(node)
        if isinstance(node, ast.Call) and _dotted(node.func) in ("set", "frozenset", "tuple") and len(node.args) == 1:
            node = self.const(node.args[0])
        if not isinstance(node, (ast.Tuple, ast.List, ast.Set)) or not node.elts:
            return False
        for e in node.elts:
            name = _dotted(e)
            if name is None or not name.startswith("ast."):
                return False
            if name[4:] in _UNSAFE_AST:
                return False
        return True


def _terminates(stmts):
    """The block leaves the function (a `continue` would only leave one iteration)."""
    return any(isinstance(s, ast.Return) for s in stmts) or _raises(stmts)


def _raises(stmts):
    for s in stmts:
        if isinstance(s, ast.Raise):
            return True
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and _dotted(s.value.func) in _TERMINATING_CALLS:
            return True
    return False


class _Scope:
    """One function body: which names are vetted from which line on."""

    def __init__(self, module, func):
        self.m = module
        self.func = func
        self.vetted = {}      # name -> first line from which it is vetted
        self.assigns = {}     # name -> [(line, value node)]
        self.parsed_from = {}  # t -> s for t = ast.parse(s)
        self.raising = set()  # vetted names whose failed check raises (not only returns)
        for n in ast.walk(func):
            if isinstance(n, ast.Assign):
                for t in n.targets:
                    if isinstance(t, ast.Name):
                        self.assigns.setdefault(t.id, []).append((n.lineno, n.value))
                        if isinstance(n.value, ast.Call) and _dotted(n.value.func) == "ast.parse" and n.value.args \
                                and isinstance(n.value.args[0], ast.Name):
                            self.parsed_from[t.id] = n.value.args[0].id
            elif isinstance(n, (ast.AnnAssign, ast.AugAssign)) and isinstance(n.target, ast.Name) and n.value:
                self.assigns.setdefault(n.target.id, []).append((n.lineno, n.value))
        self._collect(func.body)

    # ----------------------------------------------------------- guard finding
    def _vet(self, name, line, raising=False):
        if raising:
            self.raising.add(name)
            if name in self.parsed_from:
                self.raising.add(self.parsed_from[name])
        old = self.vetted.get(name)
        if old is None or line < old:
            self.vetted[name] = line
        if name in self.parsed_from:
            self._vet(self.parsed_from[name], line)

    def _collect(self, stmts):
        for s in stmts:
            if isinstance(s, ast.If):
                failing = self.failing_names(s.test)
                if failing and _terminates(s.body):
                    for name in failing:
                        self._vet(name, s.end_lineno or s.lineno, _raises(s.body))
                passing = self.failing_names(_negate(s.test))
                if passing:
                    for name in passing:
                        self._vet_within(name, s.body)
                self._collect(s.body)
                self._collect(s.orelse)
            elif isinstance(s, (ast.For, ast.AsyncFor)):
                walked = _walked_name(s.iter)
                leaves = self._loop_checks_nodes(s.body, s.target.id) if isinstance(s.target, ast.Name) else None
                if walked and leaves:
                    self._vet(walked, s.end_lineno or s.lineno, leaves == "raise")
                self._collect(s.body)
                self._collect(s.orelse)
            elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
                fn = _dotted(s.value.func)
                if fn in self.m.raising_validators and s.value.args and isinstance(s.value.args[0], ast.Name):
                    self._vet(s.value.args[0].id, s.lineno, True)
            elif isinstance(s, (ast.With, ast.AsyncWith, ast.Try)):
                self._collect(s.body)
                for h in getattr(s, "handlers", []):
                    self._collect(h.body)
                self._collect(getattr(s, "orelse", []))
                self._collect(getattr(s, "finalbody", []))
            elif isinstance(s, (ast.While,)):
                self._collect(s.body)

    def _vet_within(self, name, body):
        if body:
            # vetted only inside the branch: remember as a span by vetting its first line
            # and recording where it ends
            self.spans = getattr(self, "spans", [])
            self.spans.append((name, body[0].lineno, body[-1].end_lineno or body[-1].lineno))

    def _loop_checks_nodes(self, body, var):
        """'raise' or 'return' when the loop leaves the function on a node outside the allow-list."""
        for s in body:
            if isinstance(s, ast.If) and _terminates(s.body) and self._rejects_node_type(s.test, var):
                return "raise" if _raises(s.body) else "return"
        return None

    def _rejects_node_type(self, test, var):
        """`not isinstance(var, ALLOWED)` or `type(var) not in ALLOWED`."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            c = test.operand
            return (isinstance(c, ast.Call) and _dotted(c.func) == "isinstance" and len(c.args) == 2
                    and isinstance(c.args[0], ast.Name) and c.args[0].id == var and self.m.safe_allow_list(c.args[1]))
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.NotIn):
            left = test.left
            return (isinstance(left, ast.Call) and _dotted(left.func) == "type" and left.args
                    and isinstance(left.args[0], ast.Name) and left.args[0].id == var
                    and self.m.safe_allow_list(test.comparators[0]))
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
            return all(self._rejects_node_type(v, var) for v in test.values)
        return False

    def failing_names(self, test):
        """Names a test proves invalid when it is true (so its body must leave)."""
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
            out = set()
            for v in test.values:
                out |= self.failing_names(v)
            return out
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self._valid_names(test.operand)
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op, right = test.ops[0], test.comparators[0]
            if isinstance(op, ast.NotIn) and isinstance(test.left, ast.Name) and self.is_constant(right):
                return {test.left.id}
            if isinstance(op, (ast.Is, ast.Eq)) and isinstance(right, ast.Constant) and right.value in (None, False):
                return self._valid_names(test.left)
        if isinstance(test, ast.Call) and _dotted(test.func) == "any" and test.args:
            g = test.args[0]
            if isinstance(g, ast.GeneratorExp) and len(g.generators) == 1:
                gen = g.generators[0]
                walked = _walked_name(gen.iter)
                if walked and isinstance(gen.target, ast.Name) and self._rejects_node_type(g.elt, gen.target.id):
                    return {walked}
                if isinstance(gen.iter, ast.Name) and isinstance(gen.target, ast.Name) and isinstance(g.elt, ast.Compare) \
                        and len(g.elt.ops) == 1 and isinstance(g.elt.ops[0], ast.NotIn) \
                        and isinstance(g.elt.left, ast.Name) and g.elt.left.id == gen.target.id \
                        and self.is_constant(g.elt.comparators[0]):
                    return {gen.iter.id}
        if isinstance(test, ast.BinOp) and isinstance(test.op, ast.Sub) and isinstance(test.left, ast.Call) \
                and _dotted(test.left.func) == "set" and test.left.args and isinstance(test.left.args[0], ast.Name) \
                and self.is_constant(test.right):
            return {test.left.args[0].id}
        return set()

    def _valid_names(self, call):
        """Names a true `call` proves valid."""
        if isinstance(call, ast.BoolOp) and isinstance(call.op, ast.And):
            out = set()
            for v in call.values:
                out |= self._valid_names(v)
            return out
        if isinstance(call, ast.Compare) and len(call.ops) == 1:
            op, right = call.ops[0], call.comparators[0]
            if isinstance(op, ast.In) and isinstance(call.left, ast.Name) and self.is_constant(right):
                return {call.left.id}
            if isinstance(op, ast.LtE) and isinstance(call.left, ast.Call) and _dotted(call.left.func) == "set" \
                    and call.left.args and isinstance(call.left.args[0], ast.Name) and self.is_constant(right):
                return {call.left.args[0].id}
            return set()
        if not isinstance(call, ast.Call):
            return set()
        if isinstance(call.func, ast.Attribute) and call.func.attr == "issubset" and call.args \
                and self.is_constant(call.args[0]):
            inner = call.func.value
            if isinstance(inner, ast.Call) and _dotted(inner.func) in ("set", "frozenset") and inner.args \
                    and isinstance(inner.args[0], ast.Name):
                return {inner.args[0].id}
        fn = _dotted(call.func) or ""
        head, _, last = fn.rpartition(".")
        if last in _CHAR_METHODS and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
            return {call.func.value.id}
        if fn in ("re.fullmatch", "regex.fullmatch") and len(call.args) >= 2 and isinstance(call.args[1], ast.Name) \
                and self.m.pattern(call.args[0]) is not None:
            return {call.args[1].id}
        if fn in ("re.match", "re.search") and len(call.args) >= 2 and isinstance(call.args[1], ast.Name):
            p = self.m.pattern(call.args[0])
            if p is not None and _ANCHOR_END.search(p) and (fn == "re.match" or _ANCHOR_START.search(p)):
                return {call.args[1].id}
        if last in ("fullmatch", "match") and head and call.args and isinstance(call.args[0], ast.Name):
            p = self.m.pattern(ast.Name(id=head)) if "." not in head else None
            if p is not None and (last == "fullmatch" or _ANCHOR_END.search(p)):
                return {call.args[0].id}
        if fn == "all" and call.args and isinstance(call.args[0], ast.GeneratorExp):
            g = call.args[0]
            if len(g.generators) == 1 and isinstance(g.generators[0].target, ast.Name):
                gen = g.generators[0]
                var = gen.target.id
                walked = _walked_name(gen.iter)
                if walked and isinstance(g.elt, ast.Call) and _dotted(g.elt.func) == "isinstance" \
                        and len(g.elt.args) == 2 and isinstance(g.elt.args[0], ast.Name) and g.elt.args[0].id == var \
                        and self.m.safe_allow_list(g.elt.args[1]):
                    return {walked}
                if isinstance(gen.iter, ast.Name) and isinstance(g.elt, ast.Compare) and len(g.elt.ops) == 1 \
                        and isinstance(g.elt.ops[0], ast.In) and isinstance(g.elt.left, ast.Name) \
                        and g.elt.left.id == var and self.is_constant(g.elt.comparators[0]):
                    return {gen.iter.id}
        if fn in self.m.validators and call.args and isinstance(call.args[0], ast.Name):
            return {call.args[0].id}
        return set()

    def is_constant(self, node):
        """A literal, or a name bound once in this function or the module to a literal collection."""
        if isinstance(node, ast.Name):
            own = self.assigns.get(node.id, ())
            if len(own) == 1:
                return self.m.is_constant(own[0][1])
            if own:
                return False
        return self.m.is_constant(node)

    # --------------------------------------------------------- value judgement
    def is_vetted(self, name, line):
        since = self.vetted.get(name)
        if since is not None and since < line and not self._reassigned(name, since, line):
            return True
        for n, start, end in getattr(self, "spans", []):
            if n == name and start <= line <= end and not self._reassigned(name, start, line):
                return True
        return False

    def _reassigned(self, name, after, before):
        return any(after < l < before for l, _ in self.assigns.get(name, ()))

    def safe(self, node, line, depth=0):
        """True when `node` at `line` is built only from constants and vetted names."""
        if depth > 12:
            return False
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            if self.is_vetted(node.id, line):
                return True
            own = [(l, v) for l, v in self.assigns.get(node.id, ()) if l < line]
            if own:
                l, v = max(own, key=lambda x: x[0])
                return self.safe(v, l, depth + 1)
            params = {a.arg for a in self.func.args.posonlyargs + self.func.args.args + self.func.args.kwonlyargs}
            return node.id not in params and self.is_constant(node)
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(v, line, depth + 1) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.safe(node.value, line, depth + 1)
        if isinstance(node, ast.BinOp):
            return self.safe(node.left, line, depth + 1) and self.safe(node.right, line, depth + 1)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return all(self.safe(e, line, depth + 1) for e in node.elts)
        if isinstance(node, ast.Call):
            fn = _dotted(node.func) or ""
            if fn in _SAFE_WRAPPERS:
                return all(self.safe(a, line, depth + 1) for a in node.args[:1])
            if isinstance(node.func, ast.Attribute) and node.func.attr in _STRING_METHODS:
                return self.safe(node.func.value, line, depth + 1) and all(
                    self.safe(a, line, depth + 1) for a in node.args) and all(
                    self.safe(k.value, line, depth + 1) for k in node.keywords)
            return False
        return False


def _negate(test):
    return ast.UnaryOp(op=ast.Not(), operand=test)


def _walked_name(node):
    if isinstance(node, ast.Call) and _dotted(node.func) == "ast.walk" and node.args \
            and isinstance(node.args[0], ast.Name):
        return node.args[0].id
    return None


_SHELL_CALLS = frozenset(("os.system", "os.popen", "subprocess.call", "subprocess.run", "subprocess.Popen",
                          "subprocess.check_call", "subprocess.check_output", "subprocess.getoutput",
                          "subprocess.getstatusoutput"))
_CODE_CALLS = frozenset(("eval", "exec", "compile"))
_SQL_METHODS = frozenset(("execute", "executemany", "executescript"))


def _builds_text(node):
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return isinstance(node.left, (ast.Constant, ast.BinOp, ast.JoinedStr))
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
        and isinstance(node.func.value, ast.Constant)


def guarded_call_lines(tree):
    """Lines of eval/exec/shell/SQL calls whose first argument is constant or vetted text, and of
    strings (such as SQL statements) built only from literals and vetted values."""
    module = _Module(tree)
    lines = set()
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        scope = None
        for n in ast.walk(func):
            if _builds_text(n):
                if scope is None:
                    scope = _Scope(module, func)
                if scope.safe(n, n.lineno):
                    lines.add(n.lineno)
                continue
            if not isinstance(n, ast.Call) or not n.args:
                continue
            fn = _dotted(n.func) or ""
            interesting = fn in _CODE_CALLS or fn in _SHELL_CALLS or fn.rpartition(".")[2] in _SQL_METHODS
            if not interesting:
                continue
            if scope is None:
                scope = _Scope(module, func)
            if scope.safe(n.args[0], n.lineno):
                lines.add(n.lineno)
    return lines
