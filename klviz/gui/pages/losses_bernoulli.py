"""The Bernoulli panel of the Losses tab: binary cross-entropy as H(Bern(y), Bern(f)), f = σ(z)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from klviz.state import losslab as lab
from klviz.scene import losses as slosses
from klviz.gui.pages.losses_common import (
    MINUS,
    assemble,
    caption_label,
    coloured,
    curve,
    formula_label,
    group,
    in_unit,
    num,
    paren,
    readouts,
    with_unit,
)
from klviz.gui.widgets.reflow import WrapRow
from klviz.gui.widgets.drag_plot import DragPlot
from klviz.gui.widgets.parts import BuiltInParts
from klviz.gui.widgets.slider_spin import BoundedDoubleSpinBox, SliderSpin
from klviz.gui.widgets.still_plot import SpacedAxis, set_axis_label
from klviz.gui.widgets.value_label import ValueLabel
from klviz.style import ENTROPY_COLOR, KL_COLOR, P_COLOR, Q_COLOR
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate

READOUTS = (
    ("bce", "BCE", QT_TRANSLATE_NOOP("klviz", "Binary cross-entropy: −[y log f + (1−y) log(1−f)]"), ENTROPY_COLOR),
    ("bce_entropy", "H(Bern(y))", QT_TRANSLATE_NOOP("klviz", "Entropy of the target: the least loss any prediction can reach (at f = y)"), P_COLOR),
    ("bce_kl", QT_TRANSLATE_NOOP("klviz", "D(Bern(y) ‖ Bern(f))"), QT_TRANSLATE_NOOP("klviz", "KL divergence: what the prediction adds above the target's entropy"), KL_COLOR),
)


def prob_text(p, log_p):
    """A probability for a formula; one that underflowed to 0 is written through its exact log."""
    if p == 0.0:
        return f"e<sup>{num(log_p)}</sup>"
    return num(p)


class BernoulliPanel(BuiltInParts, QtWidgets.QWidget):
    def __init__(self, model, parent=None, build=True):
        """build=False: the panel's frame only; build_steps() builds the rest a part per step
        (the app's start builds it after the first paint, a part per event-loop turn)."""
        super().__init__(parent)
        self.setObjectName("panel_loss_bernoulli")
        self.model = model
        self._curve_key = None
        self._start_building(build)

    def _build_parts(self):
        yield from self._build()
        model = self.model
        self._refresh_when_shown = when_shown(self, self.refresh)  # hidden: refreshed when shown
        model.lossesChanged.connect(self._on_losses_changed)
        model.unitChanged.connect(self._refresh_when_shown)
        self.refresh()

    # -- construction --------------------------------------------------------------------------
    def _build(self):
        model = self.model
        # inputs
        self.spin_y = BoundedDoubleSpinBox(translate("pages.losses_bernoulli", "Target y"))
        self.spin_y.setObjectName("spin_loss_y")
        self.spin_y.setRange(0.0, 1.0)
        self.spin_y.setDecimals(3)
        self.spin_y.setSingleStep(0.05)
        self.spin_y.setKeyboardTracking(False)
        self.spin_y.setToolTip(translate("pages.losses_bernoulli", "The target: probability of class 1 (0 or 1 is a hard label, between is a soft label)"))
        self.spin_y.valueChanged.connect(lambda v: model.update_losses("bernoulli", lab.set_target, v))
        self.button_y0 = QtWidgets.QPushButton(translate("pages.losses_bernoulli", "Hard label y = 0"))
        self.button_y0.setObjectName("button_loss_y0")
        self.button_y0.clicked.connect(lambda: model.update_losses("bernoulli", lab.set_target, 0.0))
        self.button_y1 = QtWidgets.QPushButton(translate("pages.losses_bernoulli", "Hard label y = 1"))
        self.button_y1.setObjectName("button_loss_y1")
        self.button_y1.clicked.connect(lambda: model.update_losses("bernoulli", lab.set_target, 1.0))
        # the slider: z from -10 to 10 in steps of 0.01 (arrow keys 0.01, Page Up/Down 0.1); the
        # spin box: any z the loss lab takes, typed, a number beyond it said aloud and set to the limit
        lab_z = QtWidgets.QLabel(translate("pages.losses_bernoulli", "Logit z"))
        self.z = SliderSpin("loss_z", -10.0, 10.0, resolution=2000, single_step=1, page_step=10, decimals=3,
                            step=0.1, spin_range=(-lab.MAX_LOGIT, lab.MAX_LOGIT), what=lab_z.text(),
                            tooltip=translate("pages.losses_bernoulli", "The model's logit z; its prediction is f = σ(z) = 1 / (1 + e^−z)"),
                            parent=self)
        self.z.slider.setMinimumWidth(160)
        self.z.valueEdited.connect(lambda v: model.update_losses("bernoulli", lab.set_logit, v))
        self.label_f = ValueLabel()
        self.label_f.setObjectName("loss_value_f")
        self.label_f.setToolTip(translate("pages.losses_bernoulli", "The model's probability of class 1:  f = σ(z) = 1 / (1 + e^(−z))"))
        self.label_f.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.label_f.setMinimumWidth(self.label_f.fontMetrics().horizontalAdvance("f = σ(z) = 0.00000e-100"))

        row = WrapRow()  # wraps onto a second line on a narrow screen: f = σ(z) stays in view
        lab_y = QtWidgets.QLabel(translate("pages.losses_bernoulli", "Target y"))
        lab_y.setBuddy(self.spin_y)
        lab_z.setBuddy(self.z.spin)
        row.add_group(lab_y, self.spin_y)
        row.add_group(self.button_y0, self.button_y1)
        row.add_group(lab_z, self.z.slider, self.z.spin, stretch=self.z.slider)
        row.add_group(self.label_f)

        yield
        # the loss over f
        self.plot = DragPlot((0.0, 1.0), (0.0, slosses.BCE_TOP_NATS), tooltip=lambda i: translate("pages.losses_bernoulli", "Drag (or click) to move the prediction f"))
        self.plot.setObjectName("plot_loss_bce")
        self.plot.set_title(translate("pages.losses_bernoulli", "BCE over the prediction f, for this target y"))
        self._curve = curve(ENTROPY_COLOR, 3)
        self._floor = curve(P_COLOR, 2, QtCore.Qt.PenStyle.DashLine)
        self._target = curve(P_COLOR, 1.5, QtCore.Qt.PenStyle.DotLine)
        self._gap = curve(KL_COLOR, 6)
        self._point = pg.ScatterPlotItem(size=16, brush=Q_COLOR, pen=pg.mkPen("#222222", width=1.5))
        self._point.setZValue(20)
        pi = self.plot.getPlotItem()
        # ticks every 0.1, labelled as often as the tick font leaves room for (F11 at 1024×768: 0.2)
        pi.setAxisItems({"bottom": SpacedAxis("bottom", finest=0.1)})
        pi.showGrid(x=True, y=True, alpha=0.2)
        pi.setLabel("bottom", translate("pages.losses_bernoulli", "prediction f = σ(z)"))
        for item in (self._target, self._floor, self._curve, self._gap, self._point):
            pi.addItem(item)
        self.plot.dragMoved.connect(lambda i, x, y: model.update_losses("bernoulli", lab.set_prediction, x))
        key = caption_label(
            translate("pages.losses_bernoulli", '{0} BCE(y, f) &nbsp; {1} H(Bern(y)): the floor, reached at f = y &nbsp; {2} D(Bern(y) ‖ Bern(f)): the height above it &nbsp; {3} f&nbsp;=&nbsp;y &nbsp; {4} the prediction (drag it)').format(coloured('━━', ENTROPY_COLOR), coloured('╍╍', P_COLOR), coloured('┃', KL_COLOR, True), coloured('┆', P_COLOR), coloured('●', Q_COLOR))
        )

        plot_box = QtWidgets.QWidget()
        pl = QtWidgets.QVBoxLayout(plot_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.plot, 1)
        pl.addWidget(key)

        yield
        # numbers
        self.readouts = readouts(READOUTS, "loss_readouts_bce")
        self.note = formula_label("loss_note_bce")
        side = group(translate("pages.losses_bernoulli", "Binary cross-entropy"))
        sl = QtWidgets.QVBoxLayout(side)
        sl.addWidget(self.readouts)
        sl.addWidget(self.note)
        sl.addStretch(1)
        self.formula = formula_label("loss_formula_bce")
        self.formulas = group(translate("pages.losses_bernoulli", "Worked out (log is the natural logarithm)"))
        QtWidgets.QVBoxLayout(self.formulas).addWidget(self.formula)
        assemble(self, row, plot_box, side, self.formulas)

    def set_quiz(self, on):
        """Quiz mode: the values read "?", the worked numbers are hidden; the plot stays."""
        self.readouts.set_quiz(on)
        self.label_f.set_quiz(on)
        for w in (self.formulas, self.note):
            w.setVisible(not on)

    # -- drawing -------------------------------------------------------------------------------
    def _on_losses_changed(self, part):
        if part == "bernoulli":
            self._refresh_when_shown()

    def refresh(self):
        s = self.model.losses.bernoulli
        unit = self.model.unit
        sc = slosses.bernoulli(s, unit)
        r = sc.report
        if abs(self.spin_y.value() - s.y) > 1e-12:
            blocked = self.spin_y.blockSignals(True)
            self.spin_y.setValue(s.y)
            self.spin_y.blockSignals(blocked)
        self.z.set_value(s.z)
        self.label_f.setText(f"f = σ(z) = {coloured(prob_text(r.f, r.log_f), Q_COLOR, True)}")

        top = sc.top
        self.plot.set_ranges((0.0, 1.0), (0.0, top))
        set_axis_label(self.plot, "left", translate("pages.losses_bernoulli", 'loss ({unit})').format(unit=unit))
        if self._curve_key != (s.y, unit):
            self._curve_key = (s.y, unit)
            self._curve.setData(*slosses.bernoulli_curve(s.y, unit))
            h = sc.entropy
            self._floor.setData([0.0, 1.0], [h, h])
            self._target.setData([s.y, s.y], [0.0, top])
        gx, g0, g1 = sc.gap
        self._gap.setData([gx, gx], [g0, g1])
        self._point.setData([sc.point[0]], [sc.point[1]], symbol="t1" if sc.above else "o")
        self.plot.set_handles([sc.point[0]], [sc.point[1]])

        self.readouts.set_values(in_unit({"bce": r.bce, "bce_entropy": r.entropy, "bce_kl": r.kl}, unit), unit)
        self.formula.setText(self._formula(r, unit))
        self.note.setText(self._note(r, unit))

    def _formula(self, r, unit):
        y = coloured(num(r.y), P_COLOR)
        y1 = coloured(num(1.0 - r.y), P_COLOR)
        f = coloured(prob_text(r.f, r.log_f), Q_COLOR)
        g = coloured(prob_text(r.one_minus_f, r.log_one_minus_f), Q_COLOR)
        lines = [
            f"f = σ(z) = 1 / (1 + e<sup>{MINUS}z</sup>) = {f}, &nbsp; 1 {MINUS} f = σ({MINUS}z) = {g}",
            f"<b>BCE</b> = H(Bern(y), Bern(f)) = {MINUS}[y log f + (1{MINUS}y) log(1{MINUS}f)]",
        ]
        if r.hard:
            which = "f" if r.y == 1.0 else f"(1{MINUS}f)"
            p, lp = (f, r.log_f) if r.y == 1.0 else (g, r.log_one_minus_f)
            lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;= {MINUS}log {which} = {MINUS}log {p} = {MINUS}{paren(lp)}"
                         f" = <b>{with_unit(r.bce, unit)}</b>")
        else:
            lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;= {MINUS}[{y}·log {f} + {y1}·log {g}]")
            lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;= {MINUS}[{y}·{paren(r.log_f)} + {y1}·{paren(r.log_one_minus_f)}]"
                         f" = <b>{with_unit(r.bce, unit)}</b>")
        lines.append(
            f"{coloured('H(Bern(y))', P_COLOR)} = {MINUS}[y log y + (1{MINUS}y) log(1{MINUS}y)] = {with_unit(r.entropy, unit)}")
        lines.append(
            f"BCE = {coloured('H(Bern(y))', P_COLOR)} + {coloured('D(Bern(y) ‖ Bern(f))', KL_COLOR)}"
            f" = {num(r.entropy)} + {num(r.kl)} nats")
        return "<br>".join(lines)

    def _note(self, r, unit):
        if r.hard:
            return translate("pages.losses_bernoulli", "<b>A hard label</b> (y = {y}) has no uncertainty: H(Bern(y)) = 0, so the "
                             "binary cross-entropy <i>is</i> the KL divergence: BCE = D(Bern(y) ‖ Bern(f)) = "
                             "{kl}.").format(y=num(r.y, 1), kl=coloured(with_unit(r.kl, unit), KL_COLOR))
        return translate("pages.losses_bernoulli", "A soft label keeps some uncertainty: H(Bern(y)) &gt; 0 is a floor no prediction can go "
                         "below, reached at f = y. Training can only remove the KL part.")
