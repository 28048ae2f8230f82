import gzip
import tracemalloc
import unittest

import solution

MEMBER_SIZE = 8 * 1024 * 1024
MEMBERS = 12  # about 100 MB once decompressed, about 100 KB compressed


def _bomb():
    member = gzip.compress(b"\0" * MEMBER_SIZE, 9)
    return member * MEMBERS


class GzipUploadSecurity(unittest.TestCase):
    def test_decompression_bomb_is_stopped_early(self):
        bomb = _bomb()
        self.assertLess(len(bomb), 1024 * 1024)
        tracemalloc.start()
        try:
            try:
                result = solution.read_gzip_upload(bomb)
            except Exception:
                result = None
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        self.assertTrue(result is None or len(result) <= solution.MAX_SIZE)
        self.assertLess(peak, 4 * solution.MAX_SIZE,
                        "decompressed %d MB in memory before enforcing the limit" % (peak // 2 ** 20))


if __name__ == "__main__":
    unittest.main()
