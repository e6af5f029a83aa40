"""The continuous figure's α-fit part (issue 14): fitted μ and σ against α, checked analytically."""

import math

import numpy as np
import pytest

from klviz.figures import continuous_figure, figure_bytes


def alpha_axes(fig):
    (ax,) = [a for a in fig.axes if a.get_xlabel().startswith("α")]
    return ax


def curves(fig):
    mu, sigma = alpha_axes(fig).get_lines()[:2]
    return np.asarray(mu.get_xdata()), np.asarray(mu.get_ydata()), np.asarray(sigma.get_ydata())


def test_a_normal_p_is_its_own_fit_at_every_alpha():
    fig = continuous_figure("normal:1.5,0.7", "normal:0,1", parts=("densities", "alpha_fit"))
    alphas, mus, sigmas = curves(fig)
    assert alphas[0] == -2 and alphas[-1] == 3
    assert np.allclose(mus, 1.5, atol=1e-6) and np.allclose(sigmas, 0.7, rtol=1e-6)


def test_bimodal_p_forward_end_is_moment_matching_and_sigma_grows_with_alpha():
    fig = continuous_figure("mixture:0.5,-2,0.6,2,0.6", "normal:0,1", parts=("alpha_fit", "densities"), alpha=1.0)
    alphas, mus, sigmas = curves(fig)
    k = int(np.argmin(abs(alphas - 1.0)))
    assert alphas[k] == pytest.approx(1.0)
    # moments of the mixture by hand: mean 0, variance 0.6^2 + 2^2
    assert mus[k] == pytest.approx(0.0, abs=1e-6)
    assert sigmas[k] == pytest.approx(math.sqrt(0.36 + 4.0), rel=1e-6)
    assert sigmas[0] == pytest.approx(0.6, rel=0.05)  # mode-seeking: inside one mode
    assert np.all(np.diff(sigmas) >= -1e-9)
    # the α-fit is drawn last whatever the order asked, with the landmarks named
    (densities,) = [a for a in fig.axes if a.get_title(loc="left") == "Densities"]
    assert alpha_axes(fig).get_position().y1 < densities.get_position().y0
    assert "forward KL" in alpha_axes(fig).get_xlabel() and "Hellinger" in alpha_axes(fig).get_xlabel()


def test_not_drawn_unless_asked_and_exports():
    assert not [a for a in continuous_figure("normal:0,1", "normal:1,2").axes if a.get_xlabel().startswith("α")]
    svg = figure_bytes(continuous_figure("normal:0,1", "normal:1,2", parts=("alpha_fit",), alpha=0.5), "svg")
    assert b"<svg" in svg[:400]


@pytest.mark.parametrize("alpha", [math.nan, math.inf, "0.5", True])
def test_bad_alpha_is_refused(alpha):
    with pytest.raises(ValueError, match="alpha"):
        continuous_figure("normal:0,1", "normal:1,2", parts=("alpha_fit",), alpha=alpha)
