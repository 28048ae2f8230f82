#!/usr/bin/python3
"""Self-check of the built-in benchmark (stdlib only).

For every task under benchmark/tasks/ this script

* validates task.json (fields, types, id = folder name, cwe matches the id),
* checks that the entry point is defined in prompt.py, secure.py and
  insecure.py, that prompt.py ends with the entry point's docstring-only
  definition, and that every non-blank line of prompt.py appears (in order)
  in secure.py and insecure.py,
* copies the two test files plus one reference (as solution.py) into a fresh
  temporary directory and runs `python3 -m unittest -q test_functional` and
  `... test_security` there (30 s timeout each).

Expected: the secure reference passes both test files; the insecure reference
passes test_functional and fails (failure or error, not skip) at least one
test in test_security.

Usage: /usr/bin/python3 benchmark/selfcheck.py [-j JOBS] [-v] [TASK_ID ...]
Exit status is 0 only when every task is as expected.
"""

import argparse
import ast
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TASKS_DIR = os.path.join(HERE, "tasks")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TIMEOUT_S = 30
SLOW_S = 2.0
REQUIRED_FILES = ("task.json", "prompt.py", "secure.py", "insecure.py", "test_functional.py", "test_security.py")
REQUIRED_KEYS = ("id", "cwe", "entry_point", "title", "description")
OPTIONAL_KEYS = ("tags",)
ID_RE = re.compile(r"^sg_cwe(\d{3,4})_[a-z0-9]+(?:_[a-z0-9]+)*$")


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def _top_level_functions(tree):
    return {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def check_static(task_dir):
    """Return a list of problems found without running anything."""
    problems = []
    name = os.path.basename(task_dir)
    for fname in REQUIRED_FILES:
        if not os.path.isfile(os.path.join(task_dir, fname)):
            problems.append("missing file %s" % fname)
    if problems:
        return problems, None

    try:
        meta = json.loads(_read(os.path.join(task_dir, "task.json")))
    except ValueError as e:
        return ["task.json is not valid JSON: %s" % e], None
    if not isinstance(meta, dict):
        return ["task.json is not an object"], None
    for key in REQUIRED_KEYS:
        if key not in meta:
            problems.append("task.json lacks %r" % key)
    extra = set(meta) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
    if extra:
        problems.append("task.json has unexpected keys %s" % sorted(extra))
    if meta.get("id") != name:
        problems.append("task.json id %r != folder name %r" % (meta.get("id"), name))
    m = ID_RE.match(name)
    if not m:
        problems.append("folder name %r does not look like sg_cwe<NNN>_<snake_name>" % name)
    cwe = meta.get("cwe")
    if not isinstance(cwe, int) or isinstance(cwe, bool):
        problems.append("cwe must be an int, got %r" % (cwe,))
    elif m and int(m.group(1)) != cwe:
        problems.append("cwe %d does not match the id %s" % (cwe, name))
    for key in ("entry_point", "title", "description"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            problems.append("%s must be a non-empty string" % key)
    if "tags" in meta and not (isinstance(meta["tags"], list) and all(isinstance(t, str) for t in meta["tags"])):
        problems.append("tags must be a list of strings")
    entry = meta.get("entry_point")

    sources = {}
    for fname in ("prompt.py", "secure.py", "insecure.py", "test_functional.py", "test_security.py"):
        text = _read(os.path.join(task_dir, fname))
        sources[fname] = text
        try:
            tree = ast.parse(text, filename=fname)
        except SyntaxError as e:
            problems.append("%s: syntax error: %s" % (fname, e))
            continue
        if fname in ("prompt.py", "secure.py", "insecure.py") and isinstance(entry, str):
            funcs = _top_level_functions(tree)
            if entry not in funcs:
                problems.append("%s does not define %s()" % (fname, entry))
            if fname == "prompt.py":
                last = tree.body[-1] if tree.body else None
                if not (isinstance(last, ast.FunctionDef) and last.name == entry):
                    problems.append("prompt.py must end with the definition of %s()" % entry)
                else:
                    body = last.body
                    if not (len(body) == 1 and isinstance(body[0], ast.Expr)
                            and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
                        problems.append("prompt.py: %s() must have only a docstring as its body" % entry)
        if fname.startswith("test_") and "import solution" not in text:
            problems.append("%s does not import solution" % fname)

    prompt_lines = [line.rstrip() for line in sources["prompt.py"].splitlines() if line.strip()]
    for ref in ("secure.py", "insecure.py"):
        ref_lines = [line.rstrip() for line in sources[ref].splitlines()]
        pos = 0
        for pline in prompt_lines:
            try:
                pos = ref_lines.index(pline, pos) + 1
            except ValueError:
                if pline in ref_lines:
                    problems.append("%s: prompt line out of order: %r" % (ref, pline))
                else:
                    problems.append("%s lacks prompt line %r" % (ref, pline))
                break
    if sources["secure.py"] == sources["insecure.py"]:
        problems.append("secure.py and insecure.py are identical")
    return problems, meta


_RAN_RE = re.compile(r"^Ran (\d+) tests? in ([0-9.]+)s", re.M)
_FAILED_RE = re.compile(r"^FAILED \(([^)]*)\)", re.M)


def run_tests(task_dir, reference, test_module):
    """Run one test module against one reference. Returns a dict."""
    work = tempfile.mkdtemp(prefix="sg_selfcheck_")
    tmp = os.path.join(work, "tmp")
    run_dir = os.path.join(work, "run")
    os.mkdir(tmp)
    os.mkdir(run_dir)
    try:
        for fname in ("test_functional.py", "test_security.py"):
            shutil.copy(os.path.join(task_dir, fname), os.path.join(run_dir, fname))
        shutil.copy(os.path.join(task_dir, reference), os.path.join(run_dir, "solution.py"))
        before = set(os.listdir(run_dir))
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update({"TMPDIR": tmp, "PYTHONDONTWRITEBYTECODE": "1", "LC_ALL": "C.UTF-8", "HOME": tmp})
        env.pop("FLASK_SECRET_KEY", None)
        t0 = time.monotonic()
        try:
            proc = subprocess.run([PYTHON, "-B", "-m", "unittest", "-q", test_module], cwd=run_dir, env=env,
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT_S)
            rc, out = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired as e:
            rc = None
            out = ((e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or ""))
            out += "\n[selfcheck] TIMEOUT after %ds" % TIMEOUT_S
        elapsed = time.monotonic() - t0
        leftovers = sorted(set(os.listdir(run_dir)) - before)
        stray = sorted(n for n in os.listdir(tmp) if not os.path.isdir(os.path.join(tmp, n)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ran = _RAN_RE.search(out)
    n_tests = int(ran.group(1)) if ran else 0
    test_time = float(ran.group(2)) if ran else elapsed
    failed = _FAILED_RE.search(out)
    counts = {"failures": 0, "errors": 0, "skipped": 0, "expected failures": 0}
    if failed:
        for part in failed.group(1).split(","):
            if "=" in part:
                k, v = part.split("=", 1)
                counts[k.strip()] = int(v)
    skipped = re.search(r"\(skipped=(\d+)\)", out)
    if skipped:
        counts["skipped"] = int(skipped.group(1))
    import_error = "ImportError: Failed to import test module" in out or "unittest.loader._FailedTest" in out
    return {
        "rc": rc,
        "out": out,
        "elapsed": elapsed,
        "test_time": test_time,
        "tests": n_tests,
        "failures": counts["failures"],
        "errors": counts["errors"],
        "skipped": counts["skipped"],
        "import_error": import_error,
        "leftovers": leftovers,
        "stray_tmp": stray,
    }


def _passed(r):
    return r["rc"] == 0 and r["tests"] > 0 and r["skipped"] == 0 and not r["import_error"]


def check_task(task_dir, verbose=False):
    name = os.path.basename(task_dir)
    problems, meta = check_static(task_dir)
    notes = []
    results = {}
    if not any(p.startswith("missing file") for p in problems):
        for ref in ("secure.py", "insecure.py"):
            for mod in ("test_functional", "test_security"):
                results[(ref, mod)] = run_tests(task_dir, ref, mod)

        for mod in ("test_functional", "test_security"):
            r = results[("secure.py", mod)]
            if not _passed(r):
                problems.append("secure reference does not pass %s (rc=%s, tests=%d, failures=%d, errors=%d, skipped=%d)"
                                % (mod, r["rc"], r["tests"], r["failures"], r["errors"], r["skipped"]))
            if r["test_time"] > SLOW_S:
                notes.append("secure %s: tests ran %.1fs (> %.0fs)" % (mod, r["test_time"], SLOW_S))
        r = results[("insecure.py", "test_functional")]
        if not _passed(r):
            problems.append("insecure reference fails test_functional (rc=%s, failures=%d, errors=%d)"
                            % (r["rc"], r["failures"], r["errors"]))
        r = results[("insecure.py", "test_security")]
        if r["import_error"]:
            problems.append("test_security could not be imported with the insecure reference")
        elif r["rc"] is None:
            problems.append("test_security timed out (%ds) with the insecure reference" % TIMEOUT_S)
        elif r["rc"] == 0 or r["failures"] + r["errors"] == 0:
            problems.append("insecure reference passes every security test (or no test result was reported)")
        for (ref, mod), res in results.items():
            if res["leftovers"]:
                problems.append("%s/%s left files in the test directory: %s" % (ref, mod, res["leftovers"]))
            if res["stray_tmp"] and ref == "secure.py":
                problems.append("%s/%s wrote files directly into TMPDIR: %s" % (ref, mod, res["stray_tmp"]))
            elif res["stray_tmp"]:
                notes.append("%s/%s wrote files directly into TMPDIR: %s" % (ref, mod, res["stray_tmp"]))

    sec_ins = results.get(("insecure.py", "test_security"))
    if sec_ins:
        caught = "insecure caught by %d/%d security tests" % (sec_ins["failures"] + sec_ins["errors"], sec_ins["tests"])
        if sec_ins["rc"] is None:
            caught = "insecure security run timed out"
    else:
        caught = "not run"
    ntests = sum(results[("secure.py", m)]["tests"] for m in ("test_functional", "test_security")) if results else 0
    detail = []
    for (ref, mod), res in sorted(results.items()):
        unexpected = (not _passed(res)) if (ref == "secure.py" or mod == "test_functional") else res["rc"] == 0
        if verbose or unexpected:
            detail.append("----- %s / %s (rc=%s, %.2fs)\n%s" % (ref, mod, res["rc"], res["elapsed"], res["out"].strip()))
    return {
        "name": name,
        "cwe": meta.get("cwe") if isinstance(meta, dict) else None,
        "problems": problems,
        "notes": notes,
        "summary": "%d tests, %s" % (ntests, caught),
        "detail": detail,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tasks", nargs="*", help="task ids to check (default: all)")
    ap.add_argument("-j", "--jobs", type=int, default=max(1, min(8, os.cpu_count() or 1)),
                    help="tasks checked in parallel (default: number of CPUs, at most 8)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the test output of every run")
    args = ap.parse_args(argv)

    names = sorted(n for n in os.listdir(TASKS_DIR) if os.path.isdir(os.path.join(TASKS_DIR, n)))
    if args.tasks:
        unknown = [t for t in args.tasks if t not in names]
        if unknown:
            print("unknown task(s): %s" % ", ".join(unknown))
            return 2
        names = [n for n in names if n in args.tasks]

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(check_task, os.path.join(TASKS_DIR, n), args.verbose) for n in names]
        reports = []
        for fut in futures:
            rep = fut.result()
            reports.append(rep)
            status = "FAIL" if rep["problems"] else "ok  "
            print("%s %-40s cwe=%-5s %s" % (status, rep["name"], rep["cwe"], rep["summary"]), flush=True)
            for p in rep["problems"]:
                print("       problem: %s" % p)
            for n in rep["notes"]:
                print("       note: %s" % n)
            for d in rep["detail"]:
                print("\n".join("       | " + line for line in d.splitlines()))

    bad = [r for r in reports if r["problems"]]
    cwes = {}
    for r in reports:
        if isinstance(r["cwe"], int):
            cwes[r["cwe"]] = cwes.get(r["cwe"], 0) + 1
    print()
    print("CWEs (%d): %s" % (len(cwes), ", ".join("%d x%d" % (c, cwes[c]) for c in sorted(cwes))))
    print("SUMMARY: %d tasks, %d ok, %d with problems, %d distinct CWEs"
          % (len(reports), len(reports) - len(bad), len(bad), len(cwes)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
