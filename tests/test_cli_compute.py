"""Black-box tests of `klviz compute` (the command line), run as subprocesses.

Every number is checked against an independent reference computed here with scipy / mpmath,
never against klviz's own core functions.

Contract under test:
    klviz compute --p SPEC --q SPEC [--unit nats|bits|hartleys] [--json]
SPEC: `0.1,0.2,0.7` (weights, normalised) | `bernoulli:THETA` | `softmax:Z1,Z2,...` |
      `normal:MU,SIGMA` | `mixture:W,MU1,SIGMA1,MU2,SIGMA2`.
Bad input: exit 2, exactly one stderr line `klviz: error: ...`, empty stdout, no traceback.
"""

import json
import math
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mpmath
import numpy as np
import pytest
from scipy import integrate, special, stats
from scipy.spatial.distance import jensenshannon

REPO = Path(__file__).resolve().parents[1]
LOG_BASE = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}
SCIPY_BASE = {"nats": None, "bits": 2, "hartleys": 10}
MEASURES = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")
FAMILY_KEYS = ("tv", "hellinger", "chi2_pq", "chi2_qp")  # issue 14: every pair's JSON gains them


# --------------------------------------------------------------------------------------------
# Running the CLI (results cached; all invocations known up front are prefetched in parallel)
# --------------------------------------------------------------------------------------------

_CACHE = {}


def _env():
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    return env


def _spawn(args):
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "klviz", *args],
            capture_output=True,
            cwd=REPO,
            env=_env(),
            timeout=60,
        )
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    except Exception as exc:  # surfaced in the test that asked for it
        return exc


def run(*args):
    key = tuple(args)
    if key not in _CACHE:
        _CACHE[key] = _spawn(key)
    result = _CACHE[key]
    if isinstance(result, Exception):
        raise result
    return result


def compute(p, q, unit=None, as_json=False, extra=()):
    args = ["compute", "--p", p, "--q", q]
    if unit is not None:
        args += ["--unit", unit]
    if as_json:
        args.append("--json")
    return run(*args, *extra)


def _no_constant(name):
    raise ValueError(f"non-standard JSON constant {name!r} in output")


def compute_json(p, q, unit=None):
    """Run with --json, check the success invariants, return the parsed object."""
    rc, out, err = compute(p, q, unit, as_json=True)
    assert rc == 0, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert_clean_stderr(err)
    # exactly one JSON object, strict JSON (no NaN / Infinity tokens)
    data = json.loads(out, parse_constant=_no_constant)
    assert isinstance(data, dict)
    return data


def assert_clean_stderr(err):
    assert "Traceback" not in err, err
    assert not re.search(r"\b\w*Warning:", err), f"a Python warning leaked to stderr:\n{err}"


# --------------------------------------------------------------------------------------------
# Independent references
# --------------------------------------------------------------------------------------------


def ref_categorical(spec):
    """(probs, log_probs) for a discrete SPEC, computed with numpy/scipy."""
    if spec.startswith("bernoulli:"):
        t = float(spec.split(":", 1)[1])
        probs = np.array([1.0 - t, t])
        with np.errstate(divide="ignore"):
            return probs, np.log(probs)
    if spec.startswith("softmax:"):
        z = np.array([float(v) for v in spec.split(":", 1)[1].split(",")])
        return special.softmax(z), special.log_softmax(z)
    w = np.array([float(v) for v in spec.split(",")])
    probs = w / w.sum()
    with np.errstate(divide="ignore"):
        return probs, np.log(probs)


def ref_discrete(p_spec, q_spec, unit):
    p, _ = ref_categorical(p_spec)
    q, _ = ref_categorical(q_spec)
    base = SCIPY_BASE[unit]
    lb = LOG_BASE[unit]
    with np.errstate(divide="ignore"):
        ce_pq = -np.sum(special.xlogy(p, q)) / lb
        ce_qp = -np.sum(special.xlogy(q, p)) / lb
    return {
        "entropy_p": stats.entropy(p, base=base),
        "entropy_q": stats.entropy(q, base=base),
        "cross_entropy_pq": ce_pq,
        "cross_entropy_qp": ce_qp,
        "kl_pq": np.sum(special.rel_entr(p, q)) / lb,
        "kl_qp": np.sum(special.rel_entr(q, p)) / lb,
        "js": jensenshannon(p, q) ** 2 / lb,
        "_p": p,
        "_q": q,
    }


def parse_continuous(spec):
    family, _, rest = spec.partition(":")
    nums = [float(v) for v in rest.split(",")]
    return (family, *nums)


_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def _norm_logpdf(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - math.log(sigma) - _HALF_LOG_2PI


def _logpdf(dist, x):
    """log density of ("normal", mu, sigma) or ("mixture", w, mu1, s1, mu2, s2) at scalar x."""
    if dist[0] == "normal":
        return _norm_logpdf(x, dist[1], dist[2])
    _, w, m1, s1, m2, s2 = dist
    terms = []
    if w > 0:
        terms.append(math.log(w) + _norm_logpdf(x, m1, s1))
    if w < 1:
        terms.append(math.log1p(-w) + _norm_logpdf(x, m2, s2))
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))


def _components(dist):
    if dist[0] == "normal":
        return [(dist[1], dist[2])]
    return [(dist[2], dist[3]), (dist[4], dist[5])]


_KS = (0, 0.5, 1, 2, 3, 4, 6, 8, 10, 15, 20, 30)


