"""File › Import data… without Qt: a path and the dialog's options in, an `ImportResult` out
(the numbers the app will show and a plain-text preview of what was read).

Files are read by the very functions `klviz compute` uses (`klviz.core.datafile`: `@FILE` is
`read_weights`, `softmax@FILE` `read_logits`, `samples@FILE` `read_samples`, `--joint @FILE`
`parse_joint_spec`; a pair of files goes through `klviz.core.datapair.pair_data`, as
`--p A --q B --bins --pseudocount` does), so the app and the command line accept and refuse the
same files with the same messages (file, line, column). Nothing here computes a measure.

Targets: "p" or "q" (one side from one file), "pair" (P and Q from two files: the only way numeric
samples share their bins, MATH.md "Data"), "joint" (the Joint tab's table) and "batch" (the loss
lab's logit rows with their targets). Errors: ValueError (DataFileError for a file) with one line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from klviz.core import datafile as df
from klviz.core import datapair as dp
from klviz.core.format import format_value
from klviz.core.joint import MAX_EDIT as JOINT_MAX_EDIT
from klviz.core.joint import parse_joint_spec
from klviz.core.spec import Categorical
from klviz.core.units import convert
from klviz.session import MAX_CATEGORIES as EDITOR_MAX_CATEGORIES
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase, joined

TARGETS = ("p", "q", "pair", "joint", "batch")
TARGET_TEXT = {"p": "P", "q": "Q", "pair": QT_TRANSLATE_NOOP("klviz", "P and Q (two files, shared bins)"),
               "joint": QT_TRANSLATE_NOOP("klviz", "the joint P(X, Y)"), "batch": QT_TRANSLATE_NOOP("klviz", "the loss lab's batch")}
KINDS = ("weights", "logits", "samples")
KIND_TEXT = {"weights": QT_TRANSLATE_NOOP("klviz", "weights or counts (@FILE)"), "logits": QT_TRANSLATE_NOOP("klviz", "logits → softmax (softmax@FILE)"),
             "samples": QT_TRANSLATE_NOOP("klviz", "samples (samples@FILE)")}
PREVIEW_ROWS = 100
MAX_BINS = dp.MAX_BINS
TOO_MANY_BARS = (f"more than the editor's {EDITOR_MAX_CATEGORIES} categories: the bars are not editable "
                 "at that size; the measures are still computed")
TOO_BIG_GRID = (f"more than the editor's {JOINT_MAX_EDIT} × {JOINT_MAX_EDIT} outcomes: the grid is not "
                "editable at that size; the measures are still computed")
BATCH_CAPTION = QT_TRANSLATE_NOOP("klviz", "Each row is one data pair (x, y): its cross-entropy is −log softmax(z)_y. Their mean is "
                 "the expectation over the data pairs, E over p̂_data of −log q(y | x): the loss a "
                 "training step sees.")


@dataclass(frozen=True, eq=False)
class ImportResult:
    """What one import read (arrays read-only).

    target: one of TARGETS. path (and path_q for "pair"): the file names as given.
    kind: what was read: "weights", "logits", "numeric samples", "categorical samples" (per side
    for "pair": kinds), "joint" or "batch".
    probabilities: the normalised P (or Q) for "p"/"q", P for "pair"; None for "joint"/"batch".
    q_probabilities: Q for "pair", else None. logits: the logits of a softmax side ("p"/"q"), else None.
    labels: the categories' labels (file labels, categories, histogram bins; aligned by label for
    "pair"), or None. counts: the entries before the pseudocount ("p"/"q"); bin_edges: the
    histogram's edges of numeric samples, else None. pseudocount: the C applied.
    table, row_labels, col_labels: the normalised joint ("joint"). rows, targets, class_labels,
    cross_entropies (nats per row), mean_cross_entropy (nats): the batch ("batch").
    editable: whether the app's editor can hold it (≤ 100 bars, ≤ 12 × 12 cells).
    notes: plain-text sentences for the user; preview: the plain-text preview.
    """

    target: str
    path: str
    kind: str
    notes: tuple
    preview: str
    editable: bool = True
    probabilities: np.ndarray | None = None
    labels: tuple | None = None
    path_q: str | None = None
    kinds: tuple | None = None
    q_probabilities: np.ndarray | None = None
    logits: np.ndarray | None = None
    counts: np.ndarray | None = None
    bin_edges: np.ndarray | None = None
    pseudocount: float = 0.0
    table: np.ndarray | None = None
    row_labels: tuple | None = None
    col_labels: tuple | None = None
    rows: np.ndarray | None = None
    targets: np.ndarray | None = None
    class_labels: tuple | None = None
    cross_entropies: np.ndarray | None = None
    mean_cross_entropy: float | None = None


def _frozen(values, dtype=float):
    if values is None:
        return None
    a = np.array(values, dtype=dtype)
    a.setflags(write=False)
    return a


def parse_bins(value):
    """The dialog's bins: 0 or "fd" -> "fd"; N (1 to MAX_BINS) -> N."""
    if value == 0 or (isinstance(value, str) and value.strip().lower() == "fd"):
        return "fd"
    return dp._bins(value)


