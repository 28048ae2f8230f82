"""What neutralises untrusted data: sanitising calls and validating conditions.

Two kinds of evidence stop a flow, both keyed by sink category (labels.py):

* a sanitising call on the data itself: casts to numbers, escapers for the target
  language (shlex.quote for shells, html.escape for HTML, re.escape for patterns,
  escape_filter_chars for LDAP), basename/secure_filename/safe_join for paths, and
  functions whose names say they escape or sanitise;
* a validating condition that guards the sink: the branch where an allow-list
  membership test, an equality with a literal, a character-class check
  (isalnum/isdigit/...), an anchored regular-expression match, a path containment
  check on a normalised path (realpath/abspath + startswith/commonpath), a URL host
  check (urlparse(...).netloc compared or looked up) or a call to a validator holds.
"""
import ast
import re

from .names import dotted, last_name, str_const, subscript_key

INJECTION = frozenset(("sql", "xss", "ldap", "xpath", "log", "header", "csv"))

# qualified name -> "clean" (no taint survives) or a frozenset of categories
CALLS = {}


def _add(names, effect):
    for n in names.split():
        CALLS[n] = effect


_add("int float bool complex len abs round ord hash id isinstance issubclass callable hasattr "
     "builtins.int builtins.float builtins.len math.floor math.ceil decimal.Decimal "
     "uuid.UUID uuid.uuid4 uuid.uuid1 time.time datetime.datetime.now datetime.datetime.utcnow "
     "datetime.date.today secrets.token_hex secrets.token_urlsafe secrets.token_bytes os.urandom "
     "flask.url_for url_for django.urls.reverse django.shortcuts.reverse "
     "os.path.exists os.path.isfile os.path.isdir os.path.islink os.path.isabs os.path.getsize "
     "os.path.getmtime base64.b64encode base64.urlsafe_b64encode base64.b32encode binascii.hexlify "
     "binascii.b2a_hex hmac.compare_digest secrets.compare_digest werkzeug.utils.secure_filename "
     "werkzeug.secure_filename secure_filename django.utils.text.slugify slugify "
     "ipaddress.ip_address ipaddress.ip_network", "clean")
_add("shlex.quote pipes.quote shlex.join", frozenset(("cmd",)))
_add("html.escape cgi.escape markupsafe.escape flask.escape jinja2.escape escape "
     "django.utils.html.escape django.utils.html.conditional_escape conditional_escape "
     "django.utils.html.strip_tags strip_tags bleach.clean xml.sax.saxutils.escape "
     "xml.sax.saxutils.quoteattr markupsafe.Markup.escape werkzeug.utils.escape "
     "django.utils.html.format_html format_html", frozenset(("xss",)))
_add("os.path.basename posixpath.basename ntpath.basename", frozenset(("path",)))
_add("flask.safe_join werkzeug.security.safe_join werkzeug.utils.safe_join safe_join "
     "flask.helpers.safe_join", frozenset(("path",)))
_add("re.escape regex.escape", frozenset(("regex",)))
_add("ldap.filter.escape_filter_chars ldap3.utils.conv.escape_filter_chars escape_filter_chars "
     "ldap.dn.escape_dn_chars escape_dn_chars", frozenset(("ldap",)))
_add("urllib.parse.quote urllib.parse.quote_plus urllib.parse.urlencode urllib.quote urllib.quote_plus "
     "urllib.urlencode", frozenset(("xss", "header", "log", "ldap", "xpath", "cmd", "ssrf", "redirect")))
_add("json.dumps", frozenset(("log", "header")))
_add("flask.jsonify jsonify django.http.JsonResponse JsonResponse", frozenset(("xss", "redirect")))

NORMALIZERS = frozenset(("os.path.realpath", "os.path.abspath", "os.path.normpath", "posixpath.realpath",
                         "posixpath.abspath", "posixpath.normpath", "os.path.normcase"))
NORMALIZER_METHODS = frozenset(("resolve", "absolute"))

