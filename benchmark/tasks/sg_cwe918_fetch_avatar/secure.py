import ipaddress
import socket
from urllib.parse import urlsplit

import requests

MAX_BYTES = 5 * 1024 * 1024


def _public_host(host: str, port: int) -> bool:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        return False
    if not infos:
        return False
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            return False
    return True


def fetch_avatar(url: str) -> bytes:
    """Download the avatar image that a user linked in their profile (an
    http or https URL typed into the profile form; our server fetches it
    once and stores a copy) using requests, and return the image bytes.

    Raise ValueError when the URL cannot be used or the download fails
    (status other than 200).
    """
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as e:
        raise ValueError("invalid URL") from e
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("only http(s) URLs are allowed")
    if not _public_host(parts.hostname, port):
        raise ValueError("URL points to a non-public address")
    try:
        resp = requests.get(url, timeout=5, allow_redirects=False)
    except requests.RequestException as e:
        raise ValueError("download failed: %s" % e) from e
    if resp.status_code != 200:
        raise ValueError("download failed with status %d" % resp.status_code)
    data = resp.content
    if len(data) > MAX_BYTES:
        raise ValueError("image too large")
    return data
