"""Publication-quality figures of klviz's views, drawn with matplotlib from the same model state.

Qt-free and usable from notebooks::

    from klviz.figures import discrete_figure, save_figure
    fig = discrete_figure([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], unit="bits")
    save_figure(fig, "kl.svg")

Animations of a fit or a sweep for slides (GIF, WebP, APNG, MP4)::

    from klviz.figures import save_animation
    save_animation("fit.gif", "mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5", "fit-reverse")

Only the object-oriented API (`matplotlib.figure.Figure`) is used: no pyplot, no global state.
Every number drawn comes from `klviz.core`; nothing here re-derives a measure.
"""

from klviz.figures.animate import AnimationCancelled, animation_frames, make_animation, save_animation
from klviz.figures.continuous import CONTINUOUS_PARTS, continuous_figure
from klviz.figures.data import discrete_csv, measures_json
from klviz.figures.discrete import DISCRETE_PARTS, discrete_figure
from klviz.figures.save import FORMATS, MAX_DPI, figure_bytes, format_for, save_figure, write_atomically

__all__ = [
    "AnimationCancelled",
    "CONTINUOUS_PARTS",
    "DISCRETE_PARTS",
    "FORMATS",
    "MAX_DPI",
    "animation_frames",
    "continuous_figure",
    "discrete_csv",
    "discrete_figure",
    "figure_bytes",
    "format_for",
    "make_animation",
    "measures_json",
    "save_animation",
    "save_figure",
    "write_atomically",
]
