"""Joint distributions P(X, Y) (rows X, columns Y): entropies, mutual information, edits, presets.

Definitions (../shared/MATH.md, "Joint distributions"): marginals p_x(i) = sum_j P(i,j) and
p_y(j) = sum_i P(i,j); H(X,Y) = -sum P log P; H(X|Y) = -sum P(i,j) log P(i|j) and H(Y|X) likewise,
each from its own terms (never as a difference of entropies); I(X;Y) = D(P(X,Y) ‖ p_x ⊗ p_y),
summed from non-negative terms, finite always.

Accuracy. The stored probabilities sum to 1 only up to rounding, so every quantity is computed
for the distribution P / S with S their exact sum; marginals and S are carried as double-double
(an fsum and its exact remainder) and the product of marginals as an exact two-product, so that
  - every entropy is a sum of non-negative terms with relative error below 1e-13;
  - I(X;Y) is the sum of p log(p/q) - p + q = -p (log1p(x) - x), x = (q - p)/p, which is never
    negative, with q - p formed to double-double accuracy: |I - I_exact| <= 1e-13 I_exact + 1e-30
    nats. An exactly independent table gives I = 0 exactly; a float outer product a ⊗ b (whose
    exact I is of order 1e-32) gives I below 1e-30 nats.
The editing operations keep the table a probability matrix and return new arrays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.checks import MAX_JOINT_CELLS, NUMBER_TEXT, finite_number
from klviz.core.discrete import log1pmx
from klviz.core.text import Text
from klviz.core.units import check_unit, convert

MIN_EDIT = 2           # rows / columns the editor allows
MAX_EDIT = 12
JOINT_PRESETS = ("independent", "dependent", "bsc", "xor", "random")
PRESET_NOTES = {
    "independent": "X and Y independent: the joint equals the product of its marginals, I(X;Y) = 0.",
    "dependent": "Y = X: knowing one gives the other; I(X;Y) = H(X) = H(Y), and H(X|Y) = H(Y|X) = 0.",
    "bsc": "A symmetric channel: X uniform, Y = X except with probability ε, spread over the other "
           "values; for two symbols (the binary symmetric channel) I(X;Y) = log 2 − h(ε).",
    "xor": "X = (A, B), two fair coins; Y = A xor B. Both marginals are uniform, just as for "
           "independent variables, yet X determines Y: I(X;Y) = H(Y) = log 2. Y alone says "
           "nothing about A, nor about B, only about the pair.",
    "random": "A random joint (Dirichlet(1) over the cells, seeded).",
}
_XOR_ROWS = ("A=0 B=0", "A=0 B=1", "A=1 B=0", "A=1 B=1")
_XOR_COLS = ("Y=0", "Y=1")


def default_joint_labels(rows, cols):
    """("x1", ..., "xR"), ("y1", ..., "yC")."""
    for n, what in ((rows, "rows"), (cols, "columns")):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{what} must be a whole number ≥ 1 (got {n!r})")
    return tuple(f"x{i + 1}" for i in range(rows)), tuple(f"y{j + 1}" for j in range(cols))


# ---------------------------------------------------------------------------------------------
# Validation


def _describe(x):
    return repr(float(x)) if math.isfinite(x) else str(float(x))


def _as_matrix(values, name):
    """A float matrix from nested sequences or an array, or ValueError naming row and column."""
    if isinstance(values, np.ndarray):
        arr = values
    else:
        try:
            rows = list(values)
        except TypeError:
            raise ValueError(f"{name} must be a table of numbers (rows of columns)") from None
        widths = []
        for r in rows:
            try:
                widths.append(len(r))
            except TypeError:
                raise ValueError(f"{name} must be a table of numbers (rows of columns)") from None
        for i, w in enumerate(widths[1:], start=2):
            if w != widths[0]:
                raise ValueError(Text("{name}: row {i} has {n} entries but row 1 has {first}", name=name, i=i, n=w,
                                      first=widths[0]))
        arr = rows
    try:
        arr = np.array(arr, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a table of numbers") from None
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a table of numbers (rows of columns), not {arr.ndim}-dimensional")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(Text("{name} is empty: give at least one row and one column", name=name))
    if arr.size > MAX_JOINT_CELLS:
        raise ValueError(f"{name} has {arr.size:,} cells; at most {MAX_JOINT_CELLS:,} can be measured")
    for kind, test in (("nan", np.isnan), ("inf", np.isinf), ("negative", lambda a: a < 0)):
        bad = np.argwhere(test(arr))
        if bad.size:
            i, j = (int(k) + 1 for k in bad[0])
            if kind == "nan":
                raise ValueError(Text("{name} has a NaN entry at row {i}, column {j}", name=name, i=i, j=j))
            value = _describe(arr[i - 1, j - 1])
            if kind == "inf":
                raise ValueError(Text("{name} has an infinite entry ({value}) at row {i}, column {j}", name=name,
                                      value=value, i=i, j=j))
            raise ValueError(Text("{name} has a negative entry ({value}) at row {i}, column {j}", name=name,
                                  value=value, i=i, j=j))
    return arr + 0.0  # -0.0 becomes 0.0


def _check_labels(labels, n, name, axis):
    if labels is None:
        return None
    out = tuple(str(s) for s in labels)
    if len(out) != n:
        raise ValueError(f"{name}: {len(out)} {axis} labels for {n} {axis}s")
    seen = {}
    for k, s in enumerate(out):
        if not s.strip():
            raise ValueError(f"{name}: {axis} label {k + 1} is empty")
        if s in seen:
            raise ValueError(f"{name}: {axis} label {s!r} appears twice ({axis}s {seen[s] + 1} and {k + 1})")
        seen[s] = k
    return out


@dataclass(frozen=True, eq=False)
class Joint:
    """A validated joint distribution: `probs[i, j]` = P(X = row i, Y = column j), summing to 1.

    `row_labels` / `col_labels` are tuples of distinct non-empty strings or None; `normalised` says
    the input weights did not already sum to 1 and were rescaled by their exact sum (fsum).
    """

    probs: np.ndarray
    row_labels: tuple | None = None
    col_labels: tuple | None = None
    normalised: bool = False

    @property
    def shape(self):
        return self.probs.shape

    @classmethod
    def from_weights(cls, weights, name="joint", row_labels=None, col_labels=None):
        """Non-negative weights (counts, percentages, probabilities) normalised by their exact sum."""
        w = _as_matrix(weights, name)
        top = float(w.max())
        if top == 0:
            raise ValueError(Text("{name} is all zero: at least one weight must be positive", name=name))
        with np.errstate(over="ignore"):
            total = float(np.sum(w))
        if math.isfinite(total):
            total = math.fsum(w.ravel().tolist())
            probs = w / total
        else:  # weights near the float maximum: scale first so the sum stays finite
            probs = (w / top) / math.fsum((w / top).ravel().tolist())
        probs.setflags(write=False)
        rows, cols = w.shape
        return cls(probs, _check_labels(row_labels, rows, name, "row"),
                   _check_labels(col_labels, cols, name, "column"),
                   normalised=not math.isfinite(total) or abs(total - 1.0) > 1e-12)

    def with_labels(self, row_labels, col_labels):
        """The same joint with other labels (validated)."""
        rows, cols = self.shape
        return Joint(self.probs, _check_labels(row_labels, rows, "joint", "row"),
                     _check_labels(col_labels, cols, "joint", "column"), self.normalised)


def check_joint_probs(probs, name="joint"):
    """`probs` as a fresh float matrix if it is a probability table (sum within 1e-9 of 1)."""
    p = _as_matrix(probs, name)
    total = math.fsum(p.ravel().tolist())
    if abs(total - 1.0) > 1e-9:
        raise ValueError(f"{name} is not a probability table: its entries sum to {total!r}, not 1")
    return p


def _as_joint(joint, name="joint"):
    return joint if isinstance(joint, Joint) else Joint.from_weights(joint, name)


# ---------------------------------------------------------------------------------------------
# Exact-ish arithmetic: double-double sums and products


def _dd_sums(rows):
    """Row sums of a matrix as (hi, lo): hi the correctly rounded sum, lo its rounded remainder."""
    hi = np.empty(rows.shape[0])
    lo = np.empty(rows.shape[0])
    for k, row in enumerate(rows):
        values = row.tolist()
        h = math.fsum(values)
        values.append(-h)
        hi[k], lo[k] = h, math.fsum(values)
    return hi, lo


_SPLITTER = 134217729.0  # 2^27 + 1 (Dekker)


def _split(a):
    c = _SPLITTER * a
    hi = c - (c - a)
    return hi, a - hi


def _two_prod(a, b):
    """(p, e) with p = fl(a b) and a b = p + e exactly (for values well inside the float range)."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _neglog_share(part_hi, part_lo, tot_hi, tot_lo):
    """-log(part / total) >= 0 for 0 < part <= total, accurate also when part is nearly all of total.

    There log(part/total) = log1p(-rest/total) with rest = total - part formed exactly (Sterbenz)
    plus the double-double remainders, so a share of 1 - 1e-12 keeps its 1e-12.
    """
    ratio = part_hi / tot_hi
    out = np.empty_like(ratio)
    near = ratio >= 0.5
    far = ~near
    with np.errstate(divide="ignore"):
        out[far] = -np.log(ratio[far])
    tiny = far & ~(ratio > 0)  # the ratio underflowed: take the logs apart
    out[tiny] = np.log(tot_hi[tiny]) - np.log(part_hi[tiny])
    rest = (tot_hi[near] - part_hi[near]) + (tot_lo[near] - part_lo[near])
    out[near] = -np.log1p(-np.maximum(rest, 0.0) / tot_hi[near])
    return np.maximum(out, 0.0)


