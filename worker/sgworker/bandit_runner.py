"""Bandit 1.6.2 (Debian) driven in-process: one import and one test set, many files.

Debian's bandit 1.6.2 visits `ast.Str`/`ast.Bytes`, which Python 3.8+ no longer
produces, so its string checks (B105 passwords, B108 /tmp, B608 SQL) never run.
`_install_constant_fix` forwards string and bytes constants to those visitors.
"""
import ast
import io
import logging
import tokenize

from sgworker import guards
from sgworker.cwe_map import BANDIT_CWE

_state = {}

# What upstream Bandit removed (docs/bandit-checks.md has the whole table): B322 `input` (Python 2
# evaluated its input; Python 3's input() returns a string), B309 HTTPSConnection (certificates are
# verified by default since Python 3.4.3), B325 os.tempnam/tmpnam (gone in Python 3).
DROPPED = frozenset(("B322", "B309", "B325"))

# Bandit's severity, adjusted where the finding shows an API's presence, not a weakness:
# imports (the calls that use telnet/FTP/XML-RPC are still reported by their own checks); B413
# ("import Crypto") fires equally on pycryptodome, the maintained library under the same name;
# the standard library XML parsers (B313-B319) resolve no external entities since Python 3.7.1
# and the bundled expat limits entity expansion since 2.4.1, and lxml parsing (B320) is judged by
# the taint analyzer, which sees whether untrusted data reaches an entity-resolving parser.
SEVERITY_OVERRIDES = {
    "B401": "low", "B402": "low", "B411": "low", "B412": "low", "B413": "low",
    "B313": "low", "B314": "low", "B315": "low", "B316": "low", "B317": "low", "B318": "low",
    "B319": "low", "B320": "low",
}

# Pattern checks on eval/exec, shell commands and SQL text: where every piece of the argument is a
# literal or a value a guard has vetted (sgworker.guards), the finding is reported at low severity.
GUARDABLE = frozenset(("B102", "B307", "B602", "B604", "B605", "B608"))

# Calls upstream Bandit's B301 gained after 1.6.2: modules that wrap pickle.
B301_ADDED = frozenset(("dill.loads", "dill.load", "dill.Unpickler", "shelve.open", "shelve.DbfilenameShelf",
                        "jsonpickle.decode", "jsonpickle.unpickler.decode", "jsonpickle.unpickler.Unpickler",
                        "pandas.read_pickle"))
_B301_HINTS = ("dill", "shelve", "jsonpickle", "read_pickle")

# Weak-hash checks that upstream (1.7.x, B324) skips when the call says usedforsecurity=False.
_HASH_CHECKS = frozenset(("B303", "B324"))


def _install_constant_fix():
    from bandit.core import node_visitor

    visitor = node_visitor.BanditNodeVisitor
    if getattr(visitor, "_securegen_constant_fix", False):
        return

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            node.s = node.value
            self.visit_Str(node)
        elif isinstance(node.value, bytes):
            node.s = node.value
            self.visit_Bytes(node)

    visitor.visit_Constant = visit_Constant
    visitor._securegen_constant_fix = True


def warm_up():
    if _state:
        return
    logging.getLogger("bandit").setLevel(logging.CRITICAL)
    from bandit.core import config, meta_ast, test_set

    _install_constant_fix()
    conf = config.BanditConfig()
    _state["meta_ast"] = meta_ast.BanditMetaAst
    _state["test_set"] = test_set.BanditTestSet(conf, None)


def _nosec_lines(code):
    try:
        tokens = tokenize.tokenize(io.BytesIO(code.encode("utf-8")).readline)
        return set(t.start[0] for t in tokens if t.type == tokenize.COMMENT and ("#nosec" in t.string or "# nosec" in t.string))
    except (tokenize.TokenError, SyntaxError):
        return set()


def analyze(code, filename="candidate.py"):
    from bandit.core import metrics, node_visitor

    warm_up()
    visitor = node_visitor.BanditNodeVisitor(
        filename, _state["meta_ast"](), _state["test_set"], False, _nosec_lines(code), metrics.Metrics())
    visitor.process(code)
    findings = []
    context = _Context(code)
    for issue in visitor.tester.results:
        if issue.test_id in DROPPED:
            continue
        if issue.test_id in _HASH_CHECKS and issue.lineno in context.not_for_security():
            continue
        severity = SEVERITY_OVERRIDES.get(issue.test_id, issue.severity.lower())
        if issue.test_id in GUARDABLE and issue.lineno in context.guarded():
            severity = "low"
        lines = list(issue.linerange or [issue.lineno])
        findings.append({
            "tool": "bandit",
            "rule_id": issue.test_id,
            "rule_name": issue.test,
            "cwe": BANDIT_CWE.get(issue.test_id),
            "severity": severity,
            "confidence": issue.confidence.lower(),
            "line": issue.lineno,
            "end_line": max(lines) if lines else issue.lineno,
            "message": issue.text,
        })
    if any(h in code for h in _B301_HINTS):
        findings.extend(_pickle_wrappers(context.tree()))
    findings.sort(key=lambda f: (f["line"], f["rule_id"]))
    return findings


def _pickle_wrappers(tree):
    """B301 as upstream Bandit reports it for dill, shelve, jsonpickle and pandas.read_pickle."""
    from sgworker.taint.names import Imports, dotted

    imports = Imports(n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)))
    out = []
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call):
            continue
        name = imports.resolve(dotted(n.func) or "")
        if name in B301_ADDED:
            out.append({
                "tool": "bandit",
                "rule_id": "B301",
                "rule_name": "pickle",
                "cwe": BANDIT_CWE["B301"],
                "severity": "medium",
                "confidence": "high",
                "line": n.lineno,
                "end_line": getattr(n, "end_lineno", None) or n.lineno,
                "message": "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data, "
                           "possible security issue (%s)." % name,
            })
    return out


class _Context:
    """The syntax tree facts the adjustments need, computed only when a finding asks."""

    def __init__(self, code):
        self._code = code
        self._tree = None
        self._guarded = None
        self._not_for_security = None

    def tree(self):
        if self._tree is None:
            self._tree = ast.parse(self._code)
        return self._tree

    def guarded(self):
        if self._guarded is None:
            self._guarded = guards.guarded_call_lines(self.tree())
        return self._guarded

    def not_for_security(self):
        """Lines of calls passing usedforsecurity=False (a checksum or cache key, not a defence)."""
        if self._not_for_security is None:
            self._not_for_security = {
                n.lineno for n in ast.walk(self.tree()) if isinstance(n, ast.Call) and any(
                    k.arg == "usedforsecurity" and isinstance(k.value, ast.Constant) and k.value.value is False
                    for k in n.keywords)}
        return self._not_for_security
