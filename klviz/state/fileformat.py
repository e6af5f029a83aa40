"""The session file format: validated load of every version (1 and 2), atomic save (version 2).

A session file is UTF-8 JSON (a byte-order mark is allowed), at most MAX_FILE_BYTES, holding one
object with "format": "klviz-session" and an integer "version". Every part is optional (defaults
fill what is missing) and other keys are ignored:

  version 1: "unit", "discrete", "continuous" (with "p" and "q"); "discrete" up to
             MAX_FILE_CATEGORIES categories (more than the editor's 100 come from an imported file
             and open read-only, measured in full, as they were saved)
  version 2: those, "continuous" also with "second" (the remembered mixture part of a side that is
             a single Normal), and "losses" (the loss lab's three panels), "view" (overlay, unit
             variance) and "lesson" (the step shown); and an optional "joint" (the Joint tab: "rows",
             "row_labels", "col_labels", read by klviz.state.joint.JointState.from_dict's rules;
             a file without one opens with the default joint, and saving writes it only when it
             is not the default); and an optional "batch" (the loss lab's imported batch:
             "logits", rows of k ≥ 2 finite numbers, "targets", one 0-based class index per row,
             and optional "class_labels"; at most klviz.state.batch.MAX_FILE_ROWS rows and
             MAX_FILE_CELLS logits; a file without one opens with no batch)

Every value is checked: continuous distributions by the same rules as the command line
(klviz.core.spec), every other number for type, for being a float at all, and for range; anything
else is refused with a SessionError that names the field. To add a part (the joint distributions
after the joint): a reader `_part(data, session)` listed in _V2_PARTS (files without it still read). To add a
format version: write its reader and list it in _READERS.
"""

from __future__ import annotations

import json
import math
import sys

import numpy as np

from klviz.core.labels import default_labels
from klviz.core.spec import Categorical, continuous_from_dict
from klviz.core.units import UNITS
from klviz.fileio import read_regular_file, write_atomically
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase
from klviz.state import batch as sb
from klviz.state import losslab as lab
from klviz.state.continuous import ContinuousState, SecondComponent, is_unit_variance_normal
from klviz.state.discrete import MIN_CATEGORIES, DiscreteState, check_labels
from klviz.state.joint import JointState
from klviz.state.session import FORMAT, LESSON_STEPS, VERSION, Session, ViewOptions

MAX_FILE_CATEGORIES = 10_000  # what a session file may hold
MAX_FILE_BYTES = 1_000_000
_SUMS_TO_ONE = 1e-12  # weights this close to a total of 1 are read as the probabilities they are


class SessionError(ValueError):
    """A session file that cannot be used; the message says why. Raised with a Phrase (see
    `_refused`), so str() is the English the command line prints and the gui translates it."""


def _refused(template, **fields):
    """A SessionError whose message is Phrase(template, **fields); the caller marks the template
    with QT_TRANSLATE_NOOP("klviz", ...) so the gui can translate it."""
    return SessionError(Phrase(template, **fields))


def _entry(where, k, template):
    """A numbered part of a field (`template` marked, with {where} and {k}), named in French too."""
    return Phrase(template, where=where, k=k)


def _sub(where, key):
    """A key of a field: "continuous P component 1" and "mu" -> "continuous P component 1 mu"."""
    return Phrase(QT_TRANSLATE_NOOP("klviz", "{where} {key}"), where=where, key=key)


# ---------------------------------------------------------------------------------------------
# JSON values as read: numbers no float can hold are kept as text, so they can be named


