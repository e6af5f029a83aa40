"""Data exports: the per-category table as CSV, every measure as a JSON-ready dict.

Numbers are written at full precision (repr of the float); an infinite value is the string "inf",
as in `klviz compute --json`, so the result is strict JSON.
"""

from __future__ import annotations

import csv
import io
import math

from klviz.core.discrete import discrete_measures
from klviz.core.gaussian import continuous_measures
from klviz.core.spec import Mixture, Normal
from klviz.core.units import check_unit

FORMAT = "klviz-measures"
VERSION = 1
MEASURE_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")


def _num(x):
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        return "nan"
    return x


def _cell(x):
    v = _num(x)
    return v if isinstance(v, str) else repr(v)


def discrete_csv(p, q, labels=None, unit="nats"):
    """The per-category table as CSV text: label, p, q, p log(p/q), q log(q/p) (in `unit`).

    The header names the unit of the two term columns: `p_log_p_over_q_nats`, ...
    """
    from klviz.figures.discrete import categoricals, check_labels

    P, Q = categoricals(p, q)
    labels = check_labels(labels, len(P))
    check_unit(unit)
    m = discrete_measures(P, Q, unit)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["label", "p", "q", f"p_log_p_over_q_{unit}", f"q_log_q_over_p_{unit}"])
    for row in zip(labels, P.probs, Q.probs, m.terms_pq, m.terms_qp):
        writer.writerow([row[0], *(_cell(v) for v in row[1:])])
    return out.getvalue()


def _is_continuous(d):
    return isinstance(d, (Normal, Mixture)) or (isinstance(d, dict) and "family" in d)


def measures_json(p, q, labels=None, unit="nats"):
    """Every measure of the pair, as a dict ready for `json.dumps` (strict JSON: "inf" strings).

    Discrete pairs (lists of probabilities/weights or `Categorical`): p, q, labels, the seven
    measures, both pointwise term lists, and why a divergence is infinite. Continuous pairs
    (Normal/Mixture or their dict forms): the parameters and the six measures.
    """
    check_unit(unit)
    if _is_continuous(p) or _is_continuous(q):
        from klviz.figures.continuous import as_continuous

        P, Q = as_continuous(p, "P"), as_continuous(q, "Q")
        m = continuous_measures(P, Q, unit)
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": "continuous",
            "unit": unit,
            "p": P.to_dict(),
            "q": Q.to_dict(),
            "measures": {k: _num(getattr(m, k)) for k in MEASURE_KEYS},
        }
    from klviz.figures.discrete import categoricals, check_labels, infinity_reasons

    P, Q = categoricals(p, q)
    labels = check_labels(labels, len(P))
    m = discrete_measures(P, Q, unit)
    reasons = infinity_reasons(m, labels)
    out = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "discrete",
        "unit": unit,
        "labels": list(labels),
        "p": [float(v) for v in P.probs],
        "q": [float(v) for v in Q.probs],
        "measures": {k: _num(getattr(m, k)) for k in (*MEASURE_KEYS, "js")},
        "terms_pq": [_num(v) for v in m.terms_pq],
        "terms_qp": [_num(v) for v in m.terms_qp],
    }
    why = {}
    if reasons["pq"]:
        why["kl_pq"] = reasons["pq"]
    if reasons["qp"]:
        why["kl_qp"] = reasons["qp"]
    out["infinite_because"] = why
    return out

