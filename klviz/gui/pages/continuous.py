"""The Continuous tab: P and Q, each a Normal or a two-component mixture, on one plot, their
differential measures, the KL integrands as signed areas, forward and reverse KL fits of Q to P,
and the MSE link (a unit-variance Q makes the cross-entropy a squared error).

Every number and curve comes from the scene (klviz.scene.continuous: the model's measures, the
curves over the x range shown, the fit's path, the MSE link); this page only draws them. Fits are
animated here over `fit_duration_ms` as one undo step.
"""

from __future__ import annotations

import html
import time

import numpy as np
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.buttons import push_button
from klviz.gui.widgets.caption import Caption
from klviz.gui.widgets.curves import DensityChart, IntegrandChart
from klviz.gui.pages.alpha_fit import AlphaFitPanel
from klviz.gui.widgets.divergences_group import DivergencesGroup
from klviz.gui.widgets.parts import BuiltInParts
from klviz.gui.widgets.readouts import LatexAction, ReadoutGrid
from klviz.gui.widgets.reflow import QWIDGETSIZE_MAX, PageScroll, ReflowSplitter, Secondary, page_scroll
from klviz.gui.widgets.slider_spin import SliderSpin
from klviz.gui.widgets.terms_bar import TermsBar
from klviz.gui.widgets.value_label import quiz_placeholder
from klviz.scene import continuous as sc
from klviz.scene import divergences as sd
from klviz.scene.readouts import describe, format_value
from klviz.style import ENTROPY_COLOR, KL_COLOR, P_COLOR, Q_COLOR, mark_color, text_color
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

# Mnemonics (Alt+key) on this tab: M S X W N T (P), A Q B I (Q), O R (fits), P (presets), α (the
# Rényi order, when shown); the window uses F E V H (menus), U (unit), D C G L (tabs). Q's weight,
# mu2 and sigma2 have no letter left (G went to the Coding tab).
MU_RANGE = (-10.0, 10.0)
SIGMA_RANGE = (0.05, 20.0)
SETTLE_MS = 150
VIEW_STACKED_HEIGHT = 420  # the charts and measures over the controls: at least this tall
INTEGRANDS_MIN_HEIGHT = 130  # the integrands chart's least height (more if its axis label needs it)
FAMILY_MS = 100

READOUTS = (
    ("entropy_p", "h(P)", QT_TRANSLATE_NOOP("klviz",
     "Differential entropy of P:  h(P) = −∫ p(x) log p(x) dx<br>"
     "For Normals: ½ log(2πe σ<sub>P</sub>²) — negative when σ<sub>P</sub> &lt; 1/√(2πe) ≈ 0.242"), P_COLOR),
    ("entropy_q", "h(Q)", QT_TRANSLATE_NOOP("klviz",
     "Differential entropy of Q:  h(Q) = −∫ q(x) log q(x) dx<br>"
     "For Normals: ½ log(2πe σ<sub>Q</sub>²) — negative when σ<sub>Q</sub> &lt; 1/√(2πe) ≈ 0.242"), Q_COLOR),
    ("cross_entropy_pq", "H(P,Q)", QT_TRANSLATE_NOOP("klviz",
     "Differential cross-entropy:  H(P,Q) = −∫ p(x) log q(x) dx = h(P) + D(P‖Q)<br>"
     "For Normals: ½ log(2π σ<sub>Q</sub>²) + (σ<sub>P</sub>² + (μ<sub>P</sub> − μ<sub>Q</sub>)²) / (2σ<sub>Q</sub>²)"), ENTROPY_COLOR),
    ("cross_entropy_qp", "H(Q,P)", QT_TRANSLATE_NOOP("klviz",
     "Differential cross-entropy:  H(Q,P) = −∫ q(x) log p(x) dx = h(Q) + D(Q‖P)<br>"
     "For Normals: ½ log(2π σ<sub>P</sub>²) + (σ<sub>Q</sub>² + (μ<sub>Q</sub> − μ<sub>P</sub>)²) / (2σ<sub>P</sub>²)"), ENTROPY_COLOR),
    ("kl_pq", "D(P‖Q)", QT_TRANSLATE_NOOP("klviz",
     "KL divergence:  D(P‖Q) = ∫ p(x) log(p(x)/q(x)) dx ≥ 0 — the signed blue area below<br>"
     "For Normals: log(σ<sub>Q</sub>/σ<sub>P</sub>) + (σ<sub>P</sub>² + (μ<sub>P</sub> − μ<sub>Q</sub>)²) / (2σ<sub>Q</sub>²) − ½"), KL_COLOR),
    ("kl_qp", "D(Q‖P)", QT_TRANSLATE_NOOP("klviz",
     "KL divergence:  D(Q‖P) = ∫ q(x) log(q(x)/p(x)) dx ≥ 0 — the signed orange area below<br>"
     "For Normals: log(σ<sub>P</sub>/σ<sub>Q</sub>) + (σ<sub>Q</sub>² + (μ<sub>Q</sub> − μ<sub>P</sub>)²) / (2σ<sub>P</sub>²) − ½"), KL_COLOR),
)
MIXTURE_NOTE = QT_TRANSLATE_NOOP("klviz", "\nWith a mixture there is no closed form: computed by quadrature in log space.")
NEGATIVE_NOTE = QT_TRANSLATE_NOOP("klviz", "(negative: differential)")  # its tooltip explains
NEGATIVE_TIP = QT_TRANSLATE_NOOP("klviz",
    "A differential entropy (or cross-entropy) can be negative.\n"
    "A density is not a probability: it can exceed 1 where the distribution is narrow,\n"
    "so −log p(x) can be below zero. h(N(μ, σ²)) = ½ log(2πe σ²) < 0 when σ < 1/√(2πe) ≈ 0.242.\n"
    "It also shifts with the unit of x (h of 2X is h of X plus log 2); D(P‖Q) does not and stays ≥ 0."
)
PRESETS = (("identical", QT_TRANSLATE_NOOP("klviz", "&Identical")), ("shifted", QT_TRANSLATE_NOOP("klviz", "S&hifted")), ("q-wider", QT_TRANSLATE_NOOP("klviz", "Q &wider")),
           ("q-narrower", QT_TRANSLATE_NOOP("klviz", "Q &narrower")), ("bimodal-p", QT_TRANSLATE_NOOP("klviz", "&Bimodal P")))