class _BadNumber:
    """A JSON number no float can hold (1e400, a 400-digit integer) or a NaN/Infinity constant,
    kept as its text so the field holding it can be named when it is refused."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    @property
    def constant(self):
        return self.text in ("NaN", "Infinity", "-Infinity")

    def shown(self):
        if self.constant:
            return self.text
        digits = len(self.text.lstrip("-"))
        return self.text if digits <= 24 else Phrase(QT_TRANSLATE_NOOP("klviz", "a {digits:,}-character number"), digits=digits)


def _parse_float(text):
    x = float(text)
    return x if math.isfinite(x) else _BadNumber(text)


_MAX_FLOAT_DIGITS = len(str(int(sys.float_info.max)))  # 309: any longer integer overflows a float


def _parse_int(text):
    if len(text.lstrip("-")) > _MAX_FLOAT_DIGITS:  # never hand int() a 5,000-digit string
        return _BadNumber(text)
    value = int(text)
    try:
        float(value)
    except OverflowError:
        return _BadNumber(text)
    return value


def _object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "the key {key} appears twice in one object"), key=_show(key))
        out[key] = value
    return out


def _show(value):
    """A value from the file, quoted for a one-line message (never its raw text)."""
    if isinstance(value, _BadNumber):
        return value.shown()
    if isinstance(value, list):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "a list of {n}"), n=len(value))
    if isinstance(value, dict):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "an object"))
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:36] + "…" + text[-1]


# ---------------------------------------------------------------------------------------------
# Checked values


def _number(value, where):
    """A finite float from a JSON number; SessionError naming `where` for anything else."""
    if isinstance(value, _BadNumber):
        if value.constant:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} is {value}, which is not a number a session may hold"),
                           where=where, value=value.text)
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} is {value}, too large for a number klviz can use"),
                       where=where, value=value.shown())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be a number (got {value})"), where=where, value=_show(value))
    try:
        x = float(value)
    except OverflowError:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} is too large for a number klviz can use"), where=where) from None
    if not math.isfinite(x):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} is {value}, which is not a number a session may hold"),
                       where=where, value=str(x))
    return x


def _number_in(value, where, lo, hi):
    x = _number(value, where)
    if not lo <= x <= hi:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must lie in [{lo:g}, {hi:g}] (got {x:.6g})"), where=where,
                       lo=lo, hi=hi, x=x)
    return x


def _boolean(value, where):
    if not isinstance(value, bool):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be true or false (got {value})"), where=where,
                       value=_show(value))
    return value


def _mapping(value, where):
    if not isinstance(value, dict):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be an object (got {value})"), where=where,
                       value=_show(value))
    return value


def _list(value, where, lo, hi, what):
    if not isinstance(value, list):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be a list of numbers (got {value})"), where=where,
                       value=_show(value))
    if not lo <= len(value) <= hi:
        raise _refused(what, where=where, n=len(value), lo=lo, hi=hi)
    return value


def _field(obj, key, where):
    if key not in obj:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} needs {key}"), where=where, key=json.dumps(key))
    return obj[key]


def _probability_list(value, where):
    if not isinstance(value, list):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be a list of numbers (got {value})"), where=where,
                       value=_show(value))
    if len(value) > MAX_FILE_CATEGORIES:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} has {n:,} categories (at most {most:,})"), where=where,
                       n=len(value), most=MAX_FILE_CATEGORIES)
    weights = [_number(v, _entry(where, k, QT_TRANSLATE_NOOP("klviz", "{where}, entry {k}")))
               for k, v in enumerate(value, 1)]
    try:
        probs = Categorical.from_weights(weights, where).probs
    except ValueError as exc:
        raise SessionError(_reason(exc)) from None  # core's Text, translated in the gui
    if max(weights) <= 1.0 and abs(math.fsum(weights) - 1.0) <= _SUMS_TO_ONE:
        # Already probabilities (as klviz saves them): kept exactly, so that saving and reading
        # again gives the very same numbers instead of drifting by an ulp per round trip.
        return np.array(weights, dtype=float) + 0.0
    return probs


# ---------------------------------------------------------------------------------------------
# Parts


def _discrete(d):
    if not isinstance(d, dict):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "'discrete' must be an object"))
    if "p" not in d or "q" not in d:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "'discrete' needs both 'p' and 'q'"))
    p = _probability_list(d["p"], "discrete P")
    q = _probability_list(d["q"], "discrete Q")
    if p.size != q.size:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "discrete P and Q have different lengths ({p} and {q})"), p=p.size, q=q.size)
    if p.size < MIN_CATEGORIES:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "discrete P and Q need at least {n} categories"), n=MIN_CATEGORIES)

    labels = d.get("labels", default_labels(p.size))
    if not isinstance(labels, list) or not all(isinstance(s, str) for s in labels):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "'labels' must be a list of strings"))
    try:
        labels = check_labels(labels, p.size)
    except ValueError as exc:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "labels: {why}"), why=_reason(exc)) from None
    return DiscreteState(labels, p, q)


def _component(c, where):
    if not isinstance(c, dict):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be an object with 'mu' and 'sigma'"), where=where)
    return {"mu": _number(_field(c, "mu", where), _sub(where, "mu")),
            "sigma": _number(_field(c, "sigma", where), _sub(where, "sigma"))}


def _reason(exc):
    """The message of a ValueError as raised (a Phrase when it was raised with one)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


