"""File › Import data…'s result applied to a session, with no Qt: one pure step, so the app makes
it one undo step.

`with_import(session, result)` takes what `klviz.scene.data_import.read_import` returned (read
here only by its attributes: target, probabilities, q_probabilities, labels, table, row_labels,
col_labels, rows, targets, class_labels) and returns `(new session, undo text)`:
- "p" / "q": that side of the Discrete tab, with the file's labels (else the current ones). A side
  with another number of categories than the tab's resizes the other side by the tab's own rule
  (klviz.state.discrete.resize) first.
- "pair": P and Q together, with the file's labels (else the current ones, or defaults).
- "joint": the Joint tab's table and labels.
- "batch": the loss lab's batch (klviz.state.batch).
Anything the state cannot hold (more than the editor's 100 categories or 12 × 12 cells, fewer than
2, labels that are not the tab's plain one-line text) raises ImportRefused (a ValueError) whose
message says why; the session is then unchanged.
"""

from __future__ import annotations

from klviz.state import discrete as ds
from klviz.state.batch import BatchState
from klviz.state.joint import MAX_SIZE, MIN_SIZE, JointState

TEXTS = {"p": "Import P", "q": "Import Q", "pair": "Import P and Q", "joint": "Import the joint",
         "batch": "Import the batch"}


class ImportRefused(ValueError):
    """An import the state cannot hold; the message says why (plain text)."""


def _too_many(n):
    return ImportRefused(
        f"The file has {n:,} categories, more than the editor's {ds.MAX_CATEGORIES}: the bars are not "
        f"editable at that size, and the Discrete tab holds at most {ds.MAX_CATEGORIES} categories, so "
        "nothing was imported. The command line measures it: klviz compute --p @FILE --q @FILE.")


def _labels(labels, n):
    try:
        return ds.check_labels(labels, n)
    except ValueError as exc:
        raise ImportRefused(f"The file's labels cannot be the tab's: {exc}. Nothing was imported.") from None


def _discrete(d, p=None, q=None, labels=None):
    n = len(p if p is not None else q)
    if n > ds.MAX_CATEGORIES:
        raise _too_many(n)
    if n < ds.MIN_CATEGORIES:
        raise ImportRefused(f"The file has {n} category; the Discrete tab needs at least "
                            f"{ds.MIN_CATEGORIES}. Nothing was imported.")
    base = d if n == d.n else ds.resize(d, n)
    labels = _labels(labels, n) if labels is not None else base.labels
    return ds.DiscreteState(labels, base.p if p is None else p, base.q if q is None else q)


def _joint(result):
    rows, cols = result.table.shape
    if not (MIN_SIZE <= rows <= MAX_SIZE and MIN_SIZE <= cols <= MAX_SIZE):
        raise ImportRefused(
            f"The joint has {rows:,} × {cols:,} outcomes; the Joint tab edits {MIN_SIZE} to {MAX_SIZE} rows and "
            f"columns, so nothing was imported (the grid would not be editable at that size). The command "
            "line measures it: klviz compute --joint @FILE.")
    try:
        return JointState.from_weights(result.table, result.row_labels, result.col_labels)
    except ValueError as exc:
        raise ImportRefused(f"The joint cannot be the tab's: {exc}. Nothing was imported.") from None


def with_import(session, result):
    """(the session with `result` imported, the undo step's text); ImportRefused if it cannot be."""
    target = result.target
    if target in ("p", "q"):
        probs = result.probabilities
        sides = {"p": probs} if target == "p" else {"q": probs}
        new = session.with_(discrete=_discrete(session.discrete, labels=result.labels, **sides))
    elif target == "pair":
        new = session.with_(discrete=_discrete(session.discrete, result.probabilities, result.q_probabilities,
                                               result.labels))
    elif target == "joint":
        new = session.with_(joint=_joint(result))
    elif target == "batch":
        try:
            batch = BatchState(result.rows, result.targets, result.class_labels)
        except ValueError as exc:
            raise ImportRefused(f"The batch cannot be shown: {exc}. Nothing was imported.") from None
        new = session.with_(batch=batch)
    else:
        raise ImportRefused(f"nothing can be imported into {target!r}")
    return new, TEXTS[target]