def _check_options(target, kind, pseudocount):
    if target not in TARGETS:
        raise ValueError(f"the target must be one of {', '.join(TARGETS)} (got {target!r})")
    if kind not in KINDS:
        raise ValueError(f"the kind must be one of {', '.join(KINDS)} (got {kind!r})")
    c = dp._pseudocount(pseudocount)
    if c > 0 and target in ("joint", "batch"):
        raise ValueError(f"a pseudocount applies to P and Q, not to {TARGET_TEXT[target]}")
    return c


class SourceCache:
    """The DataSources last read, by file name, kind and the file's identity and modification
    time, so that changing the bins or the pseudocount does not read a big file again. A file
    that changed on disk is read again; a file that cannot be read is never cached."""

    def __init__(self, size=4):
        self.size = size
        self._items = {}

    def get(self, path, kind):
        try:
            st = os.stat(path)
            key = (path, kind, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        except (OSError, ValueError, TypeError):
            return _read_file(path, kind)
        if key not in self._items:
            src = _read_file(path, kind)
            if len(self._items) >= self.size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = src
        return self._items[key]


def _read_source(path, kind, cache=None):
    """The DataSource of one file read as the command line reads `@`, `softmax@`, `samples@`."""
    if not isinstance(path, str) or not path.strip():
        raise ValueError("choose a file")
    return _read_file(path, kind) if cache is None else cache.get(path, kind)


def _read_file(path, kind):
    if kind == "weights":
        return df.read_weights(path)
    if kind == "logits":
        return df.read_logits(path)
    return df.read_samples(path)


def read_import(target, path, kind="weights", bins="fd", pseudocount=0.0, path_q=None, unit="nats",
                cache=None):
    """The ImportResult of `path` (and `path_q` for "pair") read for `target` with `kind` ("p",
    "q", "pair"), `bins` ("fd" / 0 or N, numeric samples only) and `pseudocount` (C ≥ 0, counts and
    weights only); `cache` an optional SourceCache for the P/Q files. ValueError (DataFileError
    for a bad file: file, line, column) with one line."""
    c = _check_options(target, kind, pseudocount)
    bins = parse_bins(bins)
    if target == "joint":
        return _read_joint(path)
    if target == "batch":
        return _read_batch(path)
    if c > 0 and kind == "logits":
        raise ValueError("a pseudocount applies to counts or weights, not to softmax logits")
    if target == "pair":
        return _read_pair(path, path_q, kind, bins, c, unit, cache)
    return _read_side(target, path, kind, bins, c, unit, cache)


# ---------------------------------------------------------------------------------------------
# One side


def _side_numbers(src, bins, c, name, unit):
    """(Categorical, entries before C, labels, bin edges, notes) of one source."""
    notes, edges = [], None
    if src.kind == "logits":
        return Categorical.from_logits(src.values, name), None, src.labels, None, notes
    if src.kind == "numeric samples":
        edges, bin_notes = dp.histogram_edges(src.values, bins)
        notes += [n.replace("the pooled range", "the range") for n in bin_notes]
        notes.append(f"the bins are this file's alone; to compare two sample files on shared bins, "
                     f"import both as {TARGET_TEXT['pair']}")
        counts = np.histogram(src.values, edges)[0].astype(float)
        labels = dp.bin_labels(edges)
    else:
        counts, labels = np.asarray(src.values, dtype=float), src.labels
    dist = Categorical.from_weights(counts + c, name)
    if c > 0:
        notes.append(f"pseudocount {c:g} added to each of the {counts.size:,} entries before normalising")
    n = src.samples
    if n is not None:
        m = int(np.count_nonzero(counts))
        bias = convert((m - 1) / (2.0 * n), unit)
        where = "bins" if edges is not None else "categories"
        notes.append(f"the plug-in entropy of {n:,} samples in {m:,} occupied {where} is low by about "
                     f"(m − 1)/(2N) ≈ {format_value(bias, 3)} {unit} (Miller–Madow); plug-in estimates "
                     "from samples are biased and depend on the bins")
    return dist, counts, labels, edges, notes


def _read_side(target, path, kind, bins, c, unit, cache):
    name = target.upper()
    src = _read_source(path, kind, cache)
    if bins != "fd" and src.kind != "numeric samples":
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "bins apply only to numeric samples; {path} holds {kind}"),
                                path=path, kind=dp.KIND_TEXTS.get(src.kind, src.kind)))
    dist, counts, labels, edges, notes = _side_numbers(src, bins, c, name, unit)
    editable = len(dist) <= EDITOR_MAX_CATEGORIES
    if not editable:
        notes.insert(0, f"{len(dist):,} categories: {TOO_MANY_BARS}")
    probs = dist.probs
    header = [f"{name} from {df._printable(path)}: {len(dist):,} categories of {src.kind}"
              + (f" ({src.samples:,} samples)" if src.samples is not None else "")]
    columns = [("probability", [format_value(float(x), 6) for x in probs[:PREVIEW_ROWS]])]
    if src.kind == "logits":
        columns.insert(0, ("logit", [format_value(float(x), 6) for x in src.values[:PREVIEW_ROWS]]))
    elif counts is not None:
        columns.insert(0, ("count" if src.samples is not None else "weight",
                           [f"{float(x):.6g}" for x in counts[:PREVIEW_ROWS]]))
    preview = _preview(header, labels, len(dist), columns, notes)
    return ImportResult(
        target=target, path=path, kind=src.kind, notes=tuple(notes), preview=preview, editable=editable,
        probabilities=_frozen(probs), labels=labels, logits=_frozen(src.values) if src.kind == "logits" else None,
        counts=_frozen(counts), bin_edges=_frozen(edges), pseudocount=c)