FITS = {
    "forward": (QT_TRANSLATE_NOOP("klviz", "Fit Q: minimise D(P‖Q)"), QT_TRANSLATE_NOOP("klviz", "Forward fit (mean-covering): Q matches P's mean and variance.")),
    "reverse": (QT_TRANSLATE_NOOP("klviz", "Fit Q: minimise D(Q‖P)"), QT_TRANSLATE_NOOP("klviz", "Reverse fit (mode-seeking): Q settles on the peak of P nearest it.")),
    "alpha": (QT_TRANSLATE_NOOP("klviz", "Fit Q: minimise D⁽ᵅ⁾(P‖Q)"), QT_TRANSLATE_NOOP("klviz", "α-fit: Q minimises Amari's α-divergence D⁽ᵅ⁾(P‖Q) from where it was.")),
}


class ContinuousPage(BuiltInParts, QtWidgets.QWidget):
    def __init__(self, model, presentation=None, parent=None, build=True):
        """model: the SessionModel; presentation: the PresentationModel to follow (quiz, look).
        build=False: the page's frame only; build_steps() builds the rest a part per step (the
        window's deferred start runs one per event-loop turn: no long stall)."""
        super().__init__(parent)
        self.setObjectName("page_continuous")
        self.model = model
        self.fit_duration_ms = 2000  # how long a fit animation takes (0: jump to the end)
        self._fit = None  # (kind, frames, final) while a fit animation runs
        self._path = None  # the last fit's scene.continuous.FitPath, drawn while it holds
        self._path_ends = None  # (P, final Q) of that fit
        self._anim = QtCore.QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutSine)
        self._anim.valueChanged.connect(self._on_fit_frame)
        self._anim.finished.connect(self.finish_fit)
        # Curves are drawn without antialiasing while they move (a drag, a fit, a burst of key
        # presses): several times cheaper; SETTLE_MS after the last change they are redrawn smooth.
        self._last_change = -1.0
        self._settle = QtCore.QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        # the more divergences (quadrature for a mixture: a few ms) follow at most once per turn of
        # the event loop, after the frame that changed them
        self._family_timer = QtCore.QTimer(self)
        self._family_timer.setSingleShot(True)
        self._family_timer.setInterval(0)
        self._family_timer.timeout.connect(self._refresh_family)
        self._presentation = presentation
        self._start_building(build)

    def _build_parts(self):
        yield from self._build()
        model, presentation = self.model, self._presentation
        refresh = when_shown(self, self.refresh)  # hidden on another tab: refreshed when shown
        model.continuousChanged.connect(refresh)
        model.unitChanged.connect(refresh)
        model.unitChanged.connect(lambda: QtCore.QTimer.singleShot(0, self, self._fit_axis_label))  # its label's length
        model.gestureActiveChanged.connect(self._on_gesture_changed)
        model.fitActiveChanged.connect(self._on_fit_active_changed)
        model.viewChanged.connect(refresh)
        self.refresh()
        if presentation is not None:
            for chart in (self.plot_densities, self.plot_integrands):
                presentation.follow_plot(chart)
                presentation.follow_look(chart.restyle)
            presentation.follow_look(self.readouts.restyle)
            presentation.follow_look(self.divergences.restyle)
            presentation.follow_digits(self.readouts.set_digits)
            presentation.follow_digits(self.divergences.readouts.set_digits)
            presentation.follow_plot(self.alpha_fit.plot)
            presentation.follow_look(self.alpha_fit.restyle)
            presentation.follow_look(self.restyle)
            presentation.follow_quiz(self.set_quiz)

    # -- construction --------------------------------------------------------------------------
    def _param(self, which, name, label, tip, log=False, lo=None, hi=None, step=0.1):
        if log:
            lo, hi = SIGMA_RANGE if lo is None else (lo, hi)
            ctl = SliderSpin(f"{name}_{which}", lo, hi, log=True, resolution=1200, step=0.1, tooltip=tip)
        else:
            lo, hi = MU_RANGE if lo is None else (lo, hi)
            res = 2000 if hi - lo > 2 else 1000
            ctl = SliderSpin(f"{name}_{which}", lo, hi, resolution=res, step=step, tooltip=tip)
        ctl.valueEdited.connect(lambda v: self._edit(which, name, v))
        ctl.dragStarted.connect(lambda: self._drag_started(f"Drag {tip}"))
        ctl.dragFinished.connect(self.model.end_gesture)
        lab = QtWidgets.QLabel(label)
        lab.setBuddy(ctl.slider)
        lab.setToolTip(tip)
        ctl.label = lab
        self.controls[(which, name)] = ctl
        return ctl

    @staticmethod
    def _add_row(grid, row, ctl):
        grid.addWidget(ctl.label, row, 0)
        grid.addWidget(ctl.slider, row, 1)
        grid.addWidget(ctl.spin, row, 2)

    def _group(self, name, header):
        """A frame for one distribution's controls, headed by a coloured label (no style sheet:
        a style sheet would stop the window's font scaling from reaching the controls)."""
        box = QtWidgets.QGroupBox()
        box.setObjectName(name)
        grid = QtWidgets.QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(header, 0, 0, 1, 3)
        return box, grid

    def _mixture_rows(self, grid, which, check_text, labels, note=""):
        """Rows 3-6 of a distribution's box: the mixture switch, then weight, mu2 and sigma2."""
        name = which.upper()
        check = QtWidgets.QCheckBox(check_text)
        check.setObjectName(f"check_mixture_{which}")
        check.setToolTip(translate("pages.continuous", "{name} = w·N(μ₁, σ₁²) + (1 − w)·N(μ₂, σ₂²): a bimodal {name}.\n"
                                   "Its measures have no closed form and are computed by quadrature.").format(name=name) + note)
        check.toggled.connect(lambda on: self._on_mixture_toggled(which, on))
        grid.addWidget(check, 3, 0, 1, 3)
        (w, mu2, sigma2) = labels
        self._add_row(grid, 4, self._param(which, "weight", w, translate("pages.continuous", "weight w of {name}'s first component").format(name=name),
                                           lo=0.0, hi=1.0, step=0.05))
        self._add_row(grid, 5, self._param(which, "mu2", mu2, translate("pages.continuous", "mean μ₂ of {name}'s second component").format(name=name)))
        self._add_row(grid, 6, self._param(which, "sigma2", sigma2, translate("pages.continuous", "std dev σ₂ of {name}'s second component").format(name=name),
                                           log=True))
        return check

    # the first two rows of a distribution's box: (label, tooltip) for a Normal, then for a mixture,
    # whose first component they set (μ₁, σ₁ beside the second's μ₂, σ₂)
    COMPONENT_LABELS = {
        ("p", "mu"): ((QT_TRANSLATE_NOOP("klviz", "P &mean μ"), QT_TRANSLATE_NOOP("klviz", "P's mean μ")), (QT_TRANSLATE_NOOP("klviz", "P &mean μ₁"), QT_TRANSLATE_NOOP("klviz", "mean μ₁ of P's first component"))),
        ("p", "sigma"): ((QT_TRANSLATE_NOOP("klviz", "P &std dev σ"), QT_TRANSLATE_NOOP("klviz", "P's standard deviation σ")),
                         (QT_TRANSLATE_NOOP("klviz", "P &std dev σ₁"), QT_TRANSLATE_NOOP("klviz", "std dev σ₁ of P's first component"))),
        ("q", "mu"): ((QT_TRANSLATE_NOOP("klviz", "Q me&an μ"), QT_TRANSLATE_NOOP("klviz", "Q's mean μ")), (QT_TRANSLATE_NOOP("klviz", "Q me&an μ₁"), QT_TRANSLATE_NOOP("klviz", "mean μ₁ of Q's first component"))),
        ("q", "sigma"): ((QT_TRANSLATE_NOOP("klviz", "&Q std dev σ"), QT_TRANSLATE_NOOP("klviz", "Q's standard deviation σ")),
                         (QT_TRANSLATE_NOOP("klviz", "&Q std dev σ₁"), QT_TRANSLATE_NOOP("klviz", "std dev σ₁ of Q's first component"))),
    }

    def _component_texts(self, which, name, mixture=False):
        """(label, tooltip) of a first-two-rows control, translated."""
        return tuple(translated(t) for t in self.COMPONENT_LABELS[(which, name)][bool(mixture)])

    def _name_components(self, which, mixture):
        """μ and σ for a Normal; μ₁ and σ₁ (the first component's) for a mixture."""
        named = self.__dict__.setdefault("_components_named", {})
        if named.get(which) == mixture:  # on every frame: nothing to do unless the switch moved
            return
        named[which] = mixture
        for name in ("mu", "sigma"):
            label, tip = self._component_texts(which, name, mixture)
            ctl = self.controls[(which, name)]
            if ctl.label.text() != label:
                ctl.label.setText(label)
                ctl.label.setToolTip(tip)
                ctl.set_tooltip(tip)

    def _header(self, which, color):
        """The swatch in the curve's mark shade (3:1), the words in its text shade (AA)."""
        dark = bool(getattr(self, "_look", None) and self._look.dark)
        text = {"p": translate("pages.continuous", "P &nbsp;<span style='font-weight:400'>(the blue curve)</span>"),
                "q": translate("pages.continuous", "Q &nbsp;<span style='font-weight:400'>(the orange curve)</span>")}[which]
        return f"<b><span style='color:{mark_color(color, dark)}'>■</span> <span style='color:{text_color(color, dark)}'>{text}</span></b>"

    def _build(self):
        self.controls = {}
        base = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0

        # P
        self.header_p = QtWidgets.QLabel(self._header("p", P_COLOR))
        self.header_q = QtWidgets.QLabel(self._header("q", Q_COLOR))
        self.box_p, gp = self._group("group_p", self.header_p)
        self._add_row(gp, 1, self._param("p", "mu", *self._component_texts("p", "mu")))
        self._add_row(gp, 2, self._param("p", "sigma", *self._component_texts("p", "sigma"), log=True))
        self.check_mixture_p = self._mixture_rows(gp, "p", translate("pages.continuous", "Two-component mi&xture"),
                                                  (translate("pages.continuous", "&Weight w of μ₁, σ₁"), translate("pages.continuous", "Mean μ₂"), translate("pages.continuous", "S&td dev σ₂")))

        # Q
        self.box_q, gq = self._group("group_q", self.header_q)
        self._add_row(gq, 1, self._param("q", "mu", *self._component_texts("q", "mu")))
        self._add_row(gq, 2, self._param("q", "sigma", *self._component_texts("q", "sigma"), log=True))
        self.check_mixture_q = self._mixture_rows(
            gq, "q", translate("pages.continuous", "Two-component mixture (bimodal Q)"), (translate("pages.continuous", "Weight w of μ₁, σ₁"), translate("pages.continuous", "Mean μ₂"), translate("pages.continuous", "Std dev σ₂")),
            translate("pages.continuous", "\na fit starts from Q's moment-matched Normal and makes Q a Normal."))
        self.check_unit_variance = QtWidgets.QCheckBox(translate("pages.continuous", "Unit var&iance (Q's σ = 1): the MSE link"))
        self.check_unit_variance.setObjectName("check_unit_variance_q")
        self.check_unit_variance.setToolTip(translate("pages.continuous",
            "Fix Q's σ at 1. Then H(P,Q) = ½ log 2π + ½ (P's variance + (P's mean − Q's mean)²):\n"
            "a constant plus half the squared error — the MSE loss is a cross-entropy."))
        self.check_unit_variance.toggled.connect(self._on_unit_variance_toggled)
        gq.addWidget(self.check_unit_variance, 7, 0, 1, 3)

        yield

        # fits and presets
        box_fit = QtWidgets.QGroupBox(translate("pages.continuous", "Fit Q to P"))
        box_fit.setObjectName("group_fit")
        fl = QtWidgets.QVBoxLayout(box_fit)
        self.button_fit_forward = push_button(
            translate("pages.continuous", "F&orward: minimise D(P‖Q)"), "button_fit_forward", lambda: self.start_fit("forward"),
            translate("pages.continuous", "Move Q to the Gaussian closest to P in D(P‖Q): P's mean and variance\n"
            "(moment matching — mean-covering: Q spreads over all of P)."))
        self.button_fit_reverse = push_button(
            translate("pages.continuous", "&Reverse: minimise D(Q‖P)"), "button_fit_reverse", lambda: self.start_fit("reverse"),
            translate("pages.continuous", "Move Q to the Gaussian closest to P in D(Q‖P), starting from the current Q\n"
            "(mode-seeking: Q settles on the peak of P nearest it)."))
        self.label_fit = QtWidgets.QLabel(translate("pages.continuous", "Q's path is drawn dashed on the densities."))
        self.label_fit.setObjectName("label_fit_status")
        self.label_fit.setTextFormat(QtCore.Qt.TextFormat.RichText)  # program text; data is escaped
        self.label_fit.setWordWrap(True)
        self.alpha_fit = AlphaFitPanel(self.model, self)
        self.button_fit_alpha = self.alpha_fit.button
        self.button_fit_alpha.clicked.connect(lambda: self.start_fit("alpha"))
        yield
        # The α-fit (slider, landmarks, note, inset) is a secondary part: a short screen folds it
        # behind its arrow (the inset first, then all of it) so the forward and reverse fits and
        # everything else stay in view (issue 12).
        alpha_caption = QtWidgets.QLabel(translate("pages.continuous", "α-fit: minimise Amari's D⁽ᵅ⁾(P‖Q)"))
        alpha_caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        alpha_caption.setWordWrap(True)
        self.alpha_part = Secondary(alpha_caption, self.alpha_fit, "part_alpha_fit",
                                    translate("pages.continuous", "the α-fit"))
        for w in (self.button_fit_forward, self.button_fit_reverse, self.alpha_part, self.label_fit):
            fl.addWidget(w)
        self.button_presets = QtWidgets.QToolButton()
        self.button_presets.setText(translate("pages.continuous", "&Presets"))
        self.button_presets.setObjectName("button_presets_continuous")
        self.button_presets.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button_presets.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button_presets.setToolTip(translate("pages.continuous", "Set P and Q to a named scene"))
        menu = QtWidgets.QMenu(self.button_presets)
        for key, text in PRESETS:
            act = menu.addAction(translated(text))
            act.setObjectName(f"action_continuous_preset_{key}")
            act.triggered.connect(lambda _=False, k=key: self._preset(k))
        self.button_presets.setMenu(menu)

        controls = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(controls)
        cl.setContentsMargins(0, 0, 4, 0)
        cl.addWidget(self.box_p)
        cl.addWidget(self.box_q)
        cl.addWidget(box_fit)
        cl.addWidget(self.button_presets, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        cl.addStretch(1)
        scroll = PageScroll(controls)  # the α-fit curve folds before the column has to scroll
        scroll.setObjectName("scroll_continuous_controls")
        scroll.setAccessibleName(translate("pages.continuous", "Controls of P and Q (scrollable panel)"))
        scroll.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)  # as a plain scroll area: wheel and keys
        self._controls, self._scroll = controls, scroll
        yield

        # charts
        self.plot_densities = DensityChart()
        yield
        self.plot_integrands = IntegrandChart()
        self.caption_densities = self._caption("caption_densities", base)
        self.caption_integrands = self._caption("caption_integrands", base)
        self.quiz_placeholder = quiz_placeholder(
            "quiz_placeholder_continuous",
            translate("pages.continuous", "Which is larger, D(P‖Q) or D(Q‖P)?<br>Is h(Q) negative? Where will a fit put Q?<br>"
            "<small>(the integrands are hidden)</small>"), size_pt=15)
        charts = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        charts.setChildrenCollapsible(False)
        # The integrands are the pointwise terms of the two KLs: a secondary part. A page too
        # short for both charts over the readouts (960×540: F11 at 1920×1080, scale 2) folds the
        # chart behind its arrow; its caption, with both integrals' values, stays (issue 12).
        self.integrands_part = Secondary(self.caption_integrands, self.plot_integrands, "part_integrands",
                                         translate("pages.continuous", "the KL integrands chart"), at_width=True)
        for top, below in ((self.caption_densities, self.plot_densities), (self.integrands_part, None)):
            w = QtWidgets.QWidget()
            lay = QtWidgets.QVBoxLayout(w)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(top, 0 if below is not None else 1)
            if below is not None:
                lay.addWidget(below, 1)
            charts.addWidget(w)
        lay.addWidget(self.quiz_placeholder, 1)
        self._charts = charts
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)

        yield

        # readouts and the MSE link
        self.readouts = ReadoutGrid(READOUTS, prefix="normal_value_")
        for r in self.readouts.reasons.values():
            r.setToolTip(translated(NEGATIVE_TIP))
            r.setWordWrap(False)
        box_m = QtWidgets.QGroupBox(translate("pages.continuous", "Differential measures"))
        box_m.setObjectName("group_measures")
        ml = QtWidgets.QVBoxLayout(box_m)
        ml.addWidget(self.readouts)
        self.label_decomposition = Caption(opaque=False)  # on a group box's background
        self.label_decomposition.setObjectName("normal_decomposition")
        self.label_decomposition.setToolTip(translate("pages.continuous", "Cross-entropy = entropy + KL divergence, for densities too"))
        ml.addWidget(self.label_decomposition)
        note = QtWidgets.QLabel(translate("pages.continuous", "Continuous P and Q: h and H are <i>differential</i> and can be "
                                "negative; D stays ≥ 0."))
        note.setObjectName("label_differential_note")
        note.setWordWrap(True)
        note.setToolTip(translated(NEGATIVE_TIP))
        ml.addWidget(note)

        self.group_mse = QtWidgets.QGroupBox(translate("pages.continuous", "The MSE link  (Q's σ = 1)"))
        self.group_mse.setObjectName("group_mse")
        gl = QtWidgets.QVBoxLayout(self.group_mse)
        self.label_mse_formula = QtWidgets.QLabel()
        self.label_mse_formula.setObjectName("normal_mse_formula")
        self.label_mse_formula.setWordWrap(True)
        self.label_mse_formula.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.label_mse_value = QtWidgets.QLabel()
        self.label_mse_value.setObjectName("normal_value_mse")
        f = self.label_mse_value.font()
        f.setPointSizeF(base * 1.35)
        f.setBold(True)
        self.label_mse_value.setFont(f)
        self.label_mse_value.setToolTip(translate("pages.continuous", "H(P,Q) with σ<sub>Q</sub> = 1: ½ log 2π + ½ (σ<sub>P</sub>² + "
                                        "(μ<sub>P</sub> − μ<sub>Q</sub>)²)"))
        self.bar_mse = TermsBar()
        self.bar_mse.setToolTip(translate("pages.continuous", "grey: ½ log 2π, a constant; blue: ½ σ<sub>P</sub>², P's spread; "
                                "purple: ½ (μ<sub>P</sub> − μ<sub>Q</sub>)², half the squared error"))
        gl.addWidget(self.label_mse_formula)
        gl.addWidget(self.bar_mse)
        gl.addWidget(self.label_mse_value)
        self.group_mse.setVisible(False)

        side = QtWidgets.QWidget()
        sl = QtWidgets.QVBoxLayout(side)
        sl.setContentsMargins(4, 0, 0, 0)
        sl.addWidget(box_m)
        self.divergences = DivergencesGroup("continuous")
        self.divergences.alphaChanged.connect(self._refresh_family)
        self.divergences.shownChanged.connect(self._refresh_family)
        # ticked, its readouts may be wider than the measures: the column follows (no sideways bar)
        self.divergences.shownChanged.connect(lambda _: QtCore.QTimer.singleShot(0, self, self._fit_columns))
        sl.addWidget(self.divergences)
        self.readouts.latex_action = LatexAction(self.readouts_latex, self.readouts)
        self.divergences.readouts.latex_action = self.readouts.latex_action
        self.label_decomposition.latex_action = LatexAction(self.decomposition_latex, self.label_decomposition)
        self.label_decomposition.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.label_decomposition.customContextMenuRequested.connect(self._decomposition_menu)
        sl.addWidget(self.group_mse)
        sl.addStretch(1)
        # In a scroll area of its own: the readouts change on every frame, and a scroll area keeps
        # their re-layout from spreading to the whole window (then most of it would be repainted).
        side_scroll = QtWidgets.QScrollArea()
        side_scroll.setObjectName("scroll_continuous_measures")
        side_scroll.setAccessibleName(translate("pages.continuous", "Measures (scrollable panel)"))
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)

        # Three columns (controls | charts | measures) while they fit; narrower, the charts and
        # the measures stay side by side on top and the controls go under them; narrower still,
        # everything stacks, the charts first.
        view = ReflowSplitter()
        view.setObjectName("split_continuous_view")
        view.addWidget(charts)
        view.addWidget(side_scroll)
        view.setStretchFactor(0, 1)
        view.setStretchFactor(1, 0)
        view.set_stacked_height(charts, 420)
        split = ReflowSplitter()
        split.setObjectName("split_continuous")
        split.addWidget(scroll)
        split.addWidget(view)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.set_stacked_first(view)
        split.set_stacked_height(view, VIEW_STACKED_HEIGHT)
        for s in (split, view):
            s.stackedChanged.connect(lambda stacked: stacked or QtCore.QTimer.singleShot(0, self, self._fit_columns))
        self._user_split = False  # the columns follow the window until the user drags a handle
        for s in (split, view):
            s.splitterMoved.connect(self._on_splitter_moved)
        self._side, self._side_scroll, self._split, self._view = side, side_scroll, split, view
        self._fit_columns()
        layout = QtWidgets.QVBoxLayout(self)
        page = page_scroll(split)
        # The α-fit's inset folds first, then the whole α-fit: decided by the controls column
        # while it stands beside the charts; stacked under them (a narrow screen) the column is
        # as tall as its content and the page scrolls as a whole, so the page decides then.
        for part in (self.alpha_fit.inset, self.alpha_part):
            scroll.add_secondary(part, when=lambda: not split.stacked())
            page.add_secondary(part, when=split.stacked)
        # the integrands fold only where the charts themselves do not fit the page's height (the
        # controls may scroll under them; the charts and the readouts beside them may not)
        # (stacked over the measures too, a page narrowed by the lesson panel: the charts and
        # the readouts under them; the charts then give the readouts the room, issue 12)
        page.add_secondary(self.integrands_part, need=self._view_need)
        view.share_room()
        self.integrands_part.expandedChanged.connect(  # the charts stacked over the controls: their new height
            lambda _: QtCore.QTimer.singleShot(0, self, lambda: (split.hold_heights_again(), self._hold_measures_whole())))
        self.page_scroll = page
        split.stackedChanged.connect(lambda _: (scroll.refit(), page.refit()))
        layout.addWidget(page)
        yield

    # -- look and quiz --------------------------------------------------------------------------
    _quiz = False
    _look = None

    def set_quiz(self, on):
        """Quiz mode: every number is hidden ("?"), and so are the integrands, whose areas are
        the answers; the densities and the controls stay."""
        self._quiz = bool(on)
        self.readouts.set_quiz(on)
        self.divergences.set_quiz(on)
        self.label_decomposition.latex_action.set_quiz(on)
        self.alpha_fit.set_quiz(on)
        self.integrands_part.setVisible(not on)  # the chart, its caption and its arrow
        self.quiz_placeholder.setVisible(on)
        self.refresh()
        QtCore.QTimer.singleShot(0, self, self._hold_measures_whole)  # the charts' new least height

    def restyle(self, look):
        self._look = look
        p, q = self._colors()
        self.header_p.setText(self._header("p", p))
        self.header_q.setText(self._header("q", q))
        self.refresh()
        QtCore.QTimer.singleShot(0, self, self._fit_columns)  # once the new fonts are laid out

    def _fit_columns(self):
        """Give the controls and the readouts the width their text needs (again after a zoom or a
        resize) and the charts the rest."""
        self._fit_axis_label()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        controls = max(self._controls.sizeHint().width() + bar + 4, 300)
        # the measures column: all its content is wide (the readouts in their group box, in the
        # column's margins), and the vertical bar beside it, so it never needs a horizontal bar
        # (at 1024×768 in F11 one covered "More divergences": 24 px were less than the margins)
        need = max(self._side.minimumSizeHint().width(), self.readouts.sizeHint().width() + 24)
        side = max(need, 260) + bar + 2 * self._side_scroll.frameWidth()
        self._scroll.setMinimumWidth(controls)
        self._side_scroll.setMinimumWidth(side)
        # stacked over the controls, the charts and measures are as tall as the measures' content
        # where the page has the room (no vertical bar in the measures column: 1280×720 in F11)
        tall = max(VIEW_STACKED_HEIGHT, self._side.sizeHint().height() + 2 * self._side_scroll.frameWidth())
        if self._view.property("klviz_stacked_height") != tall:
            self._split.set_stacked_height(self._view, tall)
            self._split.hold_heights_again()
        self._hold_measures_whole()
        total = sum(self._split.sizes())
        if total > 0 and not self._split.stacked():
            self._split.setSizes([controls, total - controls])
        view = sum(self._view.sizes())
        if view > 0 and not self._view.stacked():
            self._view.setSizes([max(view - side, 260), side])

    def _view_need(self):
        """The height the charts, and under them the measures when stacked, need in view."""
        need = self._charts.minimumSizeHint().height()
        if self._view.stacked():
            need += self._view.handleWidth() + self._side.sizeHint().height() + 2 * self._side_scroll.frameWidth()
        return need

    def _hold_measures_whole(self):
        """Stacked over the controls, the page scrolls as a whole: the measures column then shows
        all its content, with no bar of its own beside the page's (960×540 in F11 had both, the
        measures 43 px short of their content), and the charts keep the page's visible height,
        the integrands' part its least; the measures' last lines come into view as the page
        scrolls. (The charts' splitter sets its own maximum height from its parts': they take
        the caps.)"""
        page = getattr(self, "page_scroll", None)
        whole = page is not None and self._split.stacked() and not self._view.stacked()
        top, below = self._charts.widget(0), self._charts.widget(1)
        need, most = 0, (QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        if whole:
            need = self._side.sizeHint().height() + 2 * self._side_scroll.frameWidth()
            least = below.minimumSizeHint().height()
            room = page.viewport().height() - least - self._charts.handleWidth()
            most = (max(room, top.minimumSizeHint().height()), least)
        if self._side_scroll.minimumHeight() != need or (top.maximumHeight(), below.maximumHeight()) != most:
            self._side_scroll.setMinimumHeight(need)
            top.setMaximumHeight(most[0])
            below.setMaximumHeight(most[1])
            self._view.hold_heights_again()  # stacked, the measures hold their whole content again
            self._split.hold_heights_again()

    def _fit_axis_label(self):
        """The integrands chart is at least as tall as its value axis's label is long, so the
        label ("integrand (hartleys)", large type) is never cut at the chart's ends (it was
        "integrand (r" at 1024×768 in F11); again after the type or the unit changed."""
        chart = self.plot_integrands
        pi = chart.getPlotItem()
        axis = pi.getAxis("left")
        text = axis.labelText
        if "<br>" not in text and " (" in text:  # the unit on a line of its own: half as long
            pi.setLabel("left", text.replace(" (", "<br>(", 1), **axis.labelStyle)
        frame = chart.height() - pi.vb.height()  # the bottom axis, the margins
        if not chart.isVisible() or frame <= 0:
            return
        need = int(axis.label.boundingRect().width()) + frame + 4
        least = max(INTEGRANDS_MIN_HEIGHT, need)
        if chart.minimumHeight() != least:
            chart.setMinimumHeight(least)
            w = chart.parentWidget()  # the layouts up to the charts know it now, not a turn later
            while w is not None and w is not self._view:
                if w.layout() is not None:
                    w.layout().activate()
                w = w.parentWidget()
            self._split.hold_heights_again()
            self.page_scroll.refit()

    def _on_splitter_moved(self, *_):
        self._user_split = True

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        if not self._user_split:
            self._fit_columns()
        else:
            self._hold_measures_whole()

    def _colors(self):
        if self._look is None:
            return P_COLOR, Q_COLOR
        return self._look.p_color, self._look.q_color

    def _num(self, value, digits=4):
        return "?" if self._quiz else format_value(value, digits)

    def _caption(self, name, base):
        lab = Caption()  # repaints itself alone on every frame, unlike a QLabel
        lab.setObjectName(name)
        f = lab.font()
        f.setPointSizeF(base * 1.1)
        lab.setFont(f)
        return lab

    # -- intents (a user's edit; any running fit is finished first) ------------------------------
    def _edit(self, which, name, value):
        self.finish_fit()
        self.model.set_continuous_param(which, name, value)

    def _drag_started(self, text):
        self.finish_fit()
        self.model.begin_gesture(text)

    def _on_mixture_toggled(self, which, on):
        self.finish_fit()
        self.model.set_mixture(on, which)  # a mixture Q also ends the unit-variance view (one step)

    def _preset(self, key):
        self.finish_fit()
        self.model.apply_continuous_preset(key)

    def _on_unit_variance_toggled(self, on):
        self.finish_fit()
        try:
            self.model.set_unit_variance(on)  # σ_Q = 1 and the view, one undo step
        except ValueError:  # Q is a mixture (the box is disabled then): the box shows the truth
            self.refresh()

    # -- fits ----------------------------------------------------------------------------------
    def start_fit(self, kind):
        """Fit a Normal Q to P ("forward" or "reverse"), animated over fit_duration_ms as one undo
        step. A mixture Q starts from its moment-matched Normal (its own curve stays as the ghost)."""
        self.finish_fit()
        P, current = self.model.continuous("p"), self.model.continuous("q")  # a fit ends unit variance
        title, done = (translated(t) for t in FITS[kind])
        try:  # a fit whose arithmetic overflows is no fit: say so, change nothing
            if kind == "alpha":
                result = self.alpha_fit.fit_now()  # None: its note says why
                if result is None:
                    self.label_fit.setText(translate("pages.continuous", "No α-fit: see the note above."))
                    return
            else:
                with np.errstate(over="raise", invalid="raise", divide="raise"):
                    result = self.model.continuous_fit(kind)
        except (ValueError, ArithmeticError) as exc:
            self.label_fit.setText(translate("pages.continuous", "No fit: {0}").format(html.escape(str(exc))))
            return
        if result.normal == current:
            self.label_fit.setText(translate("pages.continuous", '{done}<br>Q is already there.').format(done=done))
            return
        self._path = sc.fit_path(result, current, self.plot_densities.limits.x)
        self._path_ends = (P, result.normal)
        frames = self._path.frames
        self._fit = (kind, frames, result.normal)
        self._frame = 0
        self.label_fit.setText(f"{title} …")
        self.model.begin_fit(title)
        if self.fit_duration_ms <= 0:
            self.finish_fit()
            return
        self._anim.setDuration(int(self.fit_duration_ms))
        self._anim.start()

    def _on_fit_frame(self, value):
        if self._fit is None:
            return
        _, frames, _ = self._fit
        i = int(round(float(value) * (len(frames) - 1)))
        self._frame = i  # quiz mode draws the path only this far
        self.model.fit_step(frames[i])

    def finish_fit(self):
        """Jump a running fit to its end: Q is then exactly the fitted Normal (one undo step)."""
        if self._fit is None:
            return
        kind, _, final = self._fit
        self._fit = None
        if self._anim.state() != QtCore.QAbstractAnimation.State.Stopped:
            blocked = self._anim.blockSignals(True)
            self._anim.stop()
            self._anim.blockSignals(blocked)
        self.model.end_fit(final)
        self.label_fit.setText(f"{translated(FITS[kind][1])}<br>Q = {describe(final)}")
        self.refresh()

    @property
    def fitting(self):
        return self._fit is not None

    def _on_fit_active_changed(self, active):
        if not active and self._fit is not None:  # closed from outside (a file opened, …)
            self._fit = None
            blocked = self._anim.blockSignals(True)
            self._anim.stop()
            self._anim.blockSignals(blocked)
            self.refresh()

    def _rapid(self):
        """True if this change follows the previous one within SETTLE_MS (a burst)."""
        now = time.monotonic()
        rapid = now - self._last_change < SETTLE_MS / 1000.0
        self._last_change = now
        return rapid

    def _set_quality(self, draft):
        for chart in (self.plot_densities, self.plot_integrands):
            chart.set_draft(draft)
        if draft:
            self._settle.start()

    def _settled(self):
        if self.model.gesture_active or self.fitting:
            self._settle.start()  # still moving: check again later
            return
        self._set_quality(False)

    def _on_gesture_changed(self, active):
        if not active:
            self.refresh()  # axes may tighten again

    # -- drawing -------------------------------------------------------------------------------
    def _frame_texts(self):
        """The fixed texts of every frame, translated once (the language is installed before the
        window is built, as for every other text of the page)."""
        texts = getattr(self, "_frame_templates", None)
        if texts is None:
            texts = self._frame_templates = {
                "negative": translated(NEGATIVE_NOTE),
                "densities": translate("pages.continuous", "<b>Densities</b>&nbsp; <span style='color:{pc}'>■ P = {0}</span>&nbsp;&nbsp; <span style='color:{qc}'>■ Q = {1}</span>"),
                "integrands": translate("pages.continuous", "<b>KL integrands</b> (signed area; hatched parts count negative)&nbsp; <span style='color:{pc}'>■ ∫ p·log(p/q) dx = D(P‖Q) = {0} {unit}</span>&nbsp;&nbsp; <span style='color:{qc}'>■ ∫ q·log(q/p) dx = D(Q‖P) = {1} {unit}</span>"),
            }
        return texts

    def refresh(self):
        model = self.model
        texts = self._frame_texts()
        P, Q = model.continuous("p"), model.continuous("q")
        m = model.continuous_measures()
        unit = model.unit
        sticky = model.gesture_active

        # controls follow the model
        params = {which: model.continuous_params(which) for which in ("p", "q")}
        for (which, name), ctl in self.controls.items():
            ctl.set_value(params[which][name])
        for which, check in (("p", self.check_mixture_p), ("q", self.check_mixture_q)):
            mixture = params[which]["mixture"]
            if check.isChecked() != mixture:
                blocked = check.blockSignals(True)
                check.setChecked(mixture)
                check.blockSignals(blocked)
            for name in ("weight", "mu2", "sigma2"):
                ctl = self.controls[(which, name)]
                ctl.setEnabled(mixture)
                if ctl.label.isHidden() == mixture:
                    # a Normal has no second component: its three rows go (216 px that let the
                    # α-fit stand unfolded in F11 at 1920×1080); the column fits anew
                    for w in (ctl.label, ctl.slider, ctl.spin):
                        w.setVisible(mixture)
                    self._scroll.refit()
            self._name_components(which, mixture)
        mixture, q_mixture = params["p"]["mixture"], params["q"]["mixture"]
        # the MSE link is about a unit-variance Normal Q (the session's view says whether it is on)
        unit_variance = model.view.unit_variance
        if self.check_unit_variance.isChecked() != unit_variance:
            blocked = self.check_unit_variance.blockSignals(True)
            self.check_unit_variance.setChecked(unit_variance)
            self.check_unit_variance.blockSignals(blocked)
        self.check_unit_variance.setEnabled(not q_mixture)
        self.controls[("q", "sigma")].setEnabled(not unit_variance)

        # readouts
        if self.divergences.shown() and not self._family_timer.isActive():
            # at most FAMILY_MS apart while something moves (a mixture's are quadratures)
            self._family_timer.start(FAMILY_MS if sticky or self.fitting else 0)
        self.alpha_fit.p_changed(P)
        r = sc.readouts(m, texts["negative"])
        self.readouts.set_values(r.values, unit, r.notes)
        any_mixture = mixture or q_mixture
        if any_mixture != getattr(self, "_tips_mixture", None):
            self._tips_mixture = any_mixture
            for key, _, tip, _ in READOUTS:
                t = translated(tip) + ("<br>" + html.escape(translated(MIXTURE_NOTE).strip()) if any_mixture else "")  # rich text
                self.readouts.values[key].setToolTip(t)
                self.readouts.names[key].setToolTip(t)

        # curves (the scene's, over the x range shown: it stays put during a gesture or a fit)
        xr = self.plot_densities.limits.update_x(*sc.span(P, Q), sticky=sticky or self.fitting)
        self._set_quality(sticky or self.fitting or self._rapid())
        c = sc.curves(P, Q, unit, xr)
        top = c.top
        path = self._path
        if path is not None and self._quiz and self._fit is not None:  # no end point before Q is there
            path = path.upto(getattr(self, "_frame", 0) + 1)
        if self._path is not None:
            if self._fit is None and self._path_ends != (P, Q):
                self._path = None
            else:
                top = max(top, path.top)
        self.plot_densities.set_limits(xr, top, sticky=sticky or self.fitting)  # first: it sets the scale
        self.plot_densities.set_curves(c.x, c.p, c.q, c.parts_p, c.parts_q)
        if self._path is not None:
            self.plot_densities.set_path(path.mus, path.peaks, path.ghost)
        else:
            self.plot_densities.set_path()
        lo, hi = c.integrand_span
        self.plot_integrands.set_limits(xr, min(lo, 0.0), hi, sticky=sticky or self.fitting)
        self.plot_integrands.set_curves(c.x, c.f_pq, c.f_qp, unit)

        f = self._num
        pc, qc = self._colors()
        self.label_decomposition.setText(
            f"<b>H(P,Q) = h(P) + D(P‖Q)</b>&nbsp; {f(m.cross_entropy_pq)} = {f(m.entropy_p)} + {f(m.kl_pq)}"
            f"<br><b>H(Q,P) = h(Q) + D(Q‖P)</b>&nbsp; {f(m.cross_entropy_qp)} = {f(m.entropy_q)} + "
            f"{f(m.kl_qp)}")

        # captions
        self.caption_densities.setText(
            texts["densities"].format(describe(P), describe(Q), pc=pc, qc=qc))
        self.caption_integrands.setText(
            texts["integrands"].format(f(m.kl_pq), f(m.kl_qp), pc=pc, unit=unit, qc=qc))

        # the MSE link
        self.group_mse.setVisible(unit_variance)
        if unit_variance:
            link = model.mse_link()
            c, v, e = link["terms"]
            mean_word = translate("pages.continuous", "mean and variance of P") if mixture else translate("pages.continuous", "P's mean and variance")
            if unit == "nats":
                formula = translate("pages.continuous",
                    "H(P,Q) = ½&nbsp;log&nbsp;2π + ½&nbsp;σ<sub>P</sub>² + "
                    "<span style='color:%s'><b>½&nbsp;(μ<sub>P</sub>&nbsp;−&nbsp;μ<sub>Q</sub>)²</b></span><br>"
                    "= %s + %s + <span style='color:%s'><b>%s</b></span> %s<br>"
                    "<small>μ<sub>P</sub> = %s, σ<sub>P</sub>² = %s: %s; the last term is half the squared error.</small>")
                args = (KL_COLOR, f(c), f(v), KL_COLOR, f(e), unit)
            else:
                # the terms are in nats over ln 2 (bits) or ln 10 (hartleys): ½ σP² alone would
                # read 0.7213 bits beside σP² = 1
                formula = translate("pages.continuous",
                    "H(P,Q) = (½&nbsp;ln&nbsp;2π + ½&nbsp;σ<sub>P</sub>² + "
                    "<span style='color:%s'><b>½&nbsp;(μ<sub>P</sub>&nbsp;−&nbsp;μ<sub>Q</sub>)²</b></span>) / ln&nbsp;%s<br>"
                    "= %s + %s + <span style='color:%s'><b>%s</b></span> %s<br>"
                    "<small>μ<sub>P</sub> = %s, σ<sub>P</sub>² = %s: %s; the last term is half the squared error.</small>")
                args = (KL_COLOR, "2" if unit == "bits" else "10", f(c), f(v), KL_COLOR, f(e), unit)
            self.label_mse_formula.setText(formula % (args + (f(link["mean_p"]), f(link["var_p"]), mean_word)))
            self.label_mse_value.setText(f"{f(link['total'])} {unit}  = H(P,Q)")
            self.bar_mse.set_terms(link["terms"])
            self.plot_densities.set_error_bar(
                link["mu_q"], link["mean_p"],
                translate("pages.continuous", "error: P's mean − Q's mean = {0}").format(f(link['error'], 3)))
        else:
            self.plot_densities.set_error_bar()

    # -- more divergences and LaTeX ------------------------------------------------------------
    def family(self):
        """The FamilyReadouts of the current P and Q at the group's α (klviz.scene.divergences)."""
        return sd.family_readouts(self.model.continuous("p"), self.model.continuous("q"),
                                  self.divergences.alpha, self.model.unit)

    def _refresh_family(self, *_):
        self._family_timer.stop()
        if self.divergences.shown():  # hidden: nothing computed
            self.divergences.set_family(self.family())

    def readouts_latex(self):
        """What "Copy as LaTeX" copies from the readouts (with the more divergences, if shown)."""
        family = self.family() if self.divergences.shown() else None
        return sd.readouts_latex(self.model.continuous_measures(), self.model.unit, continuous=True, family=family)

    def decomposition_latex(self):
        return sd.decomposition_latex(self.model.continuous_measures(), self.model.unit, continuous=True)

    def _decomposition_menu(self, pos):
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.label_decomposition.latex_action)
        menu.popup(self.label_decomposition.mapToGlobal(pos))
