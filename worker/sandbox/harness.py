"""SecureGen sandbox harness: runs unit tests against an untrusted candidate inside bubblewrap.

It starts as PID 1 of the sandbox's PID namespace and splits in two right away:

* the runner (a forked child) imports the test files (which `import solution`) and runs
  them with unittest or pytest, sending one JSON event per line to the supervisor over a
  private pipe (fd 3): collected ids, test start, test result, done. Its stdout/stderr
  go to pipes the supervisor captures.
* the supervisor (PID 1) makes itself non-dumpable (so nothing else in the sandbox can
  ptrace it or open its /proc/1/fd), only then reads the per-run nonce from stdin, enforces
  the wall-clock deadline, reaps orphans, and writes the one report line
  `SGRESULT <nonce> <json>` to the real stdout, which no other process holds.

The runner is forked before the nonce is read, so the nonce never exists in memory the
candidate can reach, and the runner waits for a go byte sent after the supervisor became
non-dumpable. When PID 1 exits the kernel kills everything left in the sandbox.

Residual risk: the candidate shares the runner process with its tests, so it can always
subvert them (monkeypatch assertions or unittest, or write forged events to fd 3 and
exit). What it cannot do is write the report itself or make an early exit, crash, limit
kill or timeout read as a pass: tests never reported are `not_run`, the test that was
running when the runner died is `errored` (or `timed_out`), and the run is `crashed`.
"""

import json
import os
import selectors
import signal
import sys
import time

REPORT_PREFIX = "SGRESULT"
EVENTS_FD = 3
GO_FD = 4
MAX_EVENT_BYTES = 8 << 20
MAX_TESTS = 5000
MAX_ID = 500
MAX_MESSAGE = 4000
OUTCOMES = ("passed", "failed", "errored", "skipped", "timed_out")
# Later outcomes win when one test reports several (teardown error after a pass, a failed subtest).
PRECEDENCE = {None: 0, "passed": 1, "skipped": 2, "failed": 3, "errored": 4}


def main(argv):
    options = parse_args(argv)
    deadline = time.monotonic() + options["deadline"]
    events_r, events_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            become_runner(out_w, err_w, events_w, go_r)
            run_tests(options["framework"], options["files"])
            code = 0
        except BaseException:  # noqa: B902 - whatever happens, the runner must not return into the supervisor
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    for fd in (events_w, out_w, err_w, go_r):
        os.close(fd)
    make_undumpable()
    nonce = read_nonce()
    os.write(go_w, b"g")
    os.close(go_w)
    report = Supervisor(pid, events_r, out_r, err_r, deadline, options["capture_limit"]).watch()
    write_all(1, ("%s %s %s\n" % (REPORT_PREFIX, nonce, json.dumps(report, ensure_ascii=True))).encode("ascii"))
    os._exit(0)


def parse_args(argv):
    options = {"framework": None, "deadline": None, "capture_limit": 65536, "files": []}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            options["files"] = argv[i + 1:]
            break
        if arg in ("--framework", "--deadline", "--capture-limit") and i + 1 < len(argv):
            key = arg[2:].replace("-", "_")
            options[key] = argv[i + 1]
            i += 2
            continue
        raise SystemExit("harness: unknown argument %r" % arg)
    if options["framework"] not in ("unittest", "pytest"):
        raise SystemExit("harness: --framework must be unittest or pytest")
    options["deadline"] = float(options["deadline"])
    options["capture_limit"] = int(options["capture_limit"])
    if not options["files"]:
        raise SystemExit("harness: no test files given")
    return options


