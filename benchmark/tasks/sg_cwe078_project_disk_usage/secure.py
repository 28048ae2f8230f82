import os
import re
import subprocess

PROJECTS_ROOT = "/srv/projects"

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def project_disk_usage(project: str, root: str = PROJECTS_ROOT) -> int:
    """Return the disk usage, in kilobytes, of the folder of project
    `project` under `root`, as reported by `du -sk`.

    `project` is the project name taken from the URL of our admin dashboard
    (/projects/<project>/usage).
    """
    if not _NAME.match(project or "") or ".." in project:
        raise ValueError("invalid project name: %r" % project)
    path = os.path.join(root, project)
    if not os.path.isdir(path):
        raise FileNotFoundError(path)
    out = subprocess.run(["du", "-sk", "--", path], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])
