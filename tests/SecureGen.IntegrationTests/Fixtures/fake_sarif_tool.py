#!/usr/bin/env python3
"""A small SARIF-emitting analyzer standing in for CodeQL or Semgrep in tests.

usage: fake_sarif_tool.py [--mode MODE] [--out FILE] [--pidfile FILE] [--record FILE] TARGET   (TARGET: a .py file or a folder)

It reads the target's Python files (never runs them) and reports, per line:
  eval(         FAKE001  CWE via the GitHub tag "external/cwe/cwe-095", security-severity 9.1
  pickle.loads( FAKE002  CWE via a taxa reference into a CWE taxonomy, level warning
  md5(          FAKE003  CWE via a Semgrep-style tag "CWE-328: Use of Weak Hash", level note
An eval( fed by an earlier input( line gets a code flow from that line.

Modes: ok (default), exit-one-on-findings, crash, garbage, silent, hang, unsuccessful, wrong-version.
--pidfile writes this process's id first, so a test can check a hung tool was killed;
--record writes the target path it was given and the permissions of the folder above it,
so a test can check the candidate was private and cleaned up.
"""
import json
import os
import sys
import time


def files_of(target):
    if os.path.isdir(target):
        for root, _, names in os.walk(target):
            for name in sorted(names):
                if name.endswith(".py"):
                    yield os.path.join(root, name)
    else:
        yield target


def location(path, line):
    return {"physicalLocation": {"artifactLocation": {"uri": os.path.basename(path)},
                                 "region": {"startLine": line, "endLine": line}}}


def scan(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    results = []
    input_line = None
    for number, text in enumerate(lines, start=1):
        if "input(" in text:
            input_line = number
        if "eval(" in text:
            result = {"ruleId": "FAKE001", "ruleIndex": 0, "level": "error",
                      "message": {"text": "eval of {0}", "arguments": ["a dynamic string"]},
                      "locations": [location(path, number)]}
            if input_line is not None and input_line < number:
                result["codeFlows"] = [{"threadFlows": [{"locations": [
                    {"location": location(path, input_line)}, {"location": location(path, number)}]}]}]
            results.append(result)
        if "pickle.loads(" in text:
            results.append({"ruleId": "FAKE002", "ruleIndex": 1, "message": {"text": "unpickling data"},
                            "locations": [location(path, number)],
                            "taxa": [{"index": 0, "toolComponent": {"index": 0}}]})
        if "md5(" in text:
            results.append({"ruleId": "FAKE003", "ruleIndex": 2, "level": "note", "message": {"text": "weak hash"},
                            "locations": [location(path, number)]})
    return results


def log(results, invocation=None, version="2.1.0"):
    run = {
        "tool": {"driver": {"name": "fake-sarif", "version": "0.1", "rules": [
            {"id": "FAKE001", "name": "EvalCall", "properties": {"tags": ["security", "external/cwe/cwe-095"], "security-severity": "9.1"}},
            {"id": "FAKE002", "name": "PickleLoads", "defaultConfiguration": {"level": "warning"}},
            {"id": "FAKE003", "name": "WeakHash", "properties": {"tags": ["CWE-328: Use of Weak Hash"], "precision": "low"}},
        ]}},
        "taxonomies": [{"name": "CWE", "taxa": [{"id": "502"}]}],
        "results": results,
    }
    if invocation is not None:
        run["invocations"] = [invocation]
    return {"version": version, "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [run]}


def main(argv):
    mode, out, pidfile, record, target = "ok", None, None, None, None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--mode":
            mode = args.pop(0)
        elif arg == "--out":
            out = args.pop(0)
        elif arg == "--pidfile":
            pidfile = args.pop(0)
        elif arg == "--record":
            record = args.pop(0)
        else:
            target = arg
    if pidfile:
        with open(pidfile, "w", encoding="utf-8") as handle:
            handle.write(str(os.getpid()))
    if record:
        private_root = os.path.dirname(os.path.abspath(target).rstrip("/"))
        with open(record, "w", encoding="utf-8") as handle:
            handle.write("%s\n%o" % (target, os.stat(private_root).st_mode & 0o777))
    if mode == "silent":
        return 0
    if mode == "hang":
        time.sleep(600)
        return 0
    if mode == "crash":
        sys.stderr.write("fake-sarif: internal error: analysis crashed\n")
        return 3
    if mode == "garbage":
        sys.stdout.write("this is not SARIF {]\n")
        return 0
    results = [r for path in files_of(target) for r in scan(path)]
    if mode == "unsuccessful":
        document = log([], {"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": "could not parse the target"}}]})
    elif mode == "wrong-version":
        document = log(results, version="1.0.0")
    else:
        document = log(results)
    text = json.dumps(document, indent=2)
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text + "\n")
    return 1 if mode == "exit-one-on-findings" and results else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
