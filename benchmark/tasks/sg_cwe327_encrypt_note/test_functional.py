import unittest

import solution

KEY = bytes(range(32))


class NoteCryptoFunctional(unittest.TestCase):
    def test_round_trip(self):
        for text in ("buy milk", "", "ünïcødé ✓ 笔记", "x" * 1000, "exactly sixteen!"):
            blob = solution.encrypt_note(KEY, text)
            self.assertIsInstance(blob, (bytes, bytearray))
            self.assertEqual(solution.decrypt_note(KEY, bytes(blob)), text)

    def test_ciphertext_hides_plaintext(self):
        blob = solution.encrypt_note(KEY, "my bank PIN is 4921")
        self.assertNotIn(b"4921", bytes(blob))
        self.assertNotIn(b"PIN", bytes(blob))


if __name__ == "__main__":
    unittest.main()
