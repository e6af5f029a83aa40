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
