"""The rule catalogue: stable ids, CWE, name, and how severity follows the source.

Flow rules (SG-TAINT-*) report untrusted data reaching a sink; their findings carry
`source_line` and `sink_line` and a message naming both. Severity is looked up by
where the data came from (columns of the table below):

  user   web request data, route/path parameters, input()/stdin
  local  command line (sys.argv, argparse) and environment variables
  param  a parameter of the analysed function, or `self.<attr>` object state: the
         caller is assumed untrusted (prompts in this genre say so), at lower confidence

Adjustments: data that passed through a function the analyzer does not model
(`via`) loses one severity and one confidence level, except that an SQL statement
or shell command assembled here by string interpolation keeps its severity
(second-order data is still injected). A field read from such an object (`deep`)
loses one more. Sinks recognised only by naming convention (query/command helpers)
lose one confidence level. `based` (appended to a fixed base directory) raises
path traversal by one; `html` (built into markup) raises XSS by one.

  SG-TAINT-078   os.system/popen, commands.*, subprocess.* with shell=True or a string
                 command, os.exec*/spawn*, paramiko exec_command, command helpers.
                 Sanitisers: shlex.quote, allow-list/regex/isalnum guards, int().
  SG-TAINT-088   untrusted item in a subprocess argument list (low: informational);
                 items after a literal '--' are not reported.
  SG-TAINT-089   cursor.execute/executemany/executescript, Django raw, sqlalchemy
                 text, pandas read_sql, and query helpers, when the statement is
                 built from the data (concatenation, %, format, f-string, join).
                 Bound parameters never reach the statement, and %d/%f slots print
                 numbers, not text. A caller value spliced
                 where only an identifier fits in an otherwise parameterised query
                 (FROM %s ... = ?) is one level lower.
  SG-TAINT-094   eval/exec/compile.   SG-TAINT-094T  render_template_string, jinja2
                 Template / Environment.from_string, Django/Mako Template built
                 from data (server-side template injection is code execution, so
                 CWE-94 rather than 79).
  SG-TAINT-079   make_response/Response/HttpResponse/HTMLResponse bodies, the
                 string a Flask/Bottle route returns, response.write, and HTML
                 markup built from data that any other function returns.
                 SG-TAINT-079M  Markup()/mark_safe() of data. Sanitisers: html/
                 markupsafe/cgi/django escape, bleach.clean, jsonify/json responses.
  SG-TAINT-022   open/io.open/os.open, os.remove/unlink/rmdir/mkdir/makedirs/listdir/
                 rename, shutil.*, send_file, send_from_directory(directory),
                 tarfile/zipfile open, pathlib read/write methods, FileStorage.save.
                 A bare caller-supplied path is low (it is the function's contract);
                 the same appended to a fixed base is medium. Sanitisers: basename,
                 secure_filename, safe_join, realpath/abspath + startswith/commonpath/
                 is_relative_to containment, '..' rejection.
  SG-TAINT-502   pickle/cPickle/dill/marshal/jsonpickle/shelve/joblib/torch loads,
                 yaml.load without a safe loader, yaml.unsafe_load/full_load.
  SG-TAINT-601   flask/werkzeug/django/starlette redirect, Location header. Not
                 reported when the host is fixed by a literal prefix. Sanitisers:
                 url_for, urlparse(...).netloc/hostname checks, startswith('/') or
                 a literal origin, is_safe_url-style validators.
  SG-TAINT-918   requests/httpx (functions and sessions), urllib urlopen/Request,
                 http.client connections, aiohttp. Only the URL path controlled
                 (literal scheme://host/ prefix): one level lower.
  SG-TAINT-611   lxml parse/fromstring/XML with a resolve_entities=True parser;
                 SG-TAINT-611D with lxml's default parser (resolves entities before
                 lxml 5); SG-TAINT-776 xml.etree/minidom/sax/pulldom (billion
                 laughs). defusedxml and resolve_entities=False are safe.
  SG-TAINT-643   lxml xpath/XPath and ElementTree find* with a built path; XPath
                 variables (xpath(q, name=value)) are safe.
  SG-TAINT-090   python-ldap search_s/search_ext..., ldap3 search; escape_filter_chars.
  SG-TAINT-117   logging.* and logger methods; removing CR/LF (replace) sanitises.
  SG-TAINT-1333  re/regex compile/match/search/... pattern argument; re.escape.
  SG-TAINT-113   response.headers[...] = data, headers.add/set; CR/LF removal.
  SG-TAINT-1236  csv writer rows; a guard rejecting leading = + - @ sanitises.
  SG-TAINT-209   exception text (str(e), traceback.format_exc()) in a route's response.
  SG-TAINT-348   X-Forwarded-For/X-Real-IP values used in a comparison.
  SG-TAINT-176   unicodedata.normalize('NFKC'/'NFKD') applied after HTML escaping.
  SG-TAINT-327   the algorithm name of hashlib.new, hmac.new (digestmod) or
                 hashlib.pbkdf2_hmac taken from data: MD5 is one call away. An allow-list
                 check or comparison with literals sanitises.

Returned values: a function whose name or docstring summary says what its result is
for reports the result at that sink: a path (path/file/dir words) appended to a fixed
base under SG-TAINT-022, a URL (url/endpoint/webhook words) built from data under
SG-TAINT-918, a redirect target (redirect words) under SG-TAINT-601, one level higher
than a caller's value reaching redirect() itself (the function exists to pick it).

Config rules (SG-CFG-*) are local checks on one call, assignment or comparison:
no source, no source_line. 798/259/321 literal secrets, passwords and key blocks
assigned to credential-like names, passed as such keyword arguments, used as
defaults or compared with (placeholders, empty strings and environment lookups
are not reported); 732 o+w permission modes, and o+r on files the code names as
keys/secrets; 377 tempfile.mktemp and fixed /tmp
names; 347 jwt.decode without verification or accepting 'none'; 295 verify=False,
CERT_NONE, check_hostname=False, unverified SSL contexts; 327 DES/RC4/Blowfish/ECB;
328 MD5/SHA-1 (unless usedforsecurity=False); 916 fast hashes of passwords (MD5/
SHA-1: high); 329 constant IVs; 338 `random` feeding a token/password/key/session/
OTP name or a function named so, or an identifier the function names unique or documents
as unpredictable/secure; 020 endswith/startswith/`in` checks against a
bare domain and host-name regexes with an unescaped '.'; 116 <script> filtering
with regexes or replace; 614 set_cookie without secure=True; 502 yaml.load with
an unsafe loader; 611 lxml parsers with resolve_entities=True / no_network=False;
776 lxml huge_tree=True while entities are expanded; 1333 literal patterns that
repeat an ambiguous group ((a+)+, (\\w+\\s?)*: catastrophic backtracking);
208 secrets or digests compared with ==; 347S a signature, token or JWT verification
error caught and ignored (the handler neither raises nor returns a falsy value); 079 jinja2 Environment without
autoescape; 489 app.run(debug=True); 022 tar extractall without a filter;
605 binding to 0.0.0.0 (low).
"""
from collections import namedtuple

