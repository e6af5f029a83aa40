"""P and Q from data: shared histogram bins, alignment by label, the pseudocount, and the notes
the command line and the app print about them (../shared/MATH.md, "Data").

- Numeric samples: P and Q share the bin edges of their pooled samples: `bins=N` gives N
  equal-width bins over the pooled [min, max] (the last bin closed, as numpy.histogram); "fd"
  (the default) is numpy.histogram_bin_edges(pooled, "fd"), capped at MAX_FD_BINS bins.
- Labelled inputs (labelled files, categorical samples) are aligned by label over the union: the
  labels of P in their order, then those only in Q in theirs; a label absent on one side has weight
  0 there. If only one side has labels, the pair is matched by position under those labels.
- A pseudocount C >= 0 is added to every entry of both P and Q after alignment and binning; the
  entries are then normalised by their exact sum (fsum).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.checks import finite_number
from klviz.core.datafile import DataSource, is_data_spec, read_data_spec
from klviz.core.format import format_value
from klviz.core.losses import log_softmax, softmax
from klviz.core.spec import Categorical, parse_spec
from klviz.core.text import Text
from klviz.core.units import check_unit, convert

MAX_BINS = 100_000
MAX_FD_BINS = 10_000


def source_from_spec(text, name="P"):
    """A DataSource from any discrete SPEC: a data SPEC (`@PATH`, `softmax@PATH`, `samples@PATH`)
    or an inline one (`0.2,0.3,0.5` weights as given, `bernoulli:T`, `softmax:Z1,...`)."""
    if not isinstance(text, str):
        raise ValueError(f"{name}: the SPEC must be text")
    if is_data_spec(text):
        return read_data_spec(text, name)
    dist = parse_spec(text, name)
    if not isinstance(dist, Categorical):
        raise ValueError(f"{name}: {text.strip()!r} is a continuous distribution; data pairs are discrete")
    if dist.logits is not None:
        return DataSource("logits", dist.logits, None, "inline")
    if ":" not in text:  # inline weights, already validated by parse_spec: keep them unnormalised
        return DataSource("weights", np.array([float(s) for s in text.split(",")]) + 0.0, None, "inline")
    return DataSource("weights", dist.probs, None, "inline")


def _bins(bins):
    if isinstance(bins, str):
        s = bins.strip().lower()
        if s == "fd":
            return "fd"
        if s.isascii() and s.isdigit():
            bins = int(s)
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)):
        raise ValueError(f"bins must be 'fd' or a whole number from 1 to {MAX_BINS:,} (got {bins!r})")
    if not 1 <= int(bins) <= MAX_BINS:
        raise ValueError(f"bins must be from 1 to {MAX_BINS:,} (got {int(bins)})")
    return int(bins)


def histogram_edges(pooled, bins="fd"):
    """(edges, notes) for the pooled samples of P and Q: N equal-width bins over [min, max], or
    numpy's Freedman–Diaconis edges (capped at MAX_FD_BINS equal-width bins, said in a note)."""
    x = np.asarray(pooled, dtype=float).ravel()
    if x.size == 0:
        raise ValueError("there are no samples to bin")
    if not np.all(np.isfinite(x)):
        raise ValueError("samples must be finite numbers")
    bins = _bins(bins)
    lo, hi = float(x.min()), float(x.max())
    if not math.isfinite(hi - lo):
        raise ValueError(f"the samples span [{lo!r}, {hi!r}], wider than the float range: rescale them")
    notes = []
    if lo == hi:
        notes.append(f"every sample equals {lo:g}: one bin [{lo - 0.5:g}, {hi + 0.5:g}] "
                     "(numpy's convention), so P = Q")
    if bins == "fd" and lo < hi:
        iqr = float(np.subtract(*np.percentile(x, [75, 25])))
        width = 2.0 * iqr * x.size ** (-1.0 / 3.0)  # numpy's own fd width
        count = (hi - lo) / width if width > 0 else 1.0
        if width == 0:
            notes.append("the pooled samples' interquartile range is 0, so fd gives a single bin; "
                         "choose a number of bins instead")
        elif not math.isfinite(count) or math.ceil(count) > MAX_FD_BINS:
            shown = f"{math.ceil(count):,}" if math.isfinite(count) else "too many"
            notes.append(f"fd would give {shown} bins (long tails); capped at {MAX_FD_BINS:,} "
                         "equal-width bins")
            bins = MAX_FD_BINS
    edges = np.histogram_bin_edges(x, bins)
    method = "Freedman–Diaconis (fd)" if bins == "fd" else "equal-width"
    notes.insert(0, f"{edges.size - 1:,} {method} bin{'s' if edges.size > 2 else ''} over the pooled "
                    f"range [{lo:g}, {hi:g}] of {x.size:,} samples")
    return edges, notes


