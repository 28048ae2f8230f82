"""Detector quality on public labelled data: Bandit alone, the taint analyzer alone, both.

Run from the project root with Debian's interpreter:

    /usr/bin/python3 worker/quality_eval.py [--datasets ../shared/datasets] [--out docs/detector-quality.md]

Data is read in place from the datasets folder (never copied). A file counts as
flagged by a tool when the tool reports at least one finding of severity medium or
high; "combined" flags a file when either tool does.

(a) SALLM: the 100 insecure reference solutions (dataset.jsonl, insecure_code): recall.
(b) CWEval: the 25 Python task files, whose code after `# BEGIN SOLUTION` is the
    secure reference: files with a medium-or-higher finding are false positives.
(c) SVEN: Python pairs of data_train_val/{train,val}/cwe-*.jsonl (file_name ends in
    .py): share of vulnerable (func_src_before) and of fixed (func_src_after)
    functions flagged. Functions are fragments (methods without their class): they
    are dedented; a pair where either side still does not parse is counted apart.
(d) CyberSecEval: origin_code of the Python instruct and autocomplete sets: recall,
    where a detection needs a finding within +-2 lines of the flagged line.
    origin_code is a window of the original file: line `line_number` of the file is
    line min(line_number, 11) of the window. Windows start and end mid-statement, so
    they are repaired before analysis without moving any line: leading/trailing
    lines are blanked and, when the window starts inside an indented block,
    `if True:` scaffolding lines are put in front (their count is subtracted from
    reported lines). Windows that no repair makes parse are reported apart.
(e) The built-in benchmark (benchmark/tasks): secure.py references (false positives) and
    insecure.py references (recall).
Per rule: on the file-level sets, the files in which each rule decides on the secure side
(false alarms) and on the vulnerable side (hits).
Timing: CPU milliseconds per analysed file for each tool (in-process, warm).
"""
import argparse
import ast
import collections
import glob
import json
import os
import statistics
import sys
import textwrap
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sgworker import bandit_runner, taint  # noqa: E402

FLAG_LEVELS = ("medium", "high")
TOOLS = ("bandit", "taint")


def default_datasets():
    """The first shared/datasets folder beside the repository or one of its parents (a git
    worktree lives one level deeper than the main checkout)."""
    d = os.path.dirname(HERE)
    while True:
        candidate = os.path.join(os.path.dirname(d), "shared", "datasets")
        if os.path.isdir(candidate) or os.path.dirname(d) == d:
            return os.path.normpath(candidate)
        d = os.path.dirname(d)


PROJECT = os.path.dirname(HERE)


class Runner:
    """Runs both tools on a code string, times them, and remembers failures."""

    def __init__(self):
        self.times = {t: [] for t in TOOLS}  # CPU ms of this thread: stable on a busy machine
        self.wall = {t: [] for t in TOOLS}
        self.errors = collections.Counter()
        self.lines = []
        # per rule: files on the secure side where it decides (false alarms), on the vulnerable
        # side (hits), and false alarms where it is the only deciding rule
        self.rules = collections.defaultdict(lambda: {"false": 0, "hit": 0, "sole": 0, "sets": collections.Counter()})
        bandit_runner.warm_up()
        # first calls compile regular expressions and fill caches: keep them out of the timings
        taint.analyze("import os\nfrom flask import request\ndef f(a):\n    os.system('x %s' % a)\n")
        bandit_runner.analyze("import os\nos.system(input())\n")

    def run(self, code):
        out = {}
        self.lines.append(code.count("\n") + 1)
        for name, fn in (("bandit", bandit_runner.analyze), ("taint", taint.analyze)):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                findings = fn(code)
            except Exception:  # a crash makes the verdict Unknown: count it, never as clean
                self.errors[name] += 1
                findings = None
            self.times[name].append((time.thread_time() - cpu) * 1000.0)
            self.wall[name].append((time.perf_counter() - wall) * 1000.0)
            out[name] = findings
        return out


    def tally(self, side, set_name, result):
        """Count each deciding rule once per file, on the secure or the vulnerable side."""
        rules = sorted({"%s %s" % (f["tool"], f["rule_id"]) for t in TOOLS for f in (result[t] or [])
                        if f["severity"] in FLAG_LEVELS})
        for r in rules:
            d = self.rules[r]
            if side == "secure":
                d["false"] += 1
                d["sets"][set_name] += 1
                if len(rules) == 1:
                    d["sole"] += 1
            else:
                d["hit"] += 1


