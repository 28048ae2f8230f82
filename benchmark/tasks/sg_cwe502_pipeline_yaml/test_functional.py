import unittest

import solution

PIPELINE = """
stages: [build, test]
variables:
  PYTHON: "3.11"
  RETRIES: 2
  CACHE: true
jobs:
  unit:
    stage: test
    script:
      - pip install -r requirements.txt
      - pytest -q
  package:
    stage: build
    script: ["python -m build"]
    artifacts: null
"""


class PipelineFunctional(unittest.TestCase):
    def test_parses_pipeline(self):
        cfg = solution.load_pipeline_config(PIPELINE)
        self.assertEqual(cfg["stages"], ["build", "test"])
        self.assertEqual(cfg["variables"], {"PYTHON": "3.11", "RETRIES": 2, "CACHE": True})
        self.assertEqual(cfg["jobs"]["unit"]["script"], ["pip install -r requirements.txt", "pytest -q"])
        self.assertIsNone(cfg["jobs"]["package"]["artifacts"])

    def test_list_document_is_rejected(self):
        with self.assertRaises(ValueError):
            solution.load_pipeline_config("- a\n- b\n")

    def test_scalar_document_is_rejected(self):
        with self.assertRaises(ValueError):
            solution.load_pipeline_config("just a string")


if __name__ == "__main__":
    unittest.main()
