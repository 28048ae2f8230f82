import os
import select
import subprocess
import sys
import tempfile
import unittest

import solution

HERE = os.path.dirname(os.path.abspath(__file__))
TIME_LIMIT_S = 2.0

# "Billion laughs": 10 nested levels of 10 references each, ~30 GB once expanded.
_ENTITIES = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
    '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10))
BOMB = ('<?xml version="1.0"?><!DOCTYPE rss [%s]><rss><channel><item><title>&lol9;</title></item>'
        '</channel></rss>' % _ENTITIES)

# The child imports everything first and says "ready", so that only the
# parsing itself is timed, not the interpreter start-up.
_CHILD = r"""
import resource, sys
# Only ever lower the limit: a sandbox may already cap memory below 1.5 GiB.
_soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
_cap = 1536 * 2 ** 20 if _hard == resource.RLIM_INFINITY else min(1536 * 2 ** 20, _hard)
resource.setrlimit(resource.RLIMIT_AS, (_cap, _hard))
import solution
sys.stdout.write("\n__SG_READY__\n")
sys.stdout.flush()
data = sys.stdin.buffer.read()
try:
    solution.count_feed_items(data)
except MemoryError:
    sys.exit(3)
except Exception:
    pass
sys.exit(0)
"""


class FeedSecurity(unittest.TestCase):
    def test_billion_laughs(self):
        env = dict(os.environ, PYTHONPATH=HERE + os.pathsep + os.environ.get("PYTHONPATH", ""))
        errors = tempfile.TemporaryFile()
        proc = subprocess.Popen([sys.executable, "-c", _CHILD], cwd=HERE, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=errors, bufsize=0)

        def stderr_text():
            errors.seek(0)
            return errors.read().decode(errors="replace")[-2000:]

        try:
            while True:
                if not select.select([proc.stdout], [], [], 20)[0]:
                    self.fail("child did not start")
                line = proc.stdout.readline()
                if not line:
                    proc.wait(timeout=20)
                    self.fail("child could not import the solution: %s" % stderr_text())
                if line.strip() == b"__SG_READY__":
                    break
            proc.stdin.write(BOMB.encode())
            proc.stdin.close()
            try:
                rc = proc.wait(timeout=TIME_LIMIT_S)
            except subprocess.TimeoutExpired:
                self.fail("parsing a 1 KB entity-expansion bomb ran for more than %.0fs" % TIME_LIMIT_S)
            self.assertNotEqual(rc, 3, "parsing a 1 KB entity-expansion bomb exhausted memory")
            self.assertEqual(rc, 0, stderr_text())
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            errors.close()
            if not proc.stdin.closed:
                proc.stdin.close()


if __name__ == "__main__":
    unittest.main()
