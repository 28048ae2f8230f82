"""The intra-procedural flow engine.

Each function (and the module body) is interpreted once over its AST with an
abstract environment mapping variable names (and dotted attribute paths such as
``self.cmd``) to taint values (labels.py). Statements are followed in order;
``if``/``try``/``match`` branches are analysed separately and merged, loops are
run twice so that loop-carried taint reaches the loop head, and ``return``,
``raise``, ``break``, ``continue`` and calls such as ``abort()`` end a path. The
condition of an ``if``/``while``/``assert`` refines the environment of the branch
it guards (sanitizers.facts), which is how allow-list checks, containment checks
and validators stop a flow only where they actually hold.

Expressions evaluate to taint values; every call is offered to the sink catalogue
(sinks.check) with the values of its receiver and arguments before its result is
computed from the propagation model below.
"""
import ast
import re

from .. import guards
from . import sanitizers, sinks
from .labels import EMPTY, KIND_RANK, live, make, only_kinds, sanitize, unsanitize, with_flags, without_flags
from .names import dotted, last_name, name_tokens, str_const, subscript_key
from .rules import FLOW, LEVELS, grade, lower
from .sources import initial_params, route_info, source_of
from .strings import (HOLE, fixes_url_host, format_slots, is_base_path, looks_like_command, looks_like_html,
                      looks_like_sql, percent_slots)

ELEM = frozenset(("elem",))
# literal text ending where an SQL identifier (table/column name) goes: FROM <x>, UPDATE <x> SET <x> =
_SQL_PLACEHOLDER = re.compile(r"\?|\$\d+|%s|%\(\w+\)s|(?<![:\w]):[A-Za-z_]\w*")
_SQL_IDENTIFIER_SLOT = re.compile(r"(?i)\b(from|into|update|table|join|set)\s+[`\"\[]?$")
VIA = frozenset(("via",))
NORM = frozenset(("norm",))
_SEQ_NODES = (ast.List, ast.Tuple, ast.ListComp)

# Functions whose result carries their arguments' data unchanged.
PROPAGATE_FUNCS = frozenset("""
str bytes bytearray repr format ascii list tuple dict set frozenset sorted reversed iter next enumerate zip
map filter min max getattr vars memoryview bytes.fromhex bytearray.fromhex str.join str.format
base64.b64decode base64.urlsafe_b64decode base64.b32decode base64.b16decode base64.decodebytes
base64.standard_b64decode binascii.unhexlify binascii.a2b_hex binascii.a2b_base64 codecs.decode codecs.encode
json.loads json.load ast.literal_eval urllib.parse.unquote urllib.parse.unquote_plus urllib.parse.parse_qs
urllib.parse.parse_qsl urllib.parse.urljoin urllib.parse.urlunparse urllib.parse.urlparse urllib.parse.urlsplit
urllib.unquote urlparse.urlparse urlparse.urljoin html.unescape textwrap.dedent textwrap.indent copy.copy
copy.deepcopy os.fsencode os.fsdecode io.StringIO io.BytesIO pathlib.Path pathlib.PurePath pathlib.PosixPath
yaml.safe_load xmltodict.parse string.Template shlex.split collections.OrderedDict
collections.defaultdict typing.cast
""".split())
TO_STRING = frozenset(("str", "repr", "format", "ascii", "bytes", "bytearray", "json.dumps"))
PATH_JOIN = frozenset(("os.path.join", "posixpath.join", "ntpath.join"))
PROPAGATE_METHODS = frozenset("""
capitalize casefold center encode decode expandtabs format format_map join ljust lower lstrip replace rjust
rstrip strip swapcase title translate upper zfill removeprefix removesuffix get getvalue read readline read1
getlist pop popitem setdefault copy group groups groupdict to_dict dict json text content tobytes decode
hex as_string as_bytes resolve absolute joinpath with_name with_suffix parse_args
""".split())
CONTAINER_METHODS = frozenset(("split", "rsplit", "splitlines", "partition", "rpartition", "items", "values",
                               "keys", "readlines", "getlist", "findall", "groups"))
ELEMENT_METHODS = frozenset(("get", "pop", "popitem", "setdefault", "__getitem__", "group"))
CLEAN_METHODS = frozenset("""
startswith endswith isalnum isalpha isdigit isdecimal isnumeric isidentifier islower isupper isspace
istitle isascii isprintable find rfind index rindex count hexdigest digest exists is_file is_dir
is_absolute is_relative_to bit_length
""".split())
CLEAN_FUNCS = frozenset(("sum", "any", "all", "isinstance", "len", "callable", "print", "type", "range",
                         "os.path.exists", "os.path.isfile", "os.path.isdir"))
RESPONSE_CALLS = frozenset("""
flask.redirect flask.render_template flask.send_file flask.send_from_directory flask.make_response
flask.Response flask.jsonify flask.abort werkzeug.Response werkzeug.wrappers.Response werkzeug.utils.redirect
django.shortcuts.render django.shortcuts.redirect django.http.HttpResponse django.http.JsonResponse
django.http.HttpResponseRedirect django.http.HttpResponsePermanentRedirect django.http.FileResponse
django.http.HttpResponseBadRequest django.http.HttpResponseNotFound django.http.HttpResponseForbidden
django.template.loader.render_to_string fastapi.responses.HTMLResponse fastapi.responses.JSONResponse
fastapi.responses.RedirectResponse starlette.responses.HTMLResponse starlette.responses.RedirectResponse
bottle.template bottle.redirect flask.render_template_string jsonify render_template
""".split())
TERMINATORS = frozenset(("abort", "flask.abort", "exit", "quit", "sys.exit", "os._exit", "os.abort",
                         "werkzeug.exceptions.abort", "bottle.abort", "pytest.fail", "pytest.skip"))
TYPE_CTORS = frozenset("""
requests.Session requests.session httpx.Client httpx.AsyncClient urllib3.PoolManager aiohttp.ClientSession
csv.writer csv.DictWriter lxml.etree.XMLParser re.compile regex.compile
""".split())
MUTATORS = frozenset(("append", "extend", "insert", "add", "update", "appendleft", "extendleft", "setdefault",
                      "write", "writelines", "put"))