def flagged(findings, near=None, shift=0):
    if not findings:
        return False
    for f in findings:
        if f["severity"] not in FLAG_LEVELS:
            continue
        if near is None:
            return True
        line = f["line"] - shift
        end = max(f.get("end_line") or f["line"], f["line"]) - shift
        if line - 2 <= near <= end + 2:
            return True
    return False


def verdicts(result, near=None, shift=0):
    b = flagged(result["bandit"], near, shift)
    t = flagged(result["taint"], near, shift)
    confident = any(f["severity"] in FLAG_LEVELS and f["confidence"] != "low"
                    for k in TOOLS for f in (result[k] or []))
    return {"bandit": b, "taint": t, "combined": b or t, "confident": (b or t) and confident}


def parses(code):
    try:
        ast.parse(code)
        return True
    except (SyntaxError, ValueError, RecursionError):
        return False


# --------------------------------------------------------------------- datasets
def eval_sallm(root, runner):
    path = os.path.join(root, "sallm", "PythonDataset", "dataset.jsonl")
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    hits = collections.Counter()
    for r in rows:
        result = runner.run(r["insecure_code"])
        runner.tally("vulnerable", "SALLM", result)
        v = verdicts(result)
        for k, x in v.items():
            hits[k] += x
    return {"n": len(rows), "hits": hits}


def eval_cweval(root, runner):
    files = sorted(glob.glob(os.path.join(root, "cweval", "benchmark", "core", "py", "cwe_*_task.py")))
    hits = collections.Counter()
    names = collections.defaultdict(list)
    for p in files:
        code = open(p, encoding="utf-8").read()
        if "# BEGIN SOLUTION" not in code:
            continue
        result = runner.run(code)
        runner.tally("secure", "CWEval", result)
        v = verdicts(result)
        for k, x in v.items():
            hits[k] += x
            if x and k in ("bandit", "taint", "combined"):
                label = os.path.basename(p).replace("_task.py", "")
                if k in TOOLS:
                    rules = sorted({f["rule_id"] for f in result[k] if f["severity"] in FLAG_LEVELS})
                    label += " (%s)" % ", ".join(rules)
                names[k].append(label)
    return {"n": len(files), "hits": hits, "names": names}


def prepare_fragment(src):
    for cand in (src, textwrap.dedent(src), textwrap.dedent(src.expandtabs(8))):
        if parses(cand):
            return cand
    return None


def eval_sven(root, runner):
    pairs = unparsable = 0
    hits = {"before": collections.Counter(), "after": collections.Counter()}
    per_cwe = collections.defaultdict(lambda: {"n": 0, "before": collections.Counter(), "after": collections.Counter()})
    for split in ("train", "val"):
        for p in sorted(glob.glob(os.path.join(root, "sven", "data_train_val", split, "cwe-*.jsonl"))):
            for line in open(p, encoding="utf-8"):
                if not line.strip():
                    continue
                r = json.loads(line)
                if not str(r.get("file_name", "")).endswith(".py"):
                    continue
                before, after = prepare_fragment(r["func_src_before"]), prepare_fragment(r["func_src_after"])
                if before is None or after is None:
                    unparsable += 1
                    continue
                pairs += 1
                cwe = r.get("vul_type") or os.path.basename(p)[:-6]
                per_cwe[cwe]["n"] += 1
                for side, code in (("before", before), ("after", after)):
                    result = runner.run(code)
                    runner.tally("vulnerable" if side == "before" else "secure", "SVEN", result)
                    v = verdicts(result)
                    for k, x in v.items():
                        hits[side][k] += x
                        per_cwe[cwe][side][k] += x
    return {"n": pairs, "unparsable": unparsable, "hits": hits, "per_cwe": per_cwe}


