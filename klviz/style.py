"""Colours and names shared by the app and the exported figures (no Qt here).

P and Q keep one colour-blind-safe pair everywhere (Okabe-Ito blue and orange), readable on a
projector in light and dark themes.
"""

P_COLOR = "#0072B2"  # Okabe-Ito blue
Q_COLOR = "#E69F00"  # Okabe-Ito orange
P_DARK = "#56B4E9"   # sky blue: P on a dark background
Q_DARK = "#F0B840"
KL_COLOR = "#CC79A7"  # reddish purple: divergences
ENTROPY_COLOR = "#009E73"  # bluish green: entropies
NEGATIVE_COLOR = "#D55E00"  # vermillion: negative pointwise terms
TEXT_COLOR = "#222222"
GRID_COLOR = "#BBBBBB"

MEASURE_NAMES = {
    "entropy_p": "H(P)",
    "entropy_q": "H(Q)",
    "cross_entropy_pq": "H(P,Q)",
    "cross_entropy_qp": "H(Q,P)",
    "kl_pq": "D(P‖Q)",
    "kl_qp": "D(Q‖P)",
    "js": "JS(P,Q)",
}

# The two divergences of the decomposition, told apart by shade and pattern: D(P‖Q) the deep
# shade of KL_COLOR, solid; D(Q‖P) a lighter one under diagonal hatching. Each is at least 3:1
# (WCAG 2 non-text contrast) against its theme's window and plot backgrounds.
DIVERGENCE_FILLS = {  # dark theme? -> {key: (fill, hatch or None)}
    False: {"kl_pq": ("#7A2E5C", None), "kl_qp": ("#B8508C", "#7A2E5C")},
    True: {"kl_pq": ("#DB8EB9", None), "kl_qp": ("#F0C0DA", "#CC79A7")},
}

# -- text that must be read -------------------------------------------------------------------------
# The colours above are for marks (bars, curves, areas). As *text* several of them are too pale on
# a light window (orange on white is 2.0:1) or too dark on a dark one. Text takes these shades,
# each at least 4.5:1 (WCAG 2 AA) against every background its theme paints: window, base,
# alternate base, buttons and tooltips (tests/gui/test_contrast.py computes the ratios from the
# palettes the app installs).
ERROR_COLOR = "#B00020"
MUTED_COLOR = "#666666"

_TEXT_SHADES = {
    False: {  # light theme
        P_COLOR: "#00679F", Q_COLOR: "#875C00", P_DARK: "#00679F", Q_DARK: "#875C00",
        KL_COLOR: "#A33D76", ENTROPY_COLOR: "#007253", NEGATIVE_COLOR: "#A84900",
        ERROR_COLOR: "#B00020", "#B03A2E": "#B00020", MUTED_COLOR: "#5C5C5C",
    },
    True: {  # dark theme
        P_COLOR: "#56B4E9", Q_COLOR: "#F0B840", P_DARK: "#56B4E9", Q_DARK: "#F0B840",
        KL_COLOR: "#DB8EB9", ENTROPY_COLOR: "#00B886", NEGATIVE_COLOR: "#FF7B26",
        ERROR_COLOR: "#FF7088", "#B03A2E": "#FF7088", MUTED_COLOR: "#A3A3A3",
    },
}


# Characters that draw a swatch (a legend mark), not words: a run made only of these keeps the
# chart colour itself instead of taking a text shade.
MARK_CHARS = frozenset("■━╍┃┆●▬▮ \u00a0")


def is_mark(text):
    return set(text) <= MARK_CHARS


def text_color(color, dark=False):
    """The shade of `color` (one of the colours above) to use for text in the light or dark theme."""
    return _TEXT_SHADES[bool(dark)].get(color.upper() if color.startswith("#") else color, color)


def relative_luminance(color):
    """WCAG 2 relative luminance of "#RRGGBB"."""
    h = color.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a, b):
    """WCAG 2 contrast ratio of two "#RRGGBB" colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# the window behind a legend in each theme (Fusion's light window, the dark palette's): a swatch
# must reach WCAG's non-text contrast, 3:1, on it (and so on the plots' white or black, farther)
_LEGEND_BACKGROUNDS = {False: ("#EFEFEF", "#FFFFFF"), True: ("#202124", "#17181A", "#000000")}
NON_TEXT_CONTRAST = 3.0
_MARK_SHADES = {}


def mark_color(color, dark=False):
    """The shade of `color` for a legend's swatch (■, ━━, ●) in the light or dark theme: the
    colour itself if it stands out 3:1 from the theme's backgrounds, else the nearest shade
    toward black (light theme) or white (dark) that does, hue kept (orange on the light window
    was 2.0:1)."""
    key = (color.upper(), bool(dark))
    shade = _MARK_SHADES.get(key)
    if shade is None:
        r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
        toward = 255 if dark else 0
        for step in range(101):
            t = step / 100
            shade = "#{:02X}{:02X}{:02X}".format(*(round(v + (toward - v) * t) for v in (r, g, b)))
            if min(contrast_ratio(shade, bg) for bg in _LEGEND_BACKGROUNDS[bool(dark)]) >= NON_TEXT_CONTRAST:
                break
        _MARK_SHADES[key] = shade
    return shade


def ink_on(background):
    """Black or white, whichever reads better on `background` (labels inside coloured bars)."""
    return "#000000" if contrast_ratio("#000000", background) >= contrast_ratio("#FFFFFF", background) else "#FFFFFF"