def _checked(clean, where):
    """klviz.core.spec's rules (the command line's) on a distribution whose numbers are floats."""
    try:
        return continuous_from_dict(clean, where)
    except (ValueError, TypeError) as exc:
        msg = _reason(exc)
        if msg.startswith(where):
            raise SessionError(msg) from None
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where}: {why}"), where=where, why=msg) from None


def _continuous_one(value, where):
    """A Normal or Mixture, its numbers checked here for type and by klviz.core.spec for range
    (the same rules as `klviz compute` and `klviz export`)."""
    if not isinstance(value, dict):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} must be an object"), where=where)
    family = value.get("family")
    if family == "normal":
        clean = {"family": "normal", **_component(value, where)}
    elif family == "mixture":
        comps = _field(value, "components", where)
        if not isinstance(comps, list) or len(comps) != 2:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "{where}: a mixture needs exactly two components (got {value})"),
                           where=where, value=_show(comps))
        clean = {"family": "mixture", "weight": _number(_field(value, "weight", where), _sub(where, "weight")),
                 "components": [_component(c, _entry(where, k, QT_TRANSLATE_NOOP("klviz", "{where} component {k}")))
                                for k, c in enumerate(comps, 1)]}
    else:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where}: unknown family {value} (expected \"normal\" or \"mixture\")"),
                       where=where, value=_show(family))
    return _checked(clean, where)


def _second(value, where):
    """A remembered mixture part: the first component's weight and the second component."""
    _mapping(value, where)
    weight = _number_in(_field(value, "weight", where), _sub(where, "weight"), 0.0, 1.0)
    c = _checked({"family": "normal", **_component(value, where)}, where)
    return SecondComponent(weight, c.mu, c.sigma)


def _continuous(c, with_second):
    if not isinstance(c, dict) or "p" not in c or "q" not in c:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "'continuous' must be an object with 'p' and 'q'"))
    state = ContinuousState(_continuous_one(c["p"], "continuous P"), _continuous_one(c["q"], "continuous Q"))
    if with_second and "second" in c:  # a mixture side's part is its own: checked, then unused
        second = _mapping(c["second"], "continuous second")
        parts = {f"second_{w}": _second(second[w], Phrase(QT_TRANSLATE_NOOP("klviz", "continuous {side} second component"),
                                                          side=w.upper()))
                 for w in ("p", "q") if w in second}
        state = ContinuousState(state.p, state.q, **parts)
    return state


def _bernoulli(d, where):
    return lab.BernoulliState(
        y=_number_in(_field(d, "y", where), _sub(where, "y"), 0.0, 1.0),
        z=_number_in(_field(d, "z", where), _sub(where, "z"), -lab.MAX_LOGIT, lab.MAX_LOGIT))


def _categorical(d, where):
    logits = _list(_field(d, "logits", where), _sub(where, "logits"), lab.MIN_CLASSES, lab.MAX_CLASSES,
                   QT_TRANSLATE_NOOP("klviz", "{where} has {n:,} classes ({lo} to {hi})"))
    logits = tuple(_number_in(v, _entry(where, k, QT_TRANSLATE_NOOP("klviz", "{where} logit {k}")), -lab.MAX_LOGIT, lab.MAX_LOGIT)
                   for k, v in enumerate(logits, 1))
    target = _field(d, "target", where)
    if isinstance(target, list) and len(target) != len(logits):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} target has {n} entries for {k} logits"), where=where,
                       n=len(target), k=len(logits))
    target = tuple(_probability_list(target, _sub(where, "target")).tolist())
    mode = _field(d, "mode", where)
    if mode not in (lab.ONE_HOT, lab.SOFT):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} mode must be \"{one_hot}\" or \"{soft}\" (got {value})"),
                       where=where, one_hot=lab.ONE_HOT, soft=lab.SOFT, value=_show(mode))
    if mode == lab.ONE_HOT and sorted(target)[-2:] != [0.0, 1.0]:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} target must be one-hot (a single 1) when its mode is \"{one_hot}\""),
                       where=where, one_hot=lab.ONE_HOT)
    return lab.CategoricalState(logits=logits, target=target, mode=mode)