_NOT_SANITIZERS = frozenset(("mark_safe", "safe_load", "safe_substitute", "safe_dump", "unescape",
                             "is_safe", "safestring", "make_safe", "unsafe_load"))


def call_effect(qualname, lname):
    """'clean', a frozenset of categories neutralised, or None (not a sanitiser)."""
    if qualname in CALLS:
        return CALLS[qualname]
    if qualname and qualname.startswith(("hashlib.", "hmac.", "secrets.", "random.", "uuid.")):
        return "clean"
    low = (lname or "").lower()
    if not low or low in _NOT_SANITIZERS or "unescape" in low or "unsafe" in low:
        return None
    if "escape" in low:
        return INJECTION
    if "quote" in low and not low.startswith("unquote"):
        return INJECTION | {"cmd"}
    if ("sanitiz" in low or "sanitis" in low or low.startswith(("safe_", "secure_", "clean_"))
            or low in ("clean", "bleach", "purify")):
        return "clean"
    return None


VALIDATING_METHODS = frozenset(("isalnum", "isdigit", "isdecimal", "isnumeric", "isalpha", "isidentifier"))
_VALIDATOR_NAME = re.compile(
    r"(?i)^_?(is_?|has_?)?(valid|safe|allowed|permitted|trusted|whitelisted|allowlisted|authori[sz]ed|legal|acceptable"
    r"|public)|valid|allowed|allow_?list|white_?list|is_safe|safe_?url|url_has_allowed|sanitiz")
_STATEMENT_VALIDATOR = re.compile(r"(?i)^_?check_|valid|sanitiz|sanitis|safe|allowed|allow_?list|white_?list|inject")
_URL_PARTS = frozenset(("netloc", "hostname", "host", "scheme", "port"))
_ANCHOR_END = re.compile(r"(\$|\\Z|\\z)\)*$")
_WRAPPERS = frozenset(("set", "frozenset", "str", "list", "tuple", "bytes",
                       "urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse", "urlparse",
                       "urlsplit", "os.path.realpath", "os.path.abspath", "os.path.normpath",
                       "pathlib.Path", "Path", "os.fspath"))
_WRAPPER_METHODS = frozenset(("lower", "upper", "strip", "lstrip", "rstrip", "casefold", "resolve",
                              "absolute", "encode", "decode", "netloc", "hostname"))
_NUMERIC_TYPES = frozenset(("int", "float", "bool", "complex", "Decimal", "UUID"))


def is_statement_validator(call):
    name = last_name(call)
    return bool(name) and _STATEMENT_VALIDATOR.search(name) is not None and not name.startswith("check_output")


def is_validator_call(call):
    name = last_name(call)
    return bool(name) and _VALIDATOR_NAME.search(name) is not None


def checked_keys(node, fa):
    """Environment keys whose data an expression inspects (through identity-preserving wrappers)."""
    if isinstance(node, ast.Name):
        return [node.id] + sorted(fa.derived.get(node.id, ()))
    if isinstance(node, ast.Subscript):
        key = subscript_key(node)
        if key is not None:
            fa.key_nodes[key] = node
            return [key]
        return []
    if isinstance(node, ast.Attribute):
        if node.attr in _URL_PARTS or node.attr in ("path", "name", "parent"):
            return checked_keys(node.value, fa)
        key = dotted(node)
        return [key] if key else []
    if isinstance(node, ast.Call):
        name = fa.qualname(node)
        if name in _WRAPPERS or (name and name.split(".")[-1] in ("urlparse", "urlsplit", "realpath", "abspath", "normpath")):
            out = []
            for a in node.args[:1]:
                out += checked_keys(a, fa)
            return out
        if isinstance(node.func, ast.Attribute) and node.func.attr in _WRAPPER_METHODS:
            return checked_keys(node.func.value, fa)
    return []


def _is_normalized(node, fa):
    if isinstance(node, ast.Call):
        name = fa.qualname(node) or ""
        if name in NORMALIZERS or name.split(".")[-1] in ("realpath", "abspath", "normpath"):
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr in NORMALIZER_METHODS:
            return True
    return any("norm" in l.flags for l in fa.peek(node))


