import unittest

import solution


def _store():
    return {1: solution.User(1, "Alice", "alice@example.org"), 2: solution.User(2, "Bob", "bob@example.org")}


class ProfilePatchFunctional(unittest.TestCase):
    def setUp(self):
        self.users = _store()
        self.client = solution.create_app(self.users).test_client()

    def test_update_name(self):
        resp = self.client.patch("/api/users/1", json={"name": "Alice Liddell"})
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(resp.get_json(), {"id": 1, "name": "Alice Liddell", "email": "alice@example.org"})
        self.assertEqual(self.users[1].name, "Alice Liddell")

    def test_update_name_and_email(self):
        resp = self.client.patch("/api/users/2", json={"name": "Robert", "email": "rob@example.org"})
        self.assertEqual(resp.get_json(), {"id": 2, "name": "Robert", "email": "rob@example.org"})
        self.assertEqual((self.users[2].name, self.users[2].email), ("Robert", "rob@example.org"))
        self.assertEqual(self.users[1].name, "Alice")

    def test_unknown_user(self):
        self.assertEqual(self.client.patch("/api/users/9", json={"name": "x"}).status_code, 404)


if __name__ == "__main__":
    unittest.main()