def bin_labels(edges, digits=4):
    """Plain-text labels "[a, b)" of the bins, the last one closed "[a, b]"."""
    e = np.asarray(edges, dtype=float)
    if e.ndim != 1 or e.size < 2:
        raise ValueError("bin edges must be a list of at least two numbers")
    out = [f"[{e[k]:.{digits}g}, {e[k + 1]:.{digits}g})" for k in range(e.size - 2)]
    out.append(f"[{e[-2]:.{digits}g}, {e[-1]:.{digits}g}]")
    return tuple(out)


@dataclass(frozen=True, eq=False)
class DataPair:
    """A discrete pair read from data, ready for `discrete_measures(p, q)`.

    `counts_p`/`counts_q` are the entries after alignment/binning and before the pseudocount
    (counts, weights, or probabilities for a softmax side); `labels` the aligned labels or None;
    `bin_edges` the shared edges of a histogram pair or None; `samples_*` the sample sizes and
    `miller_madow_*` the Miller–Madow estimate (m - 1)/(2N) of the plug-in entropy's bias (in
    `unit`) for sample sides, else None; `notes` plain-text sentences for the user.
    """

    p: Categorical
    q: Categorical
    labels: tuple | None
    bin_edges: np.ndarray | None
    counts_p: np.ndarray
    counts_q: np.ndarray
    pseudocount: float
    samples_p: int | None
    samples_q: int | None
    miller_madow_p: float | None
    miller_madow_q: float | None
    kinds: tuple
    origins: tuple
    unit: str
    notes: tuple


def _side(src):
    """(entries, their logs or None, labels) of a source; softmax sides keep exact log-probabilities."""
    if src.kind == "logits":
        return softmax(src.values), log_softmax(src.values), src.labels
    return np.asarray(src.values, dtype=float), None, src.labels


def _align(sides):
    (wp, lp, ap), (wq, lq, aq) = sides
    notes = []
    if ap is not None and aq is not None:
        in_p = set(ap)
        union = list(ap) + [s for s in aq if s not in in_p]
        index = {s: k for k, s in enumerate(union)}

        def place(w, logs, labels):
            out = np.zeros(len(union))
            out[[index[s] for s in labels]] = w
            if logs is None:
                return out, None
            lo = np.full(len(union), -np.inf)
            lo[[index[s] for s in labels]] = logs
            return out, lo

        only_p, only_q = len(union) - len(aq), len(union) - len(ap)
        if only_p or only_q or list(ap) != list(aq):
            text = f"P and Q aligned by label over their union ({len(union):,} labels)"
            if only_p:
                text += f"; {only_p:,} only in P (weight 0 in Q)"
            if only_q:
                text += f"; {only_q:,} only in Q (weight 0 in P)"
            notes.append(text)
        return (*place(wp, lp, ap), *place(wq, lq, aq), tuple(union), notes)
    if wp.size != wq.size:
        raise ValueError(Text("P has {p:,} entries and Q has {q:,}: they must match (or give both labels to align "
                              "them)", p=wp.size, q=wq.size))
    labels = ap if ap is not None else aq
    if labels is not None:
        has, lacks = ("P", "Q") if ap is not None else ("Q", "P")
        notes.append(f"{lacks} has no labels: paired with {has}'s labels by position")
    return wp, lp, wq, lq, labels, notes


# a DataSource's kind as a message names it (translated by the gui: klviz/i18n/core_texts.py)
KIND_TEXTS = {"weights": Text("weights"), "logits": Text("logits"), "numeric samples": Text("numeric samples"),
              "categorical samples": Text("categorical samples")}


def _pseudocount(value):
    if isinstance(value, bool):
        raise ValueError("the pseudocount must be a number ≥ 0")
    c = finite_number(value, "the pseudocount")
    if c < 0:
        raise ValueError(f"the pseudocount must be ≥ 0 (got {c!r})")
    return c + 0.0