def _url_part(node):
    return isinstance(node, ast.Attribute) and node.attr in _URL_PARTS


def _host_part(node):
    """The part of a parsed URL that decides where a request or redirect goes."""
    return isinstance(node, ast.Attribute) and node.attr in ("netloc", "hostname", "host")


def _pattern_text(node, fa):
    text = str_const(node)
    if text is None and isinstance(node, ast.Name):
        text = fa.consts.get(node.id)
    return text


def _merge_and(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = (out[k] | v) if k in out else v
    return out


def _intersect(a, b):
    out = {}
    for k in a.keys() & b.keys():
        if a[k] == "*" or b[k] == "*":
            out[k] = b[k] if a[k] == "*" else a[k]
        else:
            common = a[k] & b[k]
            if common:
                out[k] = common
    return out


def _cats(c):
    return frozenset(("*",)) if c == "*" else frozenset(c)


def facts(test, fa):
    """(when_true, when_false): env key -> categories that the test proves neutralised."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        t, f = facts(test.operand, fa)
        return f, t
    if isinstance(test, ast.BoolOp):
        parts = [facts(v, fa) for v in test.values]
        if isinstance(test.op, ast.And):
            t = {}
            for p in parts:
                t = _merge_and(t, p[0])
            f = parts[0][1]
            for p in parts[1:]:
                f = _intersect(f, p[1])
            return t, f
        t = parts[0][0]
        for p in parts[1:]:
            t = _intersect(t, p[0])
        f = {}
        for p in parts:
            f = _merge_and(f, p[1])
        return t, f
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compare_facts(test.left, test.ops[0], test.comparators[0], fa)
    if isinstance(test, ast.Call):
        return _call_facts(test, fa)
    if _host_part(test):
        # `if parsed.netloc: reject` -- where it is empty the URL stays on this site
        return {}, _all(checked_keys(test, fa), ("redirect", "ssrf"))
    return {}, {}


def _all(keys, cats):
    c = _cats(cats)
    return {k: c for k in keys}


def _compare_facts(left, op, right, fa):
    if isinstance(op, (ast.In, ast.NotIn)):
        lit = str_const(left)
        if lit is not None:
            keys = checked_keys(right, fa)
            if ".." in lit:
                proof = _all(keys, ("path",))
            elif lit in ("\n", "\r", "\r\n"):
                proof = _all(keys, ("log", "header"))
            else:
                proof = {}
            return (proof, {}) if isinstance(op, ast.NotIn) else ({}, proof)
        if isinstance(right, ast.Attribute) and right.attr == "parents":
            # `base in path.parents`: path lies under base
            proof = _all(checked_keys(right.value, fa), ("path",))
            return (proof, {}) if isinstance(op, ast.In) else ({}, proof)
        if fa.peek(right):
            return {}, {}
        if _url_part(left) and not _host_part(left):
            return {}, {}  # a scheme or port allow-list says nothing about the destination host
        keys = checked_keys(left, fa)
        cats = ("redirect", "ssrf") if _host_part(left) else "*"
        proof = _all(keys, cats)
        return (proof, {}) if isinstance(op, ast.In) else ({}, proof)
    if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
        for a, b in ((left, right), (right, left)):
            if _url_part(a) and not _host_part(a):
                continue
            if isinstance(b, ast.Constant) and b.value is not None and not isinstance(op, (ast.Is, ast.IsNot)):
                proof = _all(checked_keys(a, fa), _host_part(a) and ("redirect", "ssrf") or "*")
            elif _host_part(a) and not fa.peek(b):
                proof = _all(checked_keys(a, fa), ("redirect", "ssrf"))
            elif isinstance(a, ast.Call) and (fa.qualname(a) or "").split(".")[-1] in ("commonpath", "commonprefix"):
                keys = []
                for x in a.args:
                    for e in (x.elts if isinstance(x, (ast.List, ast.Tuple)) else [x]):
                        keys += checked_keys(e, fa)
                proof = _all(keys, ("path",))
            else:
                continue
            return (proof, {}) if isinstance(op, (ast.Eq, ast.Is)) else ({}, proof)
        return {}, {}
    if isinstance(op, (ast.LtE, ast.Lt)) and isinstance(left, ast.Call) and fa.qualname(left) in ("set", "frozenset"):
        return _all(checked_keys(left, fa), "*"), {}
    return {}, {}


_FORMULA_CHARS = frozenset("=+-@\t\r")


def _call_facts(call, fa):
    """(when_true, when_false) for a call used as a condition."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "startswith" and call.args:
        arg = call.args[0]
        prefixes = [str_const(e) for e in arg.elts] if isinstance(arg, ast.Tuple) else [str_const(arg)]
        if prefixes and all(p for p in prefixes) and {p[0] for p in prefixes} >= {"=", "+", "-", "@"}:
            # rejects spreadsheet formulas: safe for CSV where it does not hold
            return _call_truths(call, fa), _all(checked_keys(func.value, fa), ("csv",))
    return _call_truths(call, fa), {}


def _call_truths(call, fa):
    func = call.func
    name = fa.qualname(call) or ""
    short = name.split(".")[-1]
    if isinstance(func, ast.Attribute):
        recv, meth = func.value, func.attr
        if meth in VALIDATING_METHODS:
            return _all(checked_keys(recv, fa), "*")
        if meth == "issubset":
            return _all(checked_keys(recv, fa), "*")
        if meth == "issuperset" and call.args:
            return _all(checked_keys(call.args[0], fa), "*")
        if meth in ("startswith",) and call.args:
            proof = {}
            if _is_normalized(recv, fa):
                proof = _all(checked_keys(recv, fa), ("path",))
            prefix = str_const(call.args[0])
            if prefix is not None and (prefix == "/" or re.match(r"^[a-zA-Z][\w+.-]*://[^/]+/", prefix)):
                proof = _merge_and(proof, _all(checked_keys(recv, fa), ("redirect", "ssrf")))
            return proof
        if meth == "is_relative_to":
            return _all(checked_keys(recv, fa), ("path",))
        if meth in ("fullmatch", "match", "search") and call.args and not name.startswith(("re.", "regex.")):
            pattern = fa.regex_patterns.get(dotted(recv) or "")
            if meth == "fullmatch" or (pattern is not None and _ANCHOR_END.search(pattern)
                                       and (meth == "match" or pattern.startswith("^"))):
                return _all(checked_keys(call.args[0], fa), "*")
            return {}
    if name in ("re.fullmatch", "regex.fullmatch") and len(call.args) >= 2:
        return _all(checked_keys(call.args[1], fa), "*")
    if name in ("re.match", "re.search", "regex.match") and len(call.args) >= 2:
        pattern = _pattern_text(call.args[0], fa)
        if pattern is not None and _ANCHOR_END.search(pattern) and (name.endswith("match") or pattern.startswith("^")):
            return _all(checked_keys(call.args[1], fa), "*")
        return {}
    if short == "isinstance" and len(call.args) == 2:
        types = call.args[1].elts if isinstance(call.args[1], ast.Tuple) else [call.args[1]]
        if all((dotted(t) or "").split(".")[-1] in _NUMERIC_TYPES for t in types):
            return _all(checked_keys(call.args[0], fa), "*")
        return {}
    if short == "all" and call.args and isinstance(call.args[0], ast.GeneratorExp):
        gen = call.args[0]
        if len(gen.generators) == 1 and isinstance(gen.elt, ast.Compare) and len(gen.elt.ops) == 1 \
                and isinstance(gen.elt.ops[0], ast.In) and not fa.peek(gen.elt.comparators[0]):
            return _all(checked_keys(gen.generators[0].iter, fa), "*")
        return {}
    if is_validator_call(call):
        keys = []
        for a in call.args:
            keys += checked_keys(a, fa)
        return _all(keys, "*")
    return {}
