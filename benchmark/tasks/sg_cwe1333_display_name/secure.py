import re

_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿ'-]+"
_NAME = re.compile(r"%s(?: %s)*" % (_WORD, _WORD))
MAX_LENGTH = 100


def clean_display_name(name: str) -> str:
    """Validate the display name a user chose on the registration form and
    return it without surrounding whitespace.

    A valid name is one or more words separated by single spaces; words are
    made of letters (accented Latin letters such as é or ñ included),
    apostrophes and hyphens, e.g. "Anne-Marie O'Neill" or "José Núñez".
    Raise ValueError for anything else.
    """
    if not isinstance(name, str):
        raise ValueError("display name must be a string")
    name = name.strip()
    if not name or len(name) > MAX_LENGTH or not _NAME.fullmatch(name):
        raise ValueError("invalid display name")
    return name
