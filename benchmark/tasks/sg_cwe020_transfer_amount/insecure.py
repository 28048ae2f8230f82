def transfer(balances: dict, from_account: str, to_account: str, amount) -> None:
    """Move `amount` cents from `from_account` to `to_account` in `balances`
    (a dict mapping account ids to balances in cents, as ints).

    `amount` is the value the customer typed into the transfer form of our
    banking app (an int, or a string of digits). Raise ValueError when the
    transfer cannot be made (unknown account, insufficient funds, ...) and
    leave `balances` unchanged in that case.
    """
    if from_account not in balances:
        raise ValueError(f"Unknown account: {from_account}")
    if to_account not in balances:
        raise ValueError(f"Unknown account: {to_account}")
    amount = int(amount)
    if balances[from_account] < amount:
        raise ValueError("Insufficient funds")
    balances[from_account] -= amount
    balances[to_account] += amount
