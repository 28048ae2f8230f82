"""Where untrusted data enters: web request objects, route parameters, the console,
the command line, the environment, and (at lower confidence) function parameters."""
import ast
import re

from .labels import make
from .names import dotted, str_const

# Attributes of a request object that carry client-controlled data
# (Flask/Werkzeug, Django, FastAPI/Starlette, aiohttp, Tornado, webapp2, Twisted, Bottle).
REQUEST_DATA_ATTRS = frozenset("""
args form values json data cookies headers files query_string stream environ view_args
GET POST REQUEST body COOKIES META FILES query_params path_params params match_info content
text url full_path path base_url url_root referrer user_agent host access_route query arguments
body_arguments query_arguments forms query_dict form_dict uri
""".split())
REQUEST_DATA_METHODS = frozenset("""
get get_json get_data getlist getvalue get_argument get_arguments get_query_argument
get_query_arguments get_body_argument get_body_arguments json form body read post param params
getParam get_param get_all
""".split())
HANDLER_SELF_METHODS = frozenset("""
get_argument get_arguments get_query_argument get_query_arguments get_body_argument
get_body_arguments get_cookie get_secure_cookie
""".split())
REQUEST_NAMES = frozenset(("request", "req"))
REQUEST_QUALNAMES = frozenset(("flask.request", "bottle.request", "quart.request", "sanic.request",
                               "pyramid.request", "werkzeug.request"))
REQUEST_TYPES = frozenset(("Request", "HttpRequest", "WSGIRequest", "HTTPServerRequest", "BaseRequest"))

ROUTE_DECORATORS = frozenset(("route", "get", "post", "put", "delete", "patch", "head", "options",
                              "api_route", "websocket", "view_config", "api_view", "expose"))
CLEAN_ANNOTATIONS = frozenset(("int", "float", "bool", "complex", "UUID", "uuid.UUID", "datetime",
                               "date", "datetime.datetime", "datetime.date", "Decimal", "PositiveInt",
                               "conint", "confloat", "Cursor", "sqlite3.Cursor", "Connection",
                               "sqlite3.Connection", "Logger", "logging.Logger"))
CLEAN_ROUTE_CONVERTERS = frozenset(("int", "float", "uuid"))
_ROUTE_PARAM = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>|\{(\w+)(?::(\w+))?\}")
_XFF_HEADER = re.compile(r"(?i)x[-_]forwarded[-_]for|x[-_]real[-_]ip|client[-_]ip|forwarded")

SKIP_PARAMS = frozenset(("self", "cls", "mcs", "metacls"))
# Web form objects (WTForms/Flask-WTF/Django forms, cgi.FieldStorage): their data is request data.
FORM_DATA_ATTRS = frozenset(("data", "cleaned_data", "raw_data", "value", "form", "files"))


def _configured_default(node):
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and ("/" in node.value or "\\" in node.value or "://" in node.value)
    name = dotted(node) or ""
    last = name.split(".")[-1]
    return len(last) > 1 and last.isupper()


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _ann_text(ann):
    if ann is None:
        return None
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        return ann.value
    return dotted(ann)


def is_request_object(node, imports, request_params, assigned=frozenset()):
    """`request`, `self.request`, or a parameter annotated as a request type."""
    if isinstance(node, ast.Name):
        if node.id in request_params:
            return True
        full = imports.alias.get(node.id)
        if full is not None:
            return full in REQUEST_QUALNAMES or full.endswith(".request")
        return node.id in REQUEST_NAMES and node.id not in assigned
    if isinstance(node, ast.Attribute) and node.attr in REQUEST_NAMES:
        return isinstance(node.value, ast.Name) and node.value.id in ("self", "cls", "handler")
    return False


def _desc(node):
    try:
        text = ast.unparse(node)
    except Exception:  # pragma: no cover - unparse handles every node the parser makes
        text = "untrusted input"
    return text if len(text) <= 60 else text[:57] + "..."


def _xff_key(node):
    key = str_const(node)
    return key is not None and _XFF_HEADER.search(key) is not None


