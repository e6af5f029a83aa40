"""The decomposition chart's scene (klviz.scene.discrete.decomposition), without a QApplication:
widths are the entropies and KLs (scipy as the reference), the scale holds every finite bar with
room to spare and has hysteresis, an infinite KL runs past the scale's end with its mark."""

import numpy as np
import pytest
from scipy.special import rel_entr
from scipy.stats import entropy

from klviz.scene import discrete as sdisc
from klviz.state.discrete import DiscreteState


def state(p, q):
    return DiscreteState(tuple("ABCD"[: len(p)]), np.array(p, float), np.array(q, float))


def test_the_widths_are_the_entropies_and_the_divergences():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]
    sc = sdisc.decomposition(sdisc.measures(state(p, q), "bits"), "bits")
    assert sc.entropy_widths == pytest.approx([entropy(p, base=2), entropy(q, base=2)], rel=1e-12)
    assert sc.divergence_widths == pytest.approx([rel_entr(p, q).sum() / np.log(2),
                                                  rel_entr(q, p).sum() / np.log(2)], rel=1e-12)
    cross = [h + d for h, d in zip(sc.entropy_widths, sc.divergence_widths)]
    assert sc.top >= 1.3 * max(cross) * (1 - 1e-12) and sc.marks == []
    assert sc.lines[0].startswith("<b>H(P,Q)</b> = H(P) + D(P‖Q) = ") and sc.lines[0].endswith(" bits")


def test_the_scale_keeps_still_for_small_changes_and_moves_for_large_ones():
    m = sdisc.measures(state([0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]), "nats")
    top = sdisc.decomposition(m, "nats").top
    nudged = sdisc.measures(state([0.11, 0.2, 0.29, 0.4], [0.4, 0.3, 0.2, 0.1]), "nats")
    assert sdisc.decomposition(nudged, "nats", top).top == top
    far = sdisc.measures(state([0.97, 0.01, 0.01, 0.01], [0.01, 0.01, 0.01, 0.97]), "nats")
    assert sdisc.decomposition(far, "nats", top).top > top


def test_an_infinite_divergence_runs_past_the_scale_with_its_mark():
    sc = sdisc.decomposition(sdisc.measures(state([0.5, 0.5], [1.0, 0.0]), "nats"), "nats")
    assert np.isfinite(sc.top) and sc.divergence_widths[0] + sc.entropy_widths[0] > sc.top
    assert sc.marks == [(sc.top, 0, "∞ →")]
    assert "= ∞ =" in sc.lines[0] and "∞" not in sc.lines[1]