# Text that carries the stack (file paths, source lines, internal names): what CWE-209 is about.
# An exception's own message (str(e)) is reported at low severity: it is usually written for the user.
TRACEBACK_TEXT = frozenset(("traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
                            "traceback.format_stack"))
TRACE = frozenset(("trace",))
NARROW = frozenset(("narrow",))
# Words of a function's name or docstring summary that say what its return value is for.
PATH_WORDS = frozenset(("path", "filepath", "filename", "file", "dir", "directory", "folder", "location"))
URL_WORDS = frozenset(("url", "uri", "endpoint", "webhook", "callback"))
REDIRECT_WORDS = frozenset(("redirect", "redirection"))
PURPOSE_WORDS = PATH_WORDS | URL_WORDS | REDIRECT_WORDS
# Exceptions whose message is about the caller's input, not the server's internals.
NARROW_EXCEPTIONS = frozenset(("ValueError", "TypeError", "KeyError", "IndexError", "LookupError",
                               "UnicodeDecodeError", "UnicodeError", "JSONDecodeError", "BadRequest",
                               "HTTPException", "NotFound", "Forbidden", "Unauthorized", "InvalidToken",
                               "ExpiredSignatureError", "InvalidTokenError", "DecodeError"))
EXCEPTION_TEXT = frozenset(("traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
                            "traceback.format_stack", "sys.exc_info"))


class ModuleContext:
    """State shared by every function of one analysed module."""

    def __init__(self, tree, index):
        self.tree = tree
        self.index = index
        self.imports = index.imports
        self.findings = {}
        self.module_env = {}
        self.consts = {}
        self.regex = {}
        self.types = {}
        self.parsers = {}
        heads = {v.split(".")[0] for v in self.imports.alias.values()}
        heads.update(m.split(".")[0] for m in self.imports.star_modules)
        self.returns_html = bool(heads & {"flask", "bottle", "werkzeug", "quart"}) and "fastapi" not in heads
        self._guarded = None

    def guarded(self, node):
        """True when the call's first argument is constant or vetted text (sgworker.guards)."""
        if self._guarded is None:
            self._guarded = guards.guarded_call_lines(self.tree)
        return getattr(node, "lineno", 0) in self._guarded

    def add(self, rule, node, label, severity, confidence, sink_desc):
        line = getattr(node, "lineno", 0) or 0
        key = (rule.id, line)
        old = self.findings.get(key)
        rank = (LEVELS.index(severity), LEVELS.index(confidence), KIND_RANK.get(label.kind, 0))
        if old is not None and old[0] >= rank:
            return
        source = label.desc
        if label.kind == "param":
            source = "%s (assumed caller-controlled)" % label.desc
        how = " through a call the analyzer does not model" if "via" in label.flags else ""
        message = "%s: %s (line %d) reaches %s%s." % (rule.name, source, label.line, sink_desc, how)
        self.findings[key] = (rank, {
            "tool": "taint",
            "rule_id": rule.id,
            "rule_name": rule.name,
            "cwe": rule.cwe,
            "severity": severity,
            "confidence": confidence,
            "line": line,
            "end_line": getattr(node, "end_lineno", None) or line,
            "message": message,
            "source_line": label.line,
            "sink_line": line,
        })