def _normal_panel(d, where):
    points = QT_TRANSLATE_NOOP("klviz", "{where} has {n:,} points ({lo} to {hi})")
    xs = _list(_field(d, "xs", where), _sub(where, "xs"), lab.MIN_POINTS, lab.MAX_POINTS, points)
    ys = _list(_field(d, "ys", where), _sub(where, "ys"), lab.MIN_POINTS, lab.MAX_POINTS, points)
    if len(xs) != len(ys):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "{where} xs and ys have different lengths ({nx} and {ny})"),
                       where=where, nx=len(xs), ny=len(ys))
    return lab.NormalState(
        y=_number_in(_field(d, "y", where), _sub(where, "y"), *lab.NORMAL_RANGE),
        f=_number_in(_field(d, "f", where), _sub(where, "f"), *lab.NORMAL_RANGE),
        sigma=_number_in(_field(d, "sigma", where), _sub(where, "sigma"), *lab.SIGMA_RANGE),
        free_sigma=_boolean(_field(d, "free_sigma", where), _sub(where, "free_sigma")),
        xs=tuple(_number_in(v, _entry(where, k, QT_TRANSLATE_NOOP("klviz", "{where} x {k}")), *lab.DATA_X)
                 for k, v in enumerate(xs, 1)),
        ys=tuple(_number_in(v, _entry(where, k, QT_TRANSLATE_NOOP("klviz", "{where} y {k}")), *lab.DATA_Y)
                 for k, v in enumerate(ys, 1)))


_LOSS_PANELS = {"bernoulli": _bernoulli, "categorical": _categorical, "normal": _normal_panel}


def _losses(data, session):
    d = _mapping(data, "'losses'")
    parts = {name: read(_mapping(d[name], f"losses {name}"), f"losses {name}")
             for name, read in _LOSS_PANELS.items() if name in d}
    return session.with_(losses=lab.LossLab(**parts))


def _view(data, session):
    d = _mapping(data, "'view'")
    view = ViewOptions(**{k: _boolean(d[k], f"view {k}") for k in ("overlay", "unit_variance") if k in d})
    if view.unit_variance and not is_unit_variance_normal(session.continuous.q):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "view unit_variance is true, but continuous Q is not a Normal with sigma 1"))
    return session.with_(view=view)


def _lesson(data, session):
    d = _mapping(data, "'lesson'")
    step = _field(d, "step", "'lesson'")
    if not isinstance(step, str) or step not in LESSON_STEPS:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "lesson step {value} is unknown (one of {steps})"), value=_show(step),
                       steps=", ".join(LESSON_STEPS))
    return session.with_(lesson_step=step)


def _joint(data, session):
    d = _mapping(data, "'joint'")
    rows = d.get("rows")
    if isinstance(rows, list):  # numbers no float holds are named as everywhere else in the file
        for i, row in enumerate(rows, 1):
            for j, v in enumerate(row if isinstance(row, list) else (), 1):
                if isinstance(v, _BadNumber):
                    _number(v, Phrase(QT_TRANSLATE_NOOP("klviz", "the joint's row {i}, column {j}"), i=i, j=j))
    try:
        joint = JointState.from_dict(d)
    except ValueError as exc:
        msg = _reason(exc)
        if msg.startswith("the joint"):
            raise SessionError(msg) from None
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the joint's {why}"), why=msg) from None
    return session.with_(joint=joint)