def eval_builtin(project, runner):
    """The built-in benchmark (benchmark/tasks): secure.py is the secure reference, insecure.py
    the insecure one, of every task; per-CWE counts as for SVEN."""
    hits = {"secure": collections.Counter(), "insecure": collections.Counter()}
    names = collections.defaultdict(list)
    per_cwe = collections.defaultdict(lambda: {"n": 0, "secure": collections.Counter(), "insecure": collections.Counter()})
    tasks = sorted(glob.glob(os.path.join(project, "benchmark", "tasks", "*", "task.json")))
    for t in tasks:
        folder = os.path.dirname(t)
        cwe = "CWE-%s" % json.load(open(t, encoding="utf-8"))["cwe"]
        per_cwe[cwe]["n"] += 1
        for side in ("secure", "insecure"):
            result = runner.run(open(os.path.join(folder, side + ".py"), encoding="utf-8").read())
            runner.tally("secure" if side == "secure" else "vulnerable", "built-in", result)
            v = verdicts(result)
            for k, x in v.items():
                hits[side][k] += x
                per_cwe[cwe][side][k] += x
            if side == "secure" and v["combined"]:
                rules = sorted({f["rule_id"] for k in TOOLS for f in result[k] if f["severity"] in FLAG_LEVELS})
                names["combined"].append("%s (%s)" % (os.path.basename(folder), ", ".join(rules)))
    return {"n": len(tasks), "hits": hits, "names": names, "per_cwe": per_cwe}


def repair_window(code, keep_line):
    """Make a source window parse without moving lines; returns (code, shift) or None.

    `keep_line` (1-based, in the window) must survive. Blank up to 8 leading and
    trailing lines; if the first kept line is indented deeper than later ones, put
    `if True:` lines in front to open the missing blocks (shift = their number)."""
    lines = code.split("\n")
    n = len(lines)
    for total in range(0, 17):
        for head in range(0, min(total, 8) + 1):
            tail = total - head
            if tail > 8 or head >= keep_line or n - tail < keep_line:
                continue
            body = [""] * head + lines[head:n - tail] + [""] * tail
            candidate = textwrap.dedent("\n".join(body))
            if parses(candidate):
                return candidate, 0
            scaffold = _scaffold(candidate.split("\n"))
            if scaffold is not None:
                text, shift = scaffold
                if parses(text):
                    return text, shift
    return None


def _scaffold(lines):
    """Open enclosing blocks for a window that starts inside nested code."""
    indents = []
    for l in lines:
        if l.strip() and not l.lstrip().startswith("#"):
            indents.append(len(l) - len(l.lstrip()))
    if not indents:
        return None
    first = indents[0]
    levels = sorted(set(i for i in indents if i < first))
    if not levels:
        return None
    base = levels[0]
    header = []
    opened = [base] + [l for l in levels[1:]]
    for level in opened:
        header.append(" " * level + "if True:")
    # the deepest scaffold must be followed by a line indented more than it
    if first <= opened[-1]:
        return None
    text = textwrap.dedent("\n".join(header + lines)) if base else "\n".join(header + lines)
    return text, len(header)


def eval_cyberseceval(root, runner):
    out = {}
    for variant in ("instruct", "autocomplete"):
        path = os.path.join(root, "cyberseceval", "%s_python.json" % variant)
        if not os.path.exists(path):
            continue
        rows = json.load(open(path, encoding="utf-8"))
        hits = collections.Counter()
        unparsable = 0
        per_cwe = collections.defaultdict(lambda: {"n": 0, "hits": collections.Counter()})
        for r in rows:
            code = r["origin_code"]
            line_number = int(r["line_number"])
            local = line_number - max(0, line_number - 11)
            cwe = r.get("cwe_identifier") or "?"
            per_cwe[cwe]["n"] += 1
            repaired = repair_window(code, local)
            if repaired is None:
                unparsable += 1
                continue
            text, shift = repaired
            v = verdicts(runner.run(text), near=local, shift=shift)
            for k, x in v.items():
                hits[k] += x
                per_cwe[cwe]["hits"][k] += x
        out[variant] = {"n": len(rows), "unparsable": unparsable, "hits": hits, "per_cwe": per_cwe}
    return out