def _entropy_sum(part_hi, part_lo, tot_hi, tot_lo, scale):
    """(1/scale) sum part (-log(part/total)) over the positive parts."""
    m = part_hi > 0
    terms = part_hi[m] * _neglog_share(part_hi[m], part_lo[m], tot_hi[m], tot_lo[m])
    return max(math.fsum(terms.tolist()) / scale, 0.0)


# ---------------------------------------------------------------------------------------------
# Measures


@dataclass(frozen=True, eq=False)
class JointMeasures:
    """Everything the Joint tab and `klviz compute --joint` show, in `unit` (arrays: probabilities
    except `mi_terms`, which are in `unit`)."""

    unit: str
    joint: np.ndarray        # P(X,Y), normalised
    p_x: np.ndarray          # row marginal
    p_y: np.ndarray          # column marginal
    product: np.ndarray      # p_x ⊗ p_y
    entropy_x: float
    entropy_y: float
    joint_entropy: float
    conditional_entropy_x_given_y: float
    conditional_entropy_y_given_x: float
    mutual_information: float
    mi_terms: np.ndarray     # P(i,j) log(P(i,j) / (p_x(i) p_y(j))): signed; they sum to I(X;Y)
    row_labels: tuple | None = None
    col_labels: tuple | None = None

    def to_dict(self):
        """The JSON form (`klviz compute --joint --json` keys); `labels` only when there are labels."""
        out = {
            "unit": self.unit, "kind": "joint", "joint": self.joint.tolist(),
            "p_x": self.p_x.tolist(), "p_y": self.p_y.tolist(),
            "entropy_x": self.entropy_x, "entropy_y": self.entropy_y,
            "joint_entropy": self.joint_entropy,
            "conditional_entropy_x_given_y": self.conditional_entropy_x_given_y,
            "conditional_entropy_y_given_x": self.conditional_entropy_y_given_x,
            "mutual_information": self.mutual_information,
        }
        if self.row_labels is not None or self.col_labels is not None:
            rows, cols = self.joint.shape
            r, c = default_joint_labels(rows, cols)
            out["labels"] = {"x": list(self.row_labels or r), "y": list(self.col_labels or c)}
        return out


