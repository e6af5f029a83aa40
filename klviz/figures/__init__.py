"""Publication-quality figures of klviz's views, drawn with matplotlib from the same model state.

Qt-free and usable from notebooks::

    from klviz.figures import discrete_figure, save_figure
    fig = discrete_figure([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], unit="bits")
    save_figure(fig, "kl.svg")

The Joint view (mutual information as the divergence D(P(X,Y) ‖ P(X)P(Y)))::

    from klviz.figures import joint_figure
    fig = joint_figure([[0.45, 0.05], [0.05, 0.45]], unit="bits")

Animations of a fit or a sweep for slides (GIF, WebP, APNG, MP4)::

    from klviz.figures import save_animation
    save_animation("fit.gif", "mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5", "fit-reverse")

Only the object-oriented API (`matplotlib.figure.Figure`) is used: no pyplot, no global state.
Every number drawn comes from `klviz.core`; nothing here re-derives a measure.
"""

from klviz.figures.animate import AnimationCancelled, animation_frames, make_animation, save_animation
from klviz.figures.coding import CODING_PARTS, coding_figure
from klviz.figures.continuous import CONTINUOUS_PARTS, continuous_figure
from klviz.figures.data import discrete_csv, measures_json
from klviz.figures.discrete import DISCRETE_PARTS, discrete_figure
from klviz.figures.joint import JOINT_PARTS, joint_figure
from klviz.figures.save import FORMATS, MAX_DPI, figure_bytes, format_for, save_figure, write_atomically

__all__ = [
    "AnimationCancelled",
    "CODING_PARTS",
    "CONTINUOUS_PARTS",
    "DISCRETE_PARTS",
    "FORMATS",
    "JOINT_PARTS",
    "MAX_DPI",
    "animation_frames",
    "coding_figure",
    "continuous_figure",
    "discrete_csv",
    "discrete_figure",
    "figure_bytes",
    "format_for",
    "joint_figure",
    "make_animation",
    "measures_json",
    "save_animation",
    "save_figure",
    "write_atomically",
]
