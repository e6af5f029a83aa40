"""Issue 14's command line, checked from outside: the divergence family in every pair's JSON
(`tv`, `hellinger`, `chi2_pq`, `chi2_qp`, unitless), `--alpha A` (`alpha`, `renyi_pq`,
`renyi_qp` in the unit), `--code` (four expected code lengths in bits, discrete pairs only) and
`--fit forward|reverse|alpha:A` (key `fit`: objective, alpha, mu, sigma, value).

References are independent of klviz: mpmath sums and quadrature from the definitions in MATH.md,
exact rational arithmetic for Shannon code lengths and a brute-force search over all prefix codes
(every length vector that satisfies Kraft) for the optimal expected length. The fits are checked
by what they claim: the objective, recomputed with mpmath, at the reported point equals `value`
and is a local minimum there (every small step up in it), reached from Q.
"""

import functools
import math
import re
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from cli_tools import (close, discrete_refs, error_message, exact_probs, in_unit, run_json, run_table,
                       softmax_probs, spawn)
from code_refs import best_prefix_code_length, shannon_length

EXISTING = ["unit", "kind", "p", "q", "entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp",
            "kl_pq", "kl_qp"]
FAMILY = ["tv", "hellinger", "chi2_pq", "chi2_qp"]
RENYI = ["alpha", "renyi_pq", "renyi_qp"]
CODES = ["shannon_length_pq_bits", "shannon_length_pp_bits", "huffman_length_pp_bits",
         "huffman_length_qq_bits"]
UNITS = ["nats", "bits", "hartleys"]


def probs_of(spec):
    if spec.startswith("softmax:"):
        return softmax_probs(spec[8:].split(","))
    if spec.startswith("bernoulli:"):
        t = mpmath.mpf(spec[10:])
        return [1 - t, t]
    return exact_probs([float(s) for s in spec.split(",")])


# --------------------------------------------------------------------------------------------
# Discrete pairs

DISCRETE = [
    ("0.1,0.2,0.7", "0.3,0.3,0.4"),
    ("1,2,3,4", "4,3,2,1"),
    ("0.2,0.2,0.2,0.2,0.2", "0.25,0.25,0.25,0,0.25"),  # Q = 0 at D: chi2 and D_A>=1 infinite
    ("0.5,0.5,0", "0,0.5,0.5"),
    ("1,0", "0,1"),  # disjoint supports
    ("0.5,0.5", "0.5000001,0.4999999"),  # nearly equal
    ("softmax:0,5,-3", "softmax:1,1,1"),
    ("bernoulli:0.01", "bernoulli:0.3"),
    ("3,3,3", "1,1,1"),  # equal, at other scales
]
ALPHAS = ["0.25", "0.5", "1", "2", "7", "inf"]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("p,q", DISCRETE)
def test_family_without_alpha(p, q, unit):
    data = run_json("compute", "--p", p, "--q", q, "--unit", unit)
    assert list(data) == EXISTING + ["js"] + FAMILY
    refs = discrete_refs(probs_of(p), probs_of(q), unit)
    for key in FAMILY:
        assert close(data[key], refs[key], rel=1e-12, abs_tol=1e-300), (key, data[key], refs[key])
    assert 0 <= data["tv"] <= 1 and 0 <= data["hellinger"] <= 1


@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("p,q", DISCRETE)
def test_renyi_discrete(p, q, alpha):
    for unit in UNITS:
        data = run_json("compute", "--p", p, "--q", q, "--unit", unit, "--alpha", alpha)
        assert list(data) == EXISTING + ["js"] + FAMILY + RENYI
        assert data["alpha"] == ("inf" if alpha == "inf" else float(alpha))
        a = math.inf if alpha == "inf" else float(alpha)
        refs = discrete_refs(probs_of(p), probs_of(q), unit, alpha=a)
        for key in ("renyi_pq", "renyi_qp"):
            assert close(data[key], refs[key], rel=1e-12, abs_tol=1e-300), (key, data[key], refs[key])
        if alpha == "1":
            assert data["renyi_pq"] == data["kl_pq"] == "inf" or close(data["renyi_pq"], data["kl_pq"], rel=1e-12)


def test_renyi_grows_with_alpha():
    values = [run_json("compute", "--p", "0.1,0.2,0.7", "--q", "0.3,0.3,0.4", "--alpha", a)["renyi_pq"]
              for a in ALPHAS]
    assert values == sorted(values)


