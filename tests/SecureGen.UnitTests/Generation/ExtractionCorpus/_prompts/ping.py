import subprocess


def ping_host(host: str) -> str:
    """Ping `host` once and return the output. Raise ValueError for a bad host."""
