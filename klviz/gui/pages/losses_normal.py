"""The Normal panel of the Losses tab: −log N(y; f, σ²) is ½ log(2πσ²) + (y − f)²/(2σ²), and over a
data set the mean of it is ½ log 2π + ½ MSE (σ = 1): least squares is maximum likelihood."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from klviz.state import losslab as lab
from klviz.scene import losses as slosses
from klviz.gui.pages.losses_common import (
    MINUS,
    Half,
    HalvesSplitter,
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
from klviz.gui.widgets.still_plot import set_axis_label
from klviz.gui.widgets.reflow import Secondary, WrapRow
from klviz.gui.widgets.drag_plot import DragPlot
from klviz.gui.widgets.parts import BuiltInParts
from klviz.gui.widgets.slider_spin import BoundedDoubleSpinBox
from klviz.style import ENTROPY_COLOR, KL_COLOR, P_COLOR, Q_COLOR
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate

POINT_READOUTS = (
    ("nll", QT_TRANSLATE_NOOP("klviz", "−log N(y; f, σ²)"), QT_TRANSLATE_NOOP("klviz", "The cross-entropy of one observation y under the model N(f, σ²)"), ENTROPY_COLOR),
    ("nll_constant", QT_TRANSLATE_NOOP("klviz", "½ log(2πσ²)"), QT_TRANSLATE_NOOP("klviz", "The part that does not depend on the prediction"), None),
    ("nll_squared", "(y − f)² / (2σ²)", QT_TRANSLATE_NOOP("klviz", "The squared-error part (with its ½)"), KL_COLOR),
)
DATA_READOUTS = (
    ("mean_nll", QT_TRANSLATE_NOOP("klviz", "mean −log N"), QT_TRANSLATE_NOOP("klviz", "Mean cross-entropy of the data under N(a x + b, σ²)"), ENTROPY_COLOR),
    ("mse", "MSE", QT_TRANSLATE_NOOP("klviz", "Mean squared error of the line (in squared units of y; not an information unit)"), None),
    ("slope", QT_TRANSLATE_NOOP("klviz", "slope a"), QT_TRANSLATE_NOOP("klviz", "Least-squares slope (numpy.polyfit gives the same)"), Q_COLOR),
    ("intercept", QT_TRANSLATE_NOOP("klviz", "intercept b"), QT_TRANSLATE_NOOP("klviz", "Least-squares intercept"), Q_COLOR),
)
def _spin(name, lo, hi, step, tip, what):
    s = BoundedDoubleSpinBox(what)
    s.setObjectName(name)
    s.setRange(lo, hi)
    s.setDecimals(3)
    s.setSingleStep(step)
    s.setKeyboardTracking(False)
    s.setToolTip(tip)
    return s


def _set_spin(spin, value):
    if abs(spin.value() - value) > 1e-12:
        blocked = spin.blockSignals(True)
        spin.setValue(value)
        spin.blockSignals(blocked)


class NormalPanel(BuiltInParts, QtWidgets.QWidget):
    def __init__(self, model, parent=None, build=True):
        """build=False: the panel's frame only; build_steps() builds the rest a part per step
        (the app's start builds it after the first paint, a part per event-loop turn)."""
        super().__init__(parent)
        self.setObjectName("panel_loss_normal")
        self.model = model
        self._keys = {}
        self._start_building(build)

    def _build_parts(self):
        yield from self._build()
        self._refresh_when_shown = when_shown(self, self.refresh)  # hidden: refreshed when shown
        self.model.lossesChanged.connect(self._on_losses_changed)
        self.model.unitChanged.connect(self._refresh_when_shown)
        self.refresh()

    # -- construction --------------------------------------------------------------------------
    def _build(self):
        upd = lambda op, *a: self.model.update_losses("normal", op, *a)  # noqa: E731
        lo, hi = lab.NORMAL_RANGE
        self.spin_y = _spin("spin_loss_normal_y", lo, hi, 0.1, translate("pages.losses_normal", "The observed target y"),
                            translate("pages.losses_normal", "Target y"))
        self.spin_f = _spin("spin_loss_normal_f", lo, hi, 0.1, translate("pages.losses_normal", "The model's prediction f (the mean of N(f, σ²))"),
                            translate("pages.losses_normal", "Prediction f"))
        self.check_sigma = QtWidgets.QCheckBox(translate("pages.losses_normal", "free σ"))
        self.check_sigma.setObjectName("check_loss_sigma_free")
        self.check_sigma.setToolTip(translate("pages.losses_normal", "Unticked, σ is fixed at 1: then −log N is ½ log 2π + ½ (y − f)²"))
        self.spin_sigma = _spin("spin_loss_sigma", *lab.SIGMA_RANGE, 0.1, translate("pages.losses_normal", "The model's standard deviation σ"), "σ")
        self.spin_y.valueChanged.connect(lambda v: upd(lab.set_normal_target, v))
        self.spin_f.valueChanged.connect(lambda v: upd(lab.set_normal_prediction, v))
        self.check_sigma.toggled.connect(lambda on: upd(lab.set_free_sigma, on))
        self.spin_sigma.valueChanged.connect(lambda v: upd(lab.set_sigma, v))

        controls = row = WrapRow()  # wraps onto more lines on a narrow screen instead of cutting its controls
        for text, w in ((translate("pages.losses_normal", "Target y"), self.spin_y), (translate("pages.losses_normal", "Prediction f"), self.spin_f)):
            label = QtWidgets.QLabel(text)
            label.setBuddy(w)
            row.add_group(label, w)
        row.add_group(self.check_sigma, self.spin_sigma)

        # one observation: the parabola
        self.plot_nll = DragPlot(lab.NORMAL_RANGE, (0.0, 5.0), tooltip=lambda i: translate("pages.losses_normal", "Drag (or click) to move the prediction f"))
        self.plot_nll.setObjectName("plot_loss_nll")
        pi = self.plot_nll.getPlotItem()
        self.plot_nll.set_title(translate("pages.losses_normal", "−log N(y; f, σ²) over f"))
        pi.showGrid(x=True, y=True, alpha=0.2)
        pi.setLabel("bottom", translate("pages.losses_normal", "prediction f"))
        self._parabola = curve(ENTROPY_COLOR, 3)
        self._floor = curve("#888888", 2, QtCore.Qt.PenStyle.DashLine)
        self._target = curve(P_COLOR, 1.5, QtCore.Qt.PenStyle.DotLine)
        self._gap = curve(KL_COLOR, 6)
        self._point = pg.ScatterPlotItem(size=16, brush=Q_COLOR, pen=pg.mkPen("#222222", width=1.5))
        self._point.setZValue(20)
        for item in (self._target, self._floor, self._parabola, self._gap, self._point):
            pi.addItem(item)
        self.plot_nll.dragMoved.connect(lambda i, x, y: upd(lab.set_normal_prediction, x))
        key_text = translate("pages.losses_normal", '{0} −log N(y; f, σ²) &nbsp; {1} ½ log(2πσ²) &nbsp; {2} (y − f)²/(2σ²) &nbsp; {3} f&nbsp;=&nbsp;y').format(coloured('━━', ENTROPY_COLOR), coloured('╍╍', '#888888'), coloured('┃', KL_COLOR, True), coloured('┆', P_COLOR))
        self.key_nll = key_nll = caption_label(key_text, "loss_key_nll")
        # stacked, the key is the caption of the half's arrow (see below): no line of its own
        self.key_nll_caption = caption_label(key_text, "loss_key_nll_caption")

        self.point_readouts = readouts(POINT_READOUTS, "loss_readouts_nll")
        self.formula_nll = formula_label("loss_formula_nll")

        left = QtWidgets.QWidget()
        ll = QtWidgets.QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.plot_nll, 1)
        ll.addWidget(key_nll)

        yield

        # a data set: points, the fitted line, the losses over the slope
        self.plot_data = DragPlot(slosses.widen(lab.DATA_X), slosses.widen(lab.DATA_Y), grab_radius=18, tooltip=self._point_tip)
        self.plot_data.setObjectName("plot_loss_data")
        self.plot_data.set_title(translate("pages.losses_normal", "Data and the fitted line"))
        pd = self.plot_data.getPlotItem()
        pd.showGrid(x=True, y=True, alpha=0.2)
        pd.setLabel("bottom", "x")
        pd.setLabel("left", "y")
        self._residuals = pg.PlotDataItem(pen=pg.mkPen("#888888", width=1.5), connect="pairs")
        self._line = curve(Q_COLOR, 3)
        self._points = pg.ScatterPlotItem(size=14, brush=P_COLOR, pen=pg.mkPen("#FFFFFF", width=1.5))
        self._points.setZValue(20)
        for item in (self._residuals, self._line, self._points):
            pd.addItem(item)
        self.plot_data.dragMoved.connect(lambda i, x, y: upd(lab.move_point, i, x, y))
        self.plot_data.dragFinished.connect(self.refresh)
        self.plot_data.addRequested.connect(lambda x, y: upd(lab.add_point, x, y))
        self.plot_data.removeRequested.connect(lambda i: upd(lab.remove_point, i))
        self.button_reset = QtWidgets.QPushButton(translate("pages.losses_normal", "Reset data"))
        self.button_reset.setObjectName("button_loss_reset_data")
        self.button_reset.setToolTip(translate("pages.losses_normal", "Back to the starting seven points"))
        self.button_reset.clicked.connect(lambda: upd(lab.reset_data))

        yield

        self.plot_profile = pg.PlotWidget(background=None, enableMenu=False)
        self.plot_profile.setObjectName("plot_loss_profile")
        self.plot_profile.setMinimumSize(200, 120)
        pp = self.plot_profile.getPlotItem()
        pp.setMenuEnabled(False)
        pp.hideButtons()
        pp.setMouseEnabled(x=False, y=False)
        pp.showGrid(x=True, y=True, alpha=0.2)
        pp.setLabel("bottom", translate("pages.losses_normal", "slope a (with its best b)"))
        pp.setXRange(slosses.SLOPES[0], slosses.SLOPES[-1], padding=0)
        self._prof_nll = curve(ENTROPY_COLOR, 2.5)
        self._prof_mse = curve("#888888", 2, QtCore.Qt.PenStyle.DashLine)
        self._prof_min = curve(Q_COLOR, 2)
        self._prof_pts = pg.ScatterPlotItem(size=10, brush=Q_COLOR, pen=None)
        for item in (self._prof_mse, self._prof_nll, self._prof_min, self._prof_pts):
            pp.addItem(item)
        self._prof_top = None
        self.key_profile = caption_label("", "loss_key_profile")
        # one line, no word wrap: a wrapping label would make the side column size itself by
        # height-for-width from the plot's large size hint, pushing the plot out of view
        self.key_profile.setWordWrap(False)

        self.data_readouts = readouts(DATA_READOUTS, "loss_readouts_data")
        self.formula_data = formula_label("loss_formula_data")

        yield

        # Each half carries its own readouts (one observation | the data set): no third column
        # that would need the width of both charts and the readouts side by side (1233 px), nor a
        # stack taller than a 1024×768 projector's page. Narrower than both halves (960×540) the
        # halves stack, each with its readouts beside its chart, and each behind an arrow: a
        # short page shows one at a time.
        right = QtWidgets.QWidget()
        rl = QtWidgets.QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.plot_data, 1)
        # stacked, the data hint is the caption of the data half's arrow (the row of inputs then
        # stays one line)
        hint_text = translate("pages.losses_normal", "Data: drag a point · double-click to add one · right-click one to remove it")
        hint = caption_label(hint_text)
        self.hint_caption = caption_label(hint_text, "loss_hint_data")
        box2 = group(translate("pages.losses_normal", "The data set and its line"), "box_loss_data")
        b2 = QtWidgets.QVBoxLayout(box2)
        b2.addWidget(self.data_readouts)
        # secondary: on a short screen the profile chart folds behind its arrow, its one-line
        # title staying, so the readouts stay in view
        self.profile_part = Secondary(
            self.key_profile, self.plot_profile, "part_loss_profile",
            translate("pages.losses_normal", "the losses over the slope"),
            folded_title=translate("pages.losses_normal", "Losses over the slope a"))
        b2.addWidget(self.profile_part, 1)
        point_half = Half(left, self.point_readouts)
        data_half = Half(right, box2)
        data_half.set_numbers_stretch(1)
        # the two charts share the column's height; folded, the box takes only its own height
        self.profile_part.expandedChanged.connect(lambda on: data_half.set_numbers_stretch(1 if on else 0))

        # stacked, each half behind an arrow: open, its caption is its key (the hint); folded, its title
        self.point_part = Secondary(self.key_nll_caption, point_half, "part_loss_point",
                                    translate("pages.losses_normal", "−log N(y; f, σ²) over f"),
                                    folded_title=translate("pages.losses_normal", "−log N(y; f, σ²) over f"))
        self.data_part = Secondary(self.hint_caption, data_half, "part_loss_data",
                                   translate("pages.losses_normal", "Data and the fitted line"),
                                   folded_title=translate("pages.losses_normal", "Data and the fitted line"))
        self.charts = charts = HalvesSplitter((self.point_part, self.data_part))
        charts.stackedChanged.connect(self._on_stacked)

        self.row_hint = row.add_group(hint, stretch=hint)
        row.add_group(self.button_reset)

        self.formulas = formulas = group(translate("pages.losses_normal", "Worked out (log is the natural logarithm)"))
        fl = QtWidgets.QHBoxLayout(formulas)
        fl.addWidget(self.formula_nll, 1)
        fl.addSpacing(16)
        fl.addWidget(self.formula_data, 1)
        assemble(self, controls, charts, None, formulas)
        self.page_scroll.add_secondary(self.profile_part)  # after the formulas: they fold first
        # stacked on a short page: the data set folds first, then (a page shorter still) the other
        self.page_scroll.add_secondary(self.data_part, when=charts.stacked)
        self.page_scroll.add_secondary(self.point_part, when=charts.stacked)

    def _on_stacked(self, on):
        self.key_nll.setVisible(not on)
        self.row_hint.setVisible(not on)

    def set_quiz(self, on):
        """Quiz mode: the values read "?" and the worked numbers are hidden; the plots stay."""
        self.point_readouts.set_quiz(on)
        self.data_readouts.set_quiz(on)
        self.formulas.setVisible(not on)

    def _point_tip(self, i):
        s = self.model.losses.normal
        if i >= len(s.xs):
            return ""
        return f"point {i + 1}: x = {num(s.xs[i])}, y = {num(s.ys[i])}"

    # -- drawing -------------------------------------------------------------------------------
    def _on_losses_changed(self, part):
        if part == "normal":
            self._refresh_when_shown()

    def redraw_all(self):
        """Redraw every part at the next refresh, not only the ones whose numbers changed (the
        theme changed: the formulas' colours with it)."""
        self._keys.clear()
        self.refresh()

    def refresh(self):
        s = self.model.losses.normal
        unit = self.model.unit
        sigma = s.sigma_used
        _set_spin(self.spin_y, s.y)
        _set_spin(self.spin_f, s.f)
        _set_spin(self.spin_sigma, s.sigma)
        if self.check_sigma.isChecked() != s.free_sigma:
            blocked = self.check_sigma.blockSignals(True)
            self.check_sigma.setChecked(s.free_sigma)
            self.check_sigma.blockSignals(blocked)
        self.spin_sigma.setEnabled(s.free_sigma)
        # redraw only the half that changed (a drag moves one of them; each redraw costs a repaint)
        point_key = (s.y, s.f, sigma, unit)
        if self._keys.get("point") != point_key:
            self._keys["point"] = point_key
            self._refresh_point(s, sigma, unit)
        data_key = (s.xs, s.ys, sigma, unit, self.plot_data.dragging)
        if self._keys.get("data") != data_key:
            self._keys["data"] = data_key
            self._refresh_data(s, sigma, unit)

    def _refresh_point(self, s, sigma, unit):
        sc = slosses.normal_point(s, unit)
        r = sc.report
        lo, hi = sc.y_range
        self.plot_nll.set_ranges(lab.NORMAL_RANGE, (lo, hi))
        set_axis_label(self.plot_nll, "left", translate("pages.losses_normal", 'loss ({unit})').format(unit=unit))
        key = (s.y, sigma, unit)
        if self._keys.get("parabola") != key:
            self._keys["parabola"] = key
            self._parabola.setData(*slosses.normal_curve(s.y, sigma, unit))
            c = sc.constant
            self._floor.setData(list(lab.NORMAL_RANGE), [c, c])
            self._target.setData([s.y, s.y], [lo, hi])
        gx, g0, g1 = sc.gap
        self._gap.setData([gx, gx], [g0, g1])
        self._point.setData([sc.point[0]], [sc.point[1]], symbol="t1" if sc.above else "o")
        self.plot_nll.set_handles([sc.point[0]], [sc.point[1]])

        self.point_readouts.set_values(
            in_unit({"nll": r.nll, "nll_constant": r.constant, "nll_squared": r.squared_term}, unit), unit)
        self.formula_nll.setText(self._formula_point(r, unit))

    def _formula_point(self, r, unit):
        y = coloured(num(r.y), P_COLOR)
        if r.sigma == 1.0:
            lines = [
                f"<b>−log N(y; f, 1)</b> = ½ log 2π + ½ (y {MINUS} f)²",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= {num(r.constant)} + ½ ({y} {MINUS} {coloured(paren(r.f), Q_COLOR)})²"
                f" = {num(r.constant)} + {num(r.squared_term)}",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= <b>{with_unit(r.nll, unit)}</b>",
                translate("pages.losses_normal", "(The ½ on the squared error is the 1/(2σ²) of the density with σ = 1.)"),
            ]
        else:
            s = num(r.sigma)
            lines = [
                f"<b>−log N(y; f, σ²)</b> = ½ log(2πσ²) + (y {MINUS} f)² / (2σ²)",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= ½ log(2π·{s}²) + ({y} {MINUS} {coloured(paren(r.f), Q_COLOR)})² / (2·{s}²)",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= {num(r.constant)} + {num(r.squared_term)} = <b>{with_unit(r.nll, unit)}</b>",
            ]
        lines.append(translate("pages.losses_normal", "The part that moves with f, (y − f)²/(2σ²), is also {kl}.").format(
            kl=coloured('D(N(y, σ²) ‖ N(f, σ²))', KL_COLOR)))
        return "<br>".join(lines)

    def _refresh_data(self, s, sigma, unit):
        sc = slosses.normal_data(s, unit)
        r = sc.report
        self.plot_data.set_handles(r.x, r.y)
        self._points.setData(r.x, r.y)
        self._line.setData(*sc.line)
        self._residuals.setData(*sc.residuals)

        self._prof_nll.setData(slosses.SLOPES, sc.profile_nll)
        self._prof_mse.setData(slosses.SLOPES, sc.profile_half_mse)
        fit_nll, fit_half = sc.fit
        if not self.plot_data.dragging or self._prof_top is None:
            top = sc.top
            if top != self._prof_top:
                self._prof_top = top
                self.plot_profile.getPlotItem().setYRange(0.0, top, padding=0)
        self._prof_min.setData([r.slope, r.slope], [0.0, self._prof_top])
        self._prof_pts.setData([r.slope, r.slope], [fit_nll, fit_half])
        set_axis_label(self.plot_profile, "left", translate("pages.losses_normal", 'loss ({unit})').format(unit=unit))
        self.key_profile.setText(
            translate("pages.losses_normal", '{0} mean −log N &nbsp; {1} ½ MSE &nbsp; {2} fitted slope').format(coloured('━━', ENTROPY_COLOR), coloured('╍╍', '#888888'), coloured('┃', Q_COLOR, True)))

        self.data_readouts.set_values(  # the least-squares numbers have no information unit
            {**in_unit({"mean_nll": r.mean_nll}, unit), "mse": r.mse, "slope": r.slope, "intercept": r.intercept},
            {"mean_nll": unit, "mse": "", "slope": "", "intercept": ""})
        self.formula_data.setText(self._formula_data(r, unit))

    def _formula_data(self, r, unit):
        n = r.x.size
        if r.sigma == 1.0:
            lines = [
                translate("pages.losses_normal", "<b>mean −log N</b>") + " = (1/n) Σ<sub>i</sub> −log N(y<sub>i</sub>; a x<sub>i</sub> + b, 1)",
                "&nbsp;&nbsp;&nbsp;&nbsp;= ½ log 2π + ½ MSE",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= {num(r.constant)} + ½·{num(r.mse)} = <b>{with_unit(r.mean_nll, unit)}</b>",
                translate("pages.losses_normal", "(n = {n}.) The constant does not depend on the line, so the line with the least MSE is "
                          "the line with the least cross-entropy: over the slope, both curves bottom out together.").format(n=n),
            ]
        else:
            s = num(r.sigma)
            lines = [
                translate("pages.losses_normal", "<b>mean −log N</b>") + " = ½ log(2πσ²) + MSE / (2σ²)",
                f"&nbsp;&nbsp;&nbsp;&nbsp;= {num(r.constant)} + {num(r.mse)} / (2·{s}²) = "
                f"<b>{with_unit(r.mean_nll, unit)}</b>",
                translate("pages.losses_normal", "(n = {n}.) Any fixed σ scales and shifts the MSE, so the best line is the same. "
                          "The best σ for this line is √MSE = {best}.").format(n=n, best=num(r.best_sigma)),
            ]
        if not r.unique:
            lines.append(translate("pages.losses_normal", "All x are equal: every line through the mean fits as well; this one is flat."))
        return "<br>".join(lines)