def test_alpha_spellings():
    for text in ("inf", "Inf", "infinity", "∞", " inf "):
        assert run_json("compute", "--p", "1,2", "--q", "2,1", "--alpha", text)["alpha"] == "inf"
    assert run_json("compute", "--p", "1,2", "--q", "2,1", "--alpha", "2e0")["alpha"] == 2.0
    assert run_json("compute", "--p", "1,2", "--q", "2,1", "--alpha=.5")["alpha"] == 0.5


def test_table_shows_the_family_with_units_and_reasons():
    p, q = "0.2,0.2,0.2,0.2,0.2", "0.25,0.25,0.25,0,0.25"
    data = run_json("compute", "--p", p, "--q", q, "--unit", "bits", "--alpha", "2")
    out = run_table("compute", "--p", p, "--q", q, "--unit", "bits", "--alpha", "2")
    rows = {"TV(P,Q)": ("tv", "unitless"), "He(P,Q)": ("hellinger", "unitless"),
            "χ²(P‖Q)": ("chi2_pq", "unitless"), "χ²(Q‖P)": ("chi2_qp", "unitless"),
            "Rényi(P‖Q)": ("renyi_pq", "bits"), "Rényi(Q‖P)": ("renyi_qp", "bits")}
    lines = out.splitlines()
    for name, (key, unit) in rows.items():
        row = next(ln for ln in lines if ln.split()[:1] == [name])
        assert row.split()[-1] == unit, row
        if data[key] == "inf":
            assert "infinite" in row
        else:
            assert close(float(row.split()[1]), data[key], rel=1e-9), row
    assert "α = 2" in out and "unitless" in out
    # each infinity says why, naming the category
    reasons = [ln.strip() for ln in lines if ln.strip().startswith("infinite because")]
    assert reasons == ["infinite because Q(D) = 0 where P(D) > 0"] * 2


def test_table_without_alpha_has_no_renyi_and_no_infinity_sign_for_finite_kl():
    out = run_table("compute", "--p", "normal:0,0.01", "--q", "normal:0.5,1")
    assert "TV(P,Q)" in out and "Rényi" not in out
    assert "∞" not in out  # χ²(Q‖P) is infinite and says so in words; the KLs are finite
    assert "infinite because P's σ = 0.01 is too narrow for Q's σ = 1 (2 · 0.01² ≤ 1²)" in out


# --------------------------------------------------------------------------------------------
# Continuous pairs: mpmath quadrature of the definitions

def _components(spec):
    family, _, rest = spec.partition(":")
    v = [mpmath.mpf(x) for x in rest.split(",")]
    if family == "normal":
        return [(mpmath.mpf(1), v[0], v[1])]
    return [(w, m, s) for w, m, s in ((v[0], v[1], v[2]), (1 - v[0], v[3], v[4])) if w > 0]


def _density(comps):
    return lambda x: mpmath.fsum(w * mpmath.npdf(x, m, s) for w, m, s in comps)


def _breaks(*comps_list, reach=40):
    pts = set()
    for comps in comps_list:
        for _, m, s in comps:
            pts.update(m + k * s for k in (-reach, -10, -4, -1, 0, 1, 4, 10, reach))
    return sorted(pts)


def _quad(f, pts):
    return mpmath.fsum(mpmath.quad(f, [a, b]) for a, b in zip(pts, pts[1:]))


def _widest(comps):
    return max(s for _, _, s in comps)


def _power_breaks(a, ncomps, dcomps):
    """Break points around the Gaussian bumps of num^a den^(1-a), which may lie far from both."""
    pts = []
    for _, mn, sn in ncomps:
        for _, md, sd in dcomps:
            precision = a / sn ** 2 + (1 - a) / sd ** 2
            if precision > 0:
                centre = (a * mn / sn ** 2 + (1 - a) * md / sd ** 2) / precision
                width = 1 / mpmath.sqrt(precision)
                pts += [centre + k * width for k in (-40, -10, -4, -1, 0, 1, 4, 10, 40)]
    return pts


def _float_density(comps, x):
    return sum(float(w) * np.exp(-0.5 * ((x - float(m)) / float(s)) ** 2) / (float(s) * math.sqrt(2 * math.pi))
               for w, m, s in comps)


