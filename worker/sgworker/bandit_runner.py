"""Bandit 1.6.2 (Debian) driven in-process: one import and one test set, many files.

Debian's bandit 1.6.2 visits `ast.Str`/`ast.Bytes`, which Python 3.8+ no longer
produces, so its string checks (B105 passwords, B108 /tmp, B608 SQL) never run.
`_install_constant_fix` forwards string and bytes constants to those visitors.
"""
import ast
import io
import logging
import tokenize

from sgworker.cwe_map import BANDIT_CWE

_state = {}

# Bandit's severity, adjusted where the finding is no evidence of a weakness in the code itself.
# B413 ("import Crypto": pycrypto is unmaintained) fires equally on pycryptodome, which installs the
# same module name and is the maintained, recommended library: reported, but not decisive.
SEVERITY_OVERRIDES = {"B413": "low"}


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
    for issue in visitor.tester.results:
        lines = list(issue.linerange or [issue.lineno])
        findings.append({
            "tool": "bandit",
            "rule_id": issue.test_id,
            "rule_name": issue.test,
            "cwe": BANDIT_CWE.get(issue.test_id),
            "severity": SEVERITY_OVERRIDES.get(issue.test_id, issue.severity.lower()),
            "confidence": issue.confidence.lower(),
            "line": issue.lineno,
            "end_line": max(lines) if lines else issue.lineno,
            "message": issue.text,
        })
    findings.sort(key=lambda f: (f["line"], f["rule_id"]))
    return findings