def _quad_expect(p, fn, features):
    """E_p[fn(x, log p(x))] by adaptive quadrature, one component of p at a time.

    Each component N(m, s) is integrated in standard units u = (x - m) / s over [-40, 40], with
    breakpoints where any component in `features` (the components of P and Q) has its centre or
    its flanks, so that narrow spikes far from m are not stepped over.
    """
    if p[0] == "normal":
        weighted = [(1.0, p[1], p[2])]
    else:
        weighted = [(p[1], p[2], p[3]), (1.0 - p[1], p[4], p[5])]
    total = 0.0
    for w, m, s in weighted:
        if w == 0:
            continue
        pts = {0.0}
        for fm, fs in features:
            for k in _KS:
                for sign in (-1, 1):
                    u = (fm + sign * k * fs - m) / s
                    if -40 < u < 40:
                        pts.add(u)

        def integrand(u, m=m, s=s):
            x = m + s * u
            return math.exp(-0.5 * u * u - _HALF_LOG_2PI) * fn(x, _logpdf(p, x))

        val, _ = integrate.quad(integrand, -40, 40, points=sorted(pts), limit=4000,
                                epsabs=1e-15, epsrel=1e-12)
        total += w * val
    return total


def _normal_ce(P, mu_q, sigma_q):
    """Exact -E_P[log N(x; mu_q, sigma_q)] from the first two moments of P (any P)."""
    if P[0] == "normal":
        parts = [(1.0, P[1], P[2])]
    else:
        parts = [(P[1], P[2], P[3]), (1 - P[1], P[4], P[5])]
    spread = math.fsum(w * (s**2 + (m - mu_q) ** 2) for w, m, s in parts)  # E_P[(x - mu_q)^2]
    return 0.5 * math.log(2 * math.pi * sigma_q**2) + spread / (2 * sigma_q**2)


def ref_continuous(p_spec, q_spec, unit):
    P, Q = parse_continuous(p_spec), parse_continuous(q_spec)
    lb = LOG_BASE[unit]
    if P[0] == Q[0] == "normal":
        mpmath.mp.dps = 50
        mu_p, s_p, mu_q, s_q = (mpmath.mpf(v) for v in (P[1], P[2], Q[1], Q[2]))
        mlb = {"nats": mpmath.mpf(1), "bits": mpmath.log(2), "hartleys": mpmath.log(10)}[unit]

        def h(s):
            return mpmath.log(2 * mpmath.pi * mpmath.e * s**2) / 2

        def ce(ma, sa, mb, sb):
            return mpmath.log(2 * mpmath.pi * sb**2) / 2 + (sa**2 + (ma - mb) ** 2) / (2 * sb**2)

        def kl(ma, sa, mb, sb):
            return mpmath.log(sb / sa) + (sa**2 + (ma - mb) ** 2) / (2 * sb**2) - mpmath.mpf(1) / 2

        vals = {
            "entropy_p": h(s_p),
            "entropy_q": h(s_q),
            "cross_entropy_pq": ce(mu_p, s_p, mu_q, s_q),
            "cross_entropy_qp": ce(mu_q, s_q, mu_p, s_p),
            "kl_pq": kl(mu_p, s_p, mu_q, s_q),
            "kl_qp": kl(mu_q, s_q, mu_p, s_p),
        }
        return {k: float(v / mlb) for k, v in vals.items()}
    feats = _components(P) + _components(Q)
    vals = {
        "entropy_p": _quad_expect(P, lambda x, lp: -lp, feats),
        "entropy_q": _quad_expect(Q, lambda x, lq: -lq, feats),
        "cross_entropy_pq": _quad_expect(P, lambda x, lp: -_logpdf(Q, x), feats),
        "cross_entropy_qp": _quad_expect(Q, lambda x, lq: -_logpdf(P, x), feats),
        "kl_pq": _quad_expect(P, lambda x, lp: lp - _logpdf(Q, x), feats),
        "kl_qp": _quad_expect(Q, lambda x, lq: lq - _logpdf(P, x), feats),
    }
    # a cross-entropy against a normal is exact from moments: use it as a second, independent path
    if Q[0] == "normal":
        exact = _normal_ce(P, Q[1], Q[2])
        assert vals["cross_entropy_pq"] == pytest.approx(exact, rel=1e-9), "reference disagrees"
        vals["cross_entropy_pq"] = exact
    if P[0] == "normal":
        exact = _normal_ce(Q, P[1], P[2])
        assert vals["cross_entropy_qp"] == pytest.approx(exact, rel=1e-9), "reference disagrees"
        vals["cross_entropy_qp"] = exact
    return {k: v / lb for k, v in vals.items()}


def ref_params(spec):
    d = parse_continuous(spec)
    if d[0] == "normal":
        return {"family": "normal", "mu": d[1], "sigma": d[2]}
    return {
        "family": "mixture",
        "weight": d[1],
        "components": [{"mu": d[2], "sigma": d[3]}, {"mu": d[4], "sigma": d[5]}],
    }


def assert_value(got, ref, name, rel, abs_):
    if math.isinf(ref):
        assert ref > 0
        assert got == "inf", f"{name}: expected the string 'inf', got {got!r}"
        return
    assert isinstance(got, (int, float)) and not isinstance(got, bool), f"{name}: {got!r}"
    assert math.isfinite(got), f"{name}: {got!r}"
    assert got == pytest.approx(ref, rel=rel, abs=abs_), f"{name}: got {got!r}, reference {ref!r}"


