"""Find the CPython interpreters .ci/run tests on; print one path on stdout.

    python3 .ci/find_python.py oldest   # the floor of requires-python (pyproject.toml), exactly
    python3 .ci/find_python.py newest   # the newest final release found, if newer than this python3

Candidates: every `python3.N` on PATH and every pyenv version ($PYENV_ROOT, default ~/.pyenv).
One counts only if it runs and can make a venv with pip (a pyenv shim for an inactive version,
or a Debian python without python3.N-venv, does not). Exit status 1 with a message on stderr
when there is none.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import sys, venv, ensurepip; v = sys.version_info; print(v.major, v.minor, v.micro, v.releaselevel)"


def candidates():
    seen = set()
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = [Path(sys.executable)]
    for d in dirs:
        try:
            found += sorted(p for p in Path(d).iterdir() if re.fullmatch(r"python3\.\d+", p.name))
        except OSError:
            continue
    if pyenv.is_dir():
        found += sorted(pyenv.glob("*/bin/python3"))
    for path in found:
        try:
            real = path.resolve()
        except OSError:
            continue
        if real not in seen:
            seen.add(real)
            yield path


def version(path):
    try:
        out = subprocess.run([str(path), "-c", PROBE], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    major, minor, micro, level = out.stdout.split()
    return (int(major), int(minor), int(micro)) if level == "final" else None


def main(which):
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    floor = tuple(int(x) for x in re.fullmatch(r">=\s*(\d+)\.(\d+)", spec).groups())
    found = {}
    for path in candidates():
        v = version(path)
        if v is not None and v[:2] >= floor:
            found.setdefault(v, path)
    if which == "oldest":
        exact = sorted(v for v in found if v[:2] == floor)
        if not exact:
            sys.exit(f"find_python: no usable Python {floor[0]}.{floor[1]} (the floor of requires-python) found")
        print(found[exact[-1]])
    else:
        mine = sys.version_info[:3]
        newer = sorted(v for v in found if v[:2] > mine[:2])
        if not newer:
            sys.exit(f"find_python: no Python newer than {mine[0]}.{mine[1]} found")
        print(found[newer[-1]])


if __name__ == "__main__":
    if sys.argv[1:] not in (["oldest"], ["newest"]):
        sys.exit("usage: find_python.py oldest|newest")
    main(sys.argv[1])