# ---------------------------------------------------------------------- report
def pct(a, b):
    return "%d/%d (%.1f%%)" % (a, b, 100.0 * a / b) if b else "0/0"


def render(results, runner, elapsed):
    s, c, v, y = results["sallm"], results["cweval"], results["sven"], results["cyberseceval"]
    rows = []
    rows.append("| Data set | Measure | Bandit 1.6.2 | Taint | Combined |")
    rows.append("|---|---|---|---|---|")
    rows.append("| SALLM insecure references (n=%d) | recall: files flagged (higher is better) | %s |" % (
        s["n"], " | ".join(pct(s["hits"][k], s["n"]) for k in ("bandit", "taint", "combined"))))
    rows.append("| CWEval secure references (n=%d) | false positives: files flagged (lower is better) | %s |" % (
        c["n"], " | ".join(pct(c["hits"][k], c["n"]) for k in ("bandit", "taint", "combined"))))
    rows.append("| SVEN Python, vulnerable functions (n=%d pairs) | flagged (higher is better) | %s |" % (
        v["n"], " | ".join(pct(v["hits"]["before"][k], v["n"]) for k in ("bandit", "taint", "combined"))))
    rows.append("| SVEN Python, fixed functions (n=%d pairs) | flagged (lower is better) | %s |" % (
        v["n"], " | ".join(pct(v["hits"]["after"][k], v["n"]) for k in ("bandit", "taint", "combined"))))
    bi = results["builtin"]
    rows.append("| built-in benchmark insecure references (n=%d) | recall: files flagged (higher is better) | %s |" % (
        bi["n"], " | ".join(pct(bi["hits"]["insecure"][k], bi["n"]) for k in ("bandit", "taint", "combined"))))
    rows.append("| built-in benchmark secure references (n=%d) | false positives: files flagged (lower is better) | %s |" % (
        bi["n"], " | ".join(pct(bi["hits"]["secure"][k], bi["n"]) for k in ("bandit", "taint", "combined"))))
    for variant, d in sorted(y.items()):
        rows.append("| CyberSecEval %s (n=%d) | recall: finding within +-2 lines | %s |" % (
            variant, d["n"], " | ".join(pct(d["hits"][k], d["n"]) for k in ("bandit", "taint", "combined"))))
    tb, tt = runner.times["bandit"], runner.times["taint"]
    rows.append("| all analysed files (n=%d) | median CPU ms per file (p95) | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) |" % (
        len(tt), statistics.median(tb), _p95(tb), statistics.median(tt), _p95(tt),
        statistics.median([a + b for a, b in zip(tb, tt)]), _p95([a + b for a, b in zip(tb, tt)])))
    main = "\n".join(rows)

    notes = []
    notes.append("- SVEN pairs left out because a side does not parse even after dedenting: %d." % v["unparsable"])
    for variant, d in sorted(y.items()):
        notes.append("- CyberSecEval %s windows that no repair makes parse (counted as not detected): %d of %d." % (
            variant, d["unparsable"], d["n"]))
    notes.append("- CWEval files flagged: bandit %s; taint %s." % (
        ", ".join(c["names"]["bandit"]) or "none", ", ".join(c["names"]["taint"]) or "none"))
    notes.append("- Built-in secure references flagged (combined): %s." % (", ".join(bi["names"]["combined"]) or "none"))
    if runner.errors:
        notes.append("- Analyzer crashes (verdict Unknown, counted as not flagged): %s." % dict(runner.errors))
    else:
        notes.append("- Analyzer crashes: none.")
    wb, wt = runner.wall["bandit"], runner.wall["taint"]
    notes.append("- Median wall-clock ms per file (machine load included): bandit %.2f, taint %.2f; "
                 "whole evaluation %.1f s." % (statistics.median(wb), statistics.median(wt), elapsed))
    small = [t for t, n in zip(tt, runner.lines) if n <= 60]
    if small:
        notes.append("- Taint on files of at most 60 lines (n=%d): median %.2f CPU ms, p95 %.2f, p99 %.2f "
                     "(the rare slower calls include interpreter garbage-collection pauses)." % (
                         len(small), statistics.median(small), _p95(small), _pct(small, 0.99)))

    per = ["| SVEN CWE | pairs | vulnerable flagged: bandit / taint / combined | fixed flagged: bandit / taint / combined |",
           "|---|---|---|---|"]
    for cwe in sorted(v["per_cwe"]):
        d = v["per_cwe"][cwe]
        per.append("| %s | %d | %s | %s |" % (
            cwe, d["n"], " / ".join(str(d["before"][k]) for k in ("bandit", "taint", "combined")),
            " / ".join(str(d["after"][k]) for k in ("bandit", "taint", "combined"))))
    cy = ["| CyberSecEval CWE | samples (each variant) | instruct: bandit / taint / combined | autocomplete: bandit / taint / combined |",
          "|---|---|---|---|"]
    cwes = sorted(set().union(*[set(d["per_cwe"]) for d in y.values()])) if y else []
    for cwe in cwes:
        cells = []
        n = 0
        for variant in ("instruct", "autocomplete"):
            d = y.get(variant, {}).get("per_cwe", {}).get(cwe)
            if d is None:
                cells.append("-")
                continue
            n = d["n"]
            cells.append(" / ".join(str(d["hits"][k]) for k in ("bandit", "taint", "combined")))
        per_line = "| %s | %d | %s | %s |" % (cwe, n, cells[0], cells[1])
        cy.append(per_line)
    bt = ["| Built-in CWE | tasks | insecure flagged: bandit / taint / combined | secure flagged: bandit / taint / combined |",
          "|---|---|---|---|"]
    for cwe in sorted(bi["per_cwe"], key=lambda x: int(x.split("-")[1])):
        d = bi["per_cwe"][cwe]
        bt.append("| %s | %d | %s | %s |" % (
            cwe, d["n"], " / ".join(str(d["insecure"][k]) for k in ("bandit", "taint", "combined")),
            " / ".join(str(d["secure"][k]) for k in ("bandit", "taint", "combined"))))
    return main, "\n".join(notes), "\n".join(per), "\n".join(cy), "\n".join(bt), render_sides(results), \
        render_rules(runner)


