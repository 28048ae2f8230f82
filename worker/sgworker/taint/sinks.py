"""Where untrusted data must not arrive: the sink catalogue and its checks.

Every call the flow engine evaluates is offered to `check`. Known APIs are matched
by their import-resolved qualified name (``os.system``, ``flask.redirect``) or, for
methods of objects the analyzer cannot type (``cursor.execute``, ``tree.xpath``),
by method name. Project-specific helpers are recognised by naming convention only
when the data is a string this function built: an SQL-looking string passed to
``self.db.exec``/``run_query``, or a command-looking string passed to
``_run_ssh``/``execute_cmd``; those findings carry lower confidence.
"""
import ast

from .labels import live
from .names import arg, dotted, is_false, kwarg, name_tokens, str_const, target_text

SHELL_STRING = frozenset("""
os.system os.popen os.popen2 os.popen3 os.popen4 popen2.popen2 popen2.popen3 popen2.popen4
commands.getoutput commands.getstatusoutput subprocess.getoutput subprocess.getstatusoutput
asyncio.create_subprocess_shell pty.spawn platform.popen
""".split())
SUBPROCESS = frozenset("""
subprocess.call subprocess.run subprocess.Popen subprocess.check_call subprocess.check_output
asyncio.create_subprocess_exec
""".split())
CODE = {"eval": 0, "exec": 0, "compile": 0, "execfile": 0, "builtins.eval": 0, "builtins.exec": 0,
        "builtins.compile": 0}
SSTI = {"flask.render_template_string": (0, "source"), "jinja2.Template": (0, "source"),
        "jinja2.environment.Template": (0, "source"), "django.template.Template": (0, "template_string"),
        "mako.template.Template": (0, "text"), "quart.render_template_string": (0, "source")}
XSS = {"flask.make_response": None, "flask.Response": (0, "response"), "werkzeug.Response": (0, "response"),
       "werkzeug.wrappers.Response": (0, "response"), "django.http.HttpResponse": (0, "content"),
       "django.http.response.HttpResponse": (0, "content"), "fastapi.responses.HTMLResponse": (0, "content"),
       "starlette.responses.HTMLResponse": (0, "content"), "quart.make_response": None}
MARKUP = {"markupsafe.Markup": 0, "flask.Markup": 0, "jinja2.Markup": 0, "django.utils.safestring.mark_safe": 0,
          "django.utils.safestring.SafeString": 0, "mark_safe": 0, "Markup": 0}
PATH = {
    "open": (0, "file"), "builtins.open": (0, "file"), "io.open": (0, "file"), "codecs.open": (0, "filename"),
    "os.open": (0, "path"), "file": (0, None), "os.remove": (0, "path"), "os.unlink": (0, "path"),
    "os.rmdir": (0, "path"), "os.removedirs": (0, "name"), "os.mkdir": (0, "path"), "os.makedirs": (0, "name"),
    "os.listdir": (0, "path"), "os.scandir": (0, "path"), "os.rename": (0, "src"), "os.replace": (0, "src"),
    "os.truncate": (0, "path"), "os.chmod": (0, "path"), "os.chown": (0, "path"),
    "shutil.rmtree": (0, "path"), "shutil.copy": (1, "dst"), "shutil.copy2": (1, "dst"),
    "shutil.copyfile": (1, "dst"), "shutil.copytree": (1, "dst"), "shutil.move": (1, "dst"),
    "flask.send_file": (0, "path_or_file"), "flask.send_from_directory": (0, "directory"),
    "tarfile.open": (0, "name"), "zipfile.ZipFile": (0, "file"), "gzip.open": (0, "filename"),
    "bz2.open": (0, "filename"), "lzma.open": (0, "filename"), "PIL.Image.open": (0, "fp"),
    "django.http.FileResponse": (0, None), "numpy.load": (0, "file"), "pandas.read_csv": (0, None),
}
PATH_SECOND = frozenset(("os.rename", "os.replace", "shutil.copy", "shutil.copy2", "shutil.copyfile",
                         "shutil.copytree", "shutil.move"))
