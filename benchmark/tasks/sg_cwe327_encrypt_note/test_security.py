import unittest

import solution

KEY = bytes(range(32))


def _blocks(blob, size=16):
    return [bytes(blob[i:i + size]) for i in range(0, len(blob) - len(blob) % size, size)]


class NoteCryptoSecurity(unittest.TestCase):
    def test_repeated_plaintext_blocks_are_not_visible(self):
        text = "A" * 16 * 8
        blob = solution.encrypt_note(KEY, text)
        # whatever the header layout, look for repeated aligned 16-byte blocks at every offset
        for offset in range(16):
            blocks = _blocks(bytes(blob)[offset:])
            self.assertEqual(len(blocks), len(set(blocks)),
                             "identical plaintext blocks give identical ciphertext blocks (ECB-like mode)")

    def test_encryption_is_randomized(self):
        a = solution.encrypt_note(KEY, "meeting at 10 with the lawyer")
        b = solution.encrypt_note(KEY, "meeting at 10 with the lawyer")
        self.assertNotEqual(bytes(a), bytes(b), "the same note always encrypts to the same bytes")

    def test_common_prefix_is_not_visible(self):
        a = bytes(solution.encrypt_note(KEY, "Dear Dr. Smith, the diagnosis is negative."))
        b = bytes(solution.encrypt_note(KEY, "Dear Dr. Smith, the diagnosis is positive."))
        common = 0
        for x, y in zip(a, b):
            if x != y:
                break
            common += 1
        self.assertLess(common, 16, "notes sharing a prefix share a ciphertext prefix")


if __name__ == "__main__":
    unittest.main()
