import gzip
import unittest

import solution


class GzipUploadFunctional(unittest.TestCase):
    def test_round_trip(self):
        raw = b"2024-05-01T10:00:00 INFO agent started\n" * 500
        self.assertEqual(solution.read_gzip_upload(gzip.compress(raw)), raw)

    def test_multi_member_stream(self):
        self.assertEqual(solution.read_gzip_upload(gzip.compress(b"part1\n") + gzip.compress(b"part2\n")),
                         b"part1\npart2\n")

    def test_exactly_max_size_is_accepted(self):
        raw = b"x" * solution.MAX_SIZE
        self.assertEqual(len(solution.read_gzip_upload(gzip.compress(raw, 1))), solution.MAX_SIZE)

    def test_one_byte_over_is_refused(self):
        with self.assertRaises(ValueError):
            solution.read_gzip_upload(gzip.compress(b"x" * (solution.MAX_SIZE + 1), 1))

    def test_not_gzip(self):
        with self.assertRaises(ValueError):
            solution.read_gzip_upload(b"PK\x03\x04 this is a zip file")


if __name__ == "__main__":
    unittest.main()