def _batch(data, session):
    d = _mapping(data, "'batch'")
    rows = _field(d, "logits", "'batch'")
    if not isinstance(rows, list):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "batch logits must be a list of rows (got {value})"), value=_show(rows))
    if not 1 <= len(rows) <= sb.MAX_FILE_ROWS:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "batch logits has {n:,} rows (1 to {most:,})"), n=len(rows),
                       most=sb.MAX_FILE_ROWS)
    first = rows[0]
    k = len(first) if isinstance(first, list) else 0
    if not 2 <= k <= sb.MAX_FILE_CELLS // len(rows):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "batch logits row 1 must be a list of 2 to {most:,} numbers for {n:,} rows "
                                                  "(got {value})"),
                       most=sb.MAX_FILE_CELLS // len(rows), n=len(rows), value=_show(first))
    logits = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, list) or len(row) != k:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "batch logits row {i} must be a list of {k} numbers, as row 1 (got {value})"),
                           i=i, k=k, value=_show(row))
        logits.append([_number(v, Phrase(QT_TRANSLATE_NOOP("klviz", "batch logits row {i}, entry {j}"), i=i, j=j))
                       for j, v in enumerate(row, 1)])
    targets = _field(d, "targets", "'batch'")
    if not isinstance(targets, list) or len(targets) != len(rows):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "batch targets must be a list of {n:,} class indices, one per row (got {value})"),
                       n=len(rows), value=_show(targets))
    for i, t in enumerate(targets, 1):
        if isinstance(t, bool) or not isinstance(t, int) or not 0 <= t < k:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "batch target {i} must be a class index from 0 to {last} (got {value})"),
                           i=i, last=k - 1, value=_show(t))
    labels = d.get("class_labels")
    if labels is not None:
        if not isinstance(labels, list) or len(labels) != k:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "batch class_labels must be a list of {k} labels (got {value})"),
                           k=k, value=_show(labels))
        for j, s in enumerate(labels, 1):
            why = sb.check_class_label(s)
            if why is not None:
                raise _refused(QT_TRANSLATE_NOOP("klviz", "batch class label {j} {why}"), j=j, why=why)
        if len(set(labels)) != k:
            raise _refused(QT_TRANSLATE_NOOP("klviz", "batch class_labels must be distinct"))
    try:
        batch = sb.BatchState(np.array(logits, dtype=float), np.array(targets, dtype=np.int64),
                              None if labels is None else tuple(labels))
    except ValueError as exc:  # not reached: every rule is checked above, each naming its field
        raise _refused(QT_TRANSLATE_NOOP("klviz", "batch: {why}"), why=_reason(exc)) from None
    return session.with_(batch=batch)


def _unit(data):
    unit = data.get("unit", "nats")
    if not isinstance(unit, str) or unit not in UNITS:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "unknown unit {value} (expected one of {units})"), value=_show(unit),
                       units=", ".join(UNITS))
    return unit


def _session_v1(data, v2=False):
    session = Session(unit=_unit(data))
    if "discrete" in data:
        session = session.with_(discrete=_discrete(data["discrete"]))
    if "continuous" in data:
        session = session.with_(continuous=_continuous(data["continuous"], with_second=v2))
    return session


_V2_PARTS = (("losses", _losses), ("joint", _joint), ("batch", _batch), ("view", _view),  # view needs Q
             ("lesson", _lesson))


def _session_v2(data):
    session = _session_v1(data, v2=True)
    for key, read in _V2_PARTS:
        if key in data:
            session = read(data[key], session)
    return session


_READERS = {1: _session_v1, 2: _session_v2}
_READS = Phrase(QT_TRANSLATE_NOOP("klviz", "versions {lo} to {hi}"), lo=min(_READERS), hi=max(_READERS))


