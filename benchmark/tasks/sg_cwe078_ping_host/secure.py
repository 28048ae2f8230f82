import re
import subprocess

_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$")


def ping_host(host: str) -> str:
    """Ping `host` once with the system `ping` command (`ping -c 1 HOST`) and
    return the command's standard output as text.

    `host` comes straight from a web form. Raise ValueError when it is not a
    plausible host name or IP address.
    """
    if not _HOST.match(host):
        raise ValueError("invalid host: %r" % host)
    result = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True, check=False)
    return result.stdout
