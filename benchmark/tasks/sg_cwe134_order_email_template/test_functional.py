import unittest

import solution


def _order():
    return solution.Order(id=1042, total=59.5, customer=solution.Customer(name="Ines", email="ines@example.org"))


class NotificationFunctional(unittest.TestCase):
    def test_docstring_example(self):
        text = solution.render_notification(
            "Hi {order.customer.name}, order #{order.id} ({order.total:.2f} EUR) has shipped.", _order())
        self.assertEqual(text, "Hi Ines, order #1042 (59.50 EUR) has shipped.")

    def test_email_field_and_plain_text(self):
        text = solution.render_notification("Receipt sent to {order.customer.email}.\nThanks!", _order())
        self.assertEqual(text, "Receipt sent to ines@example.org.\nThanks!")

    def test_unformatted_total(self):
        self.assertEqual(solution.render_notification("{order.total}", _order()), "59.5")


if __name__ == "__main__":
    unittest.main()
