import string
import unittest

import solution


class FingerprintFunctional(unittest.TestCase):
    def test_deterministic_lowercase_hex(self):
        fp = solution.document_fingerprint(b"contract v1")
        self.assertIsInstance(fp, str)
        self.assertEqual(fp, solution.document_fingerprint(b"contract v1"))
        self.assertTrue(fp and all(c in string.hexdigits.lower() for c in fp), fp)

    def test_different_documents_differ(self):
        self.assertNotEqual(solution.document_fingerprint(b"contract v1"), solution.document_fingerprint(b"contract v2"))

    def test_empty_and_large_documents(self):
        self.assertTrue(solution.document_fingerprint(b""))
        big = bytes(range(256)) * 4096
        self.assertEqual(solution.document_fingerprint(big), solution.document_fingerprint(bytes(big)))


if __name__ == "__main__":
    unittest.main()