class FunctionAnalysis:
    """Abstract interpretation of one function body (or of the module body)."""

    def __init__(self, ctx, func=None, cls=None, parent=None):
        self.ctx = ctx
        self.func = func
        self.quiet = 0
        self.loops = []
        self.derived = {}
        self.key_nodes = {}
        self.form_vars = set()
        self.consts = dict(ctx.consts)
        self.regex_patterns = dict(ctx.regex)
        self.types = dict(ctx.types)
        self.parsers = dict(ctx.parsers)
        self.request_params = set()
        self.is_route = False
        self._purpose = None
        self._tested = None
        self.self_name = None
        env = {k: v for k, v in ctx.module_env.items() if v}
        if func is not None:
            self.is_route, clean = route_info(func, ctx.imports)
            params, self.request_params = initial_params(self, func, self.is_route, clean, cls is not None)
            if parent is not None:
                # a closure sees its enclosing function's parameters
                outer, outer_requests = initial_params(self, parent, *route_info(parent, ctx.imports), False)
                own = {a.arg for a in func.args.args + func.args.posonlyargs + func.args.kwonlyargs}
                for name, v in outer.items():
                    if name not in own:
                        params.setdefault(name, v)
                self.request_params |= outer_requests - own
            for name in params:
                env.pop(name, None)
            env.update(params)
            for name in self.request_params:
                env.pop(name, None)
            first = (func.args.posonlyargs + func.args.args)[:1]
            if first and first[0].arg == "self" and not any(
                    (dotted(d) or "") in ("staticmethod", "classmethod") for d in func.decorator_list):
                self.self_name = "self"
            self.body = func.body
            self.assigned = ctx.index.assigned.get(func, set())
        else:
            self.assigned = ctx.index.assigned[None]
            self.body = [s for s in ctx.tree.body
                         if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
        self.env = env

    # ----------------------------------------------------------------- running
    def run(self):
        out = self.block(self.body, self.env)
        return out if out is not None else {}

    def block(self, stmts, env):
        for s in stmts:
            self.env = env
            handler = _STMT.get(type(s))
            if handler is not None:
                env = handler(self, s, env)
                if env is None:
                    return None
        return env

    # --------------------------------------------------------------- reporting
    def report(self, rule_key, node, value, sink_desc, category, ignore_elem=True, drop=0, conf_drop=0,
               bump_flag=None, skip_flags=(), kinds=None, bump=0):
        if self.quiet or not value:
            return
        if kinds is not None:
            labels = [l for l in value if l.kind in kinds]
        else:
            labels = live(value, category, ignore_elem)
        if skip_flags:
            labels = [l for l in labels if not any(f in l.flags for f in skip_flags)]
        if not labels:
            return
        rule = FLOW[rule_key]
        best = None
        for l in labels:
            severity, confidence = grade(rule, l, drop, bump or (1 if bump_flag and bump_flag in l.flags else 0))
            if conf_drop:
                confidence = lower(confidence, conf_drop)
            rank = (LEVELS.index(severity), LEVELS.index(confidence), KIND_RANK.get(l.kind, 0), -(l.line or 0))
            if best is None or rank > best[0]:
                best = (rank, l, severity, confidence)
        self.ctx.add(rule, node, best[1], best[2], best[3], sink_desc)

    # ------------------------------------------------------------- environment
    def refine(self, env, facts):
        """The environment of a branch in which `facts` (key -> categories) hold."""
        if not facts:
            return env
        out = env
        for key, cats in facts.items():
            v = env.get(key)
            if v is None and key in self.key_nodes:
                saved, self.env = self.env, env
                try:
                    v = self.peek(self.key_nodes[key])
                finally:
                    self.env = saved
            if v:
                if out is env:
                    out = dict(env)
                out[key] = sanitize(v, cats)
        return out

    def peek(self, node):
        """Value of an expression without reporting sinks inside it."""
        self.quiet += 1
        try:
            return self.value(node)
        finally:
            self.quiet -= 1

    def qualname(self, call):
        name = dotted(call.func)
        if not name:
            return None
        recv, _, meth = name.rpartition(".")
        if recv and recv in self.types:
            return self.types[recv] + "." + meth
        head = name.split(".", 1)[0]
        if "." in name and head not in self.ctx.imports.alias and (head in self.assigned or head in self.env):
            return "<local>." + name
        return self.ctx.imports.resolve(name)

    def parser_mode(self, node):
        if node is None:
            return "default"
        if isinstance(node, ast.Name):
            return self.parsers.get(node.id, "default")
        if isinstance(node, ast.Call):
            return _parser_mode_of_call(self, node)
        return "default"

    def const_text(self, node):
        """Literal text of a constant string expression, else None."""
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                return node.value
            if isinstance(node.value, bytes):
                return node.value.decode("latin-1")
            return None
        if isinstance(node, ast.Name):
            if node.id in self.consts and not self.env.get(node.id):
                return self.consts[node.id]
            return None
        if isinstance(node, ast.JoinedStr):
            out = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    out.append(str(v.value))
                else:
                    inner = self.const_text(v.value)
                    if inner is None:
                        return None
                    out.append(inner)
            return "".join(out)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if isinstance(node.left, _SEQ_NODES) or isinstance(node.right, _SEQ_NODES):
                return None
            out = []
            for operand in _add_chain(node):
                text = self.const_text(operand)
                if text is None:
                    return None
                out.append(text)
            return "".join(out)
        return None

    def is_config(self, node):
        """A literal, an UPPER_CASE setting, app.config[...] or a path derived from __file__."""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (str, bytes))
        if isinstance(node, ast.Name):
            return (node.id in self.consts or _upper(node.id) or node.id == "__file__") and not self.env.get(node.id)
        if isinstance(node, ast.Attribute):
            return _upper(node.attr) and not self.peek(node)
        if isinstance(node, ast.Subscript):
            base = dotted(node.value) or ""
            return base.endswith("config") or base.endswith("settings")
        if isinstance(node, ast.Call):
            name = self.qualname(node) or ""
            if name in ("os.getcwd", "pathlib.Path.cwd", "pathlib.Path.home", "tempfile.gettempdir"):
                return True
            if name.split(".")[-1] in ("dirname", "abspath", "realpath", "join", "Path") and node.args:
                return self.is_config(node.args[0])
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.is_config(node.left)
        return False

    # ------------------------------------------------------------- expressions
    def value(self, node):
        handler = _EXPR.get(type(node))
        if handler is not None:
            return handler(self, node)
        out = EMPTY
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                out |= self.value(child)
        return out

    def v_name(self, node):
        return self.env.get(node.id, EMPTY)

    def v_attribute(self, node):
        src = source_of(node, self)
        if src is not None:
            return src
        key = dotted(node)
        if key is not None and key in self.env:
            return self.env[key]
        if self.self_name and isinstance(node.value, ast.Name) and node.value.id == self.self_name:
            # object state: set by callers of the class, so treated like a parameter
            v = make("param", node.lineno, "attribute '%s'" % key, ("state",))
            self.env[key] = v
            return v
        base = self.value(node.value)
        if base and any("via" in l.flags for l in base):
            # a field of an object some unmodelled call built from the data: weaker still
            return with_flags(base, ("deep",))
        return base

    def v_subscript(self, node):
        src = source_of(node, self)
        if src is not None:
            self.value(node.slice)
            return src
        key = subscript_key(node)
        if key is not None and key in self.env:
            return self.env[key]
        base = self.value(node.value)
        self.value(node.slice)
        if isinstance(node.slice, ast.Slice):
            return base
        return without_flags(base, ELEM)

    def v_binop(self, node):
        op = node.op
        if isinstance(op, ast.Add):
            if isinstance(node.left, _SEQ_NODES) or isinstance(node.right, _SEQ_NODES):
                return with_flags(self.value(node.left) | self.value(node.right), ELEM)
            return self.build(node)
        if isinstance(op, ast.Mod):
            if self.const_text(node.left) is not None or _template_name(node.left):
                return self.build(node)
            return self.value(node.left) | self.value(node.right)
        left, right = self.value(node.left), self.value(node.right)
        if isinstance(op, ast.Div):
            if right and self.is_config(node.left):
                right = with_flags(right, ("based",))
            return left | right
        if isinstance(op, ast.BitOr):
            return left | right
        if isinstance(op, ast.Mult):
            return left | right if (isinstance(node.left, ast.List) or isinstance(node.right, ast.List)) else EMPTY
        return EMPTY

    def v_boolop(self, node):
        out = EMPTY
        for v in node.values:
            out |= self.value(v)
        return out

    def v_ifexp(self, node):
        self.value(node.test)
        return self.value(node.body) | self.value(node.orelse)

    def v_compare(self, node):
        user = 0
        for operand in [node.left] + node.comparators:
            if any(l.kind in ("request", "input") for l in self.value(operand)):
                user += 1
        if user >= 2:
            # two values the user typed (password vs. confirmation): no stored secret involved
            self.ctx.index.user_compares.add(id(node))
        return EMPTY

    def v_unary(self, node):
        self.value(node.operand)
        return EMPTY

    def v_container(self, node):
        out = EMPTY
        for e in node.elts:
            out |= self.value(e.value if isinstance(e, ast.Starred) else e)
        return with_flags(out, ELEM)

    def v_dict(self, node):
        out = EMPTY
        for k, v in zip(node.keys, node.values):
            if k is not None:
                out |= self.value(k)
            out |= self.value(v)
        return with_flags(out, ELEM)

    def v_comprehension(self, node):
        saved = self.env
        self.env = dict(saved)
        try:
            for gen in node.generators:
                it = self.value(gen.iter)
                self.assign(gen.target, without_flags(it, ELEM), None)
                for cond in gen.ifs:
                    self.value(cond)
                    t, _ = sanitizers.facts(cond, self)
                    self.env = self.refine(self.env, t)
            if isinstance(node, ast.DictComp):
                out = self.value(node.key) | self.value(node.value)
            else:
                out = self.value(node.elt)
        finally:
            self.env = saved
        return with_flags(out, ELEM)

    def v_joinedstr(self, node):
        return self.build(node)

    def v_passthrough(self, node):
        return self.value(node.value) if node.value is not None else EMPTY

    def v_namedexpr(self, node):
        v = self.value(node.value)
        self.assign(node.target, v, node.value)
        return v

    def v_constant(self, node):
        return EMPTY

    def v_lambda(self, node):
        return EMPTY

    # ----------------------------------------------------------- string building
    def build(self, node):
        """Taint of a string assembled from literal text and values.

        Every interpolated value gets `fmt`; the literal text decides `sql`/`cmdtext`/
        `html`; the text in front of each tainted value decides whether that value only
        names something under a fixed base directory (`based`) or only the path of a URL
        whose host is already fixed (`host_fixed`). Text in front counts as fixed when it
        is literal, configuration, object state or clean data, not another caller value."""
        parts = self.flatten(node, 0)
        text, fixed_before, plain, ident = [], [], EMPTY, EMPTY
        open_ = True  # no caller-controlled value seen yet
        for p in parts:
            if isinstance(p, str):
                text.append(p)
                fixed_before.append(p)
                continue
            strong = p and any("state" not in l.flags for l in p)
            if p:
                p = without_flags(p, ELEM)
                before = "".join(fixed_before)
                extra = []
                if open_ and is_base_path(before):
                    extra.append("based")
                if open_ and fixes_url_host(before):
                    extra.append("host_fixed")
                if extra:
                    p = with_flags(p, extra)
                if _SQL_IDENTIFIER_SLOT.search("".join(text[-3:])):
                    ident |= p
                else:
                    plain |= p
            if strong:
                open_ = False
            text.append(HOLE)
            fixed_before.append(HOLE)
        out = plain | ident
        if not out:
            return EMPTY
        t = "".join(text)
        flags = {"fmt"}
        if looks_like_sql(t):
            flags.add("sql")
            if ident and _SQL_PLACEHOLDER.search(t):
                # identifiers spliced into an otherwise parameterised statement
                out = plain | with_flags(ident - plain, ("sqlident",))
        elif looks_like_command(t):
            flags.add("cmdtext")
        if looks_like_html(t):
            flags.add("html")
        return with_flags(out, flags)

    def flatten(self, node, depth):
        if depth > 40:
            return [self.value(node)]
        t = type(node)
        if t is ast.Constant:
            v = node.value
            if isinstance(v, str):
                return [v]
            if isinstance(v, bytes):
                return [v.decode("latin-1")]
            return [] if v is None else [str(v)]
        if t is ast.Name:
            v = self.env.get(node.id, EMPTY)
            if not v and node.id in self.consts:
                return [self.consts[node.id]]
            if not v and _upper(node.id):
                return ["/" + node.id + "/"]
            return [v]
        if t is ast.JoinedStr:
            out = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    out.append(str(v.value))
                elif isinstance(v, ast.FormattedValue):
                    out.extend(self.flatten(v.value, depth + 1))
                    if v.format_spec is not None:
                        self.value(v.format_spec)
            return out
        if t is ast.BinOp:
            if isinstance(node.op, ast.Add) and not isinstance(node.left, _SEQ_NODES) and \
                    not isinstance(node.right, _SEQ_NODES):
                out = []
                for operand in _add_chain(node):
                    out.extend(self.flatten(operand, depth + 1))
                return out
            if isinstance(node.op, ast.Mod):
                fmt = self.const_text(node.left)
                if fmt is not None:
                    return self._percent(fmt, node.right, depth)
                if _template_name(node.left):
                    return ["", without_flags(self.value(node.right), ELEM)]
        if t is ast.Call and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
            fmt = self.const_text(node.func.value)
            if fmt is None and node.func.attr == "format" and _template_name(node.func.value):
                return self._format(None, node, depth)
            if fmt is not None:
                if node.func.attr == "format":
                    return self._format(fmt, node, depth)
                if len(node.args) == 1 and not node.keywords:
                    return self._join(fmt, node.args[0], depth)
        if t is ast.Attribute and _upper(node.attr):
            v = self.value(node)
            return [v] if v else ["/" + node.attr + "/"]
        return [self.value(node)]

    def _percent(self, fmt, right, depth):
        slots = percent_slots(fmt)
        items = named = None
        if isinstance(right, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in right.elts):
            items = right.elts
        elif isinstance(right, ast.Dict) and all(k is not None for k in right.keys):
            named = {str_const(k): v for k, v in zip(right.keys, right.values)}
        elif not isinstance(right, (ast.Tuple, ast.Dict)):
            items = [right]
        whole = None
        out = []
        for s in slots:
            if isinstance(s, str):
                out.append(s)
                continue
            kind, key, numeric = s
            if kind == "pos" and items is not None and key < len(items):
                if len(items) == 1 and not isinstance(right, ast.Tuple):
                    # `fmt % value` where value may be a tuple variable: every slot sees it
                    if whole is None:
                        whole = without_flags(self.value(right), ELEM)
                    out.append(EMPTY if numeric else whole)
                elif numeric:
                    self.value(items[key])  # %d/%f print a number: nothing of the text survives
                    out.append(EMPTY)
                else:
                    out.extend(self.flatten(items[key], depth + 1))
            elif kind == "name" and named is not None and key in named:
                if numeric:
                    self.value(named[key])
                    out.append(EMPTY)
                else:
                    out.extend(self.flatten(named[key], depth + 1))
            else:
                if whole is None:
                    whole = without_flags(self.value(right), ELEM)
                out.append(EMPTY if numeric else whole)
        if whole is None and items is None and named is None:
            out.append(without_flags(self.value(right), ELEM))
        return out

    def _format(self, fmt, call, depth):
        slots = format_slots(fmt) if fmt is not None else None
        fmt = fmt or ""
        starred = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
        if slots is None or starred:
            out = [fmt]
            for a in call.args:
                out.append(without_flags(self.value(a.value if isinstance(a, ast.Starred) else a), ELEM))
            for k in call.keywords:
                out.append(without_flags(self.value(k.value), ELEM))
            return out
        kw = {k.arg: k.value for k in call.keywords}
        out = []
        for s in slots:
            if isinstance(s, str):
                out.append(s)
                continue
            kind, key = s
            node = None
            if kind == "pos" and key < len(call.args):
                node = call.args[key]
            elif kind == "name":
                node = kw.get(key)
            if node is not None:
                out.extend(self.flatten(node, depth + 1))
        return out

    def _join(self, sep, iterable, depth):
        if isinstance(iterable, (ast.List, ast.Tuple)) and not any(isinstance(e, ast.Starred) for e in iterable.elts):
            out = []
            for i, e in enumerate(iterable.elts):
                if i:
                    out.append(sep)
                out.extend(self.flatten(e, depth + 1))
            return out
        return [without_flags(self.value(iterable), ELEM), sep]

    # ------------------------------------------------------------------- calls
    def v_call(self, node):
        src = source_of(node, self)
        if src is not None:
            return src
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join") and \
                (self.const_text(func.value) is not None or (func.attr == "format" and _template_name(func.value))):
            return self.build(node)
        qn = self.qualname(node)
        ln = last_name(node)
        recv = self.value(func.value) if isinstance(func, ast.Attribute) else (
            EMPTY if isinstance(func, ast.Name) else self.value(func))
        args = [self.value(a.value if isinstance(a, ast.Starred) else a) for a in node.args]
        kws = {}
        for k in node.keywords:
            v = self.value(k.value)
            if k.arg is None:
                kws["**"] = kws.get("**", EMPTY) | without_flags(v, ELEM)
            else:
                kws[k.arg] = v
        if not self.quiet:
            sinks.check(self, node, qn, ln, args, kws, recv)
        if ln in MUTATORS and isinstance(func, ast.Attribute) and (args or kws):
            self._mutate(func.value, args, kws)
        return self.call_result(node, qn, ln, recv, args, kws)

    def _mutate(self, target, args, kws):
        """`lst.append(x)`, `d.update(x)`: the container now holds x."""
        added = EMPTY
        for a in args:
            added |= a
        for v in kws.values():
            added |= v
        if not added:
            return
        key = dotted(target)
        if key is None or key in ("self", "cls"):
            return
        self.env[key] = self.env.get(key, EMPTY) | with_flags(added, ELEM)

    def call_result(self, node, qn, ln, recv, args, kws):
        allargs = EMPTY
        for a in args:
            allargs |= a
        for v in kws.values():
            allargs |= v
        qn = qn or ""
        if qn in EXCEPTION_TEXT:
            return make("exc", node.lineno, qn + "()", TRACE if qn in TRACEBACK_TEXT else ())
        if qn in RESPONSE_CALLS or qn in sinks.REDIRECT:
            return only_kinds(allargs | recv, ("exc",))
        if qn in CLEAN_FUNCS:
            return EMPTY
        effect = sanitizers.call_effect(qn, ln)
        if effect == "clean":
            return EMPTY
        if effect is not None:
            base = allargs if (node.args or node.keywords) else recv
            return sanitize(base, effect)
        if qn in sanitizers.NORMALIZERS:
            return with_flags(allargs, NORM)
        if qn in PATH_JOIN:
            return self._path_join(node, args)
        if qn == "unicodedata.normalize" and len(args) >= 2:
            return self._normalize(node, args[1])
        if qn in TO_STRING:
            return without_flags(allargs, ELEM)
        if isinstance(node.func, ast.Attribute):
            meth = node.func.attr
            if recv:
                if meth in CLEAN_METHODS:
                    return EMPTY
                if meth in sanitizers.NORMALIZER_METHODS:
                    return with_flags(recv, NORM)
                if meth == "replace":
                    out = recv | allargs
                    old = str_const(node.args[0]) if node.args else None
                    if old in ("\n", "\r", "\r\n", "\\n", "\\r"):
                        out = sanitize(out, ("log", "header"))
                    return out
                if meth in CONTAINER_METHODS:
                    return with_flags(recv | allargs, ELEM)
                if meth in ELEMENT_METHODS:
                    return without_flags(recv, ELEM) | allargs
                if meth in PROPAGATE_METHODS:
                    return recv | allargs
                return with_flags(recv | allargs, VIA)
            if qn in PROPAGATE_FUNCS or qn in sinks.DESER or qn in ("yaml.load", "yaml.load_all"):
                return allargs
            if meth in ("join", "replace", "format", "format_map"):
                # a clean template or text with data spliced in: the data is in the result as is
                return with_flags(without_flags(allargs, ELEM), ("fmt",)) if allargs else EMPTY
            return with_flags(allargs, VIA) if allargs else EMPTY
        if qn in PROPAGATE_FUNCS:
            return allargs
        if not allargs:
            return EMPTY
        return with_flags(allargs, VIA)

    def _path_join(self, node, args):
        """os.path.join(base, name...): the later parts are confined to `base` by intent
        when the base is not itself a value this function's caller passed in."""
        out = EMPTY
        based = bool(node.args) and (self.is_config(node.args[0]) or
                                     not any("state" not in l.flags for l in args[0]))
        for i, v in enumerate(args):
            if i > 0 and based and v:
                v = with_flags(v, ("based",))
            out |= v
        return without_flags(out, NORM | ELEM)

    def _normalize(self, node, v):
        form = str_const(node.args[0])
        escaped = frozenset(l for l in v if "xss" in l.san)
        if form in ("NFKC", "NFKD") and escaped:
            self.report("normalize", node, frozenset(l._replace(san=EMPTY) for l in escaped),
                        "unicodedata.normalize('%s') after HTML escaping" % form, "normalize")
        return unsanitize(v, ("xss",))

    # ------------------------------------------------------------- assignment
    def assign(self, target, v, rhs):
        env = self.env
        if isinstance(target, ast.Name):
            name = target.id
            env[name] = v
            text = self.const_text(rhs) if rhs is not None and not v else None
            if text is not None:
                self.consts[name] = text
            else:
                self.consts.pop(name, None)
            if isinstance(rhs, ast.Call):
                self._note_call_assignment(name, rhs)
            elif name in self.types and rhs is not None:
                del self.types[name]
            return
        if isinstance(target, (ast.Tuple, ast.List)):
            elts = target.elts
            if isinstance(rhs, (ast.Tuple, ast.List)) and len(rhs.elts) == len(elts) and \
                    not any(isinstance(e, ast.Starred) for e in rhs.elts):
                for t, r in zip(elts, rhs.elts):
                    self.assign(t, self.peek(r), r)
            else:
                item = without_flags(v, ELEM)
                for t in elts:
                    self.assign(t, item, None)
            return
        if isinstance(target, ast.Starred):
            self.assign(target.value, with_flags(v, ELEM), None)
            return
        if isinstance(target, ast.Attribute):
            key = dotted(target)
            if key:
                env[key] = v
            if isinstance(rhs, ast.Call) and key:
                self._note_call_assignment(key, rhs)
            return
        if isinstance(target, ast.Subscript):
            base = target.value
            if isinstance(base, ast.Attribute) and base.attr == "headers":
                sinks.header_sink(self, target, target.slice, v | self.peek(target.slice))
            sub = subscript_key(target)
            if sub is not None:
                env[sub] = v
            key = dotted(base)
            while key is None and isinstance(base, ast.Subscript):
                base = base.value
                key = dotted(base)
            if key and v:
                env[key] = env.get(key, EMPTY) | with_flags(v, ELEM)
            return

    def _note_call_assignment(self, name, rhs):
        qn = self.qualname(rhs) or ""
        short = qn.split(".")[-1]
        if short.endswith("Form") and short[:1].isupper() or qn == "cgi.FieldStorage":
            self.form_vars.add(name)
        if qn in TYPE_CTORS or qn.startswith("defusedxml"):
            self.types[name] = qn
            if qn in ("re.compile", "regex.compile") and rhs.args:
                pattern = str_const(rhs.args[0])
                if pattern is not None:
                    self.regex_patterns[name] = pattern
            if qn == "lxml.etree.XMLParser" or qn.startswith("defusedxml"):
                self.parsers[name] = _parser_mode_of_call(self, rhs)
        else:
            self.types.pop(name, None)
        keys = set()
        short = qn.split(".")[-1]
        if qn in sanitizers.NORMALIZERS or qn in PATH_JOIN or short in ("urlparse", "urlsplit", "Path", "str") or (
                isinstance(rhs.func, ast.Attribute) and rhs.func.attr in ("lower", "strip", "resolve", "upper")):
            for a in ([rhs.func.value] if isinstance(rhs.func, ast.Attribute) and not rhs.args else rhs.args):
                for sub in ast.walk(a):
                    if isinstance(sub, ast.Name) and sub.id != name:
                        keys.add(sub.id)
                        keys.update(self.derived.get(sub.id, ()))
        if keys:
            self.derived[name] = keys
        else:
            self.derived.pop(name, None)

    # -------------------------------------------------------------- statements
    def s_assign(self, s, env):
        v = self.value(s.value)
        for t in s.targets:
            self.assign(t, v, s.value)
        return self.env

    def s_annassign(self, s, env):
        if s.value is not None:
            self.assign(s.target, self.value(s.value), s.value)
        return self.env

    def s_augassign(self, s, env):
        synthetic = ast.BinOp(left=s.target, op=s.op, right=s.value)
        ast.copy_location(synthetic, s)
        v = self.value(synthetic)
        if isinstance(s.target, ast.Name):
            self.env[s.target.id] = v
            self.consts.pop(s.target.id, None)
        else:
            self.assign(s.target, v, None)
        return self.env

    def s_expr(self, s, env):
        node = s.value
        self.value(node)
        if isinstance(node, ast.Call):
            qn = self.qualname(node) or ""
            if qn in TERMINATORS or (qn.split(".")[-1] == "abort" and "." in qn):
                return None
            if sanitizers.is_statement_validator(node):
                for a in node.args:
                    for key in sanitizers.checked_keys(a, self):
                        self.env[key] = EMPTY
        return self.env

    def s_return(self, s, env):
        if s.value is None:
            return None
        v = self.value(s.value)
        if self.is_route:
            self._route_return(s, v)
        elif self.func is not None and not self.func.name.startswith("__"):
            # markup assembled here from caller data and handed back for display
            html = frozenset(l for l in v if "html" in l.flags and "elem" not in l.flags)
            if html:
                self.report("xss", s, html, "HTML returned by '%s'" % self.func.name, "xss", bump_flag="html")
            self._purpose_return(s, v)
        return None

    def _purpose_return(self, s, v):
        """A value built here and handed back for a purpose the function's name or docstring states
        (a file path, a URL to fetch, a redirect target) counts as reaching that purpose's sink."""
        v = frozenset(l for l in v if "via" not in l.flags and "elem" not in l.flags)
        if not v or not self.purpose() or self._decided_on(s.value):
            return
        purpose = self.purpose()
        name = self.func.name
        if purpose & PATH_WORDS:
            based = frozenset(l for l in v if "based" in l.flags and "elem" not in l.flags)
            if based:
                self.report("path", s, based, "the path returned by '%s'" % name, "path", bump_flag="based")
        built = frozenset(l for l in v if "fmt" in l.flags and "host_fixed" not in l.flags and "elem" not in l.flags)
        if not built and not (purpose & REDIRECT_WORDS):
            return
        if purpose & REDIRECT_WORDS:
            self.report("redirect", s, frozenset(l for l in v if "host_fixed" not in l.flags and "elem" not in l.flags),
                        "the redirect target returned by '%s'" % name, "redirect", bump=1)
        elif purpose & URL_WORDS and built:
            self.report("ssrf", s, built, "the URL returned by '%s'" % name, "ssrf")

    def _decided_on(self, value):
        """True when a condition of this function looks at a name the returned value is made of:
        the function checked the value (a validator returning it) rather than passing it on."""
        if self._tested is None:
            params = {a.arg for a in self.func.args.posonlyargs + self.func.args.args + self.func.args.kwonlyargs}
            tested = set()
            for n in ast.walk(self.func):
                test = getattr(n, "test", None) if isinstance(n, (ast.If, ast.While, ast.IfExp, ast.Assert)) else None
                if test is not None:
                    tested |= {x.id for x in ast.walk(test) if isinstance(x, ast.Name)}
            derived = set()
            for n in ast.walk(self.func):
                if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in tested for t in n.targets):
                    derived |= {x.id for x in ast.walk(n.value) if isinstance(x, ast.Name)}
            # a function that tests one of its parameters is deciding, not passing values on
            self._tested = tested | derived | (params if tested & params else set())
        return any(isinstance(x, ast.Name) and x.id in self._tested for x in ast.walk(value))

    def purpose(self):
        if self._purpose is None:
            words = name_tokens(self.func.name)
            doc = ast.get_docstring(self.func) or ""
            words |= {w for w in name_tokens(doc.split("\n\n")[0]) if w in PURPOSE_WORDS}
            self._purpose = frozenset(words & PURPOSE_WORDS)
        return self._purpose

    def _route_return(self, s, v):
        # A traceback, or the message of an exception caught broadly (database, OS, library errors
        # whose text names internals), is exposure; the message of a narrow, user-facing exception
        # (ValueError, a validation error, the module's own exception classes) is reported low.
        telling = frozenset(l for l in v if l.kind == "exc" and "narrow" not in l.flags)
        if telling:
            self.report("exposure", s, telling, "the HTTP response of route '%s'" % self.func.name, "exposure",
                        kinds=("exc",))
        else:
            self.report("exposure", s, v, "the HTTP response of route '%s' (a user-facing exception's message)"
                        % self.func.name, "exposure", kinds=("exc",), drop=1)
        if not self.ctx.returns_html:
            return
        body = s.value
        if isinstance(body, ast.Tuple) and body.elts:
            v = self.peek(body.elts[0])
        self.report("xss", s, only_kinds(v, ("request", "input", "argv", "env")),
                    "the HTML response body of route '%s'" % self.func.name, "xss", bump_flag="html")

    def s_raise(self, s, env):
        if s.exc is not None:
            self.value(s.exc)
        return None

    def s_break(self, s, env):
        if self.loops:
            self.loops[-1].append(dict(env))
        return None

    def s_continue(self, s, env):
        if self.loops:
            self.loops[-1].append(dict(env))
        return None

    def s_if(self, s, env):
        self.value(s.test)
        self._xff(s.test)
        t, f = sanitizers.facts(s.test, self)
        a = self.block(s.body, self.refine(dict(env), t))
        b = self.block(s.orelse, self.refine(dict(env), f)) if s.orelse else self.refine(env, f)
        return _merge(a, b)

    def s_while(self, s, env):
        self.value(s.test)
        t, f = sanitizers.facts(s.test, self)
        cur, exits = self.loop(env, lambda head: self.block(s.body, self.refine(dict(head), t)))
        after = self.refine(dict(cur), f)
        if s.orelse:
            after = self.block(s.orelse, after)
        infinite = isinstance(s.test, ast.Constant) and bool(s.test.value)
        if infinite:
            after = None
        for e in exits:
            after = _merge(after, e)
        return after

    def loop(self, env, body):
        """Runs a loop body from its head to a fixed point (two passes at most), merging what `continue`
        and `break` carry back each pass; returns the state at the head and the exits the body recorded."""
        cur = env
        self.loops.append([])
        for _ in range(2):
            before = cur
            cur = _merge(cur, body(cur))
            for e in self.loops[-1]:
                cur = _merge(cur, e)
            if _same(before, cur):
                break
        return cur, self.loops.pop()

    def s_for(self, s, env):
        it = without_flags(self.value(s.iter), ELEM)

        def body(head):
            body_env = dict(head)
            self.env = body_env
            self.assign(s.target, it, None)
            return self.block(s.body, body_env)

        cur, exits = self.loop(env, body)
        after = dict(cur)
        if s.orelse:
            after = self.block(s.orelse, after)
        for e in exits:
            after = _merge(after, e)
        return after

    def s_with(self, s, env):
        for item in s.items:
            v = self.value(item.context_expr)
            if item.optional_vars is not None:
                self.assign(item.optional_vars, v, item.context_expr)
        return self.block(s.body, self.env)

    def s_try(self, s, env):
        body_out = self.block(s.body, dict(env))
        base = _merge(dict(env), body_out)
        result = None
        if body_out is not None:
            result = self.block(s.orelse, body_out) if s.orelse else body_out
        for h in s.handlers:
            henv = dict(base)
            self.env = henv
            if h.type is not None:
                self.value(h.type)
            if h.name:
                henv[h.name] = make("exc", h.lineno, "exception '%s'" % h.name,
                                    NARROW if self._narrow_handler(h.type) else ())
            result = _merge(result, self.block(h.body, henv))
        if s.finalbody:
            fin = self.block(s.finalbody, dict(result if result is not None else base))
            return fin if result is not None else None
        return result

    def _narrow_handler(self, node):
        if node is None:
            return False
        types = node.elts if isinstance(node, ast.Tuple) else [node]
        for t in types:
            name = dotted(t) or ""
            last = name.rpartition(".")[2]
            if not (last in NARROW_EXCEPTIONS or last.endswith("ValidationError") or last in self.ctx.index.classes):
                return False
        return True

    def s_assert(self, s, env):
        self.value(s.test)
        t, _ = sanitizers.facts(s.test, self)
        return self.refine(env, t)

    def s_match(self, s, env):
        self.value(s.subject)
        result = dict(env)
        for case in s.cases:
            result = _merge(result, self.block(case.body, dict(env)))
        return result

    def s_delete(self, s, env):
        for t in s.targets:
            if isinstance(t, ast.Name):
                env.pop(t.id, None)
        return env

    def s_def(self, s, env):
        env.pop(s.name, None)
        return env

    def _xff(self, test):
        for sub in ast.walk(test):
            if isinstance(sub, ast.Compare):
                operands = [sub.left] + list(sub.comparators)
            elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and \
                    sub.func.attr in ("startswith", "endswith"):
                operands = [sub.func.value]
            else:
                continue
            for o in operands:
                hits = frozenset(l for l in self.peek(o) if "xff" in l.flags)
                if hits:
                    self.report("xff", sub, hits, "a security decision", "xff")


