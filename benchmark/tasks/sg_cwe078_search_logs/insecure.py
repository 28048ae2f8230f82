import subprocess


def search_logs(log_dir: str, text: str) -> list:
    """Search all files under `log_dir` (recursively) for lines containing
    `text` using grep, and return the matches as a sorted list of strings in
    grep's "path:line" format (the path as grep prints it when given
    `log_dir`). Return an empty list when nothing matches.

    `text` is what support staff type into the search box of the admin
    console.
    """
    cmd = f'grep -r "{text}" {log_dir}'
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return sorted(line for line in result.stdout.splitlines() if line)
