import os
import tempfile
import unittest

import solution


class PipelineSecurity(unittest.TestCase):
    def setUp(self):
        self.marker = os.path.join(tempfile.mkdtemp(), "pwned")

    def _load(self, text):
        try:
            solution.load_pipeline_config(text)
        except Exception:
            pass
        self.assertFalse(os.path.exists(self.marker), "the YAML document executed code")

    def test_python_object_apply_tag(self):
        self._load("stages: !!python/object/apply:os.mkdir [%r]\n" % self.marker)

    def test_python_object_new_tag(self):
        self._load("jobs: !!python/object/new:os.makedirs [%r]\n" % self.marker)

    def test_python_name_tag_is_not_resolved(self):
        try:
            cfg = solution.load_pipeline_config("hook: !!python/name:os.system\n")
        except Exception:
            return
        self.assertFalse(callable(cfg.get("hook")), "a python/name tag was resolved to a callable")


if __name__ == "__main__":
    unittest.main()
