"""Texts klviz.core shows through the gui, marked here for translation (core stays free of this
package). tests/test_i18n.py checks that each is still the exact text core has, so a change in core
fails there instead of slipping through untranslated."""

from __future__ import annotations

from klviz.i18n import QT_TRANSLATE_NOOP

# klviz.core.joint.PRESET_NOTES (the Joint tab's preset notes and tooltips)
JOINT_PRESET_NOTES = {
    "independent": QT_TRANSLATE_NOOP("klviz", "X and Y independent: the joint equals the product of its marginals, I(X;Y) = 0."),
    "dependent": QT_TRANSLATE_NOOP("klviz", "Y = X: knowing one gives the other; I(X;Y) = H(X) = H(Y), and H(X|Y) = H(Y|X) = 0."),
    "bsc": QT_TRANSLATE_NOOP("klviz", "A symmetric channel: X uniform, Y = X except with probability ε, spread over the other "
                             "values; for two symbols (the binary symmetric channel) I(X;Y) = log 2 − h(ε)."),
    "xor": QT_TRANSLATE_NOOP("klviz", "X = (A, B), two fair coins; Y = A xor B. Both marginals are uniform, just as for "
                             "independent variables, yet X determines Y: I(X;Y) = H(Y) = log 2. Y alone says "
                             "nothing about A, nor about B, only about the pair."),
    "random": QT_TRANSLATE_NOOP("klviz", "A random joint (Dirichlet(1) over the cells, seeded)."),
}
