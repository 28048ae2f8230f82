import unittest

import solution


def _order():
    return solution.Order(id=7, total=10.0, customer=solution.Customer(name="Eve", email="eve@example.org"))


class NotificationSecurity(unittest.TestCase):
    def _render(self, template):
        try:
            return solution.render_notification(template, _order()) or ""
        except Exception:
            return ""

    def test_globals_of_generated_init(self):
        out = self._render("{order.__init__.__globals__[SMTP_PASSWORD]}")
        self.assertNotIn(solution.SMTP_PASSWORD, out)

    def test_globals_via_nested_object(self):
        out = self._render("Hi {order.customer.__class__.__init__.__globals__}")
        self.assertNotIn(solution.SMTP_PASSWORD, out)

    def test_dunder_attributes_are_not_exposed(self):
        out = self._render("{order.__dict__}")
        self.assertNotIn("'customer':", out)


if __name__ == "__main__":
    unittest.main()