def session_from_dict(data):
    """A Session from parsed JSON, or SessionError naming the problem."""
    if not isinstance(data, dict):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "not a klviz session: the file must hold a JSON object"))
    if "format" not in data:
        raise _refused(QT_TRANSLATE_NOOP("klviz", 'not a klviz session: it has no "format": "{format}" entry'), format=FORMAT)
    fmt = data["format"]
    if fmt != FORMAT or not isinstance(fmt, str):
        raise _refused(QT_TRANSLATE_NOOP("klviz", 'not a klviz session (its format is {value}, not "{format}")'),
                       value=_show(fmt), format=FORMAT)
    if "version" not in data:
        raise _refused(QT_TRANSLATE_NOOP("klviz", 'the session has no format version ("version": {version})'), version=VERSION)
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the session's format version must be a whole number (got {value})"),
                       value=_show(version))
    if version > VERSION:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "this session was written by a newer klviz (format version {value}); "
                                                  "this klviz reads {reads}"), value=_show(version), reads=_READS)
    if version not in _READERS:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "unknown session format version {value} (this klviz reads {reads})"),
                       value=_show(version), reads=_READS)
    return _READERS[version](data)


def session_from_json(text):
    """A Session from the text of a session file; SessionError names any problem."""
    if not text.strip():
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is empty"))
    try:
        data = json.loads(text, parse_float=_parse_float, parse_int=_parse_int,
                          parse_constant=_BadNumber, object_pairs_hook=_object)
    except RecursionError:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is nested too deeply to be a klviz session")) from None
    except json.JSONDecodeError as exc:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is not valid JSON ({why} at line {line})"), why=exc.msg,
                       line=exc.lineno) from None
    except SessionError:
        raise
    except ValueError as exc:  # no number gets here (see _parse_int); kept so nothing else can
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is not valid JSON ({why})"), why=str(exc)) from None
    return session_from_dict(data)


def load_session(path):
    """Read and validate a session file; SessionError (a ValueError) names any problem.

    Only a regular file of at most MAX_FILE_BYTES is read (a FIFO or a device is refused at once).
    """
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES, Phrase(QT_TRANSLATE_NOOP("klviz", "session file")))
    except ValueError as exc:  # fileio.ReadError: the caller names the file, the reason is ours
        raise _refused(QT_TRANSLATE_NOOP("klviz", "cannot read the file: {why}"), why=exc.reason if isinstance(getattr(exc, "reason", None), str) else str(exc)) from None
    if not raw.strip():
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the file is not UTF-8 text (not a klviz session)")) from None
    return session_from_json(text)


def save_session(session, path):
    """Write the session as JSON (format version 2) atomically (klviz.fileio.write_atomically): a
    temporary file in the target's folder, then a rename. Raises OSError or ValueError if it
    cannot be written; SessionError (a ValueError, nothing written) for a session no klviz would
    open again (larger than MAX_FILE_BYTES, more than MAX_FILE_CATEGORIES categories...)."""
    d = session.to_dict()
    raw = (json.dumps(d, indent=2, allow_nan=False) + "\n").encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:  # a file this klviz could not open again is not written
        part = max((k for k in d if isinstance(d[k], dict)), key=lambda k: len(json.dumps(d[k])))
        raise _refused(QT_TRANSLATE_NOOP("klviz", "the session would take {size:,} bytes, more than the {most:,} a session "
                                                  "file may hold (most of it is {part}); nothing was saved"),
                       size=len(raw), most=MAX_FILE_BYTES, part=_PART_NAMES.get(part, part))
    try:  # nor one this klviz would refuse to open (more categories or batch rows than a file holds)
        session_from_json(raw.decode("utf-8"))
    except SessionError as exc:
        raise _refused(QT_TRANSLATE_NOOP("klviz", "a session file could not hold it ({why}); nothing was saved"),
                       why=_reason(exc)) from None
    write_atomically(path, lambda fh: fh.write(raw))


_PART_NAMES = {"discrete": Phrase(QT_TRANSLATE_NOOP("klviz", "the Discrete tab's categories")),
               "batch": Phrase(QT_TRANSLATE_NOOP("klviz", "the loss lab's imported batch")),
               "joint": Phrase(QT_TRANSLATE_NOOP("klviz", "the Joint tab"))}


def _edits(session):
    """What a user edits in a session: all of it but the lesson step, which is navigation."""
    d = session.to_dict()
    d.pop("lesson")
    return d


def load_session_matches(path, session):
    """True if the file at `path` holds `session` (so nothing is unsaved; the lesson step, being
    navigation rather than an edit, is not compared)."""
    try:
        return _edits(load_session(path)) == _edits(session)
    except SessionError:
        return False
