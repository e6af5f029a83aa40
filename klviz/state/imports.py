"""File › Import data…'s result applied to a session, with no Qt: one pure step, so the app makes
it one undo step.

`with_import(session, result)` takes what `klviz.scene.data_import.read_import` returned (read
here only by its attributes: target, kind, probabilities, q_probabilities, labels, table,
row_labels, col_labels, rows, targets, class_labels) and returns `(new session, undo text)`:
- "p" / "q": that side of the Discrete tab, by the rule `side_plan` names (and the dialog shows
  before the import, `plan_text`):
  - "align": the file carries labels (a labelled file, categorical samples) and so does the tab
    (its labels are not the default A, B, …): both sides over the union of the labels, the tab's
    first, then the file's new ones in the file's order; a label missing on a side has weight 0
    there. These are the numbers of `klviz compute --p @A --q @B` (without a pseudocount: a
    pseudocount given in the dialog applies to the file's entries only).
  - "position": as many categories as the tab: the side replaced entry by entry (the file's
    labels taken if the tab has only default ones, else the tab's kept).
  - "replace": another number of categories and nothing to align by: the file's side replaces,
    and the other side becomes uniform over the file's categories (no entry of it corresponds to
    one of the file's), with the file's labels or default ones.
- "pair": P and Q together, with the file's labels (else the current ones, or defaults).
- "joint": the Joint tab's table and labels.
- "batch": the loss lab's batch (klviz.state.batch).
More categories than the editor's 100 (up to MAX_IMPORT_CATEGORIES) are imported: the Discrete tab
then measures them in full without editable bars (`is_editable`). What the state cannot hold
(more than MAX_IMPORT_CATEGORIES or 12 × 12 cells, fewer than 2 categories, labels that are not the
tab's plain one-line text) raises ImportRefused (a ValueError) whose message says why; the session
is then unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from klviz.core.labels import default_labels
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase, joined
from klviz.state import discrete as ds
from klviz.state.batch import BatchState
from klviz.state.joint import MAX_SIZE, MIN_SIZE, JointState

TEXTS = {"p": QT_TRANSLATE_NOOP("klviz", "Import P"), "q": QT_TRANSLATE_NOOP("klviz", "Import Q"),
         "pair": QT_TRANSLATE_NOOP("klviz", "Import P and Q"), "joint": QT_TRANSLATE_NOOP("klviz", "Import the joint"),
         "batch": QT_TRANSLATE_NOOP("klviz", "Import the batch")}  # marked: the gui translates them
MAX_IMPORT_CATEGORIES = 100_000  # what the Discrete tab holds from a file (klviz.core.datafile's limit)


class ImportRefused(ValueError):
    """An import the state cannot hold; the message says why (plain text: a Phrase, which the gui
    translates, klviz.gui.i18n.translated(exc.args[0]))."""


def is_editable(discrete):
    """Whether the Discrete tab's bars are editable (at most the editor's 100 categories); a
    larger state (from a file) is measured in full, read-only."""
    return discrete.n <= ds.MAX_CATEGORIES


def has_own_labels(discrete):
    """Whether the tab's labels say something (not the default A, B, …, named by position)."""
    return discrete.labels != tuple(default_labels(discrete.n))


def _check_size(n):
    if n > MAX_IMPORT_CATEGORIES:
        raise ImportRefused(Phrase(QT_TRANSLATE_NOOP("klviz", "The import makes {n:,} categories, more than the "
                                                     "{limit:,} the Discrete tab measures, so nothing was imported."),
                                   n=n, limit=MAX_IMPORT_CATEGORIES))
    if n < ds.MIN_CATEGORIES:
        raise ImportRefused(Phrase(QT_TRANSLATE_NOOP("klviz", "The file has {n} category; the Discrete tab needs at "
                                                     "least {least}. Nothing was imported."),
                                   n=n, least=ds.MIN_CATEGORIES))


def _labels(labels, n):
    try:
        return ds.check_labels(labels, n)
    except ValueError as exc:
        raise ImportRefused(Phrase(QT_TRANSLATE_NOOP("klviz", "The file's labels cannot be the tab's: {why}. Nothing "
                                                     "was imported."), why=str(exc))) from None


# ---------------------------------------------------------------------------------------------
# One side


@dataclass(frozen=True)
class SidePlan:
    rule: str   # "align", "position" or "replace"
    n: int      # the categories after the import
    text: str   # what will happen, one plain-text sentence


def _aligns(result):
    """The file names its categories (labels to align by; a histogram's bins name positions)."""
    return result.labels is not None and getattr(result, "kind", None) != "numeric samples"


def _union(existing, new):
    seen = set(existing)
    return tuple(existing) + tuple(s for s in new if s not in seen)