def render_sides(results):
    """Every secure-side and vulnerable-side set, combined verdict, with the confidence threshold."""
    c, v, s, bi = results["cweval"], results["sven"], results["sallm"], results["builtin"]
    secure = [("CWEval secure references", c["hits"], c["n"]),
              ("SVEN fixed functions", v["hits"]["after"], v["n"]),
              ("built-in secure references", bi["hits"]["secure"], bi["n"])]
    vulnerable = [("SALLM insecure references", s["hits"], s["n"]),
                  ("SVEN vulnerable functions", v["hits"]["before"], v["n"]),
                  ("built-in insecure references", bi["hits"]["insecure"], bi["n"])]
    rows = ["| Side | Data set | combined, any confidence (the default) | combined, confidence medium+ |",
            "|---|---|---|---|"]
    for side, sets in (("secure: false alarms", secure), ("vulnerable: recall", vulnerable)):
        for name, hits, n in sets:
            rows.append("| %s | %s | %s | %s |" % (side, name, pct(hits["combined"], n), pct(hits["confident"], n)))
    return "\n".join(rows)


def render_rules(runner):
    rows = ["| Rule | false alarms (secure-side files) | of which the only deciding rule | hits (vulnerable-side files) | false alarms by set |",
            "|---|---|---|---|---|"]
    order = sorted(runner.rules.items(), key=lambda kv: (-kv[1]["false"], -kv[1]["hit"], kv[0]))
    for rule, d in order:
        sets = ", ".join("%s %d" % (k, n) for k, n in sorted(d["sets"].items())) or "-"
        rows.append("| %s | %d | %d | %d | %s |" % (rule, d["false"], d["sole"], d["hit"], sets))
    return "\n".join(rows)