@functools.lru_cache(maxsize=None)
def _family_refs(p_spec, q_spec):
    """TV, Hellinger and both χ² of a continuous pair (unitless), by mpmath quadrature."""
    with mpmath.workdps(22):
        P, Q = _components(p_spec), _components(q_spec)
        p, q = _density(P), _density(Q)
        pts = _breaks(P, Q)
        # TV from the crossing points (located on a float grid, refined with mpmath): |p - q| is
        # smooth between them
        x = np.linspace(float(pts[0]), float(pts[-1]), 20001)
        d = _float_density(P, x) - _float_density(Q, x)
        cross = [mpmath.findroot(lambda t: p(t) - q(t), (x[k], x[k + 1]), solver="anderson")
                 for k in np.flatnonzero(d[:-1] * d[1:] < 0)]
        out = {"tv": _quad(lambda t: abs(p(t) - q(t)), sorted(set(pts + cross))) / 2}
        bc = _quad(lambda t: mpmath.sqrt(p(t) * q(t)), pts)
        out["hellinger"] = mpmath.sqrt(max(1 - bc, 0))
        for key, nc, dc in (("chi2_pq", P, Q), ("chi2_qp", Q, P)):
            s = _power_integral(2, nc, dc)
            out[key] = s - 1 if s != mpmath.inf else s
        return out


def _power_integral(a, ncomps, dcomps):
    """The integral of num^a den^(1-a); +inf where its Gaussian tails do not decay (MATH.md)."""
    a = mpmath.mpf(a)
    if a > 1 and not a / _widest(ncomps) ** 2 + (1 - a) / _widest(dcomps) ** 2 > 0:
        return mpmath.inf
    num, den = _density(ncomps), _density(dcomps)
    pts = sorted(set(_breaks(ncomps, dcomps) + _power_breaks(a, ncomps, dcomps)))
    return _quad(lambda x: num(x) ** a * den(x) ** (1 - a), pts)


def continuous_refs(p_spec, q_spec, unit, alpha=None):
    out = dict(_family_refs(p_spec, q_spec))
    if alpha is not None:
        with mpmath.workdps(22):
            a = mpmath.mpf(alpha)
            P, Q = _components(p_spec), _components(q_spec)
            for key, nc, dc in (("renyi_pq", P, Q), ("renyi_qp", Q, P)):
                s = _power_integral(a, nc, dc)
                out[key] = in_unit(mpmath.log(s) / (a - 1) if s != mpmath.inf else s, unit)
    return out


CONTINUOUS = [
    ("normal:0,1", "normal:1,2"),
    ("normal:0,2", "normal:0.5,1"),  # chi2(P‖Q) infinite: 2σ_Q² < σ_P²
    ("normal:-3,0.5", "normal:-3,0.5"),
    ("normal:0,1", "normal:0,1.3"),
    ("normal:100,0.1", "normal:100.2,0.12"),
]
MIXTURES = [  # mixtures need the core's quadrature (the gaussian.py port in progress)
    ("mixture:0.5,-2,0.6,2,0.6", "normal:0,1"),
    ("normal:0,1", "mixture:0.5,-1,0.7,2,0.4"),
    ("mixture:0.3,-2,0.5,1,1", "mixture:0.6,0,1.5,3,0.5"),
]


@pytest.mark.parametrize("p,q", CONTINUOUS + MIXTURES)
def test_family_continuous(p, q):
    rel = 1e-12 if p.startswith("normal") and q.startswith("normal") else 1e-6
    for unit, alpha in (("nats", "0.5"), ("bits", "2"), ("hartleys", "3")):
        data = run_json("compute", "--p", p, "--q", q, "--unit", unit, "--alpha", alpha)
        assert list(data) == EXISTING + FAMILY + RENYI
        refs = continuous_refs(p, q, unit, alpha=float(alpha))
        for key in FAMILY + ["renyi_pq", "renyi_qp"]:
            assert close(data[key], refs[key], rel=rel, abs_tol=1e-14), (key, unit, alpha, data[key], refs[key])


def test_renyi_infinite_order_for_normals():
    # log sup p/q, found here by maximising log p - log q with mpmath
    for p, q in (("normal:0,1", "normal:1,2"), ("normal:3,0.5", "normal:0,0.7")):
        data = run_json("compute", "--p", p, "--q", q, "--alpha", "inf")
        (_, mp_, sp), (_, mq, sq) = _components(p)[0], _components(q)[0]
        with mpmath.workdps(22):
            g = lambda x: mpmath.log(mpmath.npdf(x, mp_, sp)) - mpmath.log(mpmath.npdf(x, mq, sq))  # noqa: E731
            x0 = mpmath.findroot(lambda x: mpmath.diff(g, x), mp_)
            assert close(data["renyi_pq"], g(x0), rel=1e-12)
        assert data["renyi_qp"] == "inf"  # Q's tails are heavier: q/p is unbounded