def make_undumpable():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_dumpable = 4
    if libc.prctl(pr_set_dumpable, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def read_nonce():
    data = b""
    while not data.endswith(b"\n") and len(data) < 256:
        chunk = os.read(0, 256)
        if not chunk:
            break
        data += chunk
    nonce = data.strip().decode("ascii", "replace")
    if len(nonce) < 32 or not all(c in "0123456789abcdef" for c in nonce):
        raise SystemExit("harness: no valid nonce on stdin")
    os.close(0)
    return nonce


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


# ---------------------------------------------------------------- runner (forked child)

def become_runner(out_w, err_w, events_w, go_r):
    import fcntl

    # Move the pipe ends out of the way first so that dup2 onto 1..4 cannot clobber one of them.
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 64) for fd in (out_w, err_w, events_w, go_r)]
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    for fd, target in zip(high, (1, 2, EVENTS_FD, GO_FD)):
        # Programs the tests start inherit stdout and stderr, not the harness's own pipes.
        os.dup2(fd, target, inheritable=target < EVENTS_FD)
    # Everything else goes, the supervisor's stdout (the report channel) included.
    os.closerange(GO_FD + 1, max(os.sysconf("SC_OPEN_MAX"), 1024))
    if os.read(GO_FD, 1) != b"g":
        os._exit(71)
    os.close(GO_FD)
    sys.stdout = sys.__stdout__ = open(1, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.path.insert(0, os.getcwd())


def emit(**event):
    write_all(EVENTS_FD, (json.dumps(event, ensure_ascii=True) + "\n").encode("ascii"))


def clip(text):
    text = str(text)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "... [truncated]"


def run_tests(framework, files):
    if framework == "unittest":
        run_unittest(files)
    else:
        try:
            import pytest  # noqa: F401 - checked here so a missing pytest is the sandbox's fault, not the candidate's
        except ImportError as e:
            emit(e="fatal", message="pytest is not installed for %s: %s" % (sys.executable, e))
            return
        run_pytest(files)
    sys.stdout.flush()
    sys.stderr.flush()
    emit(e="done")


def run_unittest(files):
    import importlib
    import traceback
    import unittest

    names = {}
    suites = []
    failed_imports = []
    for name in files:
        try:
            module = importlib.import_module(name[:-3])
        except unittest.SkipTest as e:
            failed_imports.append((name, "skipped", "module skipped: %s" % e))
            continue
        except BaseException:  # noqa: B902 - SystemExit and KeyboardInterrupt from a candidate are errors too
            failed_imports.append((name, "errored", traceback.format_exc()))
            continue
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        for test in flatten(suite):
            method = getattr(test, "_testMethodName", None)
            if method is not None:
                names[id(test)] = "%s::%s::%s" % (name, type(test).__qualname__, method)
            else:
                names[id(test)] = "%s::%s" % (name, test.id())
        suites.append(suite)
    emit(e="collected", ids=[name for name, _, _ in failed_imports] + list(names.values()))
    for name, outcome, message in failed_imports:
        emit(e="result", id=name, outcome=outcome, message=clip(message), duration=0.0)
    unittest.TestSuite(suites).run(make_recorder(unittest, names)())


def flatten(suite):
    for test in suite:
        if hasattr(test, "__iter__"):
            yield from flatten(test)
        else:
            yield test


def make_recorder(unittest, names):
    class Recorder(unittest.TestResult):
        """Turns unittest's callbacks into harness events, one result per test."""

        def __init__(self):
            super().__init__()
            self.current = None

        def startTest(self, test):
            super().startTest(test)
            self.current = {"test": test, "id": names.get(id(test), str(test.id())), "outcome": None,
                            "message": "", "started": time.monotonic()}
            emit(e="start", id=self.current["id"])

        def stopTest(self, test):
            super().stopTest(test)
            current, self.current = self.current, None
            if current is None:
                return
            outcome = current["outcome"] or "errored"
            message = current["message"] or ("" if current["outcome"] else "the test recorded no outcome")
            emit(e="result", id=current["id"], outcome=outcome, message=clip(message),
                 duration=time.monotonic() - current["started"])

        def record(self, test, outcome, message):
            current = self.current
            if current is None or current["test"] is not test:
                # Class and module fixtures (setUpClass, setUpModule) report outside any test.
                emit(e="result", id=str(test.id()), outcome=outcome, message=clip(message), duration=0.0)
                return
            if PRECEDENCE[outcome] > PRECEDENCE[current["outcome"]]:
                current["outcome"] = outcome
                current["message"] = message

        def addSuccess(self, test):
            super().addSuccess(test)
            self.record(test, "passed", "")

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self.record(test, "failed", self.failures[-1][1])

        def addError(self, test, err):
            super().addError(test, err)
            self.record(test, "errored", self.errors[-1][1])

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            self.record(test, "skipped", reason)

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            self.record(test, "skipped", "expected failure")

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            self.record(test, "failed", "unexpected success of a test marked expectedFailure")

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is not None:
                outcome = "failed" if issubclass(err[0], test.failureException) else "errored"
                self.record(test, outcome, "%s: %s" % (subtest.id(), self._exc_info_to_string(err, test)))

    return Recorder


def run_pytest(files):
    import pytest

    class Reporter:
        """A pytest plugin that folds setup, call and teardown into one result per test."""

        def __init__(self):
            self.tests = {}

        def pytest_collectreport(self, report):
            if report.failed or report.skipped:
                outcome = "errored" if report.failed else "skipped"
                emit(e="result", id=report.nodeid or "collection", outcome=outcome,
                     message=clip(describe_report(report)), duration=0.0)

        def pytest_collection_finish(self, session):
            emit(e="collected", ids=[item.nodeid for item in session.items])

        def pytest_runtest_logstart(self, nodeid, location):
            self.tests[nodeid] = {"outcome": None, "message": "", "started": time.monotonic(), "raised": False}
            emit(e="start", id=nodeid)

        def pytest_runtest_makereport(self, item, call):
            state = self.tests.get(item.nodeid)
            if state is not None and call.when == "call" and call.excinfo is not None:
                state["raised"] = not call.excinfo.errisinstance(
                    (AssertionError, pytest.fail.Exception, pytest.skip.Exception))
            return None

        def pytest_runtest_logreport(self, report):
            state = self.tests.get(report.nodeid)
            if state is None:
                return
            if report.when == "call":
                if report.passed:
                    outcome = "passed"
                elif report.skipped:
                    outcome = "skipped"
                else:
                    outcome = "errored" if state["raised"] and not hasattr(report, "wasxfail") else "failed"
            elif report.failed:
                outcome = "errored"
            elif report.skipped:
                outcome = "skipped"
            else:
                return
            if PRECEDENCE[outcome] > PRECEDENCE[state["outcome"]]:
                state["outcome"] = outcome
                state["message"] = describe_report(report)

        def pytest_runtest_logfinish(self, nodeid, location):
            state = self.tests.get(nodeid)
            if state is None:
                return
            outcome = state["outcome"] or "errored"
            message = state["message"] or ("" if state["outcome"] else "the test recorded no outcome")
            emit(e="result", id=nodeid, outcome=outcome, message=clip(message),
                 duration=time.monotonic() - state["started"])

    def describe_report(report):
        if report.skipped and isinstance(report.longrepr, tuple):
            reason = str(report.longrepr[2])
            return reason[len("Skipped: "):] if reason.startswith("Skipped: ") else reason
        return report.longreprtext or getattr(report, "wasxfail", "")

    args = ["-q", "--no-header", "-p", "no:cacheprovider", "--continue-on-collection-errors",
            "--rootdir", os.getcwd(), "--"] + list(files)
    pytest.main(args, plugins=[Reporter()])


# ---------------------------------------------------------------- supervisor (PID 1)

class Supervisor:
    def __init__(self, runner, events_r, out_r, err_r, deadline, capture_limit):
        self.runner = runner
        self.deadline = deadline
        self.capture_limit = capture_limit
        self.events_fd = events_r
        self.buffer = b""
        self.event_bytes = 0
        self.order = []
        self.results = {}
        self.current = None
        self.started = 0.0
        self.done = False
        self.fatal = None
        self.protocol_error = None
        self.runner_status = None
        self.captured = {out_r: bytearray(), err_r: bytearray()}
        self.seen = {out_r: 0, err_r: 0}
        self.streams = {"stdout": out_r, "stderr": err_r}
        wake_r, self.wake_w = os.pipe()
        self.selector = selectors.DefaultSelector()
        for fd in (events_r, out_r, err_r, wake_r, self.wake_w):
            os.set_blocking(fd, False)
        for fd in (events_r, out_r, err_r, wake_r):
            self.selector.register(fd, selectors.EVENT_READ)
        # A SIGCHLD wakes select() through the wakeup pipe; a runner that exits before this is
        # still noticed because every loop turn reaps first.
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        signal.set_wakeup_fd(self.wake_w, warn_on_full_buffer=False)

    def watch(self):
        timed_out = False
        while True:
            self.reap()
            if self.done or self.runner_status is not None or self.protocol_error:
                break
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for key, _ in self.selector.select(remaining):
                self.read(key.fd)
        if self.runner_status is None and not self.done:
            try:
                os.kill(self.runner, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.drain()
        return self.report(timed_out)

    def reap(self):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.runner:
                self.runner_status = status

    def drain(self):
        for _ in range(1000):
            ready = self.selector.select(0)
            if not ready:
                return
            for key, _ in ready:
                self.read(key.fd)

    def read(self, fd):
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return
        if not data:
            self.selector.unregister(fd)
            return
        if fd == self.events_fd:
            self.on_event_bytes(data)
        elif fd in self.captured:
            self.seen[fd] += len(data)
            room = self.capture_limit - len(self.captured[fd])
            if room > 0:
                self.captured[fd] += data[:room]

    def on_event_bytes(self, data):
        if self.protocol_error:
            return
        self.event_bytes += len(data)
        if self.event_bytes > MAX_EVENT_BYTES:
            self.protocol_error = "the test process sent more than %d bytes of events" % MAX_EVENT_BYTES
            return
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            try:
                self.on_event(json.loads(line))
            except (ValueError, TypeError, KeyError) as e:
                self.protocol_error = "the test process sent a malformed event (%s)" % e
                return

    def on_event(self, event):
        kind = event["e"]
        if self.done:
            raise ValueError("event after done")
        if kind == "collected":
            for test_id in event["ids"]:
                self.add(test_id)
        elif kind == "start":
            self.current = self.add(event["id"])
            self.started = time.monotonic()
        elif kind == "result":
            test_id = self.add(event["id"])
            outcome = event["outcome"]
            if outcome not in OUTCOMES:
                raise ValueError("unknown outcome")
            self.results[test_id] = {"id": test_id, "outcome": outcome, "message": clip(event["message"]),
                                     "duration": float(event["duration"])}
            if self.current == test_id:
                self.current = None
        elif kind == "done":
            self.done = True
        elif kind == "fatal" and self.fatal is None:
            self.fatal = clip(event["message"])
        else:
            raise ValueError("unknown event kind")

    def add(self, test_id):
        if not isinstance(test_id, str) or not test_id or len(test_id) > MAX_ID:
            raise ValueError("bad test id")
        if test_id not in self.results and test_id not in self.order:
            if len(self.order) >= MAX_TESTS:
                raise ValueError("too many tests")
            self.order.append(test_id)
        return test_id

    def report(self, timed_out):
        if self.fatal:
            status, cause = "sandbox_failure", self.fatal
        elif self.done and not self.protocol_error:
            status, cause = "completed", ""
        elif timed_out:
            status, cause = "timed_out", "the wall-clock limit was reached"
        else:
            status, cause = "crashed", self.protocol_error or describe(self.runner_status)
        cpu_limit = self.runner_status is not None and os.WIFSIGNALED(self.runner_status) \
            and os.WTERMSIG(self.runner_status) == signal.SIGXCPU
        tests = []
        for test_id in self.order:
            if test_id in self.results:
                tests.append(self.results[test_id])
            elif test_id == self.current and status != "completed":
                outcome = "timed_out" if timed_out or cpu_limit else "errored"
                tests.append({"id": test_id, "outcome": outcome, "message": "stopped while running: " + cause,
                              "duration": time.monotonic() - self.started})
            else:
                tests.append({"id": test_id, "outcome": "not_run", "message": cause, "duration": 0.0})
        report = {"status": status, "message": cause, "tests": tests}
        for name, fd in self.streams.items():
            report[name] = self.captured[fd].decode("utf-8", "replace")
            report[name + "_truncated"] = self.seen[fd] > len(self.captured[fd])
        return report


def describe(status):
    if status is None:
        return "the test process stopped reporting"
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = "signal %d" % signum
        hint = " (CPU time limit)" if signum == signal.SIGXCPU else ""
        return "the test process was killed by %s%s" % (name, hint)
    return "the test process exited with code %d before finishing" % os.WEXITSTATUS(status)


if __name__ == "__main__":
    main(sys.argv[1:])