Rule = namedtuple("Rule", "id cwe name user local param")

LEVELS = ("low", "medium", "high")

FLOW = {
    "cmd": Rule("SG-TAINT-078", 78, "OS command injection", "high", "medium", "medium"),
    "arginj": Rule("SG-TAINT-088", 88, "Argument injection into a process argument list", "low", "low", "low"),
    "sql": Rule("SG-TAINT-089", 89, "SQL injection", "high", "medium", "medium"),
    "code": Rule("SG-TAINT-094", 94, "Code injection (eval/exec/compile)", "high", "medium", "medium"),
    "ssti": Rule("SG-TAINT-094T", 94, "Server-side template injection", "high", "medium", "medium"),
    "xss": Rule("SG-TAINT-079", 79, "Cross-site scripting", "medium", "low", "low"),
    "xss_markup": Rule("SG-TAINT-079M", 79, "Cross-site scripting: untrusted data marked safe", "high", "medium", "medium"),
    "path": Rule("SG-TAINT-022", 22, "Path traversal", "high", "low", "low"),
    "deser": Rule("SG-TAINT-502", 502, "Deserialization of untrusted data", "high", "medium", "medium"),
    "redirect": Rule("SG-TAINT-601", 601, "Open redirect", "medium", "low", "low"),
    "ssrf": Rule("SG-TAINT-918", 918, "Server-side request forgery", "high", "medium", "medium"),
    "xxe": Rule("SG-TAINT-611", 611, "XML external entity expansion", "high", "medium", "medium"),
    "xml_default": Rule("SG-TAINT-611D", 611, "Untrusted XML parsed with an entity-resolving parser", "medium", "low", "low"),
    "xml_bomb": Rule("SG-TAINT-776", 776, "Untrusted XML parsed without entity-expansion limits", "medium", "low", "low"),
    "xpath": Rule("SG-TAINT-643", 643, "XPath injection", "high", "medium", "medium"),
    "ldap": Rule("SG-TAINT-090", 90, "LDAP injection", "high", "medium", "medium"),
    "log": Rule("SG-TAINT-117", 117, "Log injection", "medium", "low", "low"),
    "regex": Rule("SG-TAINT-1333", 1333, "Regular expression injection (ReDoS)", "medium", "low", "medium"),
    "header": Rule("SG-TAINT-113", 113, "HTTP response header injection", "medium", "low", "low"),
    "csv": Rule("SG-TAINT-1236", 1236, "CSV formula injection", "medium", "low", "low"),
    "exposure": Rule("SG-TAINT-209", 209, "Exception details returned to the client", "medium", "medium", "low"),
    "xff": Rule("SG-TAINT-348", 348, "Security decision on a client-supplied IP header", "medium", "low", "low"),
    "algorithm": Rule("SG-TAINT-327", 327, "Hash or cipher algorithm chosen by the caller", "high", "medium", "medium"),
    "normalize": Rule("SG-TAINT-176", 176, "Unicode normalisation after escaping", "medium", "low", "low"),
}

