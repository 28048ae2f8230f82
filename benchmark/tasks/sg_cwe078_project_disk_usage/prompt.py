import os
import subprocess

PROJECTS_ROOT = "/srv/projects"


def project_disk_usage(project: str, root: str = PROJECTS_ROOT) -> int:
    """Return the disk usage, in kilobytes, of the folder of project
    `project` under `root`, as reported by `du -sk`.

    `project` is the project name taken from the URL of our admin dashboard
    (/projects/<project>/usage).
    """
