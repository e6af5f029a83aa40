"""`klviz desktop install [--uninstall]`: make klviz a desktop application for this user.

Writes, under $XDG_DATA_HOME (default ~/.local/share), the files the freedesktop specifications
read: a desktop entry (applications/klviz.desktop, so menus list klviz and a double-click on a
session opens it), the icon in the hicolor theme (every rendered size and the SVG, also as the
session files' icon), and a shared-mime-info type application/x-klviz-session for *.klviz. Then it
runs update-desktop-database / update-mime-database / gtk-update-icon-cache where they are
installed, and says what it wrote. `--uninstall` removes exactly those files again. Qt-free.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from klviz.cli.common import PROG, UsageError, _Parser

APP_ID = "klviz"  # the desktop file's name, the icon's name and QGuiApplication's desktopFileName
MIME_TYPE = "application/x-klviz-session"
MIME_ICON = MIME_TYPE.replace("/", "-")

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>klviz session</comment>
    <comment xml:lang="fr">session klviz</comment>
    <sub-class-of type="application/json"/>
    <icon name="{MIME_ICON}"/>
    <glob pattern="*.klviz"/>
  </mime-type>
</mime-info>
"""


def data_home():
    """$XDG_DATA_HOME if it is an absolute path (the specification ignores any other), else
    ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def _exec_quote(arg):
    """One argument of a desktop entry's Exec key (the specification's quoting rules)."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%='):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return '"' + escaped.replace("%", "%%") + '"'


def launch_command():
    """How the desktop starts the app: the klviz-gui (else klviz) script beside this Python, else
    this Python with -m klviz."""
    folder = Path(sys.executable).parent
    for name in ("klviz-gui", "klviz"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "klviz"]


def desktop_entry(command):
    exec_line = " ".join(_exec_quote(a) for a in command) + " %f"
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=klviz",
        "GenericName=Entropy and KL divergence explorer",
        "GenericName[fr]=Explorateur d'entropie et de divergence KL",
        "Comment=See and touch entropy, cross-entropy and Kullback-Leibler divergence",
        "Comment[fr]=Voir et manipuler l'entropie, l'entropie croisée et la divergence de Kullback-Leibler",
        f"Exec={exec_line}",
        f"TryExec={command[0]}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Math;",
        "Keywords=entropy;cross-entropy;KL;divergence;information theory;machine learning;",
        f"MimeType={MIME_TYPE};",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def planned_files(home):
    """(path, content as bytes) for every file `install` writes, under data home `home`."""
    from klviz import resources

    files = [
        (home / "applications" / f"{APP_ID}.desktop", desktop_entry(launch_command()).encode("utf-8")),
        (home / "mime" / "packages" / f"{APP_ID}.xml", MIME_XML.encode("utf-8")),
    ]
    icons = home / "icons" / "hicolor"
    svg = resources.icon_svg().read_bytes()
    for name in (APP_ID, MIME_ICON):
        kind = "apps" if name == APP_ID else "mimetypes"
        files.append((icons / "scalable" / kind / f"{name}.svg", svg))
        for size in resources.ICON_SIZES:
            files.append((icons / f"{size}x{size}" / kind / f"{name}.png", resources.icon_png(size).read_bytes()))
    return files


def _refresh_caches(home):
    """Run the desktop's cache tools that are installed; return what ran, as lines to print."""
    runs = [
        ("update-desktop-database", [str(home / "applications")]),
        ("update-mime-database", [str(home / "mime")]),
        ("gtk-update-icon-cache", ["-f", "-t", "-q", str(home / "icons" / "hicolor")]),
    ]
    lines = []
    for tool, args in runs:
        exe = shutil.which(tool)
        if exe is None:
            lines.append(f"  ({tool} is not installed: skipped)")
            continue
        if not Path(args[-1]).is_dir():
            continue
        try:
            done = subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            lines.append(f"  {tool} could not run: {exc}")
            continue
        status = "ran" if done.returncode == 0 else f"failed (exit {done.returncode})"
        lines.append(f"  {tool} {status}")
    return lines


def install(home):
    written = []
    for path, content in planned_files(home):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.klviz-tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)
        written.append(path)
    icons = [p for p in written if "icons" in p.parts]
    print(f"{PROG}: wrote {len(written)} files under {home}:")
    for path in written:
        if path not in icons:
            print(f"  {path}")
    print(f"  {len(icons)} icon files under {home / 'icons' / 'hicolor'}")
    for line in _refresh_caches(home):
        print(line)
    print(f"{PROG}: klviz is in the applications menu; double-clicking a .klviz file opens it.")


def uninstall(home):
    removed = []
    for path, _ in planned_files(home):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    print(f"{PROG}: removed {len(removed)} files under {home}" + (":" if removed else " (none was installed)"))
    for path in removed:
        if path.suffix in (".desktop", ".xml"):
            print(f"  {path}")
    if removed:
        for line in _refresh_caches(home):
            print(line)


def cmd_desktop(argv):
    p = _Parser(prog=f"{PROG} desktop",
                description="Install (or remove) klviz as a desktop application for this user: a "
                "menu entry, the icon, and the file type of .klviz sessions, under $XDG_DATA_HOME "
                "(default ~/.local/share).")
    p.add_argument("action", choices=["install"], help="install (with --uninstall: remove)")
    p.add_argument("--uninstall", action="store_true", help="remove what 'install' wrote")
    args = p.parse_args(argv)
    home = data_home()
    try:
        (uninstall if args.uninstall else install)(home)
    except OSError as exc:
        from klviz.fileio import error_reason, shown_path

        where = shown_path(exc.filename) if exc.filename else str(home)
        raise UsageError(f"cannot {'remove' if args.uninstall else 'write'} {where}: {error_reason(exc)}") from None
    return 0
