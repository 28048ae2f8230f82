import logging

logger = logging.getLogger("auth")


def _sanitize(value: str, limit: int = 200) -> str:
    # Neutralise line breaks and other control characters so one event is
    # always one log line; repr-style escapes keep the original visible.
    out = []
    for ch in str(value)[:limit]:
        if ch.isprintable() and ch not in "\u2028\u2029":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def record_failed_login(username: str, client_ip: str) -> None:
    """Write a warning to the "auth" logger when a login attempt fails,
    mentioning the user name that was tried and the client's IP address,
    e.g. "Failed login for user 'alice' from 10.1.2.3".

    `username` is exactly what was typed into the login form. The security
    team's fail2ban-style tooling reads this log line by line.
    """
    logger.warning("Failed login for user '%s' from %s", _sanitize(username), _sanitize(client_ip, 64))