def assert_params_equal(got, ref):
    assert isinstance(got, dict), got
    assert set(got) == set(ref), (got, ref)
    assert got["family"] == ref["family"]
    if ref["family"] == "normal":
        assert got["mu"] == pytest.approx(ref["mu"], rel=1e-15, abs=0)
        assert got["sigma"] == pytest.approx(ref["sigma"], rel=1e-15, abs=0)
    else:
        assert got["weight"] == pytest.approx(ref["weight"], rel=1e-15, abs=0)
        assert isinstance(got["components"], list) and len(got["components"]) == 2
        for g, r in zip(got["components"], ref["components"]):
            assert set(g) == {"mu", "sigma"}, g
            assert g["mu"] == pytest.approx(r["mu"], rel=1e-15, abs=0)
            assert g["sigma"] == pytest.approx(r["sigma"], rel=1e-15, abs=0)


# --------------------------------------------------------------------------------------------
# Case tables
# --------------------------------------------------------------------------------------------

DISCRETE_CASES = [
    ("0.1,0.2,0.7", "0.3,0.3,0.4", "nats"),
    ("0.1,0.2,0.7", "0.3,0.3,0.4", "bits"),
    ("0.1,0.2,0.7", "0.3,0.3,0.4", "hartleys"),
    ("1,2,7", "3,3,4", None),  # default unit, unnormalised weights
    ("0.2,0.3,0.5", "0.4,0.6,0", "nats"),  # Q = 0 where P > 0
    ("0.2,0.3,0.5", "0.4,0.6,0", "bits"),
    ("0.5,0.5,0", "0.25,0.25,0.5", "nats"),  # P = 0 where Q > 0
    ("bernoulli:0.3", "bernoulli:0.6", "nats"),
    ("bernoulli:0.3", "bernoulli:0.6", "hartleys"),
    ("bernoulli:0", "bernoulli:1", "bits"),  # disjoint supports, JS = 1 bit
    ("softmax:1,2,3", "softmax:0,0,0", "nats"),
    ("0.2,0.3,0.5", "softmax:1,0,-1", "bits"),
    ("0.25,0.75", "0.25,0.75", "nats"),  # identical
    ("1,1,1,1,1,1,1,1", "8,7,6,5,4,3,2,1", "hartleys"),
]

CONTINUOUS_CASES = [
    ("normal:0,1", "normal:1,2", "nats"),
    ("normal:0,1", "normal:1,2", "bits"),
    ("normal:0,1", "normal:1,2", "hartleys"),
    ("normal:0,0.01", "normal:0.5,1", None),  # negative differential entropy
    ("normal:-3,0.5", "normal:-3,0.5", "nats"),  # identical
    ("normal:2.5,1", "normal:2.5,1.00000001", "nats"),  # sigma ratio within 1e-8 of 1
    ("normal:0,1e-3", "normal:0,1.000001e-3", "nats"),
    ("mixture:0.3,-2,0.5,1,1", "normal:0,1.5", "nats"),
    ("normal:0,1", "mixture:0.5,-1,0.7,2,0.4", "nats"),
    ("mixture:0.5,-1,1,1,1", "mixture:0.2,0,2,3,0.5", "bits"),
    ("mixture:1,0,1,5,2", "normal:0,1", "nats"),  # weight 1: the second component is unused
    ("mixture:0,5,2,0,1", "normal:0,1", "hartleys"),  # weight 0: the first component is unused
]