# --------------------------------------------------------------------------------------------
# --code

def _fractions(spec):
    w = [Fraction(float(s)) for s in spec.split(",")]
    total = sum(w)
    return [x / total for x in w]


CODE_CASES = [
    ("0.1,0.2,0.7", "0.3,0.3,0.4"),
    ("1,1,1,1", "1,2,3,4"),
    ("0.5,0.25,0.125,0.125", "0.5,0.25,0.125,0.125"),  # dyadic: every bound is tight
    ("5,1,1,1,1,1", "1,1,1,1,1,5"),
    ("1,0,0", "0.2,0.3,0.5"),  # one possible symbol: 0 bits
    ("0.2,0.2,0.2,0.2,0.2", "0.25,0.25,0.25,0,0.25"),  # Q has no word for D
    ("0.3,0,0.7", "0.6,0.4,0"),
    ("0.37,0.21,0.13,0.11,0.1,0.08", "0.05,0.1,0.15,0.2,0.22,0.28"),
]


@pytest.mark.parametrize("p,q", CODE_CASES)
def test_code_lengths_against_exact_and_brute_force(p, q):
    data = run_json("compute", "--p", p, "--q", q, "--code", "--unit", "hartleys")
    assert list(data) == EXISTING + ["js"] + FAMILY + CODES
    P, Q = _fractions(p), _fractions(q)
    refs = {"shannon_length_pq_bits": shannon_length(P, Q), "shannon_length_pp_bits": shannon_length(P, P),
            "huffman_length_pp_bits": best_prefix_code_length(P),
            "huffman_length_qq_bits": best_prefix_code_length(Q)}
    for key, ref in refs.items():
        assert close(data[key], ref, rel=1e-12), (key, data[key], ref)  # always bits, whatever --unit
    with mpmath.workdps(22):
        h_p = discrete_refs(probs_of(p), probs_of(q), "bits")["entropy_p"]
        assert h_p <= data["huffman_length_pp_bits"] + 1e-12 < h_p + 1 + 1e-12


def test_code_table_shows_lengths_and_bounds():
    data = run_json("compute", "--p", "0.1,0.2,0.7", "--q", "0.3,0.3,0.4", "--code")
    out = run_table("compute", "--p", "0.1,0.2,0.7", "--q", "0.3,0.3,0.4", "--code")
    for name, key in (("Shannon length L(P; Q)", "shannon_length_pq_bits"),
                      ("Shannon length L(P; P)", "shannon_length_pp_bits"),
                      ("Huffman length L(P)", "huffman_length_pp_bits"), ("Huffman length L(Q)", "huffman_length_qq_bits")):
        row = next(ln for ln in out.splitlines() if ln.strip().startswith(name))
        assert close(float(re.findall(r"\d+\.\d+", row)[0]), data[key], rel=1e-9) and "bits" in row
    bound = next(ln for ln in out.splitlines() if "(H(P,Q) ≤ Shannon length L(P; Q) < H(P,Q) + 1)" in ln)
    lo, mid, hi = map(float, re.findall(r"\d+\.\d+", bound)[:3])
    assert lo <= mid < hi and close(mid, data["shannon_length_pq_bits"], rel=1e-9)
    assert close(lo, data["cross_entropy_pq"] / math.log(2), rel=1e-9)  # H(P,Q) in bits


# --------------------------------------------------------------------------------------------
# --fit

def _normal(mu, sigma):
    return [(mpmath.mpf(1), mpmath.mpf(mu), mpmath.mpf(sigma))]


def forward_kl(P, mu, sigma):
    """D(P‖N(mu, sigma²)) in nats by quadrature."""
    p = _density(P)
    return _quad(lambda x: p(x) * (mpmath.log(p(x)) - mpmath.log(mpmath.npdf(x, mu, sigma))) if p(x) > 0 else 0,
                 _breaks(P, _normal(mu, sigma)))


