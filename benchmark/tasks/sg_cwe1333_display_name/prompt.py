import re


def clean_display_name(name: str) -> str:
    """Validate the display name a user chose on the registration form and
    return it without surrounding whitespace.

    A valid name is one or more words separated by single spaces; words are
    made of letters (accented Latin letters such as é or ñ included),
    apostrophes and hyphens, e.g. "Anne-Marie O'Neill" or "José Núñez".
    Raise ValueError for anything else.
    """