def _read_pair(path, path_q, kind, bins, c, unit, cache):
    sources = []
    for name, p in (("P", path), ("Q", path_q)):
        try:
            sources.append(_read_source(p, kind, cache))
        except ValueError as exc:  # a DataFileError too: its message translates with the side's name
            reason = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "{side}: {why}"), side=name, why=reason)) from None
    if bins != "fd" and any(s.kind != "numeric samples" for s in sources):
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "bins apply only when P and Q are both numeric samples")))
    pair = dp.pair_data(*sources, bins=None if bins == "fd" else bins, pseudocount=c, unit=unit)
    n = len(pair.p)
    labels = pair.labels if pair.labels is not None else (
        dp.bin_labels(pair.bin_edges) if pair.bin_edges is not None else None)
    notes = list(pair.notes)
    editable = n <= EDITOR_MAX_CATEGORIES
    if not editable:
        notes.insert(0, f"{n:,} categories: {TOO_MANY_BARS}")
    header = [f"P from {df._printable(path)} ({pair.kinds[0]}), Q from {df._printable(path_q)} "
              f"({pair.kinds[1]}): {n:,} categories"]
    fmt = lambda a: [format_value(float(x), 6) for x in a[:PREVIEW_ROWS]]  # noqa: E731
    columns = [("P", fmt(pair.p.probs)), ("Q", fmt(pair.q.probs))]
    return ImportResult(
        target="pair", path=path, path_q=path_q, kind=kind, kinds=pair.kinds, notes=tuple(notes),
        preview=_preview(header, labels, n, columns, notes), editable=editable,
        probabilities=_frozen(pair.p.probs), q_probabilities=_frozen(pair.q.probs), labels=labels,
        bin_edges=_frozen(pair.bin_edges), pseudocount=c)