def _pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _p95(values):
    return _pct(values, 0.95)


DOC_HEAD = """# Detector quality

Generated by `/usr/bin/python3 worker/quality_eval.py --out docs/detector-quality.md`
(from the project root; data read in place from `../shared/datasets`). Do not edit
the numbers by hand: re-run the script.

## Method

Three detectors are compared: Bandit 1.6.2 (Debian, with the `visit_Constant` fix,
driven in-process by `sgworker.bandit_runner`, which drops or re-grades the checks
upstream Bandit dropped or fixed: `docs/bandit-checks.md`), the project's taint analyzer
(`sgworker.taint`), and the two combined. A file is **flagged** by a detector when
it reports at least one finding of severity medium or high; combined flags a file
when either does. The analyzers were developed with general rules (sources, sinks,
sanitizers per CWE; see `worker/sgworker/taint/__init__.py`), not tuned to files.

- **SALLM**: the 100 insecure reference solutions (`insecure_code`); recall.
- **CWEval**: the 25 Python task files; the code after `# BEGIN SOLUTION` is the
  secure reference, so every flagged file is a false positive.
- **SVEN**: Python entries of `data_train_val/{train,val}/cwe-*.jsonl`;
  `func_src_before` is vulnerable, `func_src_after` is the fix. Functions are
  fragments (often methods without their class) and are dedented before analysis;
  pairs that still do not parse are left out and counted.
- **Built-in benchmark** (`benchmark/tasks`, written by this project): each task's
  `insecure.py` (recall) and `secure.py` (every flagged file is a false positive,
  including findings of another CWE than the task's).
- SALLM publishes no secure references (only `insecure_code`), so it has no
  secure-side row. SecurityEval, LLMSecEval and SecCodePLT are held out for
  independent measurement and are never read here.
- **CyberSecEval**: `origin_code` of the Python instruct and autocomplete sets (the
  two sets share the same code windows, so their rows agree); a sample is detected
  when a flagging finding lies within +-2 lines of the line the benchmark marks.
  The window holds lines `line_number-10 .. line_number+9` of the original file,
  so the marked line is line `min(line_number, 11)` of the window. Windows start
  and end mid-statement: leading/trailing lines are blanked (never removed) and
  `if True:` scaffolding is put in front when the window starts inside a block,
  until it parses; windows that cannot be repaired count as not detected.
- **Timing**: CPU time (this thread) of each analyzer per file, in-process and
  warm, over every file analysed above; CPU time rather than wall-clock because
  the build machine is shared and busy (wall-clock medians are given below).

## Results

"""


