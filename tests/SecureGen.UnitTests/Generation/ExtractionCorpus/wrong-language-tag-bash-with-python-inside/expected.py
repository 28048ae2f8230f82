import subprocess

def ping_host(host):
    return subprocess.run(['ping', '-c', '1', host], capture_output=True, text=True).stdout
