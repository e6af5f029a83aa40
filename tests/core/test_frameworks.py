"""The "same numbers in your framework" note: each value against an independent emulation of
that library's documented formula (numpy/scipy in float64), and the argument order in the code."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import log_softmax, rel_entr, xlogy

from klviz.core.frameworks import framework_note
from klviz.core.spec import parse_spec


def values(note):
    return {(e.framework, e.quantity): e for e in note.expressions}


def torch_kl_div(log_q, p):
    """torch: sum(xlogy(target, target) - target * input)."""
    with np.errstate(invalid="ignore"):
        return float(np.sum(xlogy(p, p) - p * log_q))


def keras_kl(p, q):
    p, q = np.clip(p, 1e-7, 1), np.clip(q, 1e-7, 1)
    return float(np.sum(p * np.log(p / q)))


def keras_cce(p, q):
    q = np.clip(q / q.sum(), 1e-7, 1 - 1e-7)
    return float(-np.sum(p * np.log(q)))


def optax_kl(log_q, p):
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.sum(p * (np.where(p == 0, 0, np.log(np.where(p == 0, 1, p))) - log_q)))


def close(a, b):
    if math.isnan(b):
        return math.isnan(a)
    return a == pytest.approx(b, rel=1e-12, abs=1e-300)


@pytest.mark.parametrize("p,q", [
    ("0.1,0.2,0.7", "0.3,0.3,0.4"),
    ("0.5,0.5,0", "0.25,0.75,0"),          # p = q = 0: torch and optax give nan
    ("0.5,0.5", "1,0"),                    # support mismatch: inf, Keras finite
    ("1e-9,1", "0.5,0.5"),                 # below Keras' epsilon
    ("1,0", "1,0"),
])
def test_probability_expressions_give_what_each_library_computes(p, q):
    P, Q = parse_spec(p), parse_spec(q)
    pp, qq = P.probs, Q.probs
    with np.errstate(divide="ignore"):
        log_q = np.log(qq)
    v = values(framework_note(P, Q))
    assert close(v["PyTorch", "D(P‖Q)"].value, torch_kl_div(log_q, pp))
    assert close(v["PyTorch", "H(P,Q)"].value, float(-np.sum(xlogy(pp, qq))))
    assert close(v["TensorFlow (Keras)", "D(P‖Q)"].value, keras_kl(pp, qq))
    assert close(v["TensorFlow (Keras)", "H(P,Q)"].value, keras_cce(pp, qq))
    assert close(v["JAX", "D(P‖Q)"].value, float(np.sum(rel_entr(pp, qq))))
    assert close(v["JAX", "H(P,Q)"].value, float(-np.sum(xlogy(pp, qq))))
    assert close(v["Optax", "D(P‖Q)"].value, optax_kl(log_q, pp))


def test_logit_expressions_stay_exact_for_huge_gaps():
    P, Q = parse_spec("1,1,2"), parse_spec("softmax:0,1,1000")
    v = values(framework_note(P, Q))
    pp, ls = P.probs, log_softmax(np.array([0.0, 1.0, 1000.0]))
    kl = float(np.sum(xlogy(pp, pp) - pp * ls))
    h = float(-np.sum(pp * ls))
    assert math.isfinite(kl) and kl > 400
    for key in [("PyTorch", "D(P‖Q)"), ("JAX", "D(P‖Q)"), ("Optax", "D(P‖Q)")]:
        assert v[key].value == pytest.approx(kl, rel=1e-12)
    for key in [("PyTorch", "H(P,Q)"), ("TensorFlow (Keras)", "H(P,Q)"), ("JAX", "H(P,Q)"), ("Optax", "H(P,Q)")]:
        assert v[key].value == pytest.approx(h, rel=1e-12)
    assert "log_softmax(ZQ" in v["PyTorch", "D(P‖Q)"].code
    assert "from_logits=True" in v["TensorFlow (Keras)", "H(P,Q)"].code
    # Keras' KLDivergence has no from_logits: it clips softmax(Q), whose tiny entries become 1e-7
    assert v["TensorFlow (Keras)", "D(P‖Q)"].value == pytest.approx(
        keras_kl(pp, np.exp(ls)), rel=1e-12)
    assert v["TensorFlow (Keras)", "D(P‖Q)"].value < kl


def test_argument_order_is_spelled_out():
    note = framework_note(parse_spec("0.2,0.8"), parse_spec("0.5,0.5"))
    v = values(note)
    assert v["PyTorch", "D(P‖Q)"].code == "F.kl_div(input=Q.log(), target=P, reduction='sum')"
    assert "input is log Q" in v["PyTorch", "D(P‖Q)"].remark and "'mean'" in v["PyTorch", "D(P‖Q)"].remark
    assert v["TensorFlow (Keras)", "D(P‖Q)"].code == "tf.keras.losses.KLDivergence()(y_true=P, y_pred=Q)"
    assert "clipped to [1e-7, 1]" in v["TensorFlow (Keras)", "D(P‖Q)"].remark
    assert v["JAX", "D(P‖Q)"].code == "jnp.sum(rel_entr(P, Q))"
    assert v["Optax", "D(P‖Q)"].code == "optax.kl_divergence(log_predictions=jnp.log(Q), targets=P)"
    text = note.text()
    assert "P = torch.tensor([0.2, 0.8], dtype=torch.float64)" in text
    assert "P = tf.constant([[0.2, 0.8]], dtype=tf.float64)" in text
    assert "jax_enable_x64" in text
    klviz_line = text.splitlines()[1]
    assert klviz_line.startswith("klviz: D(P‖Q) = 0.192745")


def test_nan_inf_and_clipping_are_said():
    v = values(framework_note(parse_spec("0.5,0.5,0"), parse_spec("1,0,0")))
    assert math.isnan(v["PyTorch", "D(P‖Q)"].value) and "nan" in v["PyTorch", "D(P‖Q)"].remark
    assert math.isnan(v["Optax", "D(P‖Q)"].value)
    assert v["JAX", "D(P‖Q)"].value == math.inf
    keras = v["TensorFlow (Keras)", "D(P‖Q)"]
    assert math.isfinite(keras.value) and "clipping changes the value (klviz: inf)" in keras.remark
    text = framework_note(parse_spec("0.5,0.5,0"), parse_spec("1,0,0")).text()
    assert "= nan" in text and "= inf" in text


def test_near_equal_pairs_warn_about_cancellation():
    v = values(framework_note(parse_spec("0.5,0.5"), parse_spec("0.5,0.5001")))
    assert "P ≈ Q" in v["PyTorch", "D(P‖Q)"].remark
    assert "P ≈ Q" not in values(framework_note(parse_spec("0.2,0.8"), parse_spec("0.5,0.5")))[
        "PyTorch", "D(P‖Q)"].remark


def test_long_vectors_are_not_written_out():
    text = framework_note(np.ones(100), np.arange(1.0, 101.0)).text()
    assert "P = torch.tensor(p, dtype=torch.float64)  # p: your 100 probabilities" in text
    assert text.count("\n") < 60
    with pytest.raises(ValueError, match="different lengths"):
        framework_note([1, 1], [1, 1, 1])
    with pytest.raises(ValueError, match="negative"):
        framework_note([1, -1], [1, 1])
