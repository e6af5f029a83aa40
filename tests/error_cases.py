"""Bad session files and bad data files, one for most kinds of message klviz.state.fileformat's
SessionError and klviz.core.datafile's DataFileError give, built here, for the translation tests
(tests/gui/test_error_texts_french.py) and the English contract (tests/test_error_texts.py).

`python tests/error_cases.py` prints {case: str(error)} as JSON (tests/error_messages_en.json is
that output from before the messages became translatable: the English must not change)."""

from __future__ import annotations

import json

import numpy as np

V2 = {"format": "klviz-session", "version": 2}
DIRECTORY = "a directory"  # a case's bytes: make a folder of that name (None: make nothing)


def _s(**parts):
    return json.dumps({**V2, **parts})


_NORMAL = {"family": "normal", "mu": 0, "sigma": 1}
_CAT = {"logits": [1, 2], "target": [0, 1], "mode": "one-hot"}
_NP = {"y": 0, "f": 0, "sigma": 1, "free_sigma": False, "xs": [0, 1], "ys": [0, 1]}

# (name, text of a session file)
SESSION_CASES = [
    ("empty", ""),
    ("not json", "{ nope"),
    ("too deep", "[" * 100_000 + "]" * 100_000),
    ("twice", '{"format": "klviz-session", "format": "x"}'),
    ("not an object", "[1, 2]"),
    ("no format", "{}"),
    ("other format", '{"format": "other"}'),
    ("no version", '{"format": "klviz-session"}'),
    ("version not whole", '{"format": "klviz-session", "version": 1.5}'),
    ("newer", '{"format": "klviz-session", "version": 9}'),
    ("old version", '{"format": "klviz-session", "version": 0}'),
    ("unit", _s(unit="furlongs")),
    ("discrete not object", _s(discrete=3)),
    ("discrete no q", _s(discrete={"p": [1, 2]})),
    ("p not list", _s(discrete={"p": "x", "q": [1, 2]})),
    ("p too long", _s(discrete={"p": [1] * 10_001, "q": [1, 2]})),
    ("p entry", _s(discrete={"p": [1, "a"], "q": [1, 2]})),
    ("p nan", '{"format": "klviz-session", "version": 2, "discrete": {"p": [1, NaN], "q": [1, 2]}}'),
    ("p huge", '{"format": "klviz-session", "version": 2, "discrete": {"p": [1, 1e400], "q": [1, 2]}}'),
    ("p zero", _s(discrete={"p": [0, 0], "q": [1, 2]})),
    ("q negative", _s(discrete={"p": [1, 2], "q": [1, -2]})),
    ("lengths", _s(discrete={"p": [1, 2], "q": [1, 2, 3]})),
    ("one category", _s(discrete={"p": [1], "q": [1]})),
    ("labels", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": [1, 2]})),
    ("labels twice", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": ["a", "a"]})),
    ("label count", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": ["a"]})),
    ("label empty", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": ["a", " "]})),
    ("label long", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": ["a", "b" * 41]})),
    ("label control", _s(discrete={"p": [1, 2], "q": [1, 2], "labels": ["a", "b\u0007c"]})),
    ("continuous", _s(continuous={"p": _NORMAL})),
    ("continuous p", _s(continuous={"p": 3, "q": _NORMAL})),
    ("family", _s(continuous={"p": {"family": "cauchy"}, "q": _NORMAL})),
    ("mixture", _s(continuous={"p": {"family": "mixture", "components": [1]}, "q": _NORMAL})),
    ("component", _s(continuous={"p": {"family": "mixture", "weight": 0.5, "components": [1, 2]},
                                 "q": _NORMAL})),
    ("component mu", _s(continuous={"p": {"family": "mixture", "weight": 0.5,
                                          "components": [{"sigma": 1}, _NORMAL]}, "q": _NORMAL})),
    ("mu bool", _s(continuous={"p": {"family": "normal", "mu": True, "sigma": 1}, "q": _NORMAL})),
    ("sigma zero", _s(continuous={"p": {**_NORMAL, "sigma": 0}, "q": _NORMAL})),
    ("sigma negative", _s(continuous={"p": _NORMAL, "q": {**_NORMAL, "sigma": -2}})),
    ("sigma tiny", _s(continuous={"p": {**_NORMAL, "sigma": 1e-305}, "q": _NORMAL})),
    ("mu huge", _s(continuous={"p": {**_NORMAL, "mu": 1e301}, "q": _NORMAL})),
    ("mixture weight", _s(continuous={"p": {"family": "mixture", "weight": 2, "components": [_NORMAL, _NORMAL]},
                                      "q": _NORMAL})),
    ("second", _s(continuous={"p": _NORMAL, "q": _NORMAL, "second": 3})),
    ("second weight", _s(continuous={"p": _NORMAL, "q": _NORMAL,
                                     "second": {"p": {"weight": 2, "mu": 0, "sigma": 1}}})),
    ("losses", _s(losses=3)),
    ("bernoulli y", _s(losses={"bernoulli": {"y": 2, "z": 0}})),
    ("bernoulli z", _s(losses={"bernoulli": {"y": 0.5}})),
    ("logits list", _s(losses={"categorical": {**_CAT, "logits": 3}})),
    ("logits count", _s(losses={"categorical": {**_CAT, "logits": [1]}})),
    ("target entries", _s(losses={"categorical": {**_CAT, "target": [1, 0, 0]}})),
    ("mode", _s(losses={"categorical": {**_CAT, "mode": "hard"}})),
    ("one-hot", _s(losses={"categorical": {**_CAT, "target": [0.5, 0.5]}})),
    ("xs ys", _s(losses={"normal": {**_NP, "ys": [0, 1, 2]}})),
    ("free_sigma", _s(losses={"normal": {**_NP, "free_sigma": 1}})),
    ("view", _s(view=[])),
    ("unit variance", _s(view={"unit_variance": True},
                         continuous={"p": _NORMAL, "q": {**_NORMAL, "sigma": 2}})),
    ("lesson", _s(lesson={"step": "nowhere"})),
    ("lesson step", _s(lesson={})),
    ("joint not object", _s(joint=[1])),
    ("joint key", _s(joint={"rows": [[1, 1], [1, 1]], "cols": 2})),
    ("joint rows", _s(joint={"rows": 3})),
    ("joint too big", _s(joint={"rows": [[1] * 100] * 2})),
    ("joint cell", _s(joint={"rows": [[1, "a"], [1, 1]]})),
    ("joint labels type", _s(joint={"rows": [[1, 1], [1, 1]], "row_labels": [1, 2]})),
    ("joint label", _s(joint={"rows": [[1, 1], [1, 1]], "col_labels": ["u", "u"]})),
    ("joint one row", _s(joint={"rows": [[1, 1]]})),
    ("joint zero", _s(joint={"rows": [[0, 0], [0, 0]]})),
    ("joint negative", _s(joint={"rows": [[1, 0], [0, -1]]})),
    ("joint ragged", _s(joint={"rows": [[1, 0], [0]]})),
    ("joint empty", _s(joint={"rows": [[]]})),
    ("joint huge", '{"format": "klviz-session", "version": 2, "joint": {"rows": [[1, 1e999]]}}'),
    ("batch rows", _s(batch={"logits": 3, "targets": []})),
    ("batch none", _s(batch={"logits": [], "targets": []})),
    ("batch row 1", _s(batch={"logits": [[1]], "targets": [0]})),
    ("batch row 2", _s(batch={"logits": [[1, 2], [1]], "targets": [0, 1]})),
    ("batch entry", _s(batch={"logits": [[1, 2], [1, "x"]], "targets": [0, 1]})),
    ("batch targets", _s(batch={"logits": [[1, 2]], "targets": [0, 1]})),
    ("batch target", _s(batch={"logits": [[1, 2]], "targets": [5]})),
    ("class labels", _s(batch={"logits": [[1, 2]], "targets": [0], "class_labels": ["a"]})),
    ("class label", _s(batch={"logits": [[1, 2]], "targets": [0], "class_labels": ["a", 3]})),
    ("class labels twice", _s(batch={"logits": [[1, 2]], "targets": [0], "class_labels": ["a", "a"]})),
]

# session files that fail before their text is parsed: (name, bytes)
SESSION_BYTES = [
    ("blank", b"  \n"),
    ("not utf-8", b'{"format": "\xff"}'),
    ("missing", None),
    ("directory", DIRECTORY),
]


def _npy(array):
    import io

    buf = io.BytesIO()
    np.save(buf, array)
    return buf.getvalue()


# (name, reader, file name, bytes); readers of klviz.core.datafile
DATA_CASES = [
    ("missing", "read_weights", "missing.csv", None),
    ("directory", "read_samples", "folder.txt", DIRECTORY),
    ("extension", "read_weights", "w.xlsx", b"1\n"),
    ("no extension", "read_weights", "w", b"1\n"),
    ("utf-16", "read_weights", "w.csv", "1\n".encode("utf-16")),
    ("nul", "read_weights", "w.csv", b"1\n2\x00\n"),
    ("not utf-8", "read_weights", "w.csv", b"1\n\xff\n"),
    ("control", "read_weights", "w.csv", b"1\n2\x01\n"),
    ("lone cr", "read_weights", "w.csv", b"1\r2\n"),
    ("empty", "read_weights", "w.csv", b"# nothing\n\n"),
    ("csv quote", "read_weights", "w.csv", b'a,1\n"b"x,2\n'),
    ("quote past line", "read_weights", "w.csv", b'a,1\n"b,2\n'),
    ("width", "read_weights", "w.csv", b"a,1\nb,2,3\n"),
    ("three columns", "read_weights", "w.csv", b"a,1,2\nb,2,3\n"),
    ("only header", "read_weights", "w.csv", b"label,weight\n"),
    ("not a number", "read_weights", "w.csv", b"1\n2\nx3\n"),
    ("empty cell", "read_weights", "w.csv", b"a,1\nb,\n"),
    ("infinite", "read_weights", "w.csv", b"1\ninf\n"),
    ("negative", "read_weights", "w.csv", b"1\n-2\n"),
    ("all zero", "read_weights", "w.csv", b"0\n0\n"),
    ("invisible", "read_weights", "w.csv", "a\u200b,1\nb,2\n".encode()),
    ("empty label", "read_weights", "w.csv", b'"",1\nb,2\n'),
    ("long label", "read_weights", "w.csv", b"a" * 101 + b",1\nb,2\n"),
    ("label twice", "read_weights", "w.csv", b"a,1\na,2\n"),
    ("label twice row", "read_weights", "w.csv", b"a,a\n1,2\n"),
    ("npy bad", "read_weights", "w.npy", b"not an npy at all"),
    ("npy object", "read_weights", "w.npy", _npy(np.array([1, None], dtype=object))),
    ("npy short", "read_weights", "w.npy", _npy(np.arange(10.0))[:-16]),
    ("npy 2-D", "read_weights", "w.npy", _npy(np.ones((2, 2)))),
    ("npy empty", "read_weights", "w.npy", _npy(np.array([], dtype=float))),
    ("npy dtype", "read_weights", "w.npy", _npy(np.array([True, False]))),
    ("npy nan", "read_weights", "w.npy", _npy(np.array([1.0, np.nan]))),
    ("npy negative", "read_weights", "w.npy", _npy(np.array([1.0, -1.0]))),
    ("logits nan", "read_logits", "z.txt", b"1\nnan\n"),
    ("samples columns", "read_samples", "s.csv", b"1,2\n3\n"),
    ("samples mixed", "read_samples", "s.txt", b"1\n2\n3\nx\n"),
    ("samples mixed labels", "read_samples", "s.txt", b"a\nb\nc\n4\n"),
    ("samples label", "read_samples", "s.txt", "a\nb\u200e\n".encode()),
    ("joint only header", "read_joint_table", "j.csv", b"x,a,b\n"),
    ("joint label column", "read_joint_table", "j.csv", b"a\nb\n"),
    ("joint zero", "read_joint_table", "j.csv", b"0,0\n0,0\n"),
    ("joint negative", "read_joint_table", "j.csv", b"1,2\n3,-4\n"),
    ("joint label twice", "read_joint_table", "j.csv", b",u,v\na,1,2\na,3,4\n"),
    ("joint npy 1-D", "read_joint_table", "j.npy", _npy(np.ones(3))),
    ("batch two names", "read_logit_batch", "b.csv", b"target,a,y\n1,2,0\n"),
    ("batch narrow", "read_logit_batch", "b.csv", b"1,0\n2,1\n"),
    ("batch only header", "read_logit_batch", "b.csv", b"a,b,target\n"),
    ("batch npy", "read_logit_batch", "b.npy", _npy(np.ones(3))),
    ("batch target range", "read_logit_batch", "b.csv", b"1,2,0\n1,2,5\n"),
    ("batch ambiguous", "read_logit_batch", "b.csv", b"1,0,target\n1,2,0\n"),
    ("batch not class", "read_logit_batch", "b.csv", b"a,b,target\n1,2,c\n"),
    ("batch soft", "read_logit_batch", "b.csv", b"1,2,0\n1,2,0.5\n"),
    ("batch label target", "read_logit_batch", "b.csv", b"1,2,0\n1,2,cat\n"),
    ("batch logit", "read_logit_batch", "b.csv", b"1,2,0\n1,x,1\n"),
]


# files read for the import dialog (klviz.scene.data_import.read_import): (name, target, kind,
# bins, P's bytes, Q's bytes or None)
IMPORT_CASES = [
    ("pair lengths", "pair", "weights", 0, b"1\n2\n", b"1\n2\n3\n"),
    ("pair mixed", "pair", "samples", 0, b"1.5\n2.5\n", b"a\nb\n"),
    ("pair bins", "pair", "samples", 5, b"1.5\n2.5\n", b"a\nb\n"),
    ("pair bad file", "pair", "weights", 0, b"1\n2\n", b"1\n\xff\n"),
    ("side bins", "p", "samples", 5, b"a\nb\na\n", None),
]


def import_error(name, tmp_path):
    """The ValueError read_import gives for import case `name` (its files under tmp_path)."""
    from klviz.scene.data_import import read_import

    _, target, kind, bins, p, q = next(c for c in IMPORT_CASES if c[0] == name)
    (tmp_path / "p.txt").write_bytes(p)
    if q is not None:
        (tmp_path / "q.txt").write_bytes(q)
    try:
        read_import(target, str(tmp_path / "p.txt"), kind, bins, path_q=str(tmp_path / "q.txt") if q else None)
    except ValueError as exc:
        return exc
    raise AssertionError(f"import case {name!r} was read")


def session_error(name, tmp_path):
    """The SessionError load_session gives for case `name` (written under tmp_path)."""
    from klviz.state.fileformat import SessionError, load_session

    cases = dict(SESSION_CASES)
    raw = cases[name].encode("utf-8") if name in cases else dict(SESSION_BYTES)[name]
    path = tmp_path / "bad.klviz"
    if raw is DIRECTORY:
        path = tmp_path / "folder.klviz"
        path.mkdir(exist_ok=True)
    elif raw is None:
        path = tmp_path / "missing.klviz"
    else:
        path.write_bytes(raw)
    try:
        load_session(path)
    except SessionError as exc:
        return exc
    raise AssertionError(f"session case {name!r} opened")


def data_error(name, tmp_path):
    """The DataFileError of data case `name`, its file written under tmp_path."""
    from klviz.core import datafile as df

    _, reader, file_name, raw = next(c for c in DATA_CASES if c[0] == name)
    path = tmp_path / file_name
    if raw is DIRECTORY:
        path.mkdir(exist_ok=True)
    elif raw is not None:
        path.write_bytes(raw)
    try:
        getattr(df, reader)(str(path))
    except df.DataFileError as exc:
        return exc
    raise AssertionError(f"data case {name!r} was read")


def all_messages(tmp_path):
    """{case name: str(error)} with tmp_path shown as TMP (for comparing two versions)."""
    out = {}
    for name in [n for n, _ in SESSION_CASES] + [n for n, _ in SESSION_BYTES]:
        out["session " + name] = str(session_error(name, tmp_path))
    for name, *_ in DATA_CASES:
        try:
            out["data " + name] = str(data_error(name, tmp_path)).replace(str(tmp_path), "TMP")
        except AssertionError as exc:
            out["data " + name] = f"NOT RAISED: {exc}"
    for name, *_ in IMPORT_CASES:
        out["import " + name] = str(import_error(name, tmp_path)).replace(str(tmp_path), "TMP")
    return out


if __name__ == "__main__":
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        json.dump(all_messages(Path(tmp)), sys.stdout, indent=1, ensure_ascii=False)
