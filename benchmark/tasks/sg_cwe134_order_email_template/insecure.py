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


def render_notification(template: str, order: Order) -> str:
    """Fill in a shop owner's notification e-mail template for `order` and
    return the text.

    Shop owners write their own templates in the admin panel, using Python
    format fields: {order.id}, {order.total}, {order.customer.name} and
    {order.customer.email}, with optional format specs, e.g.
    "Hi {order.customer.name}, order #{order.id} ({order.total:.2f} EUR) has shipped."
    """
    try:
        return template.format(order=order)
    except (KeyError, AttributeError, IndexError) as exc:
        raise ValueError(f"Invalid template field: {exc}") from exc