# ---------------------------------------------------------------------------------------------
# The joint and the batch


def _read_joint(path):
    if not isinstance(path, str) or not path.strip():
        raise ValueError("choose a file")
    joint = parse_joint_spec("@" + path, "joint")
    rows, cols = joint.shape
    notes = []
    if joint.normalised:
        notes.append("the weights did not sum to 1 and were normalised by their exact sum")
    editable = rows <= JOINT_MAX_EDIT and cols <= JOINT_MAX_EDIT
    if not editable:
        notes.insert(0, f"{rows:,} × {cols:,} outcomes: {TOO_BIG_GRID}")
    shown_cols = min(cols, JOINT_MAX_EDIT)
    col_names = joint.col_labels or tuple(f"y{j + 1}" for j in range(cols))
    columns = [(df._printable(col_names[j], 12), [format_value(float(x), 4) for x in joint.probs[:PREVIEW_ROWS, j]])
               for j in range(shown_cols)]
    header = [f"joint from {df._printable(path)}: {rows:,} rows (X) × {cols:,} columns (Y), "
              "normalised probabilities"]
    if shown_cols < cols:
        header.append(f"(the first {shown_cols} of {cols:,} columns)")
    labels = joint.row_labels or tuple(f"x{i + 1}" for i in range(rows))
    return ImportResult(
        target="joint", path=path, kind="joint", notes=tuple(notes), editable=editable,
        preview=_preview(header, labels, rows, columns, notes), table=_frozen(joint.probs),
        row_labels=joint.row_labels, col_labels=joint.col_labels)


@dataclass(frozen=True, eq=False)
class BatchView:
    """The loss lab's batch as shown: per row (number, target, cross-entropy text) and the mean."""

    rows: tuple             # ((row number from 1, target text, cross-entropy text), ...)
    cross_entropies: np.ndarray   # in `unit`
    mean: float                   # in `unit`
    mean_text: str
    unit: str
    caption: str


def batch_view(logits, targets, class_labels=None, unit="nats", digits=4):
    """A BatchView of n rows of k ≥ 2 logits and n class indices (0-based), via
    klviz.core.datafile.batch_cross_entropy. ValueError for a batch that is not one."""
    z = np.array(logits, dtype=float)
    if z.ndim != 2 or z.shape[0] < 1 or z.shape[1] < 2:
        raise ValueError("a batch is n ≥ 1 rows of k ≥ 2 logits")
    if not np.all(np.isfinite(z)):
        raise ValueError("logits must be finite numbers")
    t = np.asarray(targets)
    if t.shape != (z.shape[0],) or t.dtype.kind not in "iu":
        raise ValueError(f"a batch needs one whole-number target per row ({z.shape[0]})")
    if t.size and (t.min() < 0 or t.max() >= z.shape[1]):
        raise ValueError(f"targets must be class indices from 0 to {z.shape[1] - 1}")
    if class_labels is not None and len(class_labels) != z.shape[1]:
        raise ValueError(f"{len(class_labels)} class labels for {z.shape[1]} classes")
    report = df.batch_cross_entropy(df.LogitBatch(z, t.astype(int), None if class_labels is None else
                                                  tuple(class_labels), tuple(range(1, z.shape[0] + 1)), "batch"))
    ce = np.asarray(convert(report.ce, unit), dtype=float)
    mean = float(convert(report.mean, unit))
    names = (lambda k: str(class_labels[k])) if class_labels is not None else str
    rows = tuple((i + 1, names(int(t[i])), format_value(float(ce[i]), digits)) for i in range(z.shape[0]))
    ce.setflags(write=False)
    return BatchView(rows, ce, mean, format_value(mean, digits), unit, BATCH_CAPTION)


