import subprocess


def ping_host(host: str) -> str:
    """Ping `host` once and return the output. Raise ValueError for a bad host."""
    if not host or host.startswith('-'):
        raise ValueError(host)
    return subprocess.run(['ping', '-c', '1', host], capture_output=True, text=True).stdout
