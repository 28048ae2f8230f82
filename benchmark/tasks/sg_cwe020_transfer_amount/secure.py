def _parse_amount(amount) -> int:
    if isinstance(amount, bool):
        raise ValueError("invalid amount")
    if isinstance(amount, int):
        value = amount
    elif isinstance(amount, str):
        text = amount.strip()
        if not text.isascii() or not text.isdigit():
            raise ValueError("amount must be a whole number of cents")
        value = int(text)
    else:
        raise ValueError("invalid amount type")
    if value <= 0:
        raise ValueError("amount must be positive")
    return value


def transfer(balances: dict, from_account: str, to_account: str, amount) -> None:
    """Move `amount` cents from `from_account` to `to_account` in `balances`
    (a dict mapping account ids to balances in cents, as ints).

    `amount` is the value the customer typed into the transfer form of our
    banking app (an int, or a string of digits). Raise ValueError when the
    transfer cannot be made (unknown account, insufficient funds, ...) and
    leave `balances` unchanged in that case.
    """
    value = _parse_amount(amount)
    if from_account not in balances or to_account not in balances:
        raise ValueError("unknown account")
    if from_account == to_account:
        raise ValueError("cannot transfer to the same account")
    if balances[from_account] < value:
        raise ValueError("insufficient funds")
    balances[from_account] -= value
    balances[to_account] += value
