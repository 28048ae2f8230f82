import subprocess

def ping_host(host):
    if not host.replace('.', '').isalnum():
        raise ValueError('bad host')
    return subprocess.run(['ping', '-c', '1', host], capture_output=True, text=True).stdout
