import hashlib
import unittest

import solution

# Two different 128-byte messages with the same MD5 (Wang et al., 2004).
COLLISION_A = bytes.fromhex(
    "d131dd02c5e6eec4693d9a0698aff95c2fcab58712467eab4004583eb8fb7f89"
    "55ad340609f4b30283e488832571415a085125e8f7cdc99fd91dbdf280373c5b"
    "d8823e3156348f5bae6dacd436c919c6dd53e2b487da03fd02396306d248cda0"
    "e99f33420f577ee8ce54b67080a80d1ec69821bcb6a8839396f9652b6ff72a70")
COLLISION_B = bytes.fromhex(
    "d131dd02c5e6eec4693d9a0698aff95c2fcab50712467eab4004583eb8fb7f89"
    "55ad340609f4b30283e4888325f1415a085125e8f7cdc99fd91dbd7280373c5b"
    "d8823e3156348f5bae6dacd436c919c6dd53e23487da03fd02396306d248cda0"
    "e99f33420f577ee8ce54b67080280d1ec69821bcb6a8839396f965ab6ff72a70")


class FingerprintSecurity(unittest.TestCase):
    def test_md5_collision_gives_different_fingerprints(self):
        self.assertNotEqual(COLLISION_A, COLLISION_B)
        self.assertEqual(hashlib.md5(COLLISION_A).digest(), hashlib.md5(COLLISION_B).digest())
        self.assertNotEqual(solution.document_fingerprint(COLLISION_A), solution.document_fingerprint(COLLISION_B),
                            "two different documents share a fingerprint (MD5 collision)")

    def test_not_a_broken_hash_function(self):
        data = b"%PDF-1.7 signed contract #4411"
        fp = solution.document_fingerprint(data).lower()
        for name in ("md5", "sha1"):
            self.assertNotEqual(fp, hashlib.new(name, data).hexdigest(), "fingerprint is %s" % name)

    def test_at_least_224_bits(self):
        fp = solution.document_fingerprint(b"abc")
        self.assertGreaterEqual(len(fp) * 4, 224, "fingerprint too short to resist collisions")


if __name__ == "__main__":
    unittest.main()