CONFIG = {
    "secret": Rule("SG-CFG-798", 798, "Hard-coded secret or API key", "medium", None, None),
    "password": Rule("SG-CFG-259", 259, "Hard-coded password", "medium", None, None),
    "private_key": Rule("SG-CFG-321", 321, "Hard-coded private key or cloud credential", "high", None, None),
    "chmod": Rule("SG-CFG-732", 732, "World-writable or world-readable permissions", "medium", None, None),
    "mktemp": Rule("SG-CFG-377", 377, "Insecure temporary file", "medium", None, None),
    "jwt": Rule("SG-CFG-347", 347, "JWT decoded without signature verification", "high", None, None),
    "tls": Rule("SG-CFG-295", 295, "TLS certificate or host name verification disabled", "high", None, None),
    "weak_cipher": Rule("SG-CFG-327", 327, "Broken or risky cryptographic algorithm", "medium", None, None),
    "weak_hash": Rule("SG-CFG-328", 328, "Weak hash function (MD5/SHA-1)", "medium", None, None),
    "password_hash": Rule("SG-CFG-916", 916, "Password hashed with a fast or broken hash", "high", None, None),
    "static_iv": Rule("SG-CFG-329", 329, "Constant initialisation vector", "medium", None, None),
    "weak_random": Rule("SG-CFG-338", 338, "Non-cryptographic random number used for a secret", "medium", None, None),
    "url_check": Rule("SG-CFG-020", 20, "Incomplete URL or host name validation", "medium", None, None),
    "tag_filter": Rule("SG-CFG-116", 116, "HTML filtering with a regular expression or replace", "medium", None, None),
    "cookie": Rule("SG-CFG-614", 614, "Cookie set without the Secure flag", "medium", None, None),
    "yaml": Rule("SG-CFG-502", 502, "yaml.load with a loader that constructs arbitrary objects", "medium", None, None),
    "xml_parser": Rule("SG-CFG-611", 611, "XML parser configured to resolve external entities", "high", None, None),
    "xml_limits": Rule("SG-CFG-776", 776, "XML parser with entity-expansion limits turned off", "medium", None, None),
    "redos": Rule("SG-CFG-1333", 1333, "Regular expression with catastrophic backtracking", "medium", None, None),
    "timing": Rule("SG-CFG-208", 208, "Secret compared with a non-constant-time comparison", "medium", None, None),
    "autoescape": Rule("SG-CFG-079", 79, "Template engine with HTML autoescaping turned off", "medium", None, None),
    "debug": Rule("SG-CFG-489", 489, "Web application run in debug mode", "high", None, None),
    "tar": Rule("SG-CFG-022", 22, "Archive extracted without checking member paths", "medium", None, None),
    "signature_ignored": Rule("SG-CFG-347S", 347, "Signature verification failure ignored", "high", None, None),
    "bind_all": Rule("SG-CFG-605", 605, "Server bound to all network interfaces", "low", None, None),
}


# A query or shell command assembled here by string interpolation is a finding even when the
# interpolated value reached this function through an unmodelled call (second-order data):
# only the confidence drops.
BUILT_KEEPS_SEVERITY = frozenset(("SG-TAINT-089", "SG-TAINT-078"))


def group(kind):
    if kind in ("request", "input", "exc"):
        return "user"
    if kind in ("argv", "env"):
        return "local"
    return "param"


def lower(level, steps=1):
    i = LEVELS.index(level) - steps
    return LEVELS[max(i, 0)]


def raise_(level, steps=1):
    return LEVELS[min(LEVELS.index(level) + steps, 2)]


def grade(rule, label, drop=0, bump=0):
    """(severity, confidence) of a flow finding for the reported label."""
    g = group(label.kind)
    severity = getattr(rule, g)
    confidence = {"user": "high", "local": "medium", "param": "medium"}[g]
    if label.kind == "exc":
        confidence = "medium"
    conf_drop = drop
    if "deep" in label.flags:
        drop += 1
    if "via" in label.flags:
        conf_drop += 1
        if not (rule.id in BUILT_KEEPS_SEVERITY and "fmt" in label.flags):
            drop += 1
    if bump:
        severity = raise_(severity, bump)
    if drop:
        severity = lower(severity, drop)
    if conf_drop:
        confidence = lower(confidence, conf_drop)
    return severity, confidence
