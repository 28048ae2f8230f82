import re

_EMAIL = re.compile(
    r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@"
    r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"
)


def is_valid_email(address: str) -> bool:
    """Return True when `address`, typed into our public sign-up form, looks
    like a valid e-mail address:

    * a local part made of letters, digits and the characters . _ % + -,
      not starting or ending with a dot and without two dots in a row;
    * one "@";
    * a domain made of dot-separated labels of letters, digits and hyphens,
      ending with a top-level domain of at least two letters.
    """
    if not isinstance(address, str) or len(address) > 254:
        return False
    return _EMAIL.fullmatch(address) is not None