def reverse_kl(P, mu, sigma):
    """D(N(mu, sigma²)‖P) in nats by quadrature."""
    p = _density(P)
    mu, sigma = mpmath.mpf(mu), mpmath.mpf(sigma)
    h = mpmath.log(sigma * mpmath.sqrt(2 * mpmath.pi * mpmath.e))
    return -h - _quad(lambda x: mpmath.npdf(x, mu, sigma) * mpmath.log(p(x)), _breaks(_normal(mu, sigma), reach=14))


def alpha_div(P, mu, sigma, alpha):
    """Amari's D_alpha(P‖N(mu, sigma²)) (MATH.md) in nats by quadrature; inf where it diverges."""
    a = mpmath.mpf(alpha)
    p = _density(P)
    if a > 1 and not a / _widest(P) ** 2 + (1 - a) / mpmath.mpf(sigma) ** 2 > 0:
        return mpmath.inf
    if a < 0 and not a / _widest(P) ** 2 + (1 - a) / mpmath.mpf(sigma) ** 2 > 0:
        return mpmath.inf
    s = _quad(lambda x: p(x) ** a * mpmath.npdf(x, mu, sigma) ** (1 - a), _breaks(P, _normal(mu, sigma)))
    return (1 - s) / (a * (1 - a))


def assert_local_minimum(objective, mu, sigma, value, rel=1e-6):
    """objective(mu, sigma) equals value, and every small step in mu or log sigma raises it."""
    with mpmath.workdps(22):
        f0 = objective(mu, sigma)
        assert close(value, f0, rel=rel, abs_tol=1e-12), (value, f0)
        h = mpmath.mpf("1e-3")
        for dm, dl in ((h, 0), (-h, 0), (0, h), (0, -h)):
            f = objective(mu + dm * sigma, sigma * mpmath.exp(dl))
            assert f > f0 - 1e-12 * abs(f0), (dm, dl, f, f0)


BIMODAL = "mixture:0.5,-3,0.5,3,0.5"


def test_forward_fit_is_moment_matching():
    for p, unit in ((BIMODAL, "nats"), ("mixture:0.3,-2,0.5,1,1", "bits"), ("normal:2,0.7", "hartleys")):
        data = run_json("compute", "--p", p, "--q", "normal:5,3", "--fit", "forward", "--unit", unit)
        fit = data["fit"]
        assert list(data) == EXISTING + FAMILY + ["fit"]
        assert list(fit) == ["objective", "alpha", "mu", "sigma", "value"]
        assert fit["objective"] == "forward" and fit["alpha"] is None
        P = _components(p)
        with mpmath.workdps(22):
            pts = _breaks(P)
            pdf = _density(P)
            mean = _quad(lambda x: x * pdf(x), pts)
            var = _quad(lambda x: (x - mean) ** 2 * pdf(x), pts)
            assert close(fit["mu"], mean, rel=1e-12, abs_tol=1e-14)
            assert close(fit["sigma"], mpmath.sqrt(var), rel=1e-12)
            assert close(fit["value"], in_unit(forward_kl(P, mean, mpmath.sqrt(var)), unit), rel=1e-6, abs_tol=1e-14)


def test_reverse_fit_descends_from_q_into_its_basin():
    P = _components(BIMODAL)
    for start, mode in (("normal:2.2,1", 3.0), ("normal:-1.5,0.8", -3.0)):
        data = run_json("compute", "--p", BIMODAL, "--q", start, "--fit", "reverse")
        fit = data["fit"]
        assert fit["objective"] == "reverse" and fit["alpha"] is None
        assert abs(fit["mu"] - mode) < 0.01 and abs(fit["sigma"] - 0.5) < 0.01  # the mode Q starts near
        assert_local_minimum(lambda m, s: reverse_kl(P, m, s), fit["mu"], fit["sigma"], fit["value"])
    data = run_json("compute", "--p", BIMODAL, "--q", "normal:2.2,1", "--fit", "reverse", "--unit", "bits")
    assert close(data["fit"]["value"], in_unit(reverse_kl(P, data["fit"]["mu"], data["fit"]["sigma"]), "bits"),
                 rel=1e-6)


def test_a_normal_p_is_its_own_fit():
    for fit in ("forward", "reverse", "alpha:0.5", "alpha:2", "alpha:-1"):
        data = run_json("compute", "--p", "normal:1.5,0.8", "--q", "normal:0,2", "--fit", fit)
        assert data["fit"]["mu"] == pytest.approx(1.5, abs=1e-6)
        assert data["fit"]["sigma"] == pytest.approx(0.8, rel=1e-6)
        assert abs(data["fit"]["value"]) < 1e-10