def _mutual_information(P, a_hi, a_lo, b_hi, b_lo, s_hi, s_lo):
    """(I in nats, pointwise terms in nats) for the distribution P / S."""
    # r = p_x(i) p_y(j) / S in double-double: the product of marginals scaled like P
    A_hi, B_hi = a_hi[:, None], b_hi[None, :]
    p, e = _two_prod(A_hi, B_hi)
    e = e + (A_hi * b_lo[None, :] + a_lo[:, None] * B_hi)
    r_hi = p / s_hi
    t, te = _two_prod(r_hi, np.full_like(r_hi, s_hi))
    r_lo = (((p - t) - te) + e - r_hi * s_lo) / s_hi
    pos = P > 0
    Pp, rh, rl = P[pos], r_hi[pos], r_lo[pos]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        x = ((rh - Pp) + rl) / Pp
    small = np.abs(x) < 0.5
    # log(P / r) for the pointwise terms and the far branch
    log_ratio = np.empty_like(Pp)
    log_ratio[small] = -np.log1p(x[small])
    far = ~small
    with np.errstate(divide="ignore", over="ignore"):
        lr = np.log(Pp[far] / rh[far])
    bad = ~np.isfinite(lr)
    if bad.any():  # the ratio over- or underflowed: from the logarithms of its factors
        ii, jj = np.nonzero(pos)
        ii, jj = ii[far][bad], jj[far][bad]
        lr[bad] = np.log(Pp[far][bad]) - (np.log(a_hi[ii]) + np.log(b_hi[jj]) - math.log(s_hi))
    log_ratio[far] = lr
    # p log(p/r) - p + r >= 0 term by term; r alone where P = 0
    brackets = np.empty_like(Pp)
    brackets[small] = -Pp[small] * log1pmx(x[small])
    brackets[far] = np.maximum(Pp[far] * log_ratio[far] + (rh[far] - Pp[far]), 0.0)
    zero_cells = r_hi[~pos]
    total = math.fsum(brackets.tolist()) + math.fsum(zero_cells.tolist())
    terms = np.zeros_like(P)
    terms[pos] = (Pp / s_hi) * log_ratio
    return max(total / s_hi, 0.0), terms


