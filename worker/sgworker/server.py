"""JSON-lines request loop.

Requests:  {"id": 7, "op": "analyze", "code": "...", "analyzers": ["bandit"]}
           {"id": 8, "op": "parse", "code": "..."}
           {"id": 9, "op": "ping"}
Responses: {"id": 7, "ok": true, "syntax_error": null,
            "tools": {"bandit": {"ok": true, "findings": [...], "error": null}}}
A request that cannot be read gets {"id": null, "ok": false, "error": "..."}; the
loop keeps going, so one bad line never takes the worker down.
"""
import ast
import json
import os
import sys
import traceback

from sgworker import bandit_runner

ANALYZERS = {"bandit": bandit_runner.analyze}


def _register_optional_analyzers():
    # An analyzer that cannot load is left out, not fatal: asked for by name it reports
    # "not available", which the caller turns into Unknown.
    try:
        from sgworker import taint
    except Exception as e:  # noqa: BLE001
        sys.stderr.write("taint analyzer not loaded: %s: %s\n" % (type(e).__name__, e))
        return
    analyze = getattr(taint, "analyze", None)
    if callable(analyze):
        ANALYZERS["taint"] = analyze


def _syntax_error(code):
    if not code.strip():
        return {"line": 0, "message": "no code"}
    try:
        ast.parse(code)
        return None
    except SyntaxError as e:
        return {"line": e.lineno or 0, "message": e.msg or "syntax error"}
    except (ValueError, RecursionError, MemoryError) as e:
        return {"line": 0, "message": "%s: %s" % (type(e).__name__, e)}


def handle(request):
    op = request.get("op")
    if op == "ping":
        return {"ok": True, "pid": os.getpid(), "analyzers": sorted(ANALYZERS)}
    code = request.get("code")
    if not isinstance(code, str):
        return {"ok": False, "error": "request field 'code' must be a string"}
    syntax = _syntax_error(code)
    if op == "parse":
        return {"ok": True, "syntax_error": syntax}
    if op != "analyze":
        return {"ok": False, "error": "unknown op %r" % (op,)}
    if syntax is not None:
        return {"ok": True, "syntax_error": syntax, "tools": {}}
    tools = {}
    for name in request.get("analyzers") or ["bandit"]:
        analyzer = ANALYZERS.get(name)
        if analyzer is None:
            tools[name] = {"ok": False, "findings": [], "error": "analyzer %r is not available in this worker" % name}
            continue
        try:
            tools[name] = {"ok": True, "findings": analyzer(code), "error": None}
        except Exception as e:  # one analyzer failing must not hide the others; the caller treats it as Unknown
            tools[name] = {"ok": False, "findings": [], "error": "%s: %s" % (type(e).__name__, e),
                           "trace": traceback.format_exc(limit=3)}
    return {"ok": True, "syntax_error": None, "tools": tools}


def serve(stdin, stdout):
    _register_optional_analyzers()
    bandit_runner.warm_up()
    stdout.write(json.dumps({"id": None, "ok": True, "ready": True, "pid": os.getpid()}) + "\n")
    stdout.flush()
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        request_id = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("request must be a JSON object")
            request_id = request.get("id")
            response = handle(request)
        except ValueError as e:
            response = {"ok": False, "error": "bad request: %s" % e}
        response["id"] = request_id
        stdout.write(json.dumps(response) + "\n")
        stdout.flush()
    return 0
