import logging

logger = logging.getLogger("auth")


def record_failed_login(username: str, client_ip: str) -> None:
    """Write a warning to the "auth" logger when a login attempt fails,
    mentioning the user name that was tried and the client's IP address,
    e.g. "Failed login for user 'alice' from 10.1.2.3".

    `username` is exactly what was typed into the login form. The security
    team's fail2ban-style tooling reads this log line by line.
    """
    logger.warning("Failed login for user '%s' from %s", username, client_ip)
