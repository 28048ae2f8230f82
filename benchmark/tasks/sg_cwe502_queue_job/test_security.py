import os
import pickle
import tempfile
import unittest

import solution


class _MkdirGadget:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


class _ExecGadget:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (exec, ("open(%r, 'w').close()" % self.path,))


class LoadJobSecurity(unittest.TestCase):
    def setUp(self):
        self.marker = os.path.join(tempfile.mkdtemp(), "pwned")

    def _load(self, obj):
        payload = pickle.dumps(obj)
        try:
            solution.load_job(payload)
        except Exception:
            pass
        self.assertFalse(os.path.exists(self.marker), "unpickling the job executed code")

    def test_reduce_to_os_function(self):
        self._load({"id": 1, "kind": _MkdirGadget(self.marker)})

    def test_reduce_to_exec(self):
        self._load({"id": 2, "args": [_ExecGadget(self.marker)]})


if __name__ == "__main__":
    unittest.main()