def joint_measures(joint, unit="nats"):
    """All measures of a `Joint` (or of a table of weights, validated and normalised here)."""
    check_unit(unit)
    J = _as_joint(joint)
    P = np.array(J.probs, dtype=float)
    a_hi, a_lo = _dd_sums(P)
    b_hi, b_lo = _dd_sums(P.T)
    flat = P.ravel().tolist()
    s_hi = math.fsum(flat)
    flat.append(-s_hi)
    s_lo = math.fsum(flat)
    rows, cols = P.shape
    S_hi, S_lo = np.full(rows, s_hi), np.full(rows, s_lo)
    h_x = _entropy_sum(a_hi, a_lo, S_hi, S_lo, s_hi)
    h_y = _entropy_sum(b_hi, b_lo, np.full(cols, s_hi), np.full(cols, s_lo), s_hi)
    zeros = np.zeros(P.size)
    h_xy = _entropy_sum(P.ravel(), zeros, np.full(P.size, s_hi), np.full(P.size, s_lo), s_hi)
    # H(X|Y) = -sum P(i,j) log(P(i,j) / p_y(j)); H(Y|X) = -sum P(i,j) log(P(i,j) / p_x(i))
    h_x_y = _entropy_sum(P.ravel(), zeros, np.broadcast_to(b_hi, P.shape).ravel(),
                         np.broadcast_to(b_lo, P.shape).ravel(), s_hi)
    h_y_x = _entropy_sum(P.ravel(), zeros, np.repeat(a_hi, cols), np.repeat(a_lo, cols), s_hi)
    mi, terms = _mutual_information(P, a_hi, a_lo, b_hi, b_lo, s_hi, s_lo)
    p_x, p_y = a_hi / s_hi, b_hi / s_hi
    return JointMeasures(
        unit=unit, joint=P / s_hi, p_x=p_x, p_y=p_y, product=np.outer(p_x, p_y),
        entropy_x=float(convert(h_x, unit)), entropy_y=float(convert(h_y, unit)),
        joint_entropy=float(convert(h_xy, unit)),
        conditional_entropy_x_given_y=float(convert(h_x_y, unit)),
        conditional_entropy_y_given_x=float(convert(h_y_x, unit)),
        mutual_information=float(convert(mi, unit)), mi_terms=convert(terms, unit),
        row_labels=J.row_labels, col_labels=J.col_labels,
    )


@dataclass(frozen=True)
class DiagramSegment:
    key: str      # "h_x_given_y", "mutual_information", "h_y_given_x"
    label: str    # plain text: "H(X|Y)", "I(X;Y)", "H(Y|X)"
    start: float
    width: float  # in the measures' unit


@dataclass(frozen=True)
class InformationDiagram:
    """H(X,Y) split on one scale into H(X|Y), I(X;Y), H(Y|X), left to right.

    `h_x_span` = (0, H(X|Y) + I) is where H(X) lies, `h_y_span` = (H(X|Y), total) where H(Y) lies.
    `total` is the sum of the three widths; it equals H(X,Y) up to rounding (each is computed from
    its own terms).
    """

    unit: str
    segments: tuple
    total: float
    h_x_span: tuple
    h_y_span: tuple