PATH_METHODS = frozenset(("read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir", "touch",
                          "iterdir", "rglob", "glob", "symlink_to", "mkdir"))
DESER = {
    "pickle.loads": 0, "pickle.load": 0, "pickle.Unpickler": 0, "cPickle.loads": 0, "cPickle.load": 0,
    "_pickle.loads": 0, "_pickle.load": 0, "dill.loads": 0, "dill.load": 0, "marshal.loads": 0,
    "marshal.load": 0, "jsonpickle.decode": 0, "jsonpickle.loads": 0, "shelve.open": 0,
    "pandas.read_pickle": 0, "joblib.load": 0, "torch.load": 0, "yaml.unsafe_load": 0,
    "yaml.unsafe_load_all": 0, "yaml.full_load": 0, "yaml.full_load_all": 0, "cloudpickle.loads": 0,
    "cloudpickle.load": 0,
}
YAML_SAFE_LOADERS = frozenset(("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"))
# Calls whose algorithm is named by a string argument: (position, keyword)
ALGORITHM_ARGS = {"hashlib.new": (0, "name"), "hmac.new": (2, "digestmod"), "hmac.digest": (2, "digest"),
                  "hashlib.pbkdf2_hmac": (0, "hash_name")}
REDIRECT = frozenset("""
flask.redirect werkzeug.utils.redirect werkzeug.redirect django.shortcuts.redirect bottle.redirect
django.http.HttpResponseRedirect django.http.HttpResponsePermanentRedirect
django.http.response.HttpResponseRedirect fastapi.responses.RedirectResponse
starlette.responses.RedirectResponse quart.redirect
""".split())
HTTP_CLIENT = {}
for _m in ("requests", "httpx"):
    for _verb in ("get", "post", "put", "patch", "delete", "head", "options", "stream"):
        HTTP_CLIENT["%s.%s" % (_m, _verb)] = (0, "url")
        HTTP_CLIENT["%s.Session.%s" % (_m, _verb)] = (0, "url")
        HTTP_CLIENT["%s.Client.%s" % (_m, _verb)] = (0, "url")
        HTTP_CLIENT["%s.AsyncClient.%s" % (_m, _verb)] = (0, "url")
    HTTP_CLIENT[_m + ".request"] = (1, "url")
    HTTP_CLIENT[_m + ".Session.request"] = (1, "url")
    HTTP_CLIENT[_m + ".Client.request"] = (1, "url")
HTTP_CLIENT.update({
    "urllib.request.urlopen": (0, "url"), "urllib.request.Request": (0, "url"), "urllib.urlopen": (0, "url"),
    "urllib2.urlopen": (0, "url"), "urllib2.Request": (0, "url"), "urllib.request.urlretrieve": (0, "url"),
    "http.client.HTTPConnection": (0, "host"), "http.client.HTTPSConnection": (0, "host"),
    "httplib.HTTPConnection": (0, "host"), "urllib3.PoolManager.request": (1, "url"),
    "urllib3.request": (1, "url"), "aiohttp.ClientSession.get": (0, "url"), "aiohttp.ClientSession.post": (0, "url"),
    "aiohttp.request": (1, "url"),
})
LXML_PARSE = frozenset("""
lxml.etree.fromstring lxml.etree.XML lxml.etree.parse lxml.etree.iterparse lxml.etree.XMLID
lxml.etree.fromstringlist lxml.etree.XMLDTDID lxml.objectify.fromstring lxml.objectify.parse
""".split())
XML_EXPAT = frozenset("""
xml.etree.ElementTree.fromstring xml.etree.ElementTree.XML xml.etree.ElementTree.parse
xml.etree.ElementTree.iterparse xml.etree.ElementTree.fromstringlist xml.etree.cElementTree.fromstring
xml.etree.cElementTree.parse xml.etree.cElementTree.XML xml.dom.minidom.parse xml.dom.minidom.parseString
xml.dom.pulldom.parse xml.dom.pulldom.parseString xml.sax.parse xml.sax.parseString
xml.dom.expatbuilder.parseString xml.etree.ElementTree.XMLParser.feed
""".split())
REGEX_FUNCS = frozenset("compile match search fullmatch findall finditer sub subn split".split())
LOG_METHODS = frozenset("debug info warning warn error critical exception log fatal".split())
SQL_METHODS = frozenset(("execute", "executemany", "executescript", "mogrify", "exec_driver_sql"))
SQL_FUNCS = frozenset("""
sqlalchemy.text sqlalchemy.sql.text sqlalchemy.sql.expression.text django.db.models.expressions.RawSQL
django.db.models.RawSQL pandas.read_sql pandas.read_sql_query
""".split())
DB_WORDS = frozenset("""
execute executemany exec query sql select insert update delete fetch fetchall fetchone fetchmany
db database cursor mogrify raw run command cmd statement stmt
""".split())
CMD_WORDS = frozenset("""
run exec execute call system popen spawn shell cmd command
""".split())
NOT_WRAPPERS = frozenset("""
append extend insert appendleft extendleft setdefault write writelines format join replace print debug info
warning warn error critical exception log fatal pop items keys values startswith endswith split strip encode
""".split())
RESPONSE_HEADER_METHODS = frozenset(("add", "set", "setdefault", "add_header", "__setitem__"))


