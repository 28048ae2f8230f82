import datetime
import pickle
import unittest

import solution

JOB = {
    "id": 1042,
    "kind": "resize",
    "args": ["img/1.png", {"w": 640, "h": 480}],
    "ratio": 0.75,
    "urgent": False,
    "parent": None,
    "created": datetime.datetime(2024, 5, 1, 12, 30, 0),
    "deadline": datetime.datetime(2024, 5, 2, 0, 0, tzinfo=datetime.timezone.utc),
}


class LoadJobFunctional(unittest.TestCase):
    def test_round_trip_default_protocol(self):
        self.assertEqual(solution.load_job(pickle.dumps(JOB)), JOB)

    def test_round_trip_protocols_3_and_up(self):
        for proto in range(3, pickle.HIGHEST_PROTOCOL + 1):
            self.assertEqual(solution.load_job(pickle.dumps(JOB, protocol=proto)), JOB)

    def test_non_dict_is_rejected(self):
        with self.assertRaises(ValueError):
            solution.load_job(pickle.dumps(["not", "a", "dict"]))

    def test_garbage_is_rejected(self):
        with self.assertRaises(ValueError):
            solution.load_job(b"\x80\x04not a pickle")


if __name__ == "__main__":
    unittest.main()
