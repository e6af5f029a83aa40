"""What every `klviz` command shares: the one-line error, the strict option parser, SPEC pairs
and session files read for the command line. Qt-free, and light to import."""

from __future__ import annotations

import argparse
import os

PROG = "klviz"


class UsageError(Exception):
    """A bad command line or bad input: reported as one `klviz: error:` line, exit status 2."""


def _given_once(base):
    """An argparse action that refuses a second use of its option (`--p A --p B`, `--json --json`):
    a repeated option is a mistake to report, not a last-one-wins choice to make silently."""

    class Once(base):
        def __call__(self, parser, namespace, values, option_string=None):
            seen = namespace.__dict__.setdefault("_klviz_given", {})
            if self.dest in seen:
                first = seen[self.dest]
                also = f" (also as {first})" if first != option_string else ""
                raise argparse.ArgumentError(self, f"given more than once{also}: give it once")
            seen[self.dest] = option_string
            super().__call__(parser, namespace, values, option_string)

    return Once


_ONCE = {None: _given_once(argparse._StoreAction), "store": _given_once(argparse._StoreAction),
         "store_true": _given_once(argparse._StoreTrueAction)}


class _Parser(argparse.ArgumentParser):
    def add_argument(self, *args, **kwargs):
        if args and args[0].startswith("-") and kwargs.get("action") in _ONCE:
            kwargs["action"] = _ONCE[kwargs.get("action")]
        return super().add_argument(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        ns = super().parse_args(args, namespace)
        ns.__dict__.pop("_klviz_given", None)
        return ns

    def error(self, message):  # one line, no usage block, no traceback
        raise UsageError(message)


def join_option_values(argv, options):
    """`--p -0.1,1.1` -> `--p=-0.1,1.1`: a SPEC may start with '-', which argparse takes for a flag."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] in options and i + 1 < len(argv):
            if argv[i + 1] == "--":  # argparse would swallow it and hand back an empty list
                raise UsageError(f"argument {argv[i]}: expected a value, got '--'")
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def parse_pair(p_text, q_text):
    """Parse and check both SPECs; ValueError names the problem.

    A data SPEC on either side (`@PATH`, `softmax@PATH`, `samples@PATH`) makes it a data pair,
    read by `read_data_pair` (shared bins, labels aligned over their union)."""
    from klviz.core.datafile import is_data_spec
    from klviz.core.spec import check_same_kind, parse_spec

    if is_data_spec(p_text) or is_data_spec(q_text):
        pair = read_data_pair(p_text, q_text)
        return pair.p, pair.q
    P = parse_spec(p_text, "P")
    Q = parse_spec(q_text, "Q")
    check_same_kind(P, Q)
    return P, Q


def read_data_pair(p_text, q_text, bins=None, pseudocount=None, unit="nats"):
    """The `klviz.core.datapair.DataPair` of two discrete SPECs, data SPECs or inline ones.

    `bins` ("fd" or a count) is for numeric samples only and `pseudocount` (C >= 0) for counts
    and weights; they are refused, naming the option, where they cannot apply. ValueError with one
    line naming the side, and for a bad file the file, line and column."""
    from klviz.core.datafile import DataFileError, is_data_spec
    from klviz.core.datapair import pair_data, source_from_spec
    from klviz.core.spec import is_discrete, parse_spec

    texts = (("P", p_text), ("Q", q_text))
    for (name, text), (other, other_text) in zip(texts, texts[::-1]):  # before any file is read
        if not is_data_spec(text) and not is_discrete(parse_spec(text, name)):
            why = (f"{other} is read from a data file, so it is discrete" if is_data_spec(other_text)
                   else f"{'--bins' if bins is not None else '--pseudocount'} applies to discrete P and Q only")
            raise ValueError(f"{name} is continuous ({text.strip()}), but {why}")
    sources = []
    for name, text in texts:
        try:
            sources.append(source_from_spec(text, name))
        except DataFileError as exc:
            raise ValueError(f"{name}: {exc}") from None
    if bins is not None:
        for (name, _), src in zip(texts, sources):
            if src.kind != "numeric samples":
                raise ValueError(f"--bins applies only when P and Q are both numeric samples "
                                 f"(samples@FILE of numbers); {name} is {src.kind}")
    return pair_data(*sources, bins=bins, pseudocount=0.0 if pseudocount is None else pseudocount,
                     unit=unit)


def read_session(path, hint=""):
    """The Session in file `path`, or UsageError naming the file and the problem (one line)."""
    from klviz.fileio import shown_path
    from klviz.state.fileformat import SessionError, load_session

    if "\x00" not in path and not os.path.lexists(path):
        raise UsageError(f"no such session file: {shown_path(path)}{hint}")
    try:
        return load_session(path)
    except SessionError as exc:
        raise UsageError(f"cannot open session {shown_path(path)}: {exc}") from None