def source_of(node, fa):
    """Taint value of `node` when it is itself a source expression, else None.

    `fa` is the function analysis (for the import table and request parameters)."""
    imports, rparams = fa.ctx.imports, fa.request_params
    if isinstance(node, ast.Attribute):
        if node.attr in FORM_DATA_ATTRS and _root_name(node.value) in fa.form_vars:
            return make("request", node.lineno, _desc(node))
        if node.attr in REQUEST_DATA_ATTRS and is_request_object(node.value, imports, rparams, fa.assigned):
            flags = ("xff",) if node.attr == "access_route" else ()
            return make("request", node.lineno, _desc(node), flags)
        name = dotted(node)
        if name:
            full = imports.resolve(name)
            if full == "sys.argv":
                return make("argv", node.lineno, "sys.argv")
            if full == "os.environ":
                return make("env", node.lineno, "os.environ")
        return None
    if isinstance(node, ast.Subscript):
        base = node.value
        if isinstance(base, ast.Name) and base.id in fa.form_vars:
            return make("request", node.lineno, _desc(node))
        if isinstance(base, ast.Attribute) and base.attr in REQUEST_DATA_ATTRS and \
                is_request_object(base.value, imports, rparams, fa.assigned):
            flags = ("xff",) if _xff_key(node.slice) else ()
            return make("request", node.lineno, _desc(node), flags)
        return None
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("getvalue", "getfirst", "getlist") and \
                _root_name(func.value) in fa.form_vars:
            return make("request", node.lineno, _desc(node))
        if isinstance(func, ast.Attribute):
            recv = func.value
            # request.args.get('x'), request.headers.get('X-Forwarded-For'), request.GET.getlist(...)
            if isinstance(recv, ast.Attribute) and recv.attr in REQUEST_DATA_ATTRS and \
                    is_request_object(recv.value, imports, rparams, fa.assigned) and func.attr in ("get", "getlist", "getone", "get_all", "getall"):
                flags = ("xff",) if node.args and _xff_key(node.args[0]) else ()
                if func.attr in ("getlist", "getall", "get_all"):
                    flags += ("elem",)
                return make("request", node.lineno, _desc(node), flags)
            if func.attr in REQUEST_DATA_METHODS and is_request_object(recv, imports, rparams, fa.assigned):
                return make("request", node.lineno, _desc(node))
            if func.attr in HANDLER_SELF_METHODS and isinstance(recv, ast.Name) and recv.id == "self":
                return make("request", node.lineno, _desc(node))
        name = dotted(func)
        if not name:
            return None
        full = imports.resolve(name)
        if full in ("input", "raw_input", "builtins.input"):
            return make("input", node.lineno, full + "()")
        if full in ("sys.stdin.read", "sys.stdin.readline", "sys.stdin.readlines", "fileinput.input"):
            return make("input", node.lineno, full + "()")
        if full in ("os.getenv", "os.environ.get", "os.getenvb"):
            return make("env", node.lineno, _desc(node))
        if full.endswith(".parse_args") or full.endswith(".parse_known_args"):
            return make("argv", node.lineno, _desc(node))
    return None


def route_info(func, imports):
    """For a route handler: (True, {param: clean?}) from its decorators, else (False, {})."""
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Attribute):
            name = target.attr
        elif isinstance(target, ast.Name):
            name = target.id
        else:
            continue
        if name not in ROUTE_DECORATORS:
            continue
        if name in ("get", "post", "put", "delete", "patch", "head", "options") and not isinstance(target, ast.Attribute):
            continue
        clean = {}
        if isinstance(deco, ast.Call) and deco.args:
            path = str_const(deco.args[0])
            if path:
                for m in _ROUTE_PARAM.finditer(path):
                    conv, pname = (m.group(1), m.group(2)) if m.group(2) else (m.group(4), m.group(3))
                    clean[pname] = (conv or "").lower() in CLEAN_ROUTE_CONVERTERS
        return True, clean
    return False, {}


def initial_params(fa, func, is_route, route_clean, is_method):
    """Taint of each parameter at function entry, and the names that hold request objects."""
    env, request_params = {}, set()
    args = func.args
    params = list(args.posonlyargs) + list(args.args) + list(args.kwonlyargs)
    if args.vararg:
        params.append(args.vararg)
    if args.kwarg:
        params.append(args.kwarg)
    positional = list(args.posonlyargs) + list(args.args)
    defaults = dict(zip([a.arg for a in positional[len(positional) - len(args.defaults):]], args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    django_view = False
    first = params[1] if is_method and len(params) > 1 else (params[0] if params else None)
    if first is not None and first.arg in REQUEST_NAMES:
        django_view = True
    for i, p in enumerate(params):
        if i == 0 and is_method and p.arg in SKIP_PARAMS:
            continue
        if p.arg in SKIP_PARAMS:
            continue
        ann = _ann_text(p.annotation)
        short = ann.split(".")[-1] if ann else None
        if p.arg in REQUEST_NAMES or (short in REQUEST_TYPES):
            request_params.add(p.arg)
            continue
        if ann in CLEAN_ANNOTATIONS or short in CLEAN_ANNOTATIONS:
            continue
        if is_route or django_view:
            if route_clean.get(p.arg):
                continue
            env[p.arg] = make("request", p.lineno if hasattr(p, "lineno") else func.lineno,
                              "route parameter '%s'" % p.arg)
        else:
            flags = ("elem",) if p is args.vararg or p is args.kwarg else ()
            if _configured_default(defaults.get(p.arg)):
                # `root=UPLOAD_ROOT`: a setting the caller may override, not the data itself;
                # text placed after it is confined by intent (like object state)
                flags += ("state",)
            env[p.arg] = make("param", getattr(p, "lineno", func.lineno), "parameter '%s'" % p.arg, flags)
    return env, request_params
