"""Shared by the command-line tests: running `klviz` in-process (warnings are errors) or as a
subprocess, the rules every run obeys (strict JSON, exactly one `klviz: error:` line), and
independent references computed here with mpmath, never with klviz's own functions."""

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

import mpmath

from klviz.cli import main

REPO = Path(__file__).resolve().parents[1]
mp = mpmath.mp


def run(*args):
    """(exit status, stdout, stderr) of `klviz ARGS`, in this process, with warnings as errors."""
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main([str(a) for a in args])
    return rc, out.getvalue(), err.getvalue()


def spawn(*args, timeout=120):
    """(exit status, stdout, stderr) of `python -m klviz ARGS` as a separate process."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run([sys.executable, "-W", "error", "-m", "klviz", *map(str, args)],
                          capture_output=True, cwd=REPO, env=env, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def _no_constant(name):
    raise AssertionError(f"non-standard JSON constant {name!r} in the output")


def parse_json(out):
    data = json.loads(out, parse_constant=_no_constant)
    assert isinstance(data, dict)
    return data


def stray_stderr(err):
    """stderr lines other than `klviz: note:` lines (a successful run has none)."""
    return [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("klviz: note:")]


def run_json(*args):
    """The JSON object of a successful `klviz ARGS --json` (checked: exit 0, nothing odd on stderr)."""
    rc, out, err = run(*args, "--json")
    assert rc == 0, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert stray_stderr(err) == [], err
    return parse_json(out)


def run_table(*args):
    rc, out, err = run(*args)
    assert rc == 0, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert stray_stderr(err) == [], err
    assert "undefined" not in out, out
    return out


def error_message(*args, runner=run):
    """The message of a refused command line: exit 2, nothing on stdout, one `klviz: error:` line."""
    rc, out, err = runner(*args)
    assert rc == 2, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
    assert out == "", out
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("klviz: error: "), err
    return lines[0][len("klviz: error: "):]


def write(folder, name, text):
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# Comparing numbers


def close(value, ref, rel=1e-12, abs_tol=0.0):
    """value (a JSON number or "inf") against an mpmath/float reference (mpmath inf allowed)."""
    if ref == mpmath.inf or (isinstance(ref, float) and math.isinf(ref)):
        return value == "inf"
    if value == "inf" or not isinstance(value, (int, float)):
        return False
    return abs(value - float(ref)) <= rel * abs(float(ref)) + abs_tol


def in_unit(value_nats, unit):
    if value_nats == mpmath.inf:
        return value_nats
    return value_nats / {"nats": 1, "bits": mpmath.log(2), "hartleys": mpmath.log(10)}[unit]


# --------------------------------------------------------------------------------------------
# Discrete references (mpmath, 50 digits, on the exactly normalised weights)


def exact_probs(weights):
    with mpmath.workdps(60):
        w = [mpmath.mpf(x) for x in weights]
        total = mpmath.fsum(w)
        return [x / total for x in w]


def softmax_probs(logits):
    with mpmath.workdps(60):
        z = [mpmath.mpf(x) for x in logits]
        m = max(z)
        e = [mpmath.exp(x - m) for x in z]
        total = mpmath.fsum(e)
        return [x / total for x in e]


def _h(p):
    return -mpmath.fsum(x * mpmath.log(x) for x in p if x > 0)


def _ce(p, q):
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return -mpmath.fsum(a * mpmath.log(b) for a, b in zip(p, q) if a > 0)


def _kl(p, q):
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(p, q) if a > 0)


def _chi2(p, q):
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return mpmath.fsum((a - b) ** 2 / b for a, b in zip(p, q) if b > 0)


def _renyi(p, q, alpha):
    if alpha == math.inf:
        if any(a > 0 and b == 0 for a, b in zip(p, q)):
            return mpmath.inf
        return mpmath.log(max(a / b for a, b in zip(p, q) if a > 0))
    if alpha == 1:
        return _kl(p, q)
    alpha = mpmath.mpf(alpha)
    if alpha > 1 and any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    s = mpmath.fsum(a ** alpha * b ** (1 - alpha) for a, b in zip(p, q) if a > 0 and b > 0)
    if s == 0:
        return mpmath.inf
    return mpmath.log(s) / (alpha - 1)


def discrete_refs(p, q, unit="nats", alpha=None):
    """Every `klviz compute --json` number of a discrete pair of exact probabilities p, q."""
    with mpmath.workdps(50):
        m = [(a + b) / 2 for a, b in zip(p, q)]
        out = {
            "entropy_p": _h(p), "entropy_q": _h(q), "cross_entropy_pq": _ce(p, q),
            "cross_entropy_qp": _ce(q, p), "kl_pq": _kl(p, q), "kl_qp": _kl(q, p),
            "js": (_kl(p, m) + _kl(q, m)) / 2,
        }
        out = {k: in_unit(v, unit) for k, v in out.items()}
        out["tv"] = mpmath.fsum(abs(a - b) for a, b in zip(p, q)) / 2
        out["hellinger"] = mpmath.sqrt(mpmath.fsum((mpmath.sqrt(a) - mpmath.sqrt(b)) ** 2
                                                   for a, b in zip(p, q)) / 2)
        out["chi2_pq"], out["chi2_qp"] = _chi2(p, q), _chi2(q, p)
        if alpha is not None:
            out["renyi_pq"] = in_unit(_renyi(p, q, alpha), unit)
            out["renyi_qp"] = in_unit(_renyi(q, p, alpha), unit)
        return out