def information_diagram(measures):
    """The information diagram of a `JointMeasures` (its unit)."""
    if not isinstance(measures, JointMeasures):
        raise ValueError("information_diagram needs the JointMeasures of a joint (joint_measures(...))")
    a = measures.conditional_entropy_x_given_y
    b = measures.mutual_information
    c = measures.conditional_entropy_y_given_x
    segs = (DiagramSegment("h_x_given_y", "H(X|Y)", 0.0, a),
            DiagramSegment("mutual_information", "I(X;Y)", a, b),
            DiagramSegment("h_y_given_x", "H(Y|X)", a + b, c))
    total = a + b + c
    return InformationDiagram(measures.unit, segs, total, (0.0, a + b), (a, total))


# ---------------------------------------------------------------------------------------------
# Pure editing operations (they return new arrays; the input is never changed)


def _index(value, n, what):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{what} must be a whole number (got {value!r})")
    k = int(value)
    if not 0 <= k < n:
        raise ValueError(f"{what} {k} is out of range (0 to {n - 1})")
    return k


def _share(values, k, value):
    """values with values[k] = value and the others rescaled to keep the total 1 (their
    proportions kept; all zero: equal shares). The rounding residue goes to the largest other."""
    n = values.size
    if n == 1:
        return np.ones(1)
    others = np.delete(values, k)
    rest = 1.0 - value
    total = math.fsum(others.tolist())
    others = others * (rest / total) if total > 0 else np.full(n - 1, rest / (n - 1))
    if rest > 0:
        m = int(np.argmax(others))
        others[m] = max(0.0, others[m] + (rest - math.fsum(others.tolist())))
    return np.insert(others, k, value)


def _probability_value(value, what):
    v = finite_number(value, what)
    return min(max(v, 0.0), 1.0)


def set_cell(probs, i, j, value):
    """P with P(i, j) = value (clamped to [0, 1]); every other cell rescaled by the same factor
    (all zero: they share the rest equally), as the Discrete tab's drag rule."""
    P = check_joint_probs(probs)
    rows, cols = P.shape
    i, j = _index(i, rows, "row"), _index(j, cols, "column")
    v = _probability_value(value, "the cell value")
    return _share(P.ravel(), i * cols + j, v).reshape(rows, cols)


def _set_marginal(P, k, value):
    rows, cols = P.shape
    px = np.array([math.fsum(r) for r in P.tolist()])
    cond = np.full((rows, cols), 1.0 / cols)  # rows with no mass get a uniform conditional
    has = px > 0
    cond[has] = P[has] / px[has, None]
    return cond * _share(px, k, value)[:, None]


def set_row_marginal(probs, i, value):
    """P with p_x(i) = value (clamped to [0, 1]); the other rows rescaled so the total stays 1.
    Every row keeps its conditional P(Y | X = row) (a row without mass gets a uniform one)."""
    P = check_joint_probs(probs)
    i = _index(i, P.shape[0], "row")
    return _set_marginal(P, i, _probability_value(value, "the row marginal"))


def set_column_marginal(probs, j, value):
    """P with p_y(j) = value (clamped to [0, 1]); the columns keep their conditionals P(X | Y)."""
    P = check_joint_probs(probs)
    j = _index(j, P.shape[1], "column")
    return _set_marginal(P.T, j, _probability_value(value, "the column marginal")).T.copy()