def _add_chain(node):
    """Operands of `a + b + c + ...` in order, without recursing down the left spine."""
    rights = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and \
            not isinstance(node.left, _SEQ_NODES) and not isinstance(node.right, _SEQ_NODES):
        rights.append(node.right)
        node = node.left
    rights.append(node)
    rights.reverse()
    return rights


def _template_name(node):
    """An UPPER_CASE constant defined elsewhere, used as a format template."""
    if isinstance(node, ast.Name):
        return _upper(node.id)
    if isinstance(node, ast.Attribute):
        return _upper(node.attr)
    return False


def _upper(name):
    return len(name) > 1 and name.isupper() and any(c.isalpha() for c in name)


def _parser_mode_of_call(fa, call):
    qn = fa.qualname(call) or ""
    if qn.startswith("defusedxml"):
        return "safe"
    if qn.split(".")[-1] not in ("XMLParser", "HTMLParser", "XMLPullParser", "ETCompatXMLParser"):
        return "default"
    resolve = None
    for k in call.keywords:
        if k.arg == "resolve_entities":
            resolve = k.value
    if resolve is None:
        return "default"
    if isinstance(resolve, ast.Constant) and resolve.value is False:
        return "safe"
    if isinstance(resolve, ast.Constant) and resolve.value == "internal":
        return "safe"
    return "resolve"




