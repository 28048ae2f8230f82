"""Local (non-flow) checks: one call, assignment or comparison at a time.

These rules do not need a source: a hard-coded credential, a disabled certificate
check or a world-writable mode is a weakness wherever it appears. Findings have
no `source_line`. Each check looks for the insecure *value* (a literal password, a
mode with the o+w bit, verify=False...), so the secure variants (a secret read from
the environment, mode 0o600, verify left on) are not reported.
"""
import ast
import re

from .names import dotted, is_false, is_true, kwarg, name_tokens, str_const, target_text
from .rules import CONFIG

# ----------------------------------------------------------------- credentials
_PASSWORD_WORDS = frozenset(("password", "passwd", "pwd", "passphrase", "pass"))
_SECRET_WORDS = frozenset(("secret", "token", "apikey", "credential", "credentials"))
_KEY_QUALIFIERS = frozenset("""
api private access signing sign encryption encrypt decrypt aes des hmac crypto master auth jwt session app
client license rsa cipher secret shared pre psk
""".split())
_NOT_A_SECRET_NAME = frozenset("""
field fields name names url uri path file dir env var variable prefix suffix type length len regex re pattern
label column col attr attribute message msg text prompt hint placeholder header param parameter key_name
format fmt template id ids endpoint route policy hash hashed salt min max count timeout expiry expires
expiration age ttl reset form input widget error errors help required method mode
hasher validator algorithm algorithms cls class kind option options setting settings state status flag
enabled disabled level strength rule rules requirement requirements policy check set size type types
""".split())
_PLACEHOLDER = re.compile(
    r"(?i)^(none|null|nil|false|true|n/?a|todo|tbd|changeme|change[-_ ]?me|secret|password|passwd|token|"
    r"api[-_ ]?key|test|testing|dummy|example|sample|default|x+|\*+|\.+|-+|\?+|yes|no|on|off|true|false|"
    r"missing|disabled|enabled|required|optional|unknown|empty|hidden|masked|redacted)$"
    r"|your[-_ ]|<[^>]*>|\{[^}]*\}|\$\{|%\(|%s|\benter\b|\bplaceholder\b|\bxxx|example\.com|^env:|^\$[A-Z_]+$")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")