# (arguments after `compute`, keywords: the lower-cased message must contain one of them)
ERROR_CASES = [
    pytest.param(["--p", "0.5,-0.1,0.6", "--q", "0.3,0.3,0.4"], ("negative",), id="negative-p"),
    pytest.param(["--p", "0.3,0.3,0.4", "--q", "0.5,0.6,-0.1"], ("negative",), id="negative-q"),
    pytest.param(["--p", "-0.1,1.1", "--q", "0.5,0.5"], ("negative",), id="negative-first-p"),
    pytest.param(["--p", "0.5,0.5", "--q", "-0.1,1.1"], ("negative",), id="negative-first-q"),
    pytest.param(["--p=-0.5,1.5", "--q", "0.5,0.5"], ("negative",), id="negative-equals"),
    pytest.param(["--p", "nan,1", "--q", "0.5,0.5"], ("nan",), id="nan"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,NaN"], ("nan",), id="nan-q"),
    pytest.param(["--p", "inf,1", "--q", "0.5,0.5"], ("inf", "finite"), id="inf"),
    pytest.param(["--p", "1,1e400", "--q", "0.5,0.5"], ("inf", "finite", "large", "overflow"),
                 id="overflow"),
    pytest.param(["--p", "", "--q", "0.5,0.5"], ("empty",), id="empty"),
    pytest.param(["--p", "0.5,0.5", "--q", "softmax:"], ("empty", "number", "logit"),
                 id="empty-softmax"),
    pytest.param(["--p", "0,0,0", "--q", "0.3,0.3,0.4"], ("zero", "sum to 0", "sums to 0"),
                 id="all-zero"),
    pytest.param(["--p", "0.5,0.5", "--q", "0.2,0.3,0.5"],
                 ("length", "categor", "size", "mismatch", "same number", "entries", "elements"),
                 id="length-mismatch"),
    pytest.param(["--p", "softmax:1,2,3", "--q", "bernoulli:0.5"],
                 ("length", "categor", "size", "mismatch", "same number", "entries", "elements"),
                 id="length-mismatch-softmax"),
    pytest.param(["--p", "0.5,0.5", "--q", "normal:0,1"], ("discrete", "continuous"),
                 id="discrete-vs-continuous"),
    pytest.param(["--p", "mixture:0.5,0,1,1,1", "--q", "bernoulli:0.5"],
                 ("discrete", "continuous"), id="continuous-vs-discrete"),
    pytest.param(["--p", "normal:0,0", "--q", "normal:0,1"], ("sigma", "σ", "standard deviation"),
                 id="sigma-zero"),
    pytest.param(["--p", "normal:0,1", "--q", "normal:0,-1"], ("sigma", "σ", "standard deviation"),
                 id="sigma-negative"),
    pytest.param(["--p", "mixture:0.5,0,1,1,0", "--q", "normal:0,1"],
                 ("sigma", "σ", "standard deviation"), id="mixture-sigma-zero"),
    pytest.param(["--p", "normal:nan,1", "--q", "normal:0,1"], ("nan", "finite"), id="normal-nan"),
    pytest.param(["--p", "normal:0,inf", "--q", "normal:0,1"], ("inf", "finite", "sigma"),
                 id="normal-inf"),
    pytest.param(["--p", "mixture:1.5,0,1,1,1", "--q", "normal:0,1"], ("weight",),
                 id="mixture-weight-high"),
    pytest.param(["--p", "normal:0,1", "--q", "mixture:-0.1,0,1,1,1"], ("weight",),
                 id="mixture-weight-low"),
    pytest.param(["--p", "poisson:3", "--q", "0.5,0.5"], ("poisson",), id="unknown-family"),
    pytest.param(["--p", "0.5,abc", "--q", "0.5,0.5"], ("abc", "number", "numeric", "float"),
                 id="non-number"),
    pytest.param(["--p", "normal:x,1", "--q", "normal:0,1"], ("'x'", '"x"', "number", "numeric",
                                                              "float"), id="non-number-normal"),
    pytest.param(["--p", "normal:0", "--q", "normal:0,1"], ("normal",), id="count-normal-short"),
    pytest.param(["--p", "normal:0,1", "--q", "normal:0,1,2"], ("normal",), id="count-normal-long"),
    pytest.param(["--p", "mixture:0.5,0,1,1", "--q", "normal:0,1"], ("mixture",),
                 id="count-mixture"),
    pytest.param(["--p", "bernoulli:0.3,0.4", "--q", "bernoulli:0.5"], ("bernoulli", "theta", "θ"),
                 id="count-bernoulli"),
    pytest.param(["--p", "bernoulli:1.5", "--q", "bernoulli:0.5"], ("theta", "θ", "bernoulli"),
                 id="theta-high"),
    pytest.param(["--p", "bernoulli:0.5", "--q", "bernoulli:-0.1"], ("theta", "θ", "bernoulli"),
                 id="theta-negative"),
    pytest.param(["--p", "0.5,0.5", "--q", "0.5,0.5", "--unit", "furlongs"], ("furlongs",),
                 id="unknown-unit"),
    pytest.param(["--q", "0.5,0.5"], ("--p",), id="missing-p"),
    pytest.param(["--p", "0.5,0.5"], ("--q",), id="missing-q"),
    pytest.param(["--p", "0.5,0.5", "--q", "0.5,0.5", "--frobnicate"], ("--frobnicate",),
                 id="unknown-option"),
    pytest.param(["--p", "0.5,0.5", "--q", "0.5,0.5", "surplus"], ("surplus",),
                 id="unexpected-argument"),
    pytest.param(["--p", "--", "--q", "0.5,0.5"], ("--p", "p:", "'--'", "expected", "number"),
                 id="double-dash-as-p"),
    pytest.param(["--p", "0.5,0.5", "--q", "--"], ("--q", "q:", "'--'", "expected", "number"),
                 id="double-dash-as-q"),
    # a repeated option is a mistake, never last-one-wins
    pytest.param(["--p", "0.5,0.5", "--p", "0.2,0.8", "--q", "1,1"], ("--p: given more than once",),
                 id="p-twice"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,1", "--q=1,1"], ("--q: given more than once",), id="q-twice"),
    pytest.param(["--p=-0.5,1.5", "--p", "-0.5,1.5", "--q", "1,1"], ("--p: given more than once",),
                 id="p-twice-negative"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,1", "--unit", "bits", "--unit", "nats"],
                 ("--unit: given more than once",), id="unit-twice"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,1", "--unit", "bits", "--unit", "bits"],
                 ("--unit: given more than once",), id="unit-twice-same"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,1", "--un", "bits", "--unit", "nats"],
                 ("--unit: given more than once",), id="unit-abbreviated-twice"),
    pytest.param(["--p", "0.5,0.5", "--q", "1,1", "--json", "--json"], ("--json: given more than once",),
                 id="json-twice"),
]

NOTE_CASES = [("1,2,7", "0.3,0.3,0.4"), ("0.5,0.5", "1,3")]
NO_NOTE_CASES = [
    ("0.25,0.25,0.5", "0.5,0.25,0.25"),
    ("0.1,0.2,0.7", "0.3,0.3,0.4"),
    ("0.2,0.3,0.5", "0.4,0.6,0"),
]

TABLE_CASES = [
    ("0.1,0.2,0.7", "0.3,0.3,0.4", "nats"),
    ("0.1,0.2,0.7", "0.3,0.3,0.4", "hartleys"),
    ("1,2,7", "3,3,4", None),
    ("0.2,0.2,0.2,0.2,0.2", "0.25,0.25,0.25,0,0.25", "bits"),  # Q = 0 at the 4th category
    ("1,0", "softmax:0,1000", "nats"),  # P = 0 at the 2nd category
    ("normal:0,0.01", "normal:0.5,1", "bits"),  # negative entropy
    ("normal:0,1", "mixture:0.5,-1,0.7,2,0.4", "hartleys"),
]


def _all_invocations():
    inv = [("--help",), ("compute", "--help")]
    for p, q, unit in (DISCRETE_CASES + CONTINUOUS_CASES + SOFTMAX_EXTREME_CASES
                       + EXTREME_VALID_CASES + [("softmax:1e308,-1e308", "0.5,0.5", None)]):
        inv.append(_args(p, q, unit, True))
    for p, q, unit in TABLE_CASES:
        inv.append(_args(p, q, unit, False))
        inv.append(_args(p, q, unit, True))
    for case in ERROR_CASES + ERROR_CASES_WITH_JSON:
        inv.append(("compute", *case.values[0]))
    for p, q in NOTE_CASES + NO_NOTE_CASES:
        inv.append(_args(p, q, None, False))
        inv.append(_args(p, q, None, True))
    return list(dict.fromkeys(inv))


def _args(p, q, unit, as_json):
    args = ["compute", "--p", p, "--q", q]
    if unit is not None:
        args += ["--unit", unit]
    if as_json:
        args.append("--json")
    return tuple(args)


@pytest.fixture(scope="module", autouse=True)
def _prefetch():
    """Start every CLI run of this module in parallel once, to keep the file fast."""
    todo = [a for a in _all_invocations() if a not in _CACHE]
    with ThreadPoolExecutor(max_workers=max(2, min(8, (os.cpu_count() or 2) * 2))) as pool:
        for args, result in zip(todo, pool.map(_spawn, todo)):
            _CACHE[args] = result
    yield


# --------------------------------------------------------------------------------------------
# Help
# --------------------------------------------------------------------------------------------


def test_top_level_help_exits_zero():
    rc, out, err = run("--help")
    assert rc == 0, err
    assert "compute" in out
    assert "Traceback" not in err


def test_compute_help_lists_the_options():
    rc, out, err = run("compute", "--help")
    assert rc == 0, err
    for opt in ("--p", "--q", "--unit", "--json"):
        assert opt in out, opt
    for unit in ("nats", "bits", "hartleys"):
        assert unit in out, unit
    assert "Traceback" not in err


# --------------------------------------------------------------------------------------------
# JSON values against independent references
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("p_spec,q_spec,unit", DISCRETE_CASES)
def test_discrete_json_matches_scipy(p_spec, q_spec, unit):
    data = compute_json(p_spec, q_spec, unit)
    expected_keys = {"unit", "kind", "p", "q", "js", *MEASURES, *FAMILY_KEYS}
    assert set(data) == expected_keys, sorted(data)
    assert data["unit"] == (unit or "nats")
    assert data["kind"] == "discrete"
    ref = ref_discrete(p_spec, q_spec, unit or "nats")
    assert data["p"] == pytest.approx(list(ref["_p"]), rel=1e-12, abs=1e-15)
    assert data["q"] == pytest.approx(list(ref["_q"]), rel=1e-12, abs=1e-15)
    assert math.fsum(data["p"]) == pytest.approx(1.0, abs=1e-12)
    assert math.fsum(data["q"]) == pytest.approx(1.0, abs=1e-12)
    for key in (*MEASURES, "js"):
        assert_value(data[key], float(ref[key]), key, rel=1e-9, abs_=1e-12)


def test_support_mismatch_is_inf_but_js_finite():
    data = compute_json("0.2,0.3,0.5", "0.4,0.6,0", "nats")
    assert data["kl_pq"] == "inf"
    assert data["cross_entropy_pq"] == "inf"
    assert isinstance(data["js"], float) and 0 < data["js"] < math.log(2)
    assert isinstance(data["kl_qp"], float) and math.isfinite(data["kl_qp"])
    assert isinstance(data["cross_entropy_qp"], float)


def _mp_log_probs(spec):
    """Exact log-probabilities of a discrete SPEC in mpmath (-inf for a zero weight)."""
    if spec.startswith("softmax:"):
        z = [mpmath.mpf(v) for v in spec.split(":", 1)[1].split(",")]
        top = max(z)
        lse = top + mpmath.log(mpmath.fsum(mpmath.exp(v - top) for v in z))
        return [v - lse for v in z]
    if spec.startswith("bernoulli:"):
        t = mpmath.mpf(spec.split(":", 1)[1])
        w = [1 - t, t]
    else:
        w = [mpmath.mpf(v) for v in spec.split(",")]
    total = mpmath.fsum(w)
    return [mpmath.log(v / total) if v > 0 else mpmath.ninf for v in w]


def ref_discrete_mp(p_spec, q_spec, unit):
    """All discrete measures with log-softmax semantics, at 60 digits."""
    mpmath.mp.dps = 60
    lb = {"nats": mpmath.mpf(1), "bits": mpmath.log(2), "hartleys": mpmath.log(10)}[unit]
    lp, lq = _mp_log_probs(p_spec), _mp_log_probs(q_spec)
    p = [mpmath.exp(v) if v != mpmath.ninf else mpmath.mpf(0) for v in lp]
    q = [mpmath.exp(v) if v != mpmath.ninf else mpmath.mpf(0) for v in lq]

    def h(pr, lpr):
        return -mpmath.fsum(a * la for a, la in zip(pr, lpr) if a > 0)

    def ce(pr, qr, lqr):
        if any(a > 0 and b == 0 for a, b in zip(pr, qr)):
            return mpmath.inf
        return -mpmath.fsum(a * lb_ for a, lb_ in zip(pr, lqr) if a > 0)

    def kl(pr, lpr, qr, lqr):
        if any(a > 0 and b == 0 for a, b in zip(pr, qr)):
            return mpmath.inf
        return mpmath.fsum(a * (la - lb_) for a, la, lb_ in zip(pr, lpr, lqr) if a > 0)

    m = [(a + b) / 2 for a, b in zip(p, q)]
    js = (mpmath.fsum(a * (mpmath.log(a) - mpmath.log(c)) for a, c in zip(p, m) if a > 0)
          + mpmath.fsum(b * (mpmath.log(b) - mpmath.log(c)) for b, c in zip(q, m) if b > 0)) / 2
    vals = {
        "entropy_p": h(p, lp),
        "entropy_q": h(q, lq),
        "cross_entropy_pq": ce(p, q, lq),
        "cross_entropy_qp": ce(q, p, lp),
        "kl_pq": kl(p, lp, q, lq),
        "kl_qp": kl(q, lq, p, lp),
        "js": js,
    }
    out = {k: float(v / lb) for k, v in vals.items()}
    out["_p"], out["_q"] = [float(v) for v in p], [float(v) for v in q]
    return out


# logit gaps far beyond exp's range: only log-softmax gives these finite, exact values
SOFTMAX_EXTREME_CASES = [
    ("1,0", "softmax:0,1000", "nats"),  # the contract's example
    ("1,0", "softmax:0,1000", "bits"),
    ("softmax:0,1000", "1,0", "nats"),
    ("softmax:800,0", "softmax:0,800", "hartleys"),
    ("softmax:-1000,0", "softmax:0,-1000", "nats"),
    ("0.5,0.5,0", "softmax:0,-2000,3", "nats"),
    ("softmax:1,2,3", "softmax:1,2,3", "bits"),
]


@pytest.mark.parametrize("p_spec,q_spec,unit", SOFTMAX_EXTREME_CASES)
def test_softmax_uses_log_softmax(p_spec, q_spec, unit):
    data = compute_json(p_spec, q_spec, unit)
    ref = ref_discrete_mp(p_spec, q_spec, unit)
    assert data["kind"] == "discrete"
    assert data["p"] == pytest.approx(ref["_p"], rel=1e-12, abs=1e-300)
    assert data["q"] == pytest.approx(ref["_q"], rel=1e-12, abs=1e-300)
    for key in (*MEASURES, "js"):
        assert_value(data[key], ref[key], key, rel=1e-12, abs_=1e-15)


def test_softmax_gap_1000_contract_example():
    """--p 1,0 --q softmax:0,1000: 1000 + log(1 + e^-1000) == 1000.0 as a float."""
    data = compute_json("1,0", "softmax:0,1000")
    assert data["cross_entropy_pq"] == 1000.0
    assert data["kl_pq"] == 1000.0
    assert data["cross_entropy_qp"] == "inf"
    assert data["kl_qp"] == "inf"


def test_discrete_references_agree():
    """Self-check: the scipy and the mpmath discrete references agree on ordinary cases."""
    for p_spec, q_spec, unit in DISCRETE_CASES:
        a = ref_discrete(p_spec, q_spec, unit or "nats")
        b = ref_discrete_mp(p_spec, q_spec, unit or "nats")
        for key in (*MEASURES, "js"):
            if math.isinf(a[key]) or math.isinf(b[key]):
                assert a[key] == b[key], (p_spec, q_spec, key)
            else:
                assert a[key] == pytest.approx(b[key], rel=1e-9, abs=1e-12), (p_spec, q_spec, key)


# Valid input (finite, non-negative, sigma > 0) at the edge of the float range: an answer, not a
# crash. Values too large for a double are "inf".
EXTREME_VALID_CASES = [
    ("1e308,1e308", "0.5,0.5", None),  # the weights' sum overflows; normalised they are 1/2, 1/2
    ("1e308,1e308,1e308", "1,2,3", None),
    ("normal:0,1e-200", "normal:0,1e200", None),  # sigma^2 underflows / overflows
    ("normal:0,1e200", "normal:0,1e-200", None),
    ("normal:0,1e-300", "normal:0,1e300", None),
]


@pytest.mark.parametrize("p_spec,q_spec,unit", EXTREME_VALID_CASES)
def test_extreme_valid_input_gives_an_answer(p_spec, q_spec, unit):
    data = compute_json(p_spec, q_spec, unit)  # exit 0, no traceback
    if p_spec.startswith("normal:"):
        ref = ref_continuous(p_spec, q_spec, unit or "nats")
    else:
        ref = ref_discrete_mp(p_spec, q_spec, unit or "nats")
        assert data["p"] == pytest.approx(ref["_p"], rel=1e-12)
    for key in MEASURES:
        assert_value(data[key], ref[key], key, rel=1e-9, abs_=1e-12)


def test_extreme_logits_leak_no_python_warning():
    """softmax:1e308,-1e308 is valid (P = [1, 0]); numpy warnings must not reach the user."""
    rc, out, err = compute("softmax:1e308,-1e308", "0.5,0.5", as_json=True)
    assert rc == 0, err
    assert json.loads(out)["p"] == pytest.approx([1.0, 0.0])
    assert_clean_stderr(err)


@pytest.mark.parametrize("p_spec,q_spec,unit", CONTINUOUS_CASES)
def test_continuous_json_matches_reference(p_spec, q_spec, unit):
    data = compute_json(p_spec, q_spec, unit)
    assert set(data) == {"unit", "kind", "p", "q", *MEASURES, *FAMILY_KEYS}, sorted(data)  # no "js"
    assert data["unit"] == (unit or "nats")
    assert data["kind"] == "continuous"
    assert_params_equal(data["p"], ref_params(p_spec))
    assert_params_equal(data["q"], ref_params(q_spec))
    ref = ref_continuous(p_spec, q_spec, unit or "nats")
    both_normal = p_spec.startswith("normal:") and q_spec.startswith("normal:")
    for key in MEASURES:
        if both_normal:
            # closed form; relative check only, so cancellations (KL ~ 1e-16) are checked too
            assert_value(data[key], ref[key], key, rel=1e-6, abs_=1e-15 if ref[key] == 0 else 0)
        else:
            assert_value(data[key], ref[key], key, rel=1e-6, abs_=1e-9)


@pytest.mark.parametrize("p_spec,q_spec", [("normal:0,1", "normal:1,2"),
                                           ("normal:0,0.01", "normal:0.5,1"),
                                           ("normal:-3,4", "normal:2,0.2")])
def test_continuous_reference_self_check(p_spec, q_spec):
    """Self-check: the quadrature reference, fed normals as 2-component mixtures, agrees with
    the mpmath closed forms."""
    closed = ref_continuous(p_spec, q_spec, "nats")
    (_, mp_, sp), (_, mq, sq) = parse_continuous(p_spec), parse_continuous(q_spec)
    quad = ref_continuous(f"mixture:0.4,{mp_},{sp},{mp_},{sp}",
                          f"mixture:0.7,{mq},{sq},{mq},{sq}", "nats")
    for key in MEASURES:
        assert quad[key] == pytest.approx(closed[key], rel=1e-9, abs=1e-12), key


def test_differential_entropy_can_be_negative():
    data = compute_json("normal:0,0.01", "normal:0.5,1")
    assert data["entropy_p"] < 0
    assert data["kl_pq"] > 0


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


# --json must not change how bad input is reported; checked on a representative subset
JSON_ERROR_IDS = {"negative-first-p", "nan", "length-mismatch", "discrete-vs-continuous",
                  "mixture-weight-high", "unknown-family", "count-normal-short", "unknown-unit",
                  "missing-q", "double-dash-as-p"}
ERROR_CASES_WITH_JSON = [
    pytest.param([*case.values[0], "--json"], case.values[1], id=case.id + "-json")
    for case in ERROR_CASES if case.id in JSON_ERROR_IDS
]


@pytest.mark.parametrize("args,keywords", ERROR_CASES + ERROR_CASES_WITH_JSON)
def test_bad_input_is_one_clean_error_line(args, keywords):
    rc, out, err = run("compute", *args)
    assert "Traceback" not in err, err
    assert rc == 2, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert out == "", out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected exactly one stderr line, got:\n{err}"
    line = lines[0]
    assert line.startswith("klviz: error:"), line
    message = line[len("klviz: error:"):].strip().lower()
    assert message, line
    assert any(k.lower() in message for k in keywords), f"{line!r} names none of {keywords}"
    if "negative" in keywords:
        # a leading '-0.1,...' must not be taken for an option
        assert "expected one argument" not in message, line


# --------------------------------------------------------------------------------------------
# Normalisation note
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("p_spec,q_spec", NOTE_CASES)
def test_note_when_weights_were_normalised(p_spec, q_spec, as_json):
    rc, out, err = compute(p_spec, q_spec, as_json=as_json)
    assert rc == 0, err
    assert_clean_stderr(err)
    assert err.strip(), "expected a note on stderr about the normalised weights"
    assert not err.lstrip().startswith("klviz: error:"), err
    assert out.strip()
    if as_json:
        json.loads(out, parse_constant=_no_constant)  # the note did not go to stdout


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("p_spec,q_spec", NO_NOTE_CASES)
def test_no_note_when_weights_sum_to_one(p_spec, q_spec, as_json):
    rc, out, err = compute(p_spec, q_spec, as_json=as_json)
    assert rc == 0, err
    assert err.strip() == "", f"unexpected stderr:\n{err}"
    assert out.strip()


# --------------------------------------------------------------------------------------------
# Text table
# --------------------------------------------------------------------------------------------

LABELS = {
    "H(P)": "entropy_p",
    "H(Q)": "entropy_q",
    "H(P,Q)": "cross_entropy_pq",
    "H(Q,P)": "cross_entropy_qp",
    "D(P‖Q)": "kl_pq",
    "D(Q‖P)": "kl_qp",
}
NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:\.\d+)?(?:[eE][-+−]?\d+)?(?!\w|\.\d)")
UNIT_WORD = {"nats": r"\bnats?\b", "bits": r"\bbits?\b", "hartleys": r"\bhartleys?\b"}


def _tokens(line):
    """(value, half-width of the shown precision, start, end, dot column) of each number."""
    out = []
    for m in NUMBER.finditer(line):
        text = m.group(0).replace("−", "-")
        mant, _, exp = text.lower().partition("e")
        decimals = len(mant.split(".")[1]) if "." in mant else 0
        ulp = 10.0 ** (int(exp or 0) - decimals)
        dot = m.start() + m.group(0).find(".") if "." in mant else m.end()
        out.append((float(text), ulp, m.start(), m.end(), dot))
    return out


def _labels_in(line):
    return [lab for lab in LABELS if lab in line]


def _shown_matches(tok, value):
    shown, ulp = tok[0], tok[1]
    # "loosely": allow a whole unit in the last shown place (rounding or truncation)
    return abs(shown - value) <= ulp * (1 + 1e-9) + 1e-12 * abs(value)


def _text_and_json(p_spec, q_spec, unit):
    rc, out, err = compute(p_spec, q_spec, unit)
    assert rc == 0, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert_clean_stderr(err)
    data = compute_json(p_spec, q_spec, unit)
    if data["kind"] == "continuous":
        # differential entropy is conventionally written h(P); accept it for H(P)
        out = re.sub(r"(?<![\w])h\((P|Q)\)", r"H(\1)", out)
    return out, data


@pytest.mark.parametrize("p_spec,q_spec,unit", TABLE_CASES)
def test_table_names_unit_and_decompositions(p_spec, q_spec, unit):
    out, _ = _text_and_json(p_spec, q_spec, unit)
    assert re.search(UNIT_WORD[unit or "nats"], out, re.IGNORECASE), out
    for label in LABELS:
        assert label in out, f"{label} missing:\n{out}"
    # both decompositions, in the form H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P)
    flat = re.sub(r"\s+", "", out)
    assert "H(P,Q)=H(P)+D(P‖Q)" in flat, out
    assert "H(Q,P)=H(Q)+D(Q‖P)" in flat, out


@pytest.mark.parametrize("p_spec,q_spec,unit", TABLE_CASES)
def test_table_numbers_match_json(p_spec, q_spec, unit):
    out, data = _text_and_json(p_spec, q_spec, unit)
    lines = out.splitlines()
    for label, key in LABELS.items():
        value = data[key]
        with_label = [ln for ln in lines if label in ln]
        assert with_label, f"{label} missing:\n{out}"
        if value == "inf":
            assert any("∞" in ln for ln in with_label), f"{label} = ∞ not shown:\n{out}"
            continue
        assert any(_shown_matches(t, value) for ln in with_label for t in _tokens(ln)), (
            f"{label} = {value!r} (JSON) not shown on any of its lines:\n{out}"
        )
        # a row of the table for this label alone: its first number is this label's value
        for ln in with_label:
            toks = _tokens(ln)
            if _labels_in(ln) == [label] and toks and "∞" not in ln:
                assert _shown_matches(toks[0], value), f"{label} = {value!r}, row {ln!r}"
    # no ∞ anywhere unless a measure is infinite
    if all(data[k] != "inf" for k in MEASURES):
        assert "∞" not in out, out


def test_table_is_aligned():
    out, data = _text_and_json("0.1,0.2,0.7", "0.3,0.3,0.4", "nats")
    rows = []
    for ln in out.splitlines():
        labs = _labels_in(ln)
        toks = _tokens(ln)
        if len(labs) == 1 and toks and _shown_matches(toks[0], data[LABELS[labs[0]]]):
            rows.append(toks[0])
    assert len(rows) >= 2, f"no table rows with one measure each:\n{out}"
    starts, ends, dots = ({t[i] for t in rows} for i in (2, 3, 4))
    assert len(starts) == 1 or len(ends) == 1 or len(dots) == 1, f"values not aligned:\n{out}"


def _reason_lines(out):
    return [ln for ln in out.splitlines() if re.search(r"=\s*0(?![.\d])|\bzero\b", ln, re.I)]


# how a reason may name a category: Q(D) = 0, q_4 = 0, Q[3] = 0, category 4, x4 ...
_CATEGORY_REFS = (
    r"(?<![a-z])[pq]\s*(?:\(|\[|_)?\s*(?:x_?)?(?P<c>[A-Za-z]|\d+)\s*[)\]]?\s*=\s*0(?![.\d])",
    r"(?i:categor(?:y|ies)|class|outcome|index)\s*#?\s*(?P<c>[A-Za-z]|\d+)\b",
)


def _named_categories(line):
    return {m.group("c") for pat in _CATEGORY_REFS for m in re.finditer(pat, line, re.I)}


def _category_names(i):
    """Acceptable names of category i (0-based): i, i+1, the i-th capital or small letter."""
    return {str(i), str(i + 1), chr(ord("A") + i), chr(ord("a") + i)}


def test_table_explains_infinite_kl_pq():
    out, data = _text_and_json("0.2,0.2,0.2,0.2,0.2", "0.25,0.25,0.25,0,0.25", "bits")
    assert data["kl_pq"] == "inf" and data["kl_qp"] != "inf"
    lines = out.splitlines()
    assert any("∞" in ln for ln in lines if "D(P‖Q)" in ln), out
    assert any("∞" in ln for ln in lines if "H(P,Q)" in ln), out
    for ln in lines:
        if "D(Q‖P)" in ln and "D(P‖Q)" not in ln:
            assert "∞" not in ln, f"D(Q‖P) is finite but shown with ∞: {ln!r}"
    # the reason: Q = 0 where P > 0, naming the category (index 3 from 0, or 4 from 1)
    reasons = [ln for ln in _reason_lines(out) if re.search(r"(?<![a-z])q(?![a-z])", ln, re.I)]
    assert reasons, f"no reason given for the ∞:\n{out}"
    named = set().union(*(_named_categories(ln) for ln in reasons))
    assert named, f"the reason does not name the category:\n{out}"
    assert named <= _category_names(3), f"wrong category named ({named}):\n{out}"


def test_table_explains_infinite_kl_qp():
    out, data = _text_and_json("1,0", "softmax:0,1000", "nats")
    assert data["kl_qp"] == "inf" and data["kl_pq"] != "inf"
    lines = out.splitlines()
    assert any("∞" in ln for ln in lines if "D(Q‖P)" in ln), out
    assert any("∞" in ln for ln in lines if "H(Q,P)" in ln), out
    for ln in lines:
        if "D(P‖Q)" in ln and "D(Q‖P)" not in ln:
            assert "∞" not in ln, f"D(P‖Q) is finite but shown with ∞: {ln!r}"
    reasons = [ln for ln in _reason_lines(out) if re.search(r"(?<![a-z])p(?![a-z])", ln, re.I)]
    assert reasons, f"no reason given for the ∞:\n{out}"
    named = set().union(*(_named_categories(ln) for ln in reasons))
    assert named, f"the reason does not name the category:\n{out}"
    assert named <= _category_names(1), f"wrong category named ({named}):\n{out}"