def _same(a, b):
    """Environments equal as far as taint goes (new clean names do not matter)."""
    if a is b:
        return True
    for k, v in b.items():
        if v and a.get(k) != v:
            return False
    return True


def _merge(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a is b:
        return a
    out = dict(a)
    for k, v in b.items():
        old = out.get(k)
        if old is None:
            out[k] = v
        elif old is not v and old != v:
            out[k] = old | v
    return out


_EXPR = {
    ast.Name: FunctionAnalysis.v_name,
    ast.Attribute: FunctionAnalysis.v_attribute,
    ast.Subscript: FunctionAnalysis.v_subscript,
    ast.Call: FunctionAnalysis.v_call,
    ast.BinOp: FunctionAnalysis.v_binop,
    ast.BoolOp: FunctionAnalysis.v_boolop,
    ast.IfExp: FunctionAnalysis.v_ifexp,
    ast.Compare: FunctionAnalysis.v_compare,
    ast.UnaryOp: FunctionAnalysis.v_unary,
    ast.List: FunctionAnalysis.v_container,
    ast.Tuple: FunctionAnalysis.v_container,
    ast.Set: FunctionAnalysis.v_container,
    ast.Dict: FunctionAnalysis.v_dict,
    ast.ListComp: FunctionAnalysis.v_comprehension,
    ast.SetComp: FunctionAnalysis.v_comprehension,
    ast.GeneratorExp: FunctionAnalysis.v_comprehension,
    ast.DictComp: FunctionAnalysis.v_comprehension,
    ast.JoinedStr: FunctionAnalysis.v_joinedstr,
    ast.FormattedValue: FunctionAnalysis.v_passthrough,
    ast.Await: FunctionAnalysis.v_passthrough,
    ast.Starred: FunctionAnalysis.v_passthrough,
    ast.Yield: FunctionAnalysis.v_passthrough,
    ast.YieldFrom: FunctionAnalysis.v_passthrough,
    ast.NamedExpr: FunctionAnalysis.v_namedexpr,
    ast.Constant: FunctionAnalysis.v_constant,
    ast.Lambda: FunctionAnalysis.v_lambda,
}

_STMT = {
    ast.Assign: FunctionAnalysis.s_assign,
    ast.AnnAssign: FunctionAnalysis.s_annassign,
    ast.AugAssign: FunctionAnalysis.s_augassign,
    ast.Expr: FunctionAnalysis.s_expr,
    ast.Return: FunctionAnalysis.s_return,
    ast.Raise: FunctionAnalysis.s_raise,
    ast.Break: FunctionAnalysis.s_break,
    ast.Continue: FunctionAnalysis.s_continue,
    ast.If: FunctionAnalysis.s_if,
    ast.While: FunctionAnalysis.s_while,
    ast.For: FunctionAnalysis.s_for,
    ast.AsyncFor: FunctionAnalysis.s_for,
    ast.With: FunctionAnalysis.s_with,
    ast.AsyncWith: FunctionAnalysis.s_with,
    ast.Try: FunctionAnalysis.s_try,
    ast.Assert: FunctionAnalysis.s_assert,
    ast.Delete: FunctionAnalysis.s_delete,
    ast.FunctionDef: FunctionAnalysis.s_def,
    ast.AsyncFunctionDef: FunctionAnalysis.s_def,
    ast.ClassDef: FunctionAnalysis.s_def,
}
if hasattr(ast, "TryStar"):
    _STMT[ast.TryStar] = FunctionAnalysis.s_try
if hasattr(ast, "Match"):
    _STMT[ast.Match] = FunctionAnalysis.s_match


def analyze_tree(tree, index):
    """Run the flow analysis on a parsed module; returns the finding dicts."""
    ctx = ModuleContext(tree, index)
    module = FunctionAnalysis(ctx)
    ctx.module_env = {k: v for k, v in module.run().items() if v}
    ctx.consts, ctx.regex = module.consts, module.regex_patterns
    ctx.types, ctx.parsers = module.types, module.parsers
    for func, cls, parent in index.funcs:
        FunctionAnalysis(ctx, func, cls, parent).run()
    return [f for _, f in ctx.findings.values()]
