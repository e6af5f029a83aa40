""""The same numbers in your framework": PyTorch, TensorFlow/Keras, JAX and Optax expressions for
D(P‖Q) and H(P,Q) of a discrete pair, with the value each evaluates to, computed by klviz.

Text only: no framework is imported. Each value is what the expression gives on float64 inputs
(natural logs, so nats), following that library's own definition:
- torch.nn.functional.kl_div(input, target, reduction='sum') sums xlogy(target, target) -
  target * input: `input` is log Q (log-probabilities), `target` is P. A category with p = q = 0
  gives 0 * (-inf) = nan; the default reduction='mean' divides by the number of entries.
- tf.keras.losses.KLDivergence()(y_true=P, y_pred=Q) clips both to [1e-7, 1] first, so zeros (and
  anything below 1e-7) change the result and a support mismatch gives a finite number.
  CategoricalCrossentropy rescales y_pred to sum 1 and clips it to [1e-7, 1 - 1e-7].
- jax.scipy.special.rel_entr(P, Q) = p log(p/q), 0 where p = 0, inf where p > 0 = q: klviz's
  convention exactly. optax.kl_divergence(log_predictions, targets) gives nan where p = q = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.discrete import discrete_measures
from klviz.core.spec import Categorical

KERAS_EPSILON = 1e-7  # keras.backend.epsilon()
MAX_INLINE = 32       # longer vectors are not written out in the code


@dataclass(frozen=True)
class FrameworkExpression:
    framework: str   # "PyTorch", "TensorFlow (Keras)", "JAX", "Optax"
    quantity: str    # "D(P‖Q)" or "H(P,Q)"
    code: str        # one expression in the names of that framework's setup lines
    value: float     # nats, as the framework evaluates it in float64 (inf / nan included)
    remark: str      # argument order, log inputs, reduction, and where it differs from klviz


@dataclass(frozen=True)
class FrameworkNote:
    """The setup lines per framework, the expressions, and klviz's own values (nats)."""

    setup: tuple            # ((framework, (code lines...)), ...)
    expressions: tuple      # FrameworkExpression, ...
    kl: float               # klviz's D(P‖Q)
    cross_entropy: float    # klviz's H(P,Q)

    def text(self, digits=6):
        """The note as plain text (one block per framework)."""
        lines = ["The same numbers in your framework (natural logs, so nats; float64 inputs; "
                 "float32 agrees to about 7 digits)",
                 f"klviz: D(P‖Q) = {_number(self.kl, digits)}, H(P,Q) = {_number(self.cross_entropy, digits)}"]
        for framework, setup in self.setup:
            lines.append("")
            lines.append(framework)
            lines += [f"  {s}" for s in setup]
            for e in self.expressions:
                if e.framework == framework:
                    lines.append(f"  {e.code}    # {e.quantity} = {_number(e.value, digits)}")
                    lines.append(f"      {e.remark}")
        return "\n".join(lines)


def _number(v, digits):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:.{digits}g}"


def _literal(values):
    if values.size > MAX_INLINE:
        return None
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def _vector_line(var, values, make, what):
    lit = _literal(values)
    if lit is None:
        return f"{var} = {make.format(var.lower())}  # {var.lower()}: your {values.size:,} {what}"
    return f"{var} = {make.format(lit)}"


def _as_categorical(dist, name):
    if isinstance(dist, Categorical):
        return dist
    return Categorical.from_weights(dist, name)


def _keras_kl(p, q):
    """Σ p log(p/q) over the clipped vectors as they are: Keras does not renormalise them (so
    this is not klviz's kl_divergence, which takes weights and normalises them)."""
    pc = np.clip(p, KERAS_EPSILON, 1.0)
    qc = np.clip(q, KERAS_EPSILON, 1.0)
    return float(math.fsum((pc * np.log(pc / qc)).tolist()))


def _keras_cce(p, q):
    out = np.clip(q / math.fsum(q.tolist()), KERAS_EPSILON, 1.0 - KERAS_EPSILON)
    m = p > 0
    return float(-math.fsum((p[m] * np.log(out[m])).tolist()))


