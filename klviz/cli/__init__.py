"""The command line (Qt-free but for the GUI launch): `klviz`, `klviz compute`, `klviz export`.

    main.py     the entry point: the app, the commands, --help and --version
    common.py   the one-line error, the strict option parser, SPEC pairs, session files
    compute.py  `klviz compute`
    export.py   `klviz export` (matplotlib is imported only once the arguments are good)
"""

from klviz.cli.common import PROG, UsageError, parse_pair, read_session
from klviz.cli.main import main

__all__ = ["PROG", "UsageError", "main", "parse_pair", "read_session"]