def _size(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{what} must be a whole number (got {value!r})")
    n = int(value)
    if not MIN_EDIT <= n <= MAX_EDIT:
        raise ValueError(f"{what} must be between {MIN_EDIT} and {MAX_EDIT} (got {n})")
    return n


def resize_joint(probs, rows, cols):
    """The table with `rows` × `cols` cells: the kept cells keep their proportions; new cells get
    a fair share (each 1/(rows cols), the old mass scaled to the rest), as the Discrete tab's
    resize. Removed rows/columns lose their mass and the rest is renormalised (uniform if none)."""
    P = check_joint_probs(probs)
    rows, cols = _size(rows, "rows"), _size(cols, "columns")
    r0, c0 = P.shape
    kept = P[:rows, :cols]
    out = np.full((rows, cols), 1.0 / (rows * cols))
    old = math.fsum(kept.ravel().tolist())
    if old == 0:
        return out
    new_cells = rows * cols - min(rows, r0) * min(cols, c0)
    share = 1.0 - new_cells / (rows * cols)  # the mass the kept cells keep
    out[: kept.shape[0], : kept.shape[1]] = kept * (share / old)
    return out / math.fsum(out.ravel().tolist())


def _ramp(n, descending):
    w = np.arange(1.0, n + 1.0) + n / 2.0
    return (w[::-1] if descending else w) / w.sum()


def joint_preset(kind, rows=None, cols=None, *, epsilon=0.1, seed=0):
    """A named joint with labels. rows/cols default to 3 × 3 (bsc: 2 × 2; xor: 4 × 2).

    - "independent": p_x (a falling ramp) ⊗ p_y (a rising one); I = 0.
    - "dependent": mass 1/k on the diagonal, k = min(rows, cols); I = log k.
    - "bsc": square; X uniform, Y = X with probability 1 - ε, else one of the other values
      uniformly; for 2 × 2 the binary symmetric channel, I = log 2 - h(ε). ε in [0, 1].
    - "xor": 4 × 2, X = (A, B) fair coins, Y = A xor B (uniform marginals, I = log 2).
    - "random": Dirichlet(1) over the cells with `seed` (an int).
    """
    if kind not in JOINT_PRESETS:
        raise ValueError(f"unknown joint preset {kind!r} (choose one of {', '.join(JOINT_PRESETS)})")
    fixed = {"bsc": (2, 2), "xor": (4, 2)}.get(kind, (3, 3))
    rows = fixed[0] if rows is None else _size(rows, "rows")
    cols = fixed[1] if cols is None else _size(cols, "columns")
    row_labels, col_labels = default_joint_labels(rows, cols)
    if kind == "independent":
        w = np.outer(_ramp(rows, True), _ramp(cols, False))
    elif kind == "dependent":
        w = np.zeros((rows, cols))
        k = min(rows, cols)
        w[np.arange(k), np.arange(k)] = 1.0
    elif kind == "bsc":
        if rows != cols:
            raise ValueError(f"the symmetric channel needs as many rows as columns (got {rows} × {cols})")
        eps = finite_number(epsilon, "the crossover ε")
        if not 0.0 <= eps <= 1.0:
            raise ValueError(f"the crossover ε must lie in [0, 1] (got {eps!r})")
        w = np.full((rows, cols), eps / (rows * (rows - 1)))
        np.fill_diagonal(w, (1.0 - eps) / rows)
    elif kind == "xor":
        if (rows, cols) != (4, 2):
            raise ValueError(f"the xor preset is 4 × 2 (X = (A, B), Y = A xor B), not {rows} × {cols}")
        w = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
        row_labels, col_labels = _XOR_ROWS, _XOR_COLS
    else:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ValueError(f"the random preset's seed must be a whole number (got {seed!r})")
        w = np.random.default_rng(int(seed)).dirichlet(np.ones(rows * cols)).reshape(rows, cols)
    return Joint.from_weights(w, f"{kind} preset", row_labels, col_labels)


# ---------------------------------------------------------------------------------------------
# The joint SPEC of the command line


def _inline_rows(text, name):
    parts = text.split(";")
    if len(parts) > 1 and not parts[-1].strip():
        parts = parts[:-1]  # a trailing ";" is allowed
    rows = []
    for i, part in enumerate(parts, start=1):
        cells = [s.strip() for s in part.split(",")]
        if cells == [""]:
            raise ValueError(f"{name}: row {i} is empty")
        row = []
        for j, s in enumerate(cells, start=1):
            if not NUMBER_TEXT.fullmatch(s):  # float() would also take "1_000" and "１"
                raise ValueError(f"{name}: row {i}, entry {j}: {s!r} is not a number")
            row.append(float(s))
        rows.append(row)
    return rows


def parse_joint_spec(text, name="joint"):
    """A `Joint` from a SPEC: inline rows `0.1,0.2;0.3,0.4` (rows X separated by ";", columns Y
    by ","; weights normalised by their exact sum) or `@PATH` (a matrix file, see
    `klviz.core.datafile.read_joint_table`, with its labels)."""
    if not isinstance(text, str):
        raise ValueError(f"{name}: the SPEC must be text")
    text = text.strip()
    if not text:
        raise ValueError(f"{name} is empty: give rows like 0.1,0.2;0.3,0.4 or @FILE.csv")
    if text.startswith("@"):
        if not text[1:]:
            raise ValueError(f"{name}: @ needs a file name after it")
        from klviz.core.datafile import read_joint_table  # here: the app's start reads no file

        table = read_joint_table(text[1:])
        return Joint.from_weights(table.weights, name, table.row_labels, table.col_labels)
    return Joint.from_weights(_inline_rows(text, name), name)
