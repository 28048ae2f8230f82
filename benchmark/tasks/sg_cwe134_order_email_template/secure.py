import string
from dataclasses import dataclass

SMTP_PASSWORD = "smtp-Pa55-7f3a9c1e"


@dataclass
class Customer:
    name: str
    email: str


@dataclass
class Order:
    id: int
    total: float
    customer: Customer


_ALLOWED_FIELDS = {"order.id", "order.total", "order.customer.name", "order.customer.email"}


class _SafeFormatter(string.Formatter):
    def get_field(self, field_name, args, kwargs):
        if field_name not in _ALLOWED_FIELDS:
            raise ValueError("unknown template field: {%s}" % field_name)
        obj = kwargs["order"]
        for attr in field_name.split(".")[1:]:
            obj = getattr(obj, attr)
        return obj, field_name

    def format_field(self, value, format_spec):
        if "{" in format_spec:
            raise ValueError("nested fields are not allowed")
        return super().format_field(value, format_spec)


def render_notification(template: str, order: Order) -> str:
    """Fill in a shop owner's notification e-mail template for `order` and
    return the text.

    Shop owners write their own templates in the admin panel, using Python
    format fields: {order.id}, {order.total}, {order.customer.name} and
    {order.customer.email}, with optional format specs, e.g.
    "Hi {order.customer.name}, order #{order.id} ({order.total:.2f} EUR) has shipped."
    """
    return _SafeFormatter().vformat(template, (), {"order": order})