DOC_TAIL = """
## Reading the numbers

- Bandit's pattern checks on eval/exec, shell commands and SQL text are reported at
  low severity where the argument is a literal or text a guard vetted
  (`worker/sgworker/guards.py`): CWEval's `eval` behind a character allow-list is no
  longer a false alarm, nor are SVEN fixes that build SQL only from checked values.
  Bandit's B413 (the import of `Crypto`) is low: PyCryptodome, the maintained
  library, installs under the same module name.
- The built-in secure references that stay flagged carry hard-coded credentials
  from the task's own prompt module (SG-CFG-798/259: a real weakness, though not the
  task's CWE) or lxml's `resolve_entities=True` behind a custom resolver that
  refuses external resources (SG-CFG-611; the analyzer does not read resolvers).
- SVEN's vulnerable side lost one file against the numbers before issue 16: its only
  flag was Bandit's B322 on Python 3 `input()`, which fired equally on the pair's
  fixed side.
- CyberSecEval's labels mark any use of an API. Against the numbers before issue 16 it
  lost 4 detections that only show an API's presence, which by the verdict policy does
  not decide (docs/verdict-policy.md): two `subprocess.check_output([...literal
  command...], shell=True)`, one `exec` of a literal string and one `eval` of an
  environment value checked to be 'True' or 'False'; it gained the `shelve`/`jsonpickle`
  loads that upstream Bandit's B301 now reports.
- Before issue 16 (this script at commit 41512d2, extended with the built-in sets):
  SALLM recall 51 / 88 / 90 % (bandit / taint / combined); CWEval false alarms 2 / 0 /
  2 of 25; SVEN vulnerable 199 / 229 / 261 and fixed 33 / 7 / 36 of 375; built-in
  insecure 18 / 36 / 36 and secure 3 / 4 / 6 of 45; CyberSecEval 216 / 136 / 256 of 351.
- CyberSecEval's instruct and autocomplete sets share the same `origin_code`
  windows, so the two rows agree. Its labels come from pattern rules that flag
  any use of `random`, `md5`, `pickle`, `os.system`... without looking at where
  the data comes from; the windows rarely contain the data's source, so the flow
  rules of the taint analyzer see little of it and Bandit's pattern checks carry
  most of the combined recall there.
- SVEN pairs differ by small edits; a fixed function can still be flagged for
  another weakness than the one fixed (for example log injection).

## Known weaknesses of the taint analyzer

- Intra-procedural: data passed through a helper defined in the same file is
  followed only because parameters are treated as sources; return values of
  local helpers are modelled as unknown calls (lower severity and confidence).
- Object state (`self.x`) is treated as caller-controlled at parameter level.
- No types: sinks on untyped receivers are matched by method name
  (`cursor.execute`, `tree.xpath`); project helpers by naming convention.
- Second-order data (values read back from a database or file) is not a source.
- Values a sanitizer or validator guards are trusted for the guarded categories;
  a weak validator (an unanchored regex is not accepted, a custom `is_valid()`
  is) can hide a flaw.
- Path traversal from a bare function parameter is reported at low severity
  (the function's contract), so a helper like `open(path)` is not flagged; the
  same value joined under a fixed base directory is. Log injection from a
  parameter is low too: logging arguments is everywhere in fixed code.
- `%d`/`%f` slots are treated as numbers, so `"... id = %d" % x` is not SQL
  injection; SVEN labels a dozen such statements vulnerable (bandit and SVEN's
  fixes treat any string-built query as a flaw).
- CyberSecEval windows lack the data's origin: flows starting outside the
  window are invisible, and `random`/`md5` uses outside a security context
  are not reported by design.
"""


SIDES_HEAD = """Combined verdict (either analyzer, medium or high severity). The right-hand column
also requires one deciding finding of medium or high confidence: the `VerdictPolicy`
confidence threshold (docs/verdict-policy.md), off by default because of what it
costs on the vulnerable side.

"""

RULES_HEAD = """Files of the file-level sets above (SALLM, CWEval, SVEN, built-in; not the CyberSecEval
windows) in which a rule reports at medium or high severity, counted once per file.

"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", default=default_datasets(), help="folder holding sallm/ cweval/ sven/ cyberseceval/")
    ap.add_argument("--out", help="also write the report (markdown) to this file")
    ap.add_argument("--project", default=PROJECT, help="project root holding benchmark/tasks (the built-in benchmark)")
    args = ap.parse_args(argv)
    root = args.datasets
    runner = Runner()
    start = time.perf_counter()
    results = {
        "sallm": eval_sallm(root, runner),
        "cweval": eval_cweval(root, runner),
        "sven": eval_sven(root, runner),
        "builtin": eval_builtin(args.project, runner),
        "cyberseceval": eval_cyberseceval(root, runner),
    }
    elapsed = time.perf_counter() - start
    main_table, notes, sven_table, cy_table, builtin_table, sides, rules = render(results, runner, elapsed)
    text = main_table + "\n\n" + notes + \
        "\n\n### Secure and vulnerable sides, and the confidence threshold\n\n" + SIDES_HEAD + sides + \
        "\n\n### Per rule\n\n" + RULES_HEAD + rules + \
        "\n\n### SVEN by CWE\n\n" + sven_table + \
        "\n\n### Built-in benchmark by CWE\n\n" + builtin_table + \
        "\n\n### CyberSecEval by CWE\n\n" + cy_table + "\n"
    if args.out:
        text_out = text + DOC_TAIL
    else:
        text_out = text
    print(text_out if not args.out else text)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(DOC_HEAD + text_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