def _val(fa, node, args, kws, pos, name):
    """Value of positional argument `pos` (already evaluated) or keyword `name`."""
    if pos is not None and pos < len(node.args) and not any(isinstance(a, ast.Starred) for a in node.args[:pos + 1]):
        return args[pos], node.args[pos]
    if name and name in kws:
        return kws[name], kwarg(node, name)
    return None, None


def _resolve_star(fa, qn):
    if qn and "." not in qn:
        for mod in fa.ctx.imports.star_modules:
            cand = mod + "." + qn
            if cand in SHELL_STRING or cand in SUBPROCESS or cand in PATH or cand in DESER or cand in REDIRECT:
                return cand
    return qn


def check(fa, node, qn, ln, args, kws, recv):
    """Report every sink that this call is, for the current argument values."""
    qn = _resolve_star(fa, qn) or ""
    if qn in SHELL_STRING:
        v, _ = _val(fa, node, args, kws, 0, "cmd")
        if v:
            fa.report("cmd", node, v, qn + "()", "cmd", ignore_elem=False)
        return True
    if qn in SUBPROCESS:
        _subprocess(fa, node, qn, args, kws)
        return True
    if qn.startswith("os.exec") or qn.startswith("os.spawn"):
        pos = 1 if qn.startswith("os.spawn") else 0
        v, _ = _val(fa, node, args, kws, pos, None)
        if v:
            fa.report("cmd", node, v, qn + "()", "cmd")
        return True
    if qn in ALGORITHM_ARGS:
        pos, name = ALGORITHM_ARGS[qn]
        v, _ = _val(fa, node, args, kws, pos, name)
        if v:
            fa.report("algorithm", node, v, qn + "() algorithm name", "algorithm")
        return False
    if qn in CODE:
        v, _ = _val(fa, node, args, kws, 0, "source")
        if v and not fa.ctx.guarded(node):
            fa.report("code", node, v, qn + "()", "code")
        return True
    if qn in SSTI:
        pos, name = SSTI[qn]
        v, _ = _val(fa, node, args, kws, pos, name)
        if v:
            fa.report("ssti", node, v, qn + "()", "code")
        return True
    if qn in XSS:
        _xss_response(fa, node, qn, args, kws)
        return True
    if qn in MARKUP:
        v, _ = _val(fa, node, args, kws, 0, None)
        if v:
            fa.report("xss_markup", node, v, qn + "()", "xss")
        return True
    if qn in PATH:
        _path(fa, node, qn, args, kws)
        return True
    if qn in DESER or (qn.startswith("yaml.load") and qn in ("yaml.load", "yaml.load_all")):
        _deser(fa, node, qn, args, kws)
        return True
    if qn == "numpy.load" or qn == "np.load":
        return True
    if qn in REDIRECT:
        v, _ = _val(fa, node, args, kws, 0, "location")
        if v is None:
            v, _ = _val(fa, node, args, kws, None, "url")
        if v:
            fa.report("redirect", node, v, qn + "()", "redirect", skip_flags=("host_fixed",))
        return True
    if qn in HTTP_CLIENT:
        pos, name = HTTP_CLIENT[qn]
        v, _ = _val(fa, node, args, kws, pos, name)
        if v:
            full = frozenset(l for l in v if "host_fixed" not in l.flags)
            if live(full, "ssrf"):
                fa.report("ssrf", node, full, qn + "()", "ssrf")
            else:
                fa.report("ssrf", node, v, qn + "() (URL path only)", "ssrf", drop=1)
        return True
    if qn in LXML_PARSE:
        _lxml(fa, node, qn, args, kws)
        return True
    if qn in XML_EXPAT:
        v, _ = _val(fa, node, args, kws, 0, "source")
        if v:
            fa.report("xml_bomb", node, v, qn + "()", "xml")
        return True
    if qn in ("lxml.etree.XPath", "lxml.etree.ETXPath"):
        v, _ = _val(fa, node, args, kws, 0, "path")
        if v:
            fa.report("xpath", node, v, qn + "()", "xpath")
        return True
    if qn.startswith(("re.", "regex.")) and qn.split(".", 1)[1] in REGEX_FUNCS:
        v, _ = _val(fa, node, args, kws, 0, "pattern")
        if v:
            fa.report("regex", node, v, qn + "()", "regex")
        return True
    if qn in SQL_FUNCS:
        v, _ = _val(fa, node, args, kws, 0, "sql")
        if v:
            _sql(fa, node, v, qn + "()")
        return True
    if qn.startswith("fabric") and ln in ("run", "sudo", "local"):
        v, _ = _val(fa, node, args, kws, 0, "command")
        if v:
            fa.report("cmd", node, v, qn + "()", "cmd")
        return True
    if qn.startswith("logging.") and ln in LOG_METHODS:
        _log(fa, node, qn, args)
        return True
    if qn.startswith("defusedxml."):
        return True
    if isinstance(node.func, ast.Attribute):
        return _method(fa, node, qn, ln, args, kws, recv)
    return _wrapper(fa, node, ln, args, kws)


