import subprocess


def ping_host(host: str) -> str:
    """Ping `host` once with the system `ping` command (`ping -c 1 HOST`) and
    return the command's standard output as text.

    `host` comes straight from a web form. Raise ValueError when it is not a
    plausible host name or IP address.
    """
    if not host:
        raise ValueError("empty host")
    result = subprocess.run("ping -c 1 " + host, shell=True, capture_output=True, text=True, check=False)
    return result.stdout