def _read_batch(path):
    if not isinstance(path, str) or not path.strip():
        raise ValueError("choose a file")
    batch = df.read_logit_batch(path)
    view = batch_view(batch.logits, batch.targets, batch.class_labels)
    n, k = batch.logits.shape
    header = [f"batch from {df._printable(path)}: {n:,} rows of {k} logits with a target",
              f"mean cross-entropy over the rows: {view.mean_text} nats (E over p̂_data)"]
    columns = [("line", [str(x) for x in batch.lines[:PREVIEW_ROWS]]),
               ("target", [r[1] for r in view.rows[:PREVIEW_ROWS]]),
               ("cross-entropy (nats)", [r[2] for r in view.rows[:PREVIEW_ROWS]])]
    return ImportResult(
        target="batch", path=path, kind="batch", notes=(), editable=True,
        preview=_preview(header, None, n, columns, ()), rows=_frozen(batch.logits),
        targets=_frozen(batch.targets, int), class_labels=batch.class_labels,
        cross_entropies=_frozen(view.cross_entropies), mean_cross_entropy=view.mean)


# ---------------------------------------------------------------------------------------------
# The preview


def _preview(header, labels, n, columns, notes):
    """Plain text: the header lines, a table of the first PREVIEW_ROWS rows, then the notes."""
    shown = min(n, PREVIEW_ROWS)
    names = ["#"] + ([] if labels is None else ["label"]) + [c for c, _ in columns]
    cells = [[str(i + 1)] + ([] if labels is None else [df._printable(str(labels[i]))])
             + [vals[i] for _, vals in columns] for i in range(shown)]
    widths = [max(len(names[j]), *(len(r[j]) for r in cells)) if cells else len(names[j])
              for j in range(len(names))]
    out = list(header) + [""]
    out.append("  ".join(s.ljust(w) for s, w in zip(names, widths)).rstrip())
    out += ["  ".join(s.ljust(w) for s, w in zip(r, widths)).rstrip() for r in cells]
    if shown < n:
        out.append(f"… the first {shown} of {n:,} rows")
    if notes:
        out.append("")
        out += [f"Note: {s}" for s in notes]
    return "\n".join(out)



# ---------------------------------------------------------------------------------------------
# More categories than the editor's: measured in full, shown read-only

MAX_POINTWISE_GROUPS = 200  # bars the pointwise chart draws for a read-only (large) state


def read_only_message(n, group=1):
    """The Discrete tab's plain-text message for a state of n > 100 categories (bars not editable);
    `group`: the consecutive categories the pointwise chart sums into one bar (1: none)."""
    text = Phrase(QT_TRANSLATE_NOOP("klviz", "{n:,} categories: measured in full; bars are editable up to {most} (the "
                                             "charts show P and Q as lines; change the category count or choose a "
                                             "preset to edit)."), n=n, most=EDITOR_MAX_CATEGORIES)
    if group > 1:
        text = joined(" ", [text, Phrase(QT_TRANSLATE_NOOP("klviz", "The pointwise chart sums the terms of each {group:,} "
                                                                    "consecutive categories into one bar (named by its "
                                                                    "first), so its bars still add up to the divergences."),
                                         group=group)])
    return text


@dataclass(frozen=True, eq=False)
class GroupedTerms:
    """Pointwise terms summed over runs of `size` consecutive categories (the last run may be
    shorter): `labels` (each run's first category, as the axis names it), `pq`, `qp` (a run
    holding an ∞ term is ∞)."""

    size: int
    labels: tuple
    pq: np.ndarray
    qp: np.ndarray


def grouped_terms(labels, terms_pq, terms_qp, max_groups=MAX_POINTWISE_GROUPS):
    """The pointwise terms of n categories in at most `max_groups` bars: unchanged (size 1) if
    n ≤ max_groups, else summed over runs of ceil(n / max_groups) consecutive categories, so the
    bars still add up to D(P‖Q) and D(Q‖P). No term is -∞ (a term with p = 0 is 0), so a sum is
    finite or +∞, never NaN."""
    pq, qp = np.asarray(terms_pq, dtype=float), np.asarray(terms_qp, dtype=float)
    n = pq.size
    if n <= max_groups:
        return GroupedTerms(1, tuple(labels), pq, qp)
    size = -(-n // max_groups)
    starts = np.arange(0, n, size)
    names = tuple(df._printable(str(labels[a]), 10) for a in starts)
    with np.errstate(invalid="ignore", over="ignore"):
        return GroupedTerms(size, names, np.add.reduceat(pq, starts), np.add.reduceat(qp, starts))