def side_plan(discrete, result):
    """The SidePlan of importing `result` ("p" or "q") into `discrete` (see the module doc)."""
    side, other = result.target.upper(), "Q" if result.target == "p" else "P"
    m, n = len(result.probabilities), discrete.n
    if _aligns(result) and has_own_labels(discrete):
        file_labels = tuple(str(s).strip() for s in result.labels)
        union = _union(discrete.labels, file_labels)
        new_labels = len(union) - n
        missing = n - len(set(file_labels) & set(discrete.labels))
        parts = [Phrase(QT_TRANSLATE_NOOP("klviz", "{side} and {other} aligned by label over their union: {total:,} "
                                                    "categories (the tab's {n:,}, then {new:,} new from the file)"),
                        side=side, other=other, total=len(union), n=n, new=new_labels)]
        if new_labels:
            parts.append(Phrase(QT_TRANSLATE_NOOP("klviz", "{other} has weight 0 on the {new:,} new ones"),
                                other=other, new=new_labels))
        if missing:
            parts.append(Phrase(QT_TRANSLATE_NOOP("klviz", "{side} has weight 0 on the {missing:,} labels the file "
                                                           "lacks"), side=side, missing=missing))
        sentences = [joined("", [joined("; ", parts), "."])]
        if getattr(result, "pseudocount", 0) > 0:  # the command line adds it over the union, to both
            sentences.append(Phrase(QT_TRANSLATE_NOOP("klviz", "The pseudocount was added to the file's entries only; to "
                                                               "add it to both sides over the union, import P and Q "
                                                               "together.")))
        return SidePlan("align", len(union), joined(" ", sentences))
    if m == n:
        how = (Phrase(QT_TRANSLATE_NOOP("klviz", "under the file's labels"))
               if result.labels is not None and not has_own_labels(discrete)
               else Phrase(QT_TRANSLATE_NOOP("klviz", "under the tab's labels")))
        return SidePlan("position", n, Phrase(QT_TRANSLATE_NOOP("klviz", "{side} replaced entry by entry ({n:,} "
                                                                         "categories, {how}); {other} unchanged."),
                                              side=side, n=n, how=how, other=other))
    why = (Phrase(QT_TRANSLATE_NOOP("klviz", "the file has no labels to align by")) if not _aligns(result)
           else Phrase(QT_TRANSLATE_NOOP("klviz", "the tab's labels are the default ones, named by position")))
    return SidePlan("replace", m, Phrase(QT_TRANSLATE_NOOP("klviz", "{other} has {n:,} categories and {side}'s file "
                                                                    "{m:,} ({why}): the file replaces {side}, and "
                                                                    "{other} becomes uniform over its {m:,} categories."),
                                         other=other, n=n, side=side, m=m, why=why))


def plan_text(session, result):
    """What importing `result` will do to the session, one plain-text sentence ("" for a target
    that simply replaces its part)."""
    if result.target not in ("p", "q"):
        return ""
    return side_plan(session.discrete, result).text


def _one_side(d, result):
    which = result.target
    probs = np.asarray(result.probabilities, dtype=float)
    plan = side_plan(d, result)
    _check_size(plan.n)
    if plan.rule == "align":
        file_labels = _labels(result.labels, len(probs))
        labels = _union(d.labels, file_labels)
        index = {s: k for k, s in enumerate(labels)}
        placed = np.zeros(plan.n)
        placed[[index[s] for s in file_labels]] = probs
        kept = np.zeros(plan.n)
        kept[:d.n] = d.q if which == "p" else d.p
        p, q = (placed, kept) if which == "p" else (kept, placed)
        return ds.DiscreteState(labels, p, q)
    if plan.rule == "position":
        labels = (_labels(result.labels, plan.n) if result.labels is not None and not has_own_labels(d)
                  else d.labels)
        return ds.DiscreteState(labels, probs if which == "p" else d.p, probs if which == "q" else d.q)
    labels = _labels(result.labels, plan.n) if result.labels is not None else tuple(default_labels(plan.n))
    uniform = np.full(plan.n, 1.0 / plan.n)
    return ds.DiscreteState(labels, probs if which == "p" else uniform, probs if which == "q" else uniform)


def _pair(d, p, q, labels):
    n = len(p)
    _check_size(n)
    if labels is not None:
        labels = _labels(labels, n)
    elif n == d.n:
        labels = d.labels
    else:
        labels = tuple(default_labels(n)) if n > ds.MAX_CATEGORIES else ds.resize(d, n).labels
    return ds.DiscreteState(labels, p, q)


def _joint(result):
    rows, cols = result.table.shape
    if not (MIN_SIZE <= rows <= MAX_SIZE and MIN_SIZE <= cols <= MAX_SIZE):
        raise ImportRefused(Phrase(QT_TRANSLATE_NOOP(
            "klviz", "The joint has {rows:,} × {cols:,} outcomes; the Joint tab edits {least} to {most} rows and "
            "columns, so nothing was imported (the grid would not be editable at that size). The command "
            "line measures it: klviz compute --joint @FILE."), rows=rows, cols=cols, least=MIN_SIZE, most=MAX_SIZE))
    try:
        return JointState.from_weights(result.table, result.row_labels, result.col_labels)
    except ValueError as exc:
        raise ImportRefused(Phrase(QT_TRANSLATE_NOOP("klviz", "The joint cannot be the tab's: {why}. Nothing was "
                                                     "imported."), why=str(exc))) from None


def with_import(session, result):
    """(the session with `result` imported, the undo step's text); ImportRefused if it cannot be."""
    target = result.target
    if target in ("p", "q"):
        new = session.with_(discrete=_one_side(session.discrete, result))
    elif target == "pair":
        new = session.with_(discrete=_pair(session.discrete, result.probabilities, result.q_probabilities,
                                           result.labels))
    elif target == "joint":
        new = session.with_(joint=_joint(result))
    elif target == "batch":
        try:
            batch = BatchState(result.rows, result.targets, result.class_labels)
        except ValueError as exc:
            raise ImportRefused(Phrase(QT_TRANSLATE_NOOP("klviz", "The batch cannot be shown: {why}. Nothing was "
                                                         "imported."), why=str(exc))) from None
        new = session.with_(batch=batch)
    else:
        raise ImportRefused(f"nothing can be imported into {target!r}")
    return new, TEXTS[target]
