import re

_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$")


def is_valid_host(host):
    return bool(_HOST.match(host))

import subprocess

def ping_host(host):
    if not is_valid_host(host):
        raise ValueError('bad host')
    return subprocess.run(['ping', '-c', '1', host], capture_output=True, text=True).stdout
