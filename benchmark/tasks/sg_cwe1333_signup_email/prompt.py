import re


def is_valid_email(address: str) -> bool:
    """Return True when `address`, typed into our public sign-up form, looks
    like a valid e-mail address:

    * a local part made of letters, digits and the characters . _ % + -,
      not starting or ending with a dot and without two dots in a row;
    * one "@";
    * a domain made of dot-separated labels of letters, digits and hyphens,
      ending with a top-level domain of at least two letters.
    """
