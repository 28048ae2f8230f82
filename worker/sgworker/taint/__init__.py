"""SecureGen's own taint analyzer for Python (standard library `ast` only).

`analyze(code)` returns a list of finding dicts in the worker's normalised shape
(tool, rule_id, rule_name, cwe, severity, confidence, line, end_line, message);
data-flow findings also carry `source_line` and `sink_line`.

How it works
------------
* Sources (sources.py): web request data (Flask/Werkzeug ``request.args/form/
  values/json/get_json()/data/cookies/headers/files``, Django ``request.GET/POST/
  body/META``, FastAPI/Starlette query and path parameters, Tornado/webapp2
  handler accessors), parameters of route-decorated functions, ``input()``,
  ``sys.stdin``, ``sys.argv``/argparse, ``os.environ``/``os.getenv``, and, at lower
  confidence, the parameters of every other function and `self.<attr>` object
  state (prompts in this genre describe parameters as user-controlled); web form
  objects (WTForms/Django forms, cgi.FieldStorage). Parameters annotated as
  numbers, and route parameters with int/float/uuid converters, start clean.
* Propagation (engine.py): assignments (tuple unpacking, augmented assignment,
  walrus), attribute and subscript reads of tainted objects, containers and
  comprehensions, ``for``/``with`` targets, f-strings, ``+``, ``%``, ``str.format``,
  ``str.join``, string methods, decoding helpers (base64, bytes.fromhex, json.loads,
  unquote...), and unknown calls with tainted arguments (marked ``via``: one
  severity and confidence level lower at the sink). Branches are analysed
  separately and merged; loops run to a two-pass approximation.
* Sanitizers (sanitizers.py): per sink category. Sanitising calls (int/float,
  shlex.quote, html/markupsafe escape, basename/secure_filename/safe_join,
  re.escape, LDAP escapers, url_for, digests) and validating conditions that guard
  the sink (allow-list membership, equality with a literal, isalnum/isdigit,
  anchored regex match, realpath/abspath + startswith/commonpath containment,
  urlparse(...).netloc checks, validator functions, early return/abort/raise).
  Parameterised SQL never reaches the sink as built text, so it is not reported.
* Sinks (sinks.py) and rules (rules.py, which documents every rule): CWE-22/78/
  88/79/89/94/502/601/611/776/918/90/643/117/1333/113/1236/209/348/176 as flows;
  config_checks.py adds local checks for CWE-798/259/321, 732, 377, 347, 295,
  327/328/916/329, 338, 20, 116, 614, 79 (autoescape off), 502 (yaml loader),
  611/776 (parser flags), 1333 (backtracking patterns), 208, 489, 22 (tar) and 605.

Severity: injection, code execution and deserialization reached from request or
console data are high; the same from a function parameter is medium, except for
sinks where passing a caller's value through is the function's normal contract
(a plain file path, a log message, an XML document: low) unless the data was
appended to a fixed base directory. A query is only reported from a
parameter when this function built the SQL text from the value.
"""
import ast
import sys

from . import config_checks, engine
from .names import ModuleIndex

TOOL = "taint"


# The analysis walks the syntax tree recursively; generated code can nest deeply
# (long concatenations, nested comprehensions). Python 3.11 keeps Python-to-Python
# calls off the C stack, so a higher limit is safe in the worker process.
_RECURSION_LIMIT = 20000


def analyze(code, filename="candidate.py"):
    """Analyse Python source text; raises SyntaxError if it does not parse."""
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    tree = ast.parse(code, filename=filename)
    index = ModuleIndex(tree)
    findings = engine.analyze_tree(tree, index)
    findings.extend(config_checks.check(tree, index))
    findings.sort(key=lambda f: (f["line"], f["rule_id"]))
    return findings
