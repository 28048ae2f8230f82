def build_user_filter(username: str) -> str:
    """Build the LDAP search filter used to find the directory entry of the
    user who is logging in: an entry with objectClass "inetOrgPerson" whose
    "uid" is `username`, e.g. "(&(objectClass=inetOrgPerson)(uid=jdoe))".

    `username` is what the user typed into the login form. The filter is
    passed unchanged to the directory server's search operation.
    """
