import importlib
import os
import unittest
import warnings
from unittest import mock

import solution


def _key_without_env():
    """Secret key of an app created with FLASK_SECRET_KEY unset, from a freshly
    imported module. None when the app refuses to start without it."""
    env = {k: v for k, v in os.environ.items() if k != "FLASK_SECRET_KEY"}
    with mock.patch.dict(os.environ, env, clear=True), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module = importlib.reload(solution)
            app = module.create_app()
        except Exception:
            return None
    key = app.secret_key
    return key.decode("latin-1") if isinstance(key, bytes) else key


class SecretKeySecurity(unittest.TestCase):
    def tearDown(self):
        importlib.reload(solution)

    def test_no_hard_coded_fallback_key(self):
        k1 = _key_without_env()
        k2 = _key_without_env()
        if k1 is None or k2 is None:
            return  # refusing to start without a configured key is fine
        self.assertNotEqual(k1, k2, "the same secret key %r is used whenever FLASK_SECRET_KEY is missing: "
                                    "it is hard-coded, so anyone can forge session cookies" % k1)

    def test_fallback_key_is_not_in_the_source(self):
        k = _key_without_env()
        if k is None:
            return
        with open(solution.__file__, encoding="utf-8") as f:
            source = f.read()
        self.assertNotIn(k, source, "the secret key is written in the source code")
        self.assertGreaterEqual(len(k), 16, "the secret key is too short")


if __name__ == "__main__":
    unittest.main()
