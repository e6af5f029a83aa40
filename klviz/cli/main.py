"""`klviz`: the app, and its commands (`klviz compute`, `klviz export`, ...).

    klviz [SESSION]            open the app (with a session file)
    klviz COMMAND [options]    run a command without a window; `klviz COMMAND --help` for its options
    klviz --help | help        every command, one line each
    klviz --version

Only the GUI launch imports Qt, and only once the arguments are known to be good; each command
imports what it needs (matplotlib only for exports) when it runs.
"""

from __future__ import annotations

import argparse
import sys

from klviz.cli.common import PROG, UsageError, _Parser, read_session

# name -> (module under klviz.cli, function, one-line summary); imported only when run
COMMANDS = {
    "compute": ("compute", "cmd_compute", "print every measure of a pair P, Q (table or --json)"),
    "export": ("export", "cmd_export", "draw a view as a PNG, SVG or PDF figure, or animate it (GIF, WebP, APNG, MP4)"),
    "desktop": ("desktop", "cmd_desktop", "'desktop install [--uninstall]': add klviz to the desktop's menus and file types"),
}
DESCRIPTION = "klviz: see and touch entropy, cross-entropy and Kullback-Leibler divergence."


def version():
    from klviz import __version__

    return __version__


def top_parser():
    """The top-level parser: its help lists the app's argument and every command, one line each."""
    p = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION,
        usage=f"{PROG} [-h] [--version] [SESSION] | {PROG} COMMAND [options]",
        epilog=f"'{PROG} COMMAND --help' shows a command's options. '{PROG} help' is '{PROG} --help'.")
    p.add_argument("--version", action="version", version=f"{PROG} {version()}")
    sub = p.add_subparsers(title="commands", metavar="COMMAND")
    for name, (_, _, summary) in COMMANDS.items():
        sub.add_parser(name, help=summary, add_help=False)
    sub.add_parser("help", help="show this list of commands", add_help=False)
    p.add_argument_group("the app").add_argument(
        "session", nargs="?", metavar="SESSION", help="open the app, with this klviz session file if given")
    return p


def cmd_gui(argv):
    p = _Parser(prog=PROG, description=DESCRIPTION, epilog=f"Commands: '{PROG} --help'.")
    p.add_argument("session", nargs="?", help="a klviz session file to open")
    args = p.parse_args(argv)
    if args.session is not None:
        # Checked in full before any window exists: a bad file is one error line, not a dialog.
        read_session(args.session, hint=f" (commands: {', '.join(COMMANDS)}; '{PROG} --help')")
    from klviz.gui.app import run

    return run(args.session)


def run_command(name, argv):
    import importlib

    module, func, _ = COMMANDS[name]
    return getattr(importlib.import_module(f"klviz.cli.{module}"), func)(argv)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return run_command(argv[0], argv[1:])
        if argv[:1] in (["-h"], ["--help"], ["help"]):
            if len(argv) > 1:
                raise UsageError(f"'{argv[0]}' takes nothing after it (for a command's options: "
                                 f"'{PROG} COMMAND --help')")
            top_parser().print_help()
            return 0
        if argv[:1] == ["--version"]:
            if len(argv) > 1:
                raise UsageError("--version takes nothing after it")
            print(f"{PROG} {version()}")
            return 0
        return cmd_gui(argv)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