def _categorical(w, logs, src, c, name):
    if logs is not None:
        if src.labels is None:  # untouched: keep the logits
            return Categorical.from_logits(src.values, name)
        return Categorical(w, logs, normalised=False, logits=None)
    if not np.any(w + c > 0):
        raise ValueError(Text("{name} has no weight on the categories of the pair", name=name))
    return Categorical.from_weights(w + c, name)


def pair_data(p, q, bins=None, pseudocount=0.0, unit="nats"):
    """A `DataPair` from two discrete SPECs (text) or `DataSource`s.

    bins: None (fd for numeric samples), "fd", or N (1 to MAX_BINS); it applies only when both
    sides are numeric samples (a note says so otherwise). pseudocount: C >= 0, added to every entry
    of P and Q (not allowed with a softmax side, whose entries are not counts). unit: for the notes
    and the Miller–Madow numbers. Raises ValueError (DataFileError for files) with one line.
    """
    check_unit(unit)
    c = _pseudocount(pseudocount)
    if bins is not None:
        bins = _bins(bins)
    sources = []
    for src, name in ((p, "P"), (q, "Q")):
        if not isinstance(src, DataSource):
            src = source_from_spec(src, name)
        sources.append(src)
    sp, sq = sources
    if c > 0 and any(s.kind == "logits" for s in sources):
        raise ValueError("a pseudocount applies to counts or weights, not to softmax logits")
    notes, edges = [], None
    numeric = [s.kind == "numeric samples" for s in sources]
    if any(numeric):
        if not all(numeric):
            b = sq if numeric[0] else sp
            na, nb = ("P", "Q") if numeric[0] else ("Q", "P")
            raise ValueError(Text("{a} is numeric samples (a histogram) but {b} is {kind}: give both as samples@FILE",
                                  a=na, b=nb, kind=KIND_TEXTS.get(b.kind, b.kind)))
        edges, bin_notes = histogram_edges(np.concatenate([sp.values, sq.values]), bins or "fd")
        notes += bin_notes
        wp = np.histogram(sp.values, edges)[0].astype(float)
        wq = np.histogram(sq.values, edges)[0].astype(float)
        lp = lq = labels = None
    else:
        if bins is not None:
            notes.append("bins apply only to numeric samples; ignored here")
        wp, lp, wq, lq, labels, align_notes = _align([_side(sp), _side(sq)])
        notes += align_notes
    P = _categorical(wp, lp, sp, c, "P")
    Q = _categorical(wq, lq, sq, c, "Q")
    if c > 0:
        notes.append(f"pseudocount {c:g} added to each of the {wp.size:,} entries of P and Q "
                     "before normalising")
    mm = []
    for name, src, w in (("P", sp, wp), ("Q", sq, wq)):
        n = src.samples
        if n is None:
            mm.append(None)
            continue
        m = int(np.count_nonzero(w))
        bias = convert((m - 1) / (2.0 * n), unit)
        mm.append(float(bias))
        where = "bins" if edges is not None else "categories"
        notes.append(f"{name}: the plug-in entropy of {n:,} samples in {m:,} occupied {where} is low by "
                     f"about (m − 1)/(2N) ≈ {format_value(bias, 3)} {unit} (Miller–Madow)")
    if mm[0] is not None or mm[1] is not None:
        notes.append("plug-in estimates from samples are biased: a plug-in KL is typically too high "
                     "for small samples, and it depends on the bins")
    for a, b, A, B in ((P, Q, "P", "Q"), (Q, P, "Q", "P")):
        k = int(np.count_nonzero((a.probs > 0) & np.isneginf(b.log_probs)))
        if k:
            cure = " (a pseudocount such as 0.5 makes it finite)" if c == 0 and b.logits is None and \
                not any(s.kind == "logits" for s in sources) else ""
            notes.append(f"{B} is 0 where {A} is not in {k:,} of the {a.probs.size:,} entries: "
                         f"D({A}‖{B}) = ∞{cure}")
    return DataPair(
        p=P, q=Q, labels=labels, bin_edges=edges, counts_p=wp, counts_q=wq, pseudocount=c,
        samples_p=sp.samples, samples_q=sq.samples, miller_madow_p=mm[0], miller_madow_q=mm[1],
        kinds=(sp.kind, sq.kind), origins=(sp.origin, sq.origin), unit=unit, notes=tuple(notes),
    )
