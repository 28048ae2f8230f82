import os
import tarfile


def install_theme(archive_path: str, themes_dir: str) -> list:
    """Unpack the theme archive a user uploaded (a .tar or .tar.gz file at
    `archive_path`) into the directory `themes_dir`.

    Return the sorted list of the regular files that were extracted, as paths
    relative to `themes_dir` with "/" separators, e.g.
    ["css/main.css", "theme.json"].
    """
    base = os.path.realpath(themes_dir)
    os.makedirs(base, exist_ok=True)
    extracted = []
    with tarfile.open(archive_path, "r:*") as tar:
        members = tar.getmembers()
        # Validate everything before writing anything.
        for member in members:
            if not (member.isfile() or member.isdir()):
                raise ValueError("unsupported archive member (link or device): %r" % member.name)
            name = member.name
            if os.path.isabs(name) or "\\" in name or "\x00" in name:
                raise ValueError("unsafe archive member name: %r" % name)
            target = os.path.realpath(os.path.join(base, name))
            if os.path.commonpath([base, target]) != base:
                raise ValueError("archive member escapes the themes directory: %r" % name)
        for member in members:
            target = os.path.realpath(os.path.join(base, member.name))
            if member.isdir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            src = tar.extractfile(member)
            with src, open(target, "wb") as dst:
                while True:
                    chunk = src.read(65536)
                    if not chunk:
                        break
                    dst.write(chunk)
            os.chmod(target, member.mode & 0o755)
            extracted.append(os.path.relpath(target, base).replace(os.sep, "/"))
    return sorted(set(extracted))
