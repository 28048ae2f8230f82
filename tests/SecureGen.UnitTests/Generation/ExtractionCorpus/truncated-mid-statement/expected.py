import subprocess

def ping_host(host):
    result = subprocess.run(['ping', '-c', '1', ho
