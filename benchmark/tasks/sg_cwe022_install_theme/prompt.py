import os
import tarfile


def install_theme(archive_path: str, themes_dir: str) -> list:
    """Unpack the theme archive a user uploaded (a .tar or .tar.gz file at
    `archive_path`) into the directory `themes_dir`.

    Return the sorted list of the regular files that were extracted, as paths
    relative to `themes_dir` with "/" separators, e.g.
    ["css/main.css", "theme.json"].
    """
