"""SecureGen sandbox harness: runs unit tests against an untrusted candidate inside bubblewrap.

(`harness.py --serve` is the warm runner's fork server instead; see the section at the end.)

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
    if argv[:1] == ["--serve"]:
        serve(argv[1:])
        return
    supervise(parse_args(argv), 1, read_nonce)


def supervise(options, report_fd, nonce_source):
    """Forks the runner, becomes the supervisor, and writes the one report line to report_fd.

    nonce_source is called only after this process became non-dumpable; it returns the nonce that
    marks the report, or None where the report channel is one no other process can write to.
    """
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
            if options.get("warm"):
                finish_warm_runner(options["file_size_limit"])
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
    nonce = nonce_source()
    os.write(go_w, b"g")
    os.close(go_w)
    report = Supervisor(pid, events_r, out_r, err_r, deadline, options["capture_limit"]).watch()
    write_report(report_fd, nonce, report)
    os._exit(0)


def write_report(fd, nonce, report):
    marker = REPORT_PREFIX if nonce is None else "%s %s" % (REPORT_PREFIX, nonce)
    write_all(fd, ("%s %s\n" % (marker, json.dumps(report, ensure_ascii=True))).encode("ascii"))


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


def finish_warm_runner(file_size_limit):
    """A warm runner is forked from a process that changed uid (so it is not dumpable) and that wrote its
    report to a file (so it had no file-size limit): make it what a cold runner is."""
    import ctypes
    import resource

    pr_set_dumpable = 4
    if ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 1) failed")
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))


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


# ---------------------------------------------------------------- warm server (root, on the host)
#
# `harness.py --serve --root DIR` is the fork server behind the warm runner. It runs as root outside
# any sandbox, imports the test frameworks once, and then reads only two kinds of line on stdin:
# `run <id> <job folder>` and `kill <id>`. It never reads a job's files or a run's report, so the
# memory every run is forked from holds nothing of another session. For each run:
#
# * the server opens the run's report file, unshares the PID namespace for its next child only, forks
#   the run's PID 1 and sets its own PID namespace for children back (setns), so each run has its own;
# * PID 1 (root until it drops) reads the job's job.json, unshares the mount, network, IPC, UTS and
#   cgroup namespaces, builds a fresh root on a tmpfs (read-only /usr, a few /etc entries, /dev,
#   /proc, private size-limited /tmp, /dev/shm and /work with the job's files bound read-only),
#   pivots into it, brings up an unreachable loopback, sets the limits, drops to the run's own uid
#   with no capabilities and no new privileges, forbids new user namespaces (seccomp), and only then
#   supervises a forked runner exactly as a cold run does, writing the report to the report file.
# The server reports `exit <id> <status>`; killing PID 1 takes the whole PID namespace down, and PID 1
# dies with the server (parent-death signal).

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x02000000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 1, 24, 38, 47, 4
SYS_PIVOT_ROOT, SYS_CLONE, SYS_UNSHARE, SYS_CLONE3 = 155, 56, 272, 435
DEVICES = ("null", "zero", "full", "random", "urandom", "tty")
SANDBOX_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
               "USER": "sandbox", "LOGNAME": "sandbox", "PYTHONDONTWRITEBYTECODE": "1"}


def serve(argv):
    if len(argv) not in (4, 6) or argv[0] != "--root" or argv[2] != "--framework" or argv[3] not in ("unittest", "pytest") \
            or (len(argv) == 6 and argv[4] != "--preload"):
        raise SystemExit("harness: --serve needs --root DIR --framework unittest|pytest [--preload MODULE,...]")
    new_root = argv[1]
    preload(argv[3], argv[5].split(",") if len(argv) == 6 else [])
    libc = load_libc()
    own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY)
    runs = {}
    wake_r, wake_w = os.pipe()
    for fd in (wake_r, wake_w):
        os.set_blocking(fd, False)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ)
    selector.register(wake_r, selectors.EVENT_READ)
    write_all(1, ("ready %d\n" % os.getpid()).encode("ascii"))
    pending = b""
    while True:
        for key, _ in selector.select(1.0):
            if key.fd == wake_r:
                try:
                    os.read(wake_r, 4096)
                except BlockingIOError:
                    pass
                continue
            data = os.read(0, 65536)
            if not data:
                for pid in runs:
                    os.kill(pid, signal.SIGKILL)
                os._exit(0)
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                command = line.decode("utf-8", "replace").split(" ")
                if command[0] == "run" and len(command) == 3:
                    try:
                        runs[start_run(libc, own_pid_namespace, new_root, command[2], (wake_r, wake_w))] = command[1]
                    except OSError as e:
                        sys.stderr.write("harness: run %s could not start: %s\n" % (command[1], e))
                        write_all(1, ("exit %s 75\n" % command[1]).encode("ascii"))
                elif command[0] == "kill" and len(command) == 2:
                    for pid, run_id in runs.items():
                        if run_id == command[1]:
                            os.kill(pid, signal.SIGKILL)
        while runs:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            run_id = runs.pop(pid, None)
            if run_id is not None:
                code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
                write_all(1, ("exit %s %d\n" % (run_id, code)).encode("ascii"))


def preload(framework, modules):
    """What runs of this framework import anyway, imported once here before any job exists: the
    framework, what the harness needs, and the installed system modules the host names (tests and
    candidates import them; importing one per run is most of a run's CPU). A module that is not
    installed is skipped: the run's own import then fails as it would cold.

    Only the one framework: every page of this process is mapped into every run, so a smaller image is
    a cheaper fork. gc.freeze() keeps the collector in a run from touching (and so copying) every
    object inherited from here.
    """
    import ctypes  # noqa: F401
    import fcntl  # noqa: F401
    import gc
    import importlib  # noqa: F401
    import resource  # noqa: F401
    import socket  # noqa: F401
    import struct  # noqa: F401
    import traceback  # noqa: F401
    import unittest  # noqa: F401
    import unittest.mock  # noqa: F401

    if framework == "pytest":
        modules = ["pytest"] + list(modules)
    for name in modules:
        if name and all(part.isidentifier() for part in name.split(".")):
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - missing or broken: the run imports it itself and fails as it would cold
                pass
    gc.collect()
    gc.freeze()


def load_libc():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    libc.sethostname.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    libc.unshare.argtypes = [ctypes.c_int]
    libc.setns.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
    libc.syscall.restype = ctypes.c_long
    return libc


def checked(result, what):
    import ctypes

    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, "%s: %s" % (what, os.strerror(errno)))


def start_run(libc, own_pid_namespace, new_root, folder, server_fds):
    """Forks the run's PID 1 into a new PID namespace and returns its pid. Reads nothing of the job."""
    report = os.open(os.path.join(folder, "_sandbox", "report"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        # unshare(CLONE_NEWPID) puts the next child in a new namespace; setns back to our own
        # afterwards, so every run gets a namespace of its own and the server stays where it is.
        checked(libc.unshare(CLONE_NEWPID), "unshare(CLONE_NEWPID)")
        pid = -1
        try:
            pid = fork_without_python_hooks()
        finally:
            if pid != 0:
                checked(libc.setns(own_pid_namespace, CLONE_NEWPID), "setns(CLONE_NEWPID)")
        if pid == 0:
            try:
                become_pid1(libc, folder, new_root, report, server_fds + (own_pid_namespace,))
            except BaseException as e:  # noqa: B902 - any setup failure is the sandbox's, reported as such
                write_report(report, None, {"status": "sandbox_failure", "tests": [], "stdout": "", "stdout_truncated": False,
                                            "stderr": "", "stderr_truncated": False,
                                            "message": clip("sandbox setup failed: %s: %s" % (type(e).__name__, e))})
            os._exit(76)
        return pid
    finally:
        os.close(report)


RAW_FORK = None


def fork_without_python_hooks():
    """fork(2) without CPython's after-fork work, for PID 1 only.

    os.fork runs, in the child, every handler the preloaded modules registered (threading, logging, random,
    concurrent.futures...): Python code that writes to objects all over the inherited image, so a few hundred
    pages are copied (PID 1 took about 4 ms and 110 page faults less a run without them, of about 50 ms and
    1,100 faults: docs/eval-throughput.md). PID 1 runs nothing but this
    harness in a process with one thread, so none of them is needed there. The runner, where tests and the
    candidate run, is forked from PID 1 with os.fork and so gets every handler (random reseeds, locks reset).
    The call holds the GIL (PyDLL), as os.fork does.
    """
    import ctypes

    global RAW_FORK
    if RAW_FORK is None:
        RAW_FORK = ctypes.PyDLL(None, use_errno=True).fork
        RAW_FORK.restype = ctypes.c_int
        RAW_FORK.argtypes = []
    pid = RAW_FORK()
    if pid < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, "fork: %s" % os.strerror(errno))
    return pid


def become_pid1(libc, folder, new_root, report_w, server_fds):
    """PID 1 of the run's namespaces: builds its root, drops to the run's uid, then supervises as a cold run."""
    import resource

    checked(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl(PR_SET_PDEATHSIG)")
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in server_fds:
        os.close(fd)
    # The server's protocol channel and diagnostics are not the run's.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    with open(os.path.join(folder, "_sandbox", "job.json"), encoding="utf-8") as f:
        job = json.load(f)
    checked(libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP), "unshare")
    os.setsid()
    uid = int(job["uid"])
    if uid < 1000:
        raise ValueError("sandbox uid %d is not allowed" % uid)
    limits = job["limits"]
    build_root(libc, job, folder, new_root, uid, limits)
    libc.sethostname(b"sandbox", 7)
    loopback_up()
    # The file-size limit is the runner's alone (set in become_runner): this process writes the report to a file.
    for name, value in (("RLIMIT_CPU", limits["cpu"]), ("RLIMIT_AS", limits["as"]), ("RLIMIT_NPROC", limits["nproc"]),
                        ("RLIMIT_NOFILE", limits["nofile"]), ("RLIMIT_CORE", 0)):
        resource.setrlimit(getattr(resource, name), (int(value), int(value)))
    with open("/proc/sys/kernel/cap_last_cap") as f:
        last_cap = int(f.read())
    for cap in range(last_cap + 1):
        checked(libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0), "prctl(PR_CAPBSET_DROP)")
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    checked(libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "prctl(PR_CAP_AMBIENT)")
    checked(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(PR_SET_NO_NEW_PRIVS)")
    # A change of uid clears the parent-death signal; arm it again.
    checked(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl(PR_SET_PDEATHSIG)")
    forbid_user_namespaces(libc)
    verify_dropped(uid)
    os.environ.clear()
    os.environ.update(SANDBOX_ENV)
    os.chdir("/work")
    high = fcntl_dup(report_w)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.closerange(3, high)
    os.closerange(high + 1, max(os.sysconf("SC_OPEN_MAX"), 1024))
    sys.path[:] = [p for p in sys.path if p.startswith("/usr/")]
    options = {"framework": job["framework"], "deadline": float(job["deadline"]), "capture_limit": int(job["capture_limit"]),
               "files": list(job["files"]), "warm": True, "file_size_limit": int(limits["fsize"])}
    supervise(options, high, lambda: None)


def fcntl_dup(fd):
    import fcntl

    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 100)
    os.close(fd)
    return high


def build_root(libc, job, folder, new_root, uid, limits):
    def mount(source, target, fstype, flags, data=None):
        checked(libc.mount(source and source.encode(), target.encode(), fstype and fstype.encode(), flags,
                           data and data.encode()), "mount %s on %s" % (source or fstype, target))

    def bind(source, target, flags=MS_NOSUID | MS_NODEV):
        if os.path.isdir(source):
            os.makedirs(target, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, "a").close()
        mount(source, target, None, MS_BIND)
        mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | flags)

    # Nothing mounted from here on reaches the host's mount table.
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", new_root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    at = lambda path: new_root + path  # noqa: E731 - paths inside the new root
    bind("/usr", at("/usr"))
    for link in job["root_links"]:
        if os.path.islink(link):
            os.symlink(os.readlink(link), at(link))
        elif os.path.isdir(link):
            bind(link, at(link))
    os.mkdir(at("/etc"), 0o755)
    for entry in job["etc"]:
        real = os.path.realpath(entry)
        if os.path.exists(real) and entry not in ("/etc/passwd", "/etc/group"):
            bind(real, at(entry))
    support = os.path.join(folder, "_sandbox")
    bind(os.path.join(support, "passwd"), at("/etc/passwd"))
    bind(os.path.join(support, "group"), at("/etc/group"))
    os.mkdir(at("/proc"), 0o555)
    mount("proc", at("/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.mkdir(at("/dev"), 0o755)
    mount("tmpfs", at("/dev"), "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=0755")
    for device in DEVICES:
        bind("/dev/" + device, at("/dev/" + device), MS_NOSUID | MS_NOEXEC)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2"), ("ptmx", "pts/ptmx")):
        os.symlink(target, at("/dev/" + name))
    os.mkdir(at("/dev/pts"), 0o755)
    mount("devpts", at("/dev/pts"), "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=620")
    os.mkdir(at("/dev/shm"), 0o755)
    mount("tmpfs", at("/dev/shm"), "tmpfs", MS_NOSUID | MS_NODEV, "size=%d,mode=1777" % int(limits["shm"]))
    mount(None, at("/dev"), None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC)
    for path in ("/tmp", "/work"):
        os.mkdir(at(path), 0o755)
        mount("tmpfs", at(path), "tmpfs", MS_NOSUID | MS_NODEV, "size=%d,mode=0755,uid=%d,gid=%d" % (int(limits["scratch"]), uid, uid))
    for name in job["mounts"]:
        bind(os.path.join(folder, name), at("/work/" + name))
    os.chdir(new_root)
    checked(libc.syscall(SYS_PIVOT_ROOT, b".", b"."), "pivot_root")
    checked(libc.umount2(b".", MNT_DETACH), "umount the host root")
    os.chdir("/")
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def loopback_up():
    import fcntl
    import socket
    import struct

    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sh22x", b"lo", 0)
        flags = struct.unpack("16sh22x", fcntl.ioctl(s.fileno(), siocgifflags, request))[1]
        fcntl.ioctl(s.fileno(), siocsifflags, struct.pack("16sh22x", b"lo", flags | iff_up))


def forbid_user_namespaces(libc):
    """Seccomp: clone/unshare with CLONE_NEWUSER fail (EPERM), clone3 reads as absent (glibc falls back to clone)."""
    import ctypes
    import struct

    if os.uname().machine != "x86_64":
        raise OSError("the warm sandbox's seccomp filter is written for x86_64, not %s" % os.uname().machine)
    audit_arch_x86_64, x32_bit = 0xC000003E, 0x40000000
    ret_kill, ret_allow, ret_errno = 0x80000000, 0x7FFF0000, 0x00050000
    ld_w_abs, jeq_k, jge_k, jset_k, ret_k = 0x20, 0x15, 0x35, 0x45, 0x06
    program = [
        (ld_w_abs, 0, 0, 4), (jeq_k, 1, 0, audit_arch_x86_64), (ret_k, 0, 0, ret_kill),
        (ld_w_abs, 0, 0, 0), (jge_k, 0, 1, x32_bit), (ret_k, 0, 0, ret_errno | 38),
        (jeq_k, 0, 1, SYS_CLONE3), (ret_k, 0, 0, ret_errno | 38),
        (jeq_k, 1, 0, SYS_CLONE), (jeq_k, 0, 3, SYS_UNSHARE),
        (ld_w_abs, 0, 0, 16), (jset_k, 0, 1, CLONE_NEWUSER), (ret_k, 0, 0, ret_errno | 1),
        (ret_k, 0, 0, ret_allow),
    ]
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(code)

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = Program(len(program), ctypes.addressof(buffer))
    pr_set_seccomp, seccomp_mode_filter = 22, 2
    checked(libc.prctl(pr_set_seccomp, seccomp_mode_filter, ctypes.addressof(prog), 0, 0), "prctl(PR_SET_SECCOMP)")


def verify_dropped(uid):
    """Fail closed: every id is the run's, and no capability set holds anything."""
    with open("/proc/self/status") as f:
        fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
    for name in ("Uid", "Gid"):
        if set(fields[name].split()) != {str(uid)}:
            raise OSError("%s is %s after the drop to %d" % (name, fields[name], uid))
    for name in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        if int(fields[name], 16) != 0:
            raise OSError("%s is %s after the drop" % (name, fields[name]))
    if fields.get("NoNewPrivs") != "1" or fields.get("Seccomp") != "2":
        raise OSError("no-new-privileges or seccomp is not in force")


if __name__ == "__main__":
    main(sys.argv[1:])