@pytest.mark.parametrize("alpha", ["-1", "0.5", "2"])
def test_alpha_fit_is_a_local_minimum_of_the_alpha_divergence(alpha):
    P = _components(BIMODAL)
    data = run_json("compute", "--p", BIMODAL, "--q", "normal:1,1.5", "--fit", f"alpha:{alpha}", "--unit", "bits")
    fit = data["fit"]
    assert fit["objective"] == "alpha" and fit["alpha"] == float(alpha)
    # value: D_alpha in nats whatever --unit (MATH.md)
    assert_local_minimum(lambda m, s: alpha_div(P, m, s, alpha), fit["mu"], fit["sigma"], fit["value"])


def test_alpha_fit_zero_forcing_below_zero_inclusive_above_one():
    """MATH.md: for α ≤ 0 the fit sits inside one mode, for α ≥ 1 it covers both; σ grows with α."""
    fits = [run_json("compute", "--p", BIMODAL, "--q", "normal:0.5,2", "--fit", f"alpha:{a}")["fit"]
            for a in ("-1", "0", "1", "2")]
    sigmas = [f["sigma"] for f in fits]
    assert sigmas == sorted(sigmas), sigmas
    assert abs(abs(fits[0]["mu"]) - 3) < 0.05 and sigmas[0] < 0.6  # inside one mode
    assert abs(fits[2]["mu"]) < 1e-6 and fits[2]["sigma"] == pytest.approx(math.sqrt(9.25), rel=1e-6)
    assert sigmas[3] > sigmas[2]


def test_fit_table():
    out = run_table("compute", "--p", BIMODAL, "--q", "normal:2.2,1", "--fit", "reverse")
    data = run_json("compute", "--p", BIMODAL, "--q", "normal:2.2,1", "--fit", "reverse")
    assert "starting from Q = N(mu=2.2, sigma=1)" in out and "plain descent from Q" in out
    row = next(ln for ln in out.splitlines() if ln.strip().startswith("value"))
    assert close(float(row.split()[1]), data["fit"]["value"], rel=1e-9) and "D(Q*‖P) in nats" in row


# --------------------------------------------------------------------------------------------
# Refused

ERRORS = [
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "0"], ("--alpha", "> 0")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "-1"], ("--alpha", "> 0")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "nan"], ("--alpha", "nan")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "-inf"], ("--alpha", "> 0")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "two"], ("--alpha", "'two'")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", ""], ("--alpha",)),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "1e999"], ("--alpha", "too large")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "1e-999"], ("--alpha", "0 as a float")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "2", "--alpha", "2"], ("--alpha: given more than once",)),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "alpha:x"], ("--fit", "'x'")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "alpha:"], ("--fit", "number")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "alpha:nan"], ("--fit", "nan")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "alpha:inf"], ("--fit", "finite")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "alpha"], ("--fit",)),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "kl"], ("--fit", "forward")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--fit", "forward", "--fit", "forward"],
     ("--fit: given more than once",)),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--fit", "forward"], ("--fit", "discrete")),
    (["--p", "normal:0,1", "--q", "mixture:0.5,0,1,1,1", "--fit", "reverse"], ("--fit", "normal")),
    (["--p", "normal:0,1", "--q", "normal:1,1", "--code"], ("--code", "discrete")),
    (["--p", "mixture:0.5,0,1,1,1", "--q", "normal:1,1", "--code"], ("--code", "discrete")),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--code", "--code"], ("--code: given more than once",)),
    (["--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "0", "--json"], ("--alpha",)),
]


@pytest.mark.parametrize("args,keywords", ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_bad_values_are_one_error_line(args, keywords):
    message = error_message("compute", *args).lower()
    assert all(k.lower() in message for k in keywords), message


def test_errors_and_results_as_a_separate_process():
    assert "--alpha" in error_message("compute", "--p", "0.5,0.5", "--q", "0.2,0.8", "--alpha", "-1",
                                      runner=spawn)
    assert "--code" in error_message("compute", "--p", "normal:0,1", "--q", "normal:0,2", "--code", runner=spawn)
    rc, out, err = spawn("compute", "--p", "0.1,0.2,0.7", "--q", "0.3,0.3,0.4", "--alpha", "inf", "--code")
    assert rc == 0 and err == "" and "Rényi(P‖Q)" in out and "Huffman length L(P)" in out