def _subprocess(fa, node, qn, args, kws):
    v, a0 = _val(fa, node, args, kws, 0, "args")
    if not v:
        return
    shell = kwarg(node, "shell")
    shell_on = shell is not None and not is_false(shell)
    literal = isinstance(a0, (ast.List, ast.Tuple)) and a0.elts and not isinstance(a0.elts[0], ast.Starred)
    if shell_on:
        head = fa.peek(a0.elts[0]) if literal else v
        certain = isinstance(shell, ast.Constant)
        fa.report("cmd", node, head, qn + ("(shell=True)" if certain else "(shell=<variable>)"), "cmd",
                  ignore_elem=False, drop=0 if certain else 1)
        return
    if literal:
        fa.report("cmd", node, fa.peek(a0.elts[0]), qn + "() program name", "cmd")
        rest = frozenset()
        for e in a0.elts[1:]:
            if str_const(e) == "--":  # end of options: later items cannot be read as flags
                break
            rest |= fa.peek(e)
        fa.report("arginj", node, rest, qn + "() argument list", "cmd")
        return
    strong = frozenset(l for l in v if "elem" not in l.flags and (l.kind in ("request", "input") or "fmt" in l.flags))
    if strong:
        fa.report("cmd", node, strong, qn + "()", "cmd")
    fa.report("arginj", node, v - strong, qn + "() arguments", "cmd", ignore_elem=False)


def _xss_response(fa, node, qn, args, kws):
    for key in ("mimetype", "content_type", "media_type"):
        kind = kwarg(node, key)
        text = str_const(kind) if kind is not None else None
        if text is not None and "html" not in text.lower():
            return
    if qn.endswith("make_response"):
        v = frozenset()
        for a in args[:1]:
            v |= a
    else:
        v, _ = _val(fa, node, args, kws, *XSS[qn])
    if v:
        fa.report("xss", node, v, qn + "()", "xss", bump_flag="html")


