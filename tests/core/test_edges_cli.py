"""`klviz compute` at the edges of valid input: only numbers a user can trust reach the output.

`--json` prints finite numbers or "inf" (never NaN, which is not JSON), the table never says
"undefined", nothing warns on stderr; bad input is one `klviz: error:` line with exit status 2.
Specs are drawn by hypothesis across the whole float range and run in-process (warnings are
errors there); a few are also run as subprocesses under `python -W error`.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import subprocess
import sys
import warnings
from pathlib import Path

import exact_refs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klviz.cli import main

REPO = Path(__file__).resolve().parents[2]
MEASURES = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")
SETTINGS = settings(max_examples=int(os.environ.get("KLVIZ_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(list(args))
    return rc, out.getvalue(), err.getvalue()


def _no_constant(name):
    raise AssertionError(f"non-standard JSON constant {name!r}")


def check_run(p, q, unit="nats"):
    """Both outputs of one pair: JSON of numbers or "inf", a table without "undefined"."""
    rc, out, err = run("compute", "--p", p, "--q", q, "--unit", unit, "--json")
    notes = [line for line in err.splitlines() if not line.startswith("klviz: note:")]
    if rc == 2:
        assert out == "" and len(notes) == 1 and notes[0].startswith("klviz: error: "), err
        return None
    assert rc == 0 and notes == [], err
    data = json.loads(out, parse_constant=_no_constant)
    for key in (*MEASURES, "js") if data["kind"] == "discrete" else MEASURES:
        v = data[key]
        assert v == "inf" or (isinstance(v, float) and math.isfinite(v)), (key, v)
    rc, table, err = run("compute", "--p", p, "--q", q, "--unit", unit)
    assert rc == 0 and "undefined" not in table and "nan" not in table.lower(), table
    assert [line for line in err.splitlines() if not line.startswith("klviz: note:")] == []
    return data, table


def num(x):
    return repr(float(x))


finite = st.floats(allow_nan=False, allow_infinity=False)
weights = st.lists(st.one_of(st.floats(0, 1e300), st.just(0.0), st.sampled_from([1e-300, 1e300, 5e-324])),
                   min_size=1, max_size=5)
logits = st.lists(st.one_of(finite, st.sampled_from([1e308, -1e308, 0.0])), min_size=1, max_size=5)
sigma = st.one_of(st.floats(1e-300, 1e300), st.sampled_from([1e-300, 1e300]))
mu = st.one_of(st.floats(-1e300, 1e300), st.sampled_from([0.0, 1e15, 1e150, -1e300]))


@st.composite
def discrete_specs(draw, n):
    kind = draw(st.sampled_from(["weights", "softmax", "bernoulli"] if n == 2 else ["weights", "softmax"]))
    if kind == "weights":
        w = draw(st.lists(st.one_of(st.floats(0, 1e300), st.just(0.0), st.sampled_from([1e-300, 1e300])),
                          min_size=n, max_size=n))
        return ",".join(map(num, w))
    if kind == "softmax":
        return "softmax:" + ",".join(map(num, draw(st.lists(st.one_of(finite, st.sampled_from([1e308, -1e308])),
                                                              min_size=n, max_size=n))))
    return "bernoulli:" + num(draw(st.one_of(st.floats(0, 1), st.sampled_from([0.0, 1.0, 1e-20, 1 - 2**-53]))))


@st.composite
def continuous_specs(draw):
    if draw(st.booleans()):
        return f"normal:{num(draw(mu))},{num(draw(sigma))}"
    c = draw(mu)
    comps = []
    for _ in range(2):
        m = draw(st.one_of(mu, st.floats(-5, 5).map(lambda d, c=c: c + d)))
        comps.append(f"{num(max(min(m, 1e300), -1e300))},{num(draw(sigma))}")
    return f"mixture:{num(draw(st.floats(0, 1)))},{comps[0]},{comps[1]}"


@SETTINGS
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(discrete_specs(n), discrete_specs(n))),
       st.sampled_from(["nats", "bits", "hartleys"]))
def test_discrete_specs_give_trusted_output(pq, unit):
    check_run(*pq, unit=unit)


@SETTINGS
@given(continuous_specs(), continuous_specs())
def test_continuous_specs_give_trusted_output(p, q):
    check_run(p, q)


def test_the_issue_examples():
    data, table = check_run("0.5,0.5", "0.5000001,0.4999999")
    ref = exact_refs.kl([0.5, 0.5], [0.5000001, 0.4999999])
    assert exact_refs.rel_err(data["kl_pq"], ref) <= 1e-12
    data, table = check_run("0.5,0.5", "0.500000000001,0.499999999999")
    assert "agree within their accuracy" in table and "≠" not in table
    _, table = check_run("0.1,0.9", "0.5,0.5")
    assert "D(P‖Q) ≠ D(Q‖P) here" in table
    # both infinite: equal, but not "within their accuracy" (each has mass where the other has none)
    data, table = check_run("0.2,0.2,0.2,0.2,0.1,0.1,0", "0,0,0,0,0,0.5,0.5")
    assert math.isinf(float(data["kl_pq"])) and math.isinf(float(data["kl_qp"]))
    assert "both D(P‖Q) and D(Q‖P) are infinite" in table and "agree within" not in table
    data, _ = check_run("bernoulli:1e-20", "0.5,0.5")
    assert f"{data['entropy_p']:.6g}" == "4.70517e-19"
    data, table = check_run("0.5,0.5", "softmax:1e308,-1e308")
    assert data["cross_entropy_pq"] == pytest.approx(1e308, rel=1e-15)
    assert "because" not in table  # nothing claims Q(B) = 0
    for p, q in (("normal:0,1e-300", "normal:0,1e-300"), ("normal:0,1e155", "normal:0,1.0000001e155")):
        data, _ = check_run(p, q)
        assert all(isinstance(data[k], float) for k in MEASURES)


def test_overflow_is_named_not_blamed_on_a_zero():
    data, table = check_run("0,1", "softmax:1.7e308,-1.7e308")
    assert data["kl_pq"] == "inf"
    assert "exceeds the float range" in table
    assert "because P(A) = 0 where Q(A) > 0" in table  # the other direction is a true infinity
    data, table = check_run("normal:0,1e300", "normal:0,1e-300")
    assert data["kl_pq"] == "inf" and "exceeds the float range" in table


@pytest.mark.parametrize("p,q", [
    ("softmax:1e308,-1e308", "0.5,0.5"),
    ("mixture:0.5,1e150,1,1e150,2", "normal:1e150,1"),
    ("mixture:0.5,0,1e-300,1e300,1e300", "normal:0,1"),
    ("1e-17,1", "bernoulli:1e-20"),
    ("normal:1e300,1e300", "normal:-1e300,1e-300"),
])
def test_no_warning_under_python_w_error(p, q):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONWARNINGS", None)
    for extra in (["--json"], []):
        proc = subprocess.run([sys.executable, "-W", "error", "-m", "klviz", "compute", "--p", p, "--q", q, *extra],
                              capture_output=True, cwd=REPO, env=env, timeout=120)
        err = proc.stderr.decode("utf-8")
        assert proc.returncode == 0, err
        assert [line for line in err.splitlines() if not line.startswith("klviz: note:")] == [], err