def _differs(value, exact):
    if value == exact or (math.isfinite(exact) and abs(value - exact) <= 1e-9 * abs(exact)):
        return ""
    return " Here the clipping changes the value (klviz: " + _number(exact, 6) + ")."


def _digits_note(kl, h):
    """A remark when P ≈ Q: term-wise differences keep only about 16 - log10(H/D) digits."""
    if not (math.isfinite(kl) and math.isfinite(h)) or kl <= 0 or h <= 0 or h / kl < 1e6:
        return ""
    keep = max(0, int(16 - math.log10(h / kl)))
    digits = "no correct digits" if keep == 0 else f"only about {keep} correct digit{'s' if keep > 1 else ''}"
    return (f" P ≈ Q here: summing p log p − p log q term by term keeps {digits} in float64, so the "
            "framework prints rounding noise near this value (klviz's own value is exact).")


def framework_note(p, q):
    """The FrameworkNote of a discrete pair (two `Categorical`s, or weight vectors of equal length)."""
    P, Q = _as_categorical(p, "P"), _as_categorical(q, "Q")
    if len(P) != len(Q):
        raise ValueError(f"P and Q have different lengths ({len(P)} and {len(Q)})")
    m = discrete_measures(P, Q)
    kl, h = m.kl_pq, m.cross_entropy_pq
    pp, qq = P.probs, Q.probs
    logits = Q.logits
    both_zero = bool(np.any((pp == 0) & (qq == 0)))
    mismatch = bool(np.any((pp > 0) & (qq == 0)))
    naive_kl = math.nan if both_zero else (math.inf if mismatch else kl)
    cancel = _digits_note(kl, h)
    nan_remark = " A category with p = q = 0 gives 0 · (−inf) = nan: drop such categories first." if both_zero else ""
    exprs, setup = [], []

    # PyTorch
    t_setup = ["import torch, torch.nn.functional as F",
               _vector_line("P", pp, "torch.tensor({}, dtype=torch.float64)", "probabilities")]
    if logits is None:
        t_setup.append(_vector_line("Q", qq, "torch.tensor({}, dtype=torch.float64)", "probabilities"))
        exprs.append(FrameworkExpression(
            "PyTorch", "D(P‖Q)", "F.kl_div(input=Q.log(), target=P, reduction='sum')", naive_kl,
            "input is log Q (log-probabilities), target is P (probabilities); reduction='sum' (the "
            "default 'mean' divides by the number of entries)." + nan_remark + cancel))
        exprs.append(FrameworkExpression(
            "PyTorch", "H(P,Q)", "-torch.special.xlogy(P, Q).sum()", h,
            "xlogy(0, q) = 0, so categories without P mass add nothing; inf where p > 0 = q."))
    else:
        t_setup.append(_vector_line("ZQ", logits, "torch.tensor({}, dtype=torch.float64)", "logits of Q"))
        exprs.append(FrameworkExpression(
            "PyTorch", "D(P‖Q)", "F.kl_div(input=F.log_softmax(ZQ, dim=-1), target=P, reduction='sum')", kl,
            "input is log Q from the logits (log_softmax stays exact where softmax underflows), "
            "target is P; reduction='sum'." + cancel))
        exprs.append(FrameworkExpression(
            "PyTorch", "H(P,Q)", "F.cross_entropy(input=ZQ.unsqueeze(0), target=P.unsqueeze(0))", h,
            "input is the logits of Q (it applies log_softmax), target the probabilities P (PyTorch ≥ "
            "1.10); a batch of one, so the default reduction='mean' is the value itself."))
    setup.append(("PyTorch", tuple(t_setup)))

    # TensorFlow / Keras
    k_setup = ["import tensorflow as tf",
               _vector_line("P", pp, "tf.constant([{}], dtype=tf.float64)", "probabilities")]
    if logits is None:
        k_setup.append(_vector_line("Q", qq, "tf.constant([{}], dtype=tf.float64)", "probabilities"))
    else:
        k_setup.append(_vector_line("ZQ", logits, "tf.constant([{}], dtype=tf.float64)", "logits of Q"))
        k_setup.append("Q = tf.nn.softmax(ZQ)")
    keras_kl = _keras_kl(pp, qq)
    exprs.append(FrameworkExpression(
        "TensorFlow (Keras)", "D(P‖Q)", "tf.keras.losses.KLDivergence()(y_true=P, y_pred=Q)", keras_kl,
        "y_true is P, y_pred is Q (probabilities, a batch of one row); both are clipped to [1e-7, 1] "
        "first, so zeros give a finite number." + _differs(keras_kl, kl)))
    if logits is None:
        keras_h = _keras_cce(pp, qq)
        exprs.append(FrameworkExpression(
            "TensorFlow (Keras)", "H(P,Q)", "tf.keras.losses.CategoricalCrossentropy()(y_true=P, y_pred=Q)",
            keras_h, "y_pred is rescaled to sum 1 and clipped to [1e-7, 1 − 1e-7] (finite where klviz "
            "says ∞)." + _differs(keras_h, h)))
    else:
        exprs.append(FrameworkExpression(
            "TensorFlow (Keras)", "H(P,Q)",
            "tf.keras.losses.CategoricalCrossentropy(from_logits=True)(y_true=P, y_pred=ZQ)", h,
            "from_logits=True: y_pred is the logits of Q (no clipping; exact)."))
    setup.append(("TensorFlow (Keras)", tuple(k_setup)))

    # JAX
    j_setup = ["import jax; jax.config.update('jax_enable_x64', True)",
               "import jax.numpy as jnp; from jax.scipy.special import rel_entr, xlogy",
               _vector_line("P", pp, "jnp.array({})", "probabilities")]
    if logits is None:
        j_setup.append(_vector_line("Q", qq, "jnp.array({})", "probabilities"))
        exprs.append(FrameworkExpression(
            "JAX", "D(P‖Q)", "jnp.sum(rel_entr(P, Q))", kl,
            "rel_entr(p, q) = p log(p/q); 0 where p = 0; inf where p > 0 = q: klviz's convention." + cancel))
        exprs.append(FrameworkExpression(
            "JAX", "H(P,Q)", "-jnp.sum(xlogy(P, Q))", h, "xlogy(0, q) = 0; inf where p > 0 = q."))
    else:
        j_setup.append(_vector_line("ZQ", logits, "jnp.array({})", "logits of Q"))
        exprs.append(FrameworkExpression(
            "JAX", "D(P‖Q)", "jnp.sum(xlogy(P, P) - P * jax.nn.log_softmax(ZQ))", kl,
            "log Q from the logits with log_softmax (exact where softmax underflows)." + cancel))
        exprs.append(FrameworkExpression(
            "JAX", "H(P,Q)", "-jnp.sum(P * jax.nn.log_softmax(ZQ))", h, "log_softmax of Q's logits."))
    setup.append(("JAX", tuple(j_setup)))

    # Optax
    o_setup = ["import optax  # with P" + (", ZQ" if logits is not None else ", Q") + " as for JAX"]
    if logits is None:
        exprs.append(FrameworkExpression(
            "Optax", "D(P‖Q)", "optax.kl_divergence(log_predictions=jnp.log(Q), targets=P)", naive_kl,
            "log_predictions is log Q, targets is P (probabilities); sums over the last axis."
            + nan_remark + cancel))
    else:
        exprs.append(FrameworkExpression(
            "Optax", "D(P‖Q)", "optax.kl_divergence(log_predictions=jax.nn.log_softmax(ZQ), targets=P)", kl,
            "log_predictions is log Q from the logits, targets is P." + cancel))
        exprs.append(FrameworkExpression(
            "Optax", "H(P,Q)", "optax.softmax_cross_entropy(logits=ZQ, labels=P)", h,
            "logits are Q's, labels the probabilities P."))
    setup.append(("Optax", tuple(o_setup)))
    return FrameworkNote(tuple(setup), tuple(exprs), kl, h)