def _path(fa, node, qn, args, kws):
    pos, name = PATH[qn]
    if qn in PATH_SECOND:
        for p, n in ((0, "src"), (1, "dst")):
            v, _ = _val(fa, node, args, kws, p, n)
            if v:
                fa.report("path", node, v, qn + "()", "path", bump_flag="based")
        return
    v, _ = _val(fa, node, args, kws, pos, name)
    if v:
        fa.report("path", node, v, qn + "()", "path", bump_flag="based")


def _deser(fa, node, qn, args, kws):
    if qn in ("yaml.load", "yaml.load_all"):
        loader = kwarg(node, "Loader")
        if loader is None and len(node.args) > 1:
            loader = node.args[1]
        if loader is not None and (dotted(loader) or "").split(".")[-1] in YAML_SAFE_LOADERS:
            return
    v, _ = _val(fa, node, args, kws, 0, None)
    if v:
        fa.report("deser", node, v, qn + "()", "deser")


def _lxml(fa, node, qn, args, kws):
    v, _ = _val(fa, node, args, kws, 0, None)
    if not v:
        return
    parser = arg(node, 1, "parser")
    mode = fa.parser_mode(parser)
    if mode == "safe":
        return
    if mode == "resolve":
        fa.report("xxe", node, v, qn + "() with resolve_entities=True", "xml")
    else:
        fa.report("xml_default", node, v, qn + "() with lxml's default parser", "xml")


def _sql(fa, node, v, sink, conf_drop=0):
    """Query text built from data. A caller's value spliced in where only an identifier
    can go (FROM %s, UPDATE %s SET %s = ...) of an otherwise parameterised query is
    reported one level lower: identifiers cannot be bound as parameters."""
    keep = frozenset(l for l in v if l.kind in ("request", "input") or "fmt" in l.flags)
    if not keep:
        return
    ident = frozenset(l for l in keep if "sqlident" in l.flags and l.kind not in ("request", "input"))
    if keep - ident:
        fa.report("sql", node, keep - ident, sink, "sql", conf_drop=conf_drop)
    elif ident:
        fa.report("sql", node, ident, sink + " (table or column name)", "sql", drop=1, conf_drop=conf_drop)


def _log(fa, node, sink, args):
    v = frozenset()
    for a in args:
        v |= a
    if v:
        fa.report("log", node, v, sink + "()", "log")


