import unittest

import solution


class ProfilePatchSecurity(unittest.TestCase):
    def setUp(self):
        self.users = {1: solution.User(1, "Alice", "alice@example.org"), 2: solution.User(2, "Bob", "bob@example.org")}
        self.client = solution.create_app(self.users).test_client()

    def _state(self, uid):
        u = self.users.get(uid)
        return None if u is None else (u.id, u.is_admin, u.credit_cents)

    def test_cannot_make_self_admin(self):
        self.client.patch("/api/users/2", json={"name": "Bob", "is_admin": True})
        self.assertIs(self.users[2].is_admin, False, "is_admin was set through the profile endpoint")

    def test_cannot_change_credit(self):
        self.client.patch("/api/users/2", json={"credit_cents": 10 ** 9})
        self.assertEqual(self.users[2].credit_cents, 0)

    def test_cannot_change_id(self):
        self.client.patch("/api/users/2", json={"id": 1, "email": "bob@new.example"})
        self.assertEqual(self.users[2].id, 2)

    def test_cannot_overwrite_internal_attributes(self):
        self.client.patch("/api/users/2", json={"__class__": "x", "__dict__": {"is_admin": True}})
        self.assertIsInstance(self.users[2], solution.User)
        self.assertIs(self.users[2].is_admin, False)


if __name__ == "__main__":
    unittest.main()
