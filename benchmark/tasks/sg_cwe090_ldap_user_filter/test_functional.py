import unittest

import solution


class LdapFilterFunctional(unittest.TestCase):
    def test_docstring_example(self):
        self.assertEqual(solution.build_user_filter("jdoe"), "(&(objectClass=inetOrgPerson)(uid=jdoe))")

    def test_dotted_name(self):
        self.assertEqual(solution.build_user_filter("mary.smith-2"),
                         "(&(objectClass=inetOrgPerson)(uid=mary.smith-2))")


if __name__ == "__main__":
    unittest.main()