def _method(fa, node, qn, ln, args, kws, recv):
    func = node.func
    recv_text = dotted(func.value) or ""
    recv_tokens = name_tokens(recv_text)
    if ln in SQL_METHODS:
        v, _ = _val(fa, node, args, kws, 0, "sql")
        if v is None:
            v, _ = _val(fa, node, args, kws, None, "operation")
        if v:
            if any("sql" in l.flags for l in v) or not any("fmt" in l.flags for l in v) or \
                    recv_tokens & {"cursor", "cur", "conn", "connection", "db", "session", "c", "engine"}:
                _sql(fa, node, v, recv_text + "." + ln + "()")
            else:
                _wrapper(fa, node, ln, args, kws)
        return True
    if ln == "raw" and args:
        _sql(fa, node, args[0], recv_text + ".raw()")
        return True
    if ln == "exec_command" and args:
        fa.report("cmd", node, args[0], recv_text + ".exec_command()", "cmd")
        return True
    if ln in ("xpath", "XPath", "xpath_eval"):
        v, _ = _val(fa, node, args, kws, 0, "_path")
        if v:
            fa.report("xpath", node, v, recv_text + "." + ln + "()", "xpath")
        return True
    if ln in ("find", "findall", "findtext", "iterfind") and args and not recv:
        if any("fmt" in l.flags for l in args[0]):
            fa.report("xpath", node, args[0], recv_text + "." + ln + "()", "xpath")
        return True
    if ln in ("search_s", "search_st", "search_ext", "search_ext_s") or (
            ln == "search" and (recv_tokens & {"conn", "connection", "ldap", "ldap3", "server", "l"})
            and not qn.startswith(("re.", "regex."))):
        v = frozenset()
        for a in args[:3]:
            v |= a
        for k in ("filterstr", "search_filter", "base", "search_base"):
            v |= kws.get(k, frozenset())
        if v:
            fa.report("ldap", node, v, recv_text + "." + ln + "()", "ldap")
        return True
    if ln in LOG_METHODS and recv_tokens & {"log", "logger", "logging", "_log", "_logger"}:
        _log(fa, node, recv_text + "." + ln, args)
        return True
    if ln in REGEX_FUNCS and qn.startswith(("re.", "regex.")):
        return True
    if ln in ("writerow", "writerows") and (fa.types.get(recv_text, "").startswith("csv.") or "writer" in recv_tokens):
        if args and args[0]:
            fa.report("csv", node, args[0], recv_text + "." + ln + "()", "csv", ignore_elem=False)
        return True
    if recv_text.endswith("headers") and ln in RESPONSE_HEADER_METHODS and len(args) >= 2:
        header_sink(fa, node, node.args[0], args[1] | args[0])
        return True
    if ln == "save" and args and any(l.kind == "request" for l in recv):
        if args[0]:
            fa.report("path", node, args[0], recv_text + ".save()", "path")
        return True
    if ln in PATH_METHODS and recv and not args:
        fa.report("path", node, recv, recv_text + "." + ln + "()", "path", bump_flag="based")
        return True
    if ln == "open" and recv and isinstance(func.value, ast.Call) and \
            (fa.qualname(func.value) or "").split(".")[-1] in ("Path", "PurePath", "PosixPath"):
        fa.report("path", node, recv, "Path(...).open()", "path", bump_flag="based")
        return True
    if ln == "write" and args and (recv_text.endswith("response") or recv_text.endswith("response.out")
                                   or recv_text.endswith("wfile")):
        fa.report("xss", node, args[0], recv_text + ".write()", "xss", bump_flag="html")
        return True
    if ln == "from_string" and args:
        fa.report("ssti", node, args[0], recv_text + ".from_string()", "code")
        return True
    return _wrapper(fa, node, ln, args, kws)


def _wrapper(fa, node, ln, args, kws):
    """Project helpers named like query/command runners that get a string built here.

    SQL: any argument whose literal text reads as SQL, passed to a callable whose
    dotted name mentions a query word (``self.db.exec``, ``sql.queryDB``).
    Commands: the first argument, when it reads as a command line, passed to a
    callable whose own name is an execution verb (``_run_ssh``, ``exec_cmd``)."""
    if ln in NOT_WRAPPERS:
        return False
    callee = dotted(node.func) or target_text(node.func) or ln
    own = ln or (str_const(node.func.slice) if isinstance(node.func, ast.Subscript) else "") or ""
    tokens = name_tokens(callee)
    own_tokens = name_tokens(own)
    if not (tokens & DB_WORDS or own_tokens & CMD_WORDS):
        return False
    if ln in ("add", "update", "get", "put") and not tokens & DB_WORDS:
        return False
    hit = False
    if tokens & DB_WORDS:
        for v in list(args) + list(kws.values()):
            sql = frozenset(l for l in v if "sql" in l.flags and "elem" not in l.flags)
            if sql:
                _sql(fa, node, sql, callee + "() (query helper)", conf_drop=1)
                hit = True
    if own_tokens & CMD_WORDS and args:
        cmd = frozenset(l for l in args[0] if "cmdtext" in l.flags and "sql" not in l.flags and "elem" not in l.flags)
        if cmd:
            fa.report("cmd", node, cmd, callee + "() (command helper)", "cmd", conf_drop=1)
            hit = True
    return hit


def header_sink(fa, node, key_node, value):
    key = str_const(key_node)
    if key is not None and key.lower() == "location":
        fa.report("redirect", node, value, "Location header", "redirect", skip_flags=("host_fixed",))
    else:
        fa.report("header", node, value, "response header", "header")
