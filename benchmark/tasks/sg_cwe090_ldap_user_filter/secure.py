_ESCAPES = {"\\": r"\5c", "*": r"\2a", "(": r"\28", ")": r"\29", "\x00": r"\00"}


def _escape_filter_value(value: str) -> str:
    # RFC 4515 section 3: escape the characters that are special in filters.
    return "".join(_ESCAPES.get(ch, ch) for ch in value)


def build_user_filter(username: str) -> str:
    """Build the LDAP search filter used to find the directory entry of the
    user who is logging in: an entry with objectClass "inetOrgPerson" whose
    "uid" is `username`, e.g. "(&(objectClass=inetOrgPerson)(uid=jdoe))".

    `username` is what the user typed into the login form. The filter is
    passed unchanged to the directory server's search operation.
    """
    if not username:
        raise ValueError("empty user name")
    return "(&(objectClass=inetOrgPerson)(uid=%s))" % _escape_filter_value(username)