_KNOWN_FORMATS = [
    (re.compile(r"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY"), "private_key", "private key block"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "secret", "AWS access key id"),
    (re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"), "secret", "Google API key"),
    (re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b"), "secret", "GitHub token"),
    (re.compile(r"\bxox[abprs]-[0-9A-Za-z-]{10,}"), "secret", "Slack token"),
    (re.compile(r"\bsk_live_[0-9a-zA-Z]{20,}\b"), "secret", "Stripe secret key"),
    (re.compile(r"\b[0-9]+-[0-9A-Za-z_]{32}\.apps\.googleusercontent\.com\b"), "secret", "Google OAuth client id"),
    (re.compile(r"\bya29\.[0-9A-Za-z_\-]{20,}"), "secret", "Google OAuth access token"),
]

# ------------------------------------------------------------------ crypto
_WEAK_HASHES = frozenset(("md5", "sha1", "md4", "md2", "sha"))
_WEAK_CIPHERS = frozenset(("DES", "DES3", "ARC2", "ARC4", "Blowfish", "XOR", "CAST", "TripleDES", "IDEA",
                           "RC4", "RC2", "SEED", "CAST5"))
# Exceptions that mean "the signature, MAC or token did not verify".
_SIGNATURE_ERRORS = frozenset(("InvalidSignature", "BadSignature", "BadSignatureError", "InvalidSignatureError",
                               "VerificationError", "InvalidTokenError", "DecodeError", "JWTError", "JWSError",
                               "BadData", "InvalidToken"))
# Docstring words saying a value must not be predictable.
_UNGUESSABLE_WORDS = frozenset(("unpredictable", "unguessable", "secure", "securely", "cryptographically",
                                "cryptographic"))
_RANDOM_FUNCS = frozenset("random randint randrange choice choices sample shuffle getrandbits uniform "
                          "randbytes triangular gauss".split())
_SECURITY_WORDS = frozenset("""
token password passwd pwd passphrase secret key otp nonce salt session sessionid sid csrf xsrf pin auth
verification verify reset apikey iv cookie credential credentials captcha nonce signature
""".split())
_TLDS = ("com", "org", "net", "edu", "gov", "io", "co", "uk", "de", "fr", "info", "biz", "dev", "app", "us",
         "ru", "cn", "jp", "me", "ai", "in", "br", "au", "ca", "nl", "eu")
_DOMAIN = re.compile(r"^(https?://)?([a-z0-9-]+\.)+(" + "|".join(_TLDS) + r")(:\d+)?/?$", re.I)
_HOST_IN_REGEX = re.compile(r"[A-Za-z0-9)\]]\.(?:" + "|".join(_TLDS) + r")\b")
_SCRIPT_TAG = re.compile(r"(?i)<\s*/?\s*script")
_COMPARE_SECRET_WORDS = frozenset(("hmac", "digest", "password", "passwd", "secret", "apikey"))
_TMP_PREFIXES = ("/tmp/", "/var/tmp/", "/dev/shm/")


_TOKEN_WORDS = re.compile(r"[_.\W]+|(?<=[a-z0-9])(?=[A-Z])")


def _tokens(text):
    toks = name_tokens(text)
    low = (text or "").lower()
    if "api_key" in low or "apikey" in low or "api-key" in low:
        toks.add("apikey")
    if "access_key" in low or "secret_key" in low or "private_key" in low or "signing_key" in low:
        toks.add("secret")
    return toks


def _credential_kind(name):
    """'password', 'secret', 'key', 'bare_key' or None for an identifier (or dict key) text.

    Only the last component counts (`form['password']` -> 'password'), and a trailing
    word that names something else (`password_field`, `secret_path`) rules it out."""
    last = (name or "").replace("]", "").split(".")[-1].split("[")[-1]
    words = [t.lower() for t in _TOKEN_WORDS.split(last) if t]
    toks = _tokens(last)
    if not toks or (words and words[-1] in _NOT_A_SECRET_NAME):
        return None
    if toks & _PASSWORD_WORDS:
        return "password"
    if toks & _SECRET_WORDS:
        return "secret"
    if "key" in toks:
        return "key" if toks & _KEY_QUALIFIERS else "bare_key"
    return None


def _secretish(value, kind):
    v = value.strip()
    if not v or _PLACEHOLDER.search(v) or _ENV_NAME.match(v):
        return False
    if "://" in v and "@" not in v:
        return False
    if v.startswith(("/", "./", "../", "~")) or " " in v and kind != "password":
        return False
    if kind == "password":
        return len(v) >= 3 and "\n" not in v
    if " " in v or len(v) < 8:
        return False
    classes = sum((any(c.islower() for c in v), any(c.isupper() for c in v), any(c.isdigit() for c in v),
                   any(not c.isalnum() for c in v)))
    if kind == "bare_key":
        # a bare `key` name is usually a dictionary key; only random-looking literals count
        hexish = len(v) >= 16 and all(c in "0123456789abcdefABCDEF-" for c in v)
        return hexish or (len(v) >= 16 and classes >= 3 and "_" not in v and "." not in v)
    # keys and tokens: demand something that looks generated
    return classes >= 2 and not (classes == 2 and "_" in v and v.replace("_", "").isalpha())


def _mode_value(node, imports):
    """Integer value of a permission-mode expression (octal literal or stat.S_I* names), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Add)):
        a, b = _mode_value(node.left, imports), _mode_value(node.right, imports)
        return None if a is None or b is None else a | b
    name = dotted(node)
    if name:
        import stat

        attr = imports.resolve(name).split(".")[-1]
        if attr.startswith("S_I") and hasattr(stat, attr):
            return getattr(stat, attr)
    return None


def _is_const_bytes(node, consts):
    if isinstance(node, ast.Constant) and isinstance(node.value, (bytes, str)) and node.value:
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add)):
        return _is_const_bytes(node.left, consts) and (
            _is_const_bytes(node.right, consts) or isinstance(node.right, (ast.Constant, ast.Attribute, ast.Name)))
    if isinstance(node, ast.Name):
        return node.id in consts
    return False


def _unescaped_host_dot(pattern):
    """True when a regular expression spells a host name with an unescaped '.',
    e.g. '(www|beta).example.com' (the '.' matches any character)."""
    for m in _HOST_IN_REGEX.finditer(pattern):
        # walk back over the host-name part preceding the TLD
        start = m.start()
        i = start
        while i > 0 and (pattern[i - 1].isalnum() or pattern[i - 1] in "-.\\|()[]"):
            i -= 1
        segment = pattern[i:m.end()]
        for j, ch in enumerate(segment):
            if ch == "." and (j == 0 or segment[j - 1] != "\\") and not _inside_class(segment, j):
                return True
    return False


def _ambiguous_nested_repeat(pattern, verbose=False):
    """True for a regular expression with an unbounded repeat of a group whose body
    repeats again with nothing mandatory in between that the inner repeat could not
    also consume: (a+)+, (\\w+\\s?)*, ([a-z]+.)+ -- the shapes that backtrack
    exponentially on a near-match. Separated loops such as (\\d+-)+ and the
    "unrolled" string loop [^"\\\\]*(?:\\\\.[^"\\\\]*)* are not reported."""
    try:
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse
    import re as _re
    if len(pattern) > 2000:
        return False
    try:
        parsed = sre_parse.parse(pattern, _re.VERBOSE if verbose else 0)
    except Exception:
        return False
    c = sre_parse
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT) + ((c.POSSESSIVE_REPEAT,) if hasattr(c, "POSSESSIVE_REPEAT") else ())
    digits = frozenset(range(48, 58))
    word = digits | frozenset(range(65, 91)) | frozenset(range(97, 123)) | {95}
    space = frozenset(b" \t\n\r\f\v")
    categories = {c.CATEGORY_DIGIT: ("pos", digits), c.CATEGORY_WORD: ("pos", word), c.CATEGORY_SPACE: ("pos", space),
                  c.CATEGORY_NOT_DIGIT: ("neg", digits), c.CATEGORY_NOT_WORD: ("neg", word),
                  c.CATEGORY_NOT_SPACE: ("neg", space)}

    def unbounded(av):
        return av[1] == c.MAXREPEAT or av[1] > 64

    def charset(op, av):
        """('pos', chars) / ('neg', excluded chars) for a one-character item, else None (unknown)."""
        if op == c.LITERAL:
            return ("pos", frozenset((av,)))
        if op == c.NOT_LITERAL:
            return ("neg", frozenset((av,)))
        if op == c.IN:
            negate, chars = False, set()
            for iop, iav in av:
                if iop == c.NEGATE:
                    negate = True
                elif iop == c.LITERAL:
                    chars.add(iav)
                elif iop == c.RANGE:
                    if iav[1] - iav[0] > 4096:
                        return None
                    chars.update(range(iav[0], iav[1] + 1))
                elif iop == c.CATEGORY and iav in categories and categories[iav][0] == "pos":
                    chars |= categories[iav][1]
                else:
                    return None
            return ("neg" if negate else "pos", frozenset(chars))
        if op == c.CATEGORY and av in categories:
            return categories[av]
        if op == c.ANY:
            return ("neg", frozenset((10,)))  # '.' stops at a newline (DOTALL patterns are rare here)
        return None

    def overlap(a, b):
        if a is None or b is None:
            return True
        (ka, sa), (kb, sb) = a, b
        if ka == "pos" and kb == "pos":
            return bool(sa & sb)
        if ka == "pos":
            return bool(sa - sb)
        if kb == "pos":
            return bool(sb - sa)
        return True

    def first_sets(items):
        """Character sets the item list can start with; None when unknown or possibly empty."""
        out = []
        for op, av in items:
            if op in repeats:
                inner = first_sets(av[2])
                if inner is None:
                    return None
                out += inner
                if av[0] > 0:
                    return out
                continue
            if op == c.SUBPATTERN:
                inner = first_sets(av[-1])
                if inner is None:
                    return None
                return out + inner
            if op == c.BRANCH:
                for alt in av[1]:
                    inner = first_sets(alt)
                    if inner is None:
                        return None
                    out += inner
                return out
            if op == c.AT:
                continue
            got = charset(op, av)
            return None if got is None else out + [got]
        return None

    def inner_sets(items):
        sets = []
        for op, av in items:
            if op in repeats and unbounded(av):
                body = av[2]
                if len(body) == 1:
                    sets.append(charset(*body[0]))
                else:
                    sets.append(None)
        return sets

    def ambiguous_body(items):
        inner = inner_sets(items)
        if not inner:
            return False
        for op, av in items:
            if op == c.AT and av in (c.AT_END, c.AT_END_STRING, c.AT_BEGINNING, c.AT_BEGINNING_STRING):
                return False  # an anchor inside the repeat pins where each pass ends
            if op in repeats and av[0] == 0:
                continue
            if op in repeats and unbounded(av):
                continue
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            starts = first_sets([(op, av)])
            if starts is not None and not any(overlap(i, s) for i in inner for s in starts):
                return False  # a mandatory separator the inner repeat cannot swallow
        return True

    def walk(items):
        for op, av in items:
            if op in repeats:
                sub = av[2]
                if unbounded(av):
                    body = sub
                    if len(body) == 1 and body[0][0] == c.SUBPATTERN:
                        body = body[0][1][-1]
                    if ambiguous_body(body):
                        return True
                if walk(sub):
                    return True
            elif op == c.SUBPATTERN:
                if walk(av[-1]):
                    return True
            elif op == c.BRANCH:
                for alt in av[1]:
                    if walk(alt):
                        return True
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if walk(av[1]):
                    return True
        return False

    return walk(list(parsed))


def _inside_class(text, pos):
    depth = 0
    for ch in text[:pos]:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
    return depth > 0


class ConfigChecker:
    def __init__(self, tree, index):
        self.tree = tree
        self.index = index
        self.imports = index.imports
        self.findings = {}
        self.func_stack = []
        self.doc_stack = []
        self.assign_stack = []
        self.consts = index.constants
        self.types = {}

    def qn(self, call):
        name = dotted(call.func)
        return self.imports.resolve(name) if name else ""

    def add(self, key, node, message, severity=None, confidence="medium"):
        rule = CONFIG[key]
        line = getattr(node, "lineno", 0) or 0
        fid = (rule.id, line)
        if fid in self.findings:
            return
        self.findings[fid] = {
            "tool": "taint",
            "rule_id": rule.id,
            "rule_name": rule.name,
            "cwe": rule.cwe,
            "severity": severity or rule.user,
            "confidence": confidence,
            "line": line,
            "end_line": getattr(node, "end_lineno", None) or line,
            "message": "%s: %s." % (rule.name, message),
        }

    # ------------------------------------------------------------------ walk
    def run(self):
        self.visit(self.tree)
        self.scan_strings()
        return list(self.findings.values())

    def visit(self, node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.func_stack.append(node.name)
            self.doc_stack.append(ast.get_docstring(node) or "")
            self.check_defaults(node)
            for child in ast.iter_child_nodes(node):
                self.visit(child)
            self.func_stack.pop()
            self.doc_stack.pop()
            return
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            self.check_assignment(node, targets)
            self.assign_stack.append(" ".join(target_text(t) for t in targets))
            for child in ast.iter_child_nodes(node):
                self.visit(child)
            self.assign_stack.pop()
            return
        if isinstance(node, ast.Call):
            self.check_call(node)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.keyword) and child.arg:
                    self.assign_stack.append(child.arg)
                    self.visit(child)
                    self.assign_stack.pop()
                else:
                    self.visit(child)
            return
        elif isinstance(node, ast.Compare):
            self.check_compare(node)
        elif isinstance(node, ast.Try):
            self.check_ignored_signature(node)
        elif isinstance(node, ast.Dict):
            self.check_dict(node)
        elif isinstance(node, ast.Attribute):
            self.check_attribute(node)
        for child in ast.iter_child_nodes(node):
            self.visit(child)

    # ------------------------------------------------------------- credentials
    def _credential(self, node, name, value_node, where):
        kind = _credential_kind(name)
        value = str_const(value_node)
        if value is None and isinstance(value_node, ast.Constant) and isinstance(value_node.value, bytes):
            try:
                value = value_node.value.decode("ascii")
            except UnicodeDecodeError:
                value = "binary"
            kind = kind or None
        if kind is None or value is None or not _secretish(value, kind):
            return
        if kind == "password":
            self.add("password", node, "%s is set to a literal password %s" % (where, _redact(value)))
        else:
            self.add("secret", node, "%s is set to a literal %s %s" % (
                where, "key" if kind == "key" else "secret", _redact(value)))

    def check_assignment(self, node, targets):
        value = node.value
        if value is None:
            return
        if isinstance(value, ast.Call) and len(targets) == 1 and isinstance(targets[0], ast.Name):
            self.types[targets[0].id] = self.qn(value)
        for t in targets:
            text = target_text(t)
            if text:
                self._credential(node, text, value, "'%s'" % text)
            if isinstance(t, ast.Attribute) and t.attr == "check_hostname" and is_false(value) and \
                    isinstance(value, ast.Constant):
                self.add("tls", node, "check_hostname is disabled", severity="medium")
            if isinstance(t, ast.Attribute) and t.attr == "verify_mode" and \
                    (dotted(value) or "").endswith("CERT_NONE"):
                self.add("tls", node, "verify_mode is set to CERT_NONE")
            if isinstance(t, ast.Attribute) and t.attr == "debug" and is_true(value) and \
                    _tokens(dotted(t.value) or "") & {"app", "application"}:
                self.add("debug", node, "the application's debug flag is enabled")

    def check_defaults(self, func):
        args = func.args
        positional = list(args.posonlyargs) + list(args.args)
        for a, d in zip(positional[len(positional) - len(args.defaults):], args.defaults):
            self._credential(d, a.arg, d, "default of parameter '%s'" % a.arg)
        for a, d in zip(args.kwonlyargs, args.kw_defaults):
            if d is not None:
                self._credential(d, a.arg, d, "default of parameter '%s'" % a.arg)

    def check_dict(self, node):
        for k, v in zip(node.keys, node.values):
            key = str_const(k) if k is not None else None
            if key:
                self._credential(v, key, v, "dictionary entry '%s'" % key)

    def check_compare(self, node):
        if len(node.ops) == 1 and isinstance(node.ops[0], ast.In):
            text = str_const(node.left)
            if text and _DOMAIN.match(text) and "://" not in text and not isinstance(
                    node.comparators[0], (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                self.add("url_check", node, "'%s' in url also accepts hosts such as '%s.evil.net'" % (text, text))
            return
        if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            return
        if id(node) in self.index.user_compares:
            return
        left, right = node.left, node.comparators[0]
        for a, b in ((left, right), (right, left)):
            name = target_text(a) if isinstance(a, (ast.Name, ast.Attribute, ast.Subscript)) else ""
            if name and isinstance(b, ast.Constant) and isinstance(b.value, str):
                kind = _credential_kind(name)
                if kind == "password" and _secretish(b.value, kind):
                    self.add("password", node, "'%s' is compared with a literal password" % name)
                    return
        sides = []
        for side in (left, right):
            if isinstance(side, ast.Constant) or (isinstance(side, ast.Attribute) and side.attr.isupper()):
                return
            if isinstance(side, ast.Call):
                last = side.func.attr if isinstance(side.func, ast.Attribute) else dotted(side.func) or ""
                qn = self.qn(side)
                toks = _tokens(last)
                if last in ("digest", "hexdigest") or qn.startswith("hmac.") or toks & {"sign", "signature", "hmac"}:
                    toks.add("digest")
                sides.append(toks)
            else:
                toks = _tokens(target_text(side) if isinstance(side, (ast.Name, ast.Attribute, ast.Subscript)) else "")
                origin = self.types.get(side.id, "") if isinstance(side, ast.Name) else ""
                if origin.startswith("hmac.") or origin.endswith(("digest", ".sign")):
                    toks.add("digest")
                sides.append(toks)
        if any(s & _COMPARE_SECRET_WORDS for s in sides) and all(sides):
            self.add("timing", node, "a secret or digest is compared with '==' (use hmac.compare_digest)",
                     confidence="low")

    def check_attribute(self, node):
        name = self.imports.resolve(dotted(node) or "")
        if name == "ssl.CERT_NONE":
            self.add("tls", node, "certificate verification is turned off (ssl.CERT_NONE)")
        elif name == "ssl._create_unverified_context":
            self.add("tls", node, "an unverified SSL context is used")

    # ------------------------------------------------------------------ calls
    def check_call(self, call):
        qn = self.qn(call)
        func = call.func
        meth = func.attr if isinstance(func, ast.Attribute) else (func.id if isinstance(func, ast.Name) else "")
        recv = dotted(func.value) if isinstance(func, ast.Attribute) else ""
        for k in call.keywords:
            if k.arg and isinstance(k.value, (ast.Constant,)) and isinstance(k.value.value, (str, bytes)):
                self._credential(k.value, k.arg, k.value, "argument '%s'" % k.arg)
        verify = kwarg(call, "verify")
        if verify is not None and isinstance(verify, ast.Constant) and verify.value is False and (
                qn.startswith(("requests", "httpx", "aiohttp", "urllib3")) or meth in
                ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "Client",
                 "AsyncClient", "Session", "urlopen")):
            self.add("tls", call, "certificate verification is disabled (verify=False)")
        cert = kwarg(call, "cert_reqs")
        if cert is not None and (dotted(cert) or "").endswith("CERT_NONE") or \
                str_const(cert) == "CERT_NONE":
            self.add("tls", call, "certificate verification is disabled (cert_reqs=CERT_NONE)")
        if qn in ("ssl._create_unverified_context",):
            self.add("tls", call, "an unverified SSL context is created")
        if qn in ("jwt.decode", "jose.jwt.decode", "jwt.api_jwt.decode", "jwt.decode_complete",
                  "jwt.api_jwt.decode_complete", "jwt.PyJWT.decode"):
            self.check_jwt(call)
        if qn in ("tempfile.mktemp", "os.tempnam", "os.tmpnam"):
            self.add("mktemp", call, "%s() returns a name another process can claim first" % qn)
        if qn in ("open", "builtins.open", "io.open", "os.open", "codecs.open") and call.args:
            path = _literal_prefix(call.args[0])
            if path is not None and path.startswith(_TMP_PREFIXES):
                self.add("mktemp", call, "a fixed file name in a shared temporary directory is opened")
        self.check_modes(call, qn, meth)
        self.check_hash(call, qn, meth)
        self.check_cipher(call, qn, meth, recv)
        self.check_random(call, qn)
        self.check_url(call, qn, meth)
        if qn in ("yaml.load", "yaml.load_all"):
            loader = kwarg(call, "Loader") or (call.args[1] if len(call.args) > 1 else None)
            lname = (dotted(loader) or "").split(".")[-1] if loader is not None else ""
            if lname not in ("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"):
                self.add("yaml", call, "yaml.load without SafeLoader can construct arbitrary Python objects")
        elif qn in ("yaml.unsafe_load", "yaml.unsafe_load_all"):
            self.add("yaml", call, "%s constructs arbitrary Python objects" % qn)
        if qn.split(".")[-1] in ("XMLParser", "XSLTAccessControl") and qn.startswith("lxml"):
            resolve = kwarg(call, "resolve_entities")
            no_net = kwarg(call, "no_network")
            if resolve is not None and is_true(resolve) or (no_net is not None and is_false(no_net)):
                self.add("xml_parser", call, "the lxml parser resolves external entities")
            elif resolve is None and qn.endswith("XMLParser"):
                # built on purpose, yet left resolving entities (lxml's default before 5.0)
                self.add("xml_parser", call, "the lxml parser is created without resolve_entities=False and "
                         "resolves entities (the default before lxml 5)", severity="medium")
            huge = kwarg(call, "huge_tree")
            if huge is not None and is_true(huge) and not (resolve is not None and is_false(resolve)):
                self.add("xml_limits", call, "huge_tree=True lifts libxml2's limits on document depth and "
                         "entity expansion")
        if meth == "setFeature" and len(call.args) == 2 and is_true(call.args[1]) and \
                "external" in (dotted(call.args[0]) or str_const(call.args[0]) or ""):
            self.add("xml_parser", call, "the SAX parser is told to resolve external entities")
        if meth == "run" and is_true(kwarg(call, "debug")) and not qn.startswith(("subprocess", "asyncio")):
            self.add("debug", call, "the web application runs with debug=True (interactive debugger)")
        if meth == "set_cookie":
            self.check_cookie(call)
        if qn in ("jinja2.Environment", "jinja2.environment.Environment"):
            auto = kwarg(call, "autoescape")
            if auto is None or is_false(auto):
                self.add("autoescape", call, "%s is created without autoescape=True" % qn)
        if meth == "extractall" and (("tarfile" in self.types.get(recv, "")) or "tar" in _tokens(recv)) and \
                kwarg(call, "members") is None and kwarg(call, "filter") is None:
            self.add("tar", call, "TarFile.extractall without a member filter writes wherever member names point")
        host = kwarg(call, "host")
        if host is not None and str_const(host) == "0.0.0.0":
            self.add("bind_all", call, "the server listens on all interfaces (0.0.0.0)", severity="low")

    def check_jwt(self, call):
        verify = kwarg(call, "verify")
        if verify is not None and is_false(verify) and isinstance(verify, ast.Constant):
            self.add("jwt", call, "jwt.decode is called with verify=False")
            return
        options = kwarg(call, "options")
        if isinstance(options, ast.Dict):
            for k, v in zip(options.keys, options.values):
                if str_const(k) in ("verify_signature", "verify") and is_false(v):
                    self.add("jwt", call, "jwt.decode is called with signature verification turned off")
                    return
        algs = kwarg(call, "algorithms")
        if isinstance(algs, (ast.List, ast.Tuple)):
            if any((str_const(e) or "").lower() == "none" for e in algs.elts):
                self.add("jwt", call, "jwt.decode accepts the 'none' algorithm")

    def check_ignored_signature(self, node):
        """`except InvalidSignature: pass` and the like: the failed check is thrown away."""
        for h in node.handlers:
            types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type] if h.type is not None else []
            names = [(dotted(t) or "").rpartition(".")[2] for t in types]
            if not names or not all(n in _SIGNATURE_ERRORS for n in names):
                continue
            if any(isinstance(n, ast.Raise) for b in h.body for n in ast.walk(b)):
                continue
            if any(isinstance(n, ast.Return) and (n.value is None or is_false(n.value)) for b in h.body
                   for n in ast.walk(b)):
                continue
            if any(isinstance(n, ast.Call) and (dotted(n.func) or "").rpartition(".")[2] in ("abort", "exit")
                   for b in h.body for n in ast.walk(b)):
                continue
            if any(isinstance(b, (ast.Assign, ast.AugAssign, ast.AnnAssign)) for b in h.body):
                continue  # records the failure for a later decision
            self.add("signature_ignored", h, "%s is caught and ignored, so an invalid signature is accepted"
                     % "/".join(names))

    def check_modes(self, call, qn, meth):
        mode_node = None
        if qn in ("os.chmod", "os.lchmod", "os.fchmod") and len(call.args) >= 2:
            mode_node = call.args[1]
        elif qn in ("os.chmod", "os.lchmod", "os.fchmod"):
            mode_node = kwarg(call, "mode")
        elif qn == "os.open" and len(call.args) >= 3:
            mode_node = call.args[2]
        elif qn in ("os.mkdir", "os.makedirs", "os.mkfifo", "os.mknod"):
            mode_node = call.args[1] if len(call.args) >= 2 else kwarg(call, "mode")
        elif meth == "chmod" and isinstance(call.func, ast.Attribute) and not qn.startswith("os.") and call.args:
            mode_node = call.args[0]
        elif meth in ("mkdir", "touch") and not qn.startswith("os."):
            mode_node = kwarg(call, "mode")
        elif qn == "os.umask" and call.args:
            value = _mode_value(call.args[0], self.imports)
            if value is not None and not value & 0o002:
                self.add("chmod", call, "os.umask(%s) lets new files be world-writable" % oct(value))
            return
        if mode_node is None:
            return
        value = _mode_value(mode_node, self.imports)
        if value is None:
            return
        if value & 0o004 and not value & 0o002 and qn.endswith("chmod") and self._secret_context(call):
            self.add("chmod", call, "mode %s lets every local user read a private key or secret" % oct(value))
            return
        if value & 0o002:
            if qn == "os.open" and value == 0o666:
                # os.open's documented default, narrowed by the process umask: informational
                self.add("chmod", call, "mode 0o666 is world-writable unless the umask removes it", severity="low")
            else:
                self.add("chmod", call, "mode %s makes the file world-writable" % oct(value))

    def _secret_context(self, call):
        words = {"private", "secret", "password", "passwd", "credential", "credentials", "token", "pem", "key"}
        texts = [target_text(sub) for a in call.args[:1] for sub in ast.walk(a)
                 if isinstance(sub, (ast.Name, ast.Attribute, ast.Subscript))]
        texts += [str_const(sub) or "" for a in call.args[:1] for sub in ast.walk(a)]
        if self.func_stack:
            texts.append(self.func_stack[-1])
        return any(_tokens(t) & words for t in texts if t)

    def _password_context(self, call):
        for a in list(call.args) + [k.value for k in call.keywords]:
            for sub in ast.walk(a):
                text = target_text(sub) if isinstance(sub, (ast.Name, ast.Attribute, ast.Subscript)) else ""
                if text and _tokens(text) & _PASSWORD_WORDS:
                    return True
        if self.func_stack and _tokens(self.func_stack[-1]) & _PASSWORD_WORDS:
            return True
        return bool(self.assign_stack) and bool(_tokens(self.assign_stack[-1]) & _PASSWORD_WORDS)

    def check_hash(self, call, qn, meth):
        algo = None
        if qn.startswith("hashlib."):
            algo = qn.split(".", 1)[1]
            if algo == "new" and call.args:
                algo = (str_const(call.args[0]) or "").lower()
        elif qn.startswith(("Crypto.Hash.", "Cryptodome.Hash.")) and qn.endswith(".new"):
            algo = qn.split(".")[2].lower()
        elif qn.startswith("cryptography.hazmat.primitives.hashes.") or qn.startswith("hashes."):
            algo = qn.split(".")[-1].lower()
        if not algo or algo in ("pbkdf2_hmac", "scrypt", "file_digest"):
            return
        usedfor = kwarg(call, "usedforsecurity")
        if usedfor is not None and is_false(usedfor):
            return
        weak = algo in _WEAK_HASHES
        fast = algo.startswith(("sha2", "sha3", "sha5", "sha3_", "blake2", "sha224", "sha384"))
        if (weak or fast) and self._password_context(call):
            self.add("password_hash", call, "a password is hashed with %s (use bcrypt/scrypt/argon2/PBKDF2)" % algo,
                     severity="high" if weak else "medium")
        elif weak:
            self.add("weak_hash", call, "%s is not collision resistant" % algo.upper())

    def check_cipher(self, call, qn, meth, recv):
        parts = qn.split(".")
        if meth == "new" and len(parts) >= 2 and parts[-2] in _WEAK_CIPHERS:
            self.add("weak_cipher", call, "%s is a broken or obsolete cipher" % parts[-2])
        elif parts[-1] in _WEAK_CIPHERS and ("algorithms" in parts or qn.startswith("cryptography")):
            self.add("weak_cipher", call, "%s is a broken or obsolete cipher" % parts[-1])
        elif qn.startswith("pyDes.") or qn in ("Crypto.Cipher.ARC4.new",):
            self.add("weak_cipher", call, "DES/RC4 are broken ciphers")
        if parts[-1] == "ECB" and ("modes" in parts or qn.startswith("cryptography")):
            self.add("weak_cipher", call, "ECB mode leaks patterns of the plaintext")
        for a in call.args[1:]:
            if (dotted(a) or "").endswith("MODE_ECB"):
                self.add("weak_cipher", call, "ECB mode leaks patterns of the plaintext")
        if meth == "new" and len(parts) >= 2 and len(call.args) >= 2:
            iv = call.args[2] if len(call.args) >= 3 else None
            for k in ("iv", "IV", "nonce"):
                iv = kwarg(call, k) or iv
            if iv is not None and _is_const_bytes(iv, self.consts):
                self.add("static_iv", call, "the cipher is given a constant IV/nonce")
        if parts[-1] in ("CBC", "CFB", "OFB", "CTR", "GCM") and call.args and _is_const_bytes(call.args[0], self.consts):
            self.add("static_iv", call, "the cipher mode is given a constant IV/nonce")

    def check_random(self, call, qn):
        if not qn.startswith("random.") or qn.split(".")[-1] not in _RANDOM_FUNCS:
            return
        context = set()
        if self.assign_stack:
            context |= _tokens(self.assign_stack[-1])
        if self.func_stack:
            context |= _tokens(self.func_stack[-1])
        hit = context & _SECURITY_WORDS
        if not hit and self.func_stack:
            # an identifier the function says must be unique or unguessable
            name = _tokens(self.func_stack[-1])
            summary = _tokens(self.doc_stack[-1].split("\n\n")[0])
            if "identifier" in name or {"unique", "id"} <= name or summary & _UNGUESSABLE_WORDS:
                hit = (name | summary) & (_UNGUESSABLE_WORDS | {"identifier", "unique", "id"})
        if hit:
            self.add("weak_random", call, "%s() produces predictable values but is used for %s (use secrets)" % (
                qn, "/".join(sorted(hit))))

    def check_url(self, call, qn, meth):
        if meth in ("endswith", "startswith") and call.args and isinstance(call.func, ast.Attribute):
            lits = call.args[0].elts if isinstance(call.args[0], ast.Tuple) else [call.args[0]]
            for lit in lits:
                text = str_const(lit)
                if not text or not _DOMAIN.match(text):
                    continue
                if meth == "endswith" and not text.startswith(".") and "://" not in text:
                    self.add("url_check", call, "endswith('%s') also accepts hosts such as 'evil%s'" % (text, text))
                elif meth == "startswith" and "://" in text and not text.endswith("/"):
                    self.add("url_check", call, "startswith('%s') also accepts '%s.evil.net'" % (text, text))
        if qn.startswith(("re.", "regex.")) and qn.split(".")[-1] in (
                "compile", "match", "search", "fullmatch", "findall", "sub", "subn", "split", "finditer") and call.args:
            pattern = str_const(call.args[0])
            if pattern is None:
                return
            if _unescaped_host_dot(pattern):
                self.add("url_check", call, "the pattern %r has an unescaped '.' in a host name" % pattern)
            flag_names = {(dotted(sub) or "").split(".")[-1] for a in call.args[1:] + [k.value for k in call.keywords]
                          for sub in ast.walk(a) if isinstance(sub, (ast.Name, ast.Attribute))}
            verbose = bool(flag_names & {"VERBOSE", "X"})
            if _ambiguous_nested_repeat(pattern, verbose):
                self.add("redos", call, "the pattern %r repeats a group that can match the same text in "
                         "several ways (catastrophic backtracking)" % pattern)
            if _SCRIPT_TAG.search(pattern):
                self.add("tag_filter", call, "filtering <script> tags with a regular expression is bypassable")
        if meth == "replace" and call.args and _SCRIPT_TAG.search(str_const(call.args[0]) or ""):
            self.add("tag_filter", call, "removing <script> tags with str.replace is bypassable")

    def check_cookie(self, call):
        secure = kwarg(call, "secure")
        httponly = kwarg(call, "httponly")
        if secure is None or (isinstance(secure, ast.Constant) and not secure.value):
            missing = "Secure" + ("" if httponly is not None and is_true(httponly) else " and HttpOnly")
            self.add("cookie", call, "set_cookie without the %s flag" % missing)

    # ------------------------------------------------------------ string scan
    def scan_strings(self):
        for node in self.index.strings:
            for regex, key, what in _KNOWN_FORMATS:
                if regex.search(node.value):
                    self.add(key, node, "a %s is embedded in the source" % what, severity="high")
                    break


def _literal_prefix(node):
    text = str_const(node)
    if text is not None:
        return text
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _literal_prefix(node.left)
    return None


def _redact(value):
    if len(value) <= 4:
        return "'%s'" % ("*" * len(value))
    return "'%s...'" % value[:2]


def check(tree, index):
    return ConfigChecker(tree, index).run()
