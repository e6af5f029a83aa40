"""The Categorical panel of the Losses tab: softmax cross-entropy from logits, exact for any gap;
and the imported batch (File › Import data… › the loss lab's batch): each data pair's
cross-entropy and their mean, in the BatchPanel ("loss_batch"), which follows `model.batch`."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from klviz.state import losslab as lab
from klviz.scene import losses as slosses
from klviz.scene.readouts import format_value
from klviz.gui.pages.losses_common import (
    MINUS,
    assemble,
    caption_below,
    caption_label,
    coloured,
    formula_label,
    group,
    in_unit,
    num,
    paren,
    readouts,
    short,
    with_unit,
)
from klviz.gui.widgets.reflow import Secondary, WrapRow, essentials_height
from klviz.gui.widgets.style_sheet import set_style_sheet
from klviz.gui.widgets.batch_panel import BatchPanel
from klviz.gui.widgets.buttons import push_button
from klviz.gui.widgets.parts import BuiltInParts
from klviz.gui.widgets.bar_chart import BarChart, Series
from klviz.gui.widgets.drag_plot import LogitChart
from klviz.gui.widgets.slider_spin import BoundedSpinBox
from klviz.style import ENTROPY_COLOR, ERROR_COLOR, KL_COLOR, P_COLOR, Q_COLOR, text_color
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate

READOUTS = (
    ("ce", "H(y, f)", QT_TRANSLATE_NOOP("klviz", "Categorical cross-entropy: −Σ yᵢ log fᵢ = log Σ exp(zⱼ) − Σ yᵢ zᵢ"), ENTROPY_COLOR),
    ("ce_entropy", "H(y)", QT_TRANSLATE_NOOP("klviz", "Entropy of the target (0 for a one-hot target)"), P_COLOR),
    ("ce_kl", "D(y ‖ f)", QT_TRANSLATE_NOOP("klviz", "KL divergence from the target to the softmax"), KL_COLOR),
)
EXTREME = 1000.0


def logits_text(values):
    """Logits as editable text: '2, 1, 0.1, -1'."""
    return ", ".join(f"{v:.6g}" for v in values)


def prob_text(p, log_p):
    if p == 0.0:
        return f"e<sup>{num(log_p)}</sup>"
    return num(p)


class CategoricalPanel(BuiltInParts, QtWidgets.QWidget):
    sendToBernoulli = QtCore.Signal()

    def __init__(self, model, parent=None, build=True):
        """build=False: the panel's frame only; build_steps() builds the rest a part per step
        (the app's start builds it after the first paint, a part per event-loop turn)."""
        super().__init__(parent)
        self.setObjectName("panel_loss_categorical")
        self.model = model
        self._start_building(build)

    def _build_parts(self):
        yield from self._build()
        model = self.model
        self._refresh_when_shown = when_shown(self, self.refresh)  # hidden: refreshed when shown
        model.lossesChanged.connect(self._on_losses_changed)
        model.unitChanged.connect(self._refresh_when_shown)
        show_batch = when_shown(self, self._show_batch)
        model.batchChanged.connect(show_batch)
        model.unitChanged.connect(show_batch)
        self.refresh()
        self._show_batch()

    # -- construction --------------------------------------------------------------------------
    def _build(self):
        model = self.model
        upd = lambda op, *a: model.update_losses("categorical", op, *a)  # noqa: E731

        self.spin_classes = BoundedSpinBox(translate("pages.losses_categorical", "Classes"))
        self.spin_classes.setObjectName("spin_loss_classes")
        self.spin_classes.setRange(lab.MIN_CLASSES, lab.MAX_CLASSES)
        self.spin_classes.setKeyboardTracking(False)
        self.spin_classes.setToolTip(translate("pages.losses_categorical", "Number of classes (2 to 10); two classes is the Bernoulli case"))
        self.spin_classes.valueChanged.connect(lambda n: upd(lab.set_classes, n))
        self.radio_one_hot = QtWidgets.QRadioButton(translate("pages.losses_categorical", "One-hot: click a class"))
        self.radio_one_hot.setObjectName("radio_loss_one_hot")
        self.radio_soft = QtWidgets.QRadioButton(translate("pages.losses_categorical", "Soft: drag the target bars"))
        self.radio_soft.setObjectName("radio_loss_soft")
        self.radio_one_hot.toggled.connect(lambda on: upd(lab.set_mode, lab.ONE_HOT if on else lab.SOFT))
        self.button_smooth = push_button(translate("pages.losses_categorical", "Label smoothing 0.1"), "button_loss_smooth",
                                         lambda: upd(lab.smooth_target, 0.1),
                                         translate("pages.losses_categorical", "0.9 on the labelled class, 0.1 spread evenly over all classes"))
        self.edit_logits = QtWidgets.QLineEdit()
        self.edit_logits.setObjectName("edit_loss_logits")
        self.edit_logits.setToolTip(translate("pages.losses_categorical", "Type the logits, separated by commas (the class count follows), then Enter"))
        self.edit_logits.editingFinished.connect(self._logits_typed)
        self.button_extreme = push_button(translate("pages.losses_categorical", 'Gap {EXTREME:g}').format(EXTREME=EXTREME), "button_loss_extreme", self._extreme,
                                          translate("pages.losses_categorical", 'Logits (0, {EXTREME:g}, 0, …): f₀ underflows to 0, yet the loss stays exact because it is computed with logsumexp').format(EXTREME=EXTREME))
        self.label_error = QtWidgets.QLabel()
        self.label_error.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # it quotes what was typed
        self.label_error.setObjectName("loss_logits_error")
        set_style_sheet(self.label_error, f"color: {text_color(ERROR_COLOR)};")
        self.label_error.setProperty("role", "error")  # recoloured with the theme (LossesPage)

        row = WrapRow()  # wraps onto more lines on a narrow screen instead of cutting its controls
        lc = QtWidgets.QLabel(translate("pages.losses_categorical", "Classes"))
        lc.setBuddy(self.spin_classes)
        row.add_group(lc, self.spin_classes)
        # the two targets in groups of their own: together they were 383 px, wider than the page
        # beside the lesson panel in an 800×600 window (368 px)
        row.add_group(QtWidgets.QLabel(translate("pages.losses_categorical", "Target")), self.radio_one_hot)
        row.add_group(self.radio_soft)
        self.target_modes = QtWidgets.QButtonGroup(self)  # exclusive: they no longer share a parent
        self.target_modes.addButton(self.radio_one_hot)
        self.target_modes.addButton(self.radio_soft)
        row.add_group(self.button_smooth)
        ll = QtWidgets.QLabel(translate("pages.losses_categorical", "Logits"))
        ll.setBuddy(self.edit_logits)
        row.add_group(ll, self.edit_logits, self.button_extreme, stretch=self.edit_logits)

        yield
        # charts
        self.plot_logits = LogitChart(Q_COLOR, title=translate("pages.losses_categorical", "Logits z (drag a bar: any real value)"),
                                      tooltip=self._logit_tip)
        self.plot_logits.setObjectName("plot_logits")
        # a little shorter than a DragPlot's 150 px: at 800×600 both charts then fit the page
        # (437 px needed of 425 at 150) and the logits chart need not fold there
        self.plot_logits.setMinimumHeight(125)
        self.plot_logits.dragMoved.connect(lambda i, x, y: upd(lab.set_class_logit, i, y))
        self.plot_logits.dragFinished.connect(self.refresh)  # widen the axis if a bar left it
        self.plot_logits.nudged.connect(
            lambda i, d: upd(lab.set_class_logit, i, self.model.losses.categorical.logits[i] + d))
        yield
        self.plot_probs = BarChart([Series("y", P_COLOR, -0.2, 0.38), Series("f", Q_COLOR, 0.2, 0.38)],
                                   title=translate("pages.losses_categorical", "Target y (blue) and softmax f (orange)"), tooltip=self._prob_tip)
        self.plot_probs.setObjectName("plot_loss_probs")
        self.plot_probs.dragStarted.connect(self._target_pressed)
        self.plot_probs.dragMoved.connect(self._target_dragged)
        self.plot_probs.nudged.connect(self._target_nudged)

        charts = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        # secondary on a short page (960×540): the logits chart folds behind the arrow of the
        # softmax caption under it (the logits stay in the row above, typed), so the chart of
        # the target and the softmax, which the loss compares, keeps a readable height
        softmax = caption_label(translate("pages.losses_categorical", "softmax: f<sub>i</sub> = e<sup>z<sub>i</sub></sup> / "
                                "Σ<sub>j</sub> e<sup>z<sub>j</sub></sup> &nbsp;↓"))
        self.logits_part = caption_below(Secondary(
            softmax, self.plot_logits, "part_loss_logits",
            translate("pages.losses_categorical", "Logits z (drag a bar: any real value)")))
        cl.addWidget(self.logits_part, 1)
        cl.addWidget(self.plot_probs, 1)
        self.logits_part.expandedChanged.connect(lambda on: cl.setStretchFactor(self.logits_part, 1 if on else 0))

        yield
        # numbers
        self.readouts = readouts(READOUTS, "loss_readouts_ce")
        self.note = formula_label("loss_note_ce")
        side = group(translate("pages.losses_categorical", "Categorical cross-entropy"))
        sl = QtWidgets.QVBoxLayout(side)
        sl.addWidget(self.readouts)

        self.binary_box = group(translate("pages.losses_categorical", "Two classes: the Bernoulli case"), "box_loss_binary")
        xl = QtWidgets.QVBoxLayout(self.binary_box)
        self.binary_value = QtWidgets.QLabel()
        self.binary_value.setObjectName("loss_value_ce_binary")
        self.binary_value.setToolTip(translate("pages.losses_categorical", "With two classes, softmax cross-entropy = binary cross-entropy "
                                     "with f = σ(z₁ − z₀):  logsumexp(z) − Σ yᵢ zᵢ = −[y log f + (1−y) log(1−f)]"))
        self.binary_value.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        big = self.binary_value.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.binary_value.setFont(big)
        self.binary_value.setWordWrap(True)
        self.binary_formula = formula_label("loss_formula_ce_binary")
        self.button_to_bernoulli = push_button(translate("pages.losses_categorical", "Show in the Bernoulli panel"), "button_loss_to_bernoulli",
                                               self.sendToBernoulli.emit,
                                               translate("pages.losses_categorical", "Set the Bernoulli panel to y = y₁ and z = z₁ − z₀"))
        xl.addWidget(self.binary_value)
        xl.addWidget(self.binary_formula)
        xl.addWidget(self.button_to_bernoulli, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        # the two-class value right under the readouts, before the note: a short page (960×540)
        # shows the column's top, and the value is a readout too
        sl.addWidget(self.binary_box)
        sl.addWidget(self.note)
        self.batch_box = group(translate("pages.losses_categorical", "A batch of data pairs (File › Import data…)"), "box_loss_batch")
        self.batch = BatchPanel(unit=model.unit)
        self.batch.table.setMinimumHeight(120)
        # the mean (or the "No batch" hint) wraps: one long line would set the side column's
        # width and stack the readouts under the charts at 1024 px (issue 12)
        self.batch.mean.setWordWrap(True)
        QtWidgets.QVBoxLayout(self.batch_box).addWidget(self.batch)
        sl.addWidget(self.batch_box)
        sl.addStretch(1)

        yield
        self.formula = formula_label("loss_formula_ce")
        self.formulas = formulas = group(translate("pages.losses_categorical", "Worked out (log is the natural logarithm)"))
        QtWidgets.QVBoxLayout(formulas).addWidget(self.formula)
        controls = QtWidgets.QWidget()
        cl2 = QtWidgets.QVBoxLayout(controls)
        cl2.setContentsMargins(0, 0, 0, 0)
        cl2.addWidget(row)
        cl2.addWidget(self.label_error)
        self.label_error.setVisible(False)
        self._top, self._charts = assemble(self, controls, charts, side, formulas), charts
        # after the formulas: they fold first. Side by side it folds where the page does not
        # fit; stacked (beside the lesson panel), where the readouts under the charts would be
        # below the fold with both charts at their least height (the rest of the column, the
        # note and the batch, scrolls into view)
        self.page_scroll.add_secondary(self.logits_part, need=self._logits_need)

    def _logits_need(self):
        """The height that must be in view for the logits chart to stay open: the whole page
        side by side; stacked, down to the readouts, under the charts at their least height."""
        if not self._top.stacked():
            return self.page_scroll.needed_height()
        side = self._top.widget(1)
        above = self._top.mapTo(self.page_scroll.widget(), QtCore.QPoint(0, 0)).y()
        return (above + self._charts.minimumSizeHint().height() + self._top.handleWidth()
                + essentials_height(side, side.height()))

    def set_quiz(self, on):
        """Quiz mode: the values read "?", the numbers on the bars and the worked numbers are hidden."""
        self.readouts.set_quiz(on)
        for w in (self.formulas, self.note, self.binary_value, self.binary_formula):
            w.setVisible(not on)
        self.plot_logits.set_quiz(on)
        self.plot_probs.set_quiz(on)
        self.batch_box.setVisible(not on)  # its cross-entropies and their mean are answers too

    def _show_batch(self):
        """The session's batch (None: the panel's empty text), in the session's unit."""
        b = self.model.batch
        self.batch.clear()
        self.batch.set_unit(self.model.unit)  # (cheap while empty: the batch is computed once, below)
        if b is not None:
            self.batch.set_batch(b.logits, b.targets, b.class_labels)

    # -- user input ----------------------------------------------------------------------------
    def _logits_typed(self):
        try:
            values = lab.parse_numbers(self.edit_logits.text(), "logits")
            self.model.update_losses("categorical", lab.set_logits, values)
        except ValueError as exc:
            self.label_error.setText(translate("pages.losses_categorical", 'Logits not changed: {exc}.').format(exc=exc))
            self.label_error.setVisible(True)
            return
        self.label_error.setVisible(False)
        self.refresh()

    def _extreme(self):
        n = self.model.losses.categorical.n
        self.model.update_losses("categorical", lab.set_logits, (0.0, EXTREME) + (0.0,) * (n - 2))

    def _target_pressed(self, si, i):
        if self.model.losses.categorical.mode == lab.ONE_HOT:
            self.model.update_losses("categorical", lab.set_one_hot, i)

    def _target_dragged(self, si, i, v):
        if si == 0 and self.model.losses.categorical.mode == lab.SOFT:
            self.model.update_losses("categorical", lab.set_target_probability, i, v)

    def _target_nudged(self, si, i, d):
        s = self.model.losses.categorical
        if s.mode == lab.ONE_HOT:
            self.model.update_losses("categorical", lab.set_one_hot, i)
        elif si == 0:
            self.model.update_losses("categorical", lab.set_target_probability, i, s.target[i] + d)

    # -- tooltips ------------------------------------------------------------------------------
    def _report(self):
        return slosses.categorical(self.model.losses.categorical, self.model.unit).report

    def _logit_tip(self, i):
        r = self._report()
        return (f"<b>class {i}</b><br>z = {num(r.logits[i], 6)}<br>"
                f"f = softmax(z) = {prob_text(r.probs[i], r.log_probs[i])}<br>"
                f"log f = {num(r.log_probs[i], 6)}")

    def _prob_tip(self, si, i):
        r = self._report()
        return (f"<b>class {i}</b><br>target y = {num(r.target[i], 6)}<br>"
                f"f = {prob_text(r.probs[i], r.log_probs[i])}<br>"
                f"−y log f = {num(r.ce_terms[i], 6)} nats")

    # -- drawing -------------------------------------------------------------------------------
    def _on_losses_changed(self, part):
        if part == "categorical":
            self._refresh_when_shown()

    def refresh(self):
        s = self.model.losses.categorical
        unit = self.model.unit
        sc = slosses.categorical(s, unit)
        r = sc.report
        n = s.n
        labels = sc.labels

        if self.spin_classes.value() != n:
            blocked = self.spin_classes.blockSignals(True)
            self.spin_classes.setValue(n)
            self.spin_classes.blockSignals(blocked)
        for radio, on in ((self.radio_one_hot, s.mode == lab.ONE_HOT), (self.radio_soft, s.mode == lab.SOFT)):
            if radio.isChecked() != on:
                blocked = radio.blockSignals(True)
                radio.setChecked(on)
                radio.blockSignals(blocked)
        if not self.edit_logits.hasFocus():
            text = logits_text(s.logits)
            if self.edit_logits.text() != text:
                self.edit_logits.setText(text)
                self.edit_logits.setCursorPosition(0)

        if not self.plot_logits.dragging:  # the axis widens in steps, never during a drag
            bound = sc.logit_bound
            self.plot_logits.set_ranges((-0.5, n - 0.5), (-bound, bound))
        self.plot_logits.set_logits(labels, r.logits)
        self.plot_probs.set_data(labels, [r.target, r.probs])

        self.readouts.set_values(in_unit({"ce": r.ce, "ce_entropy": r.entropy, "ce_kl": r.kl}, unit), unit)
        self.formula.setText(self._formula(r, unit))
        self.note.setText(self._note(r, unit))
        self.binary_box.setVisible(n == 2)
        if n == 2:
            self.binary_value.setText(f"{format_value(sc.binary_bce)} {unit}  = BCE(y₁, σ(z₁ − z₀))")
            self.binary_formula.setText(self._binary(r, unit))

    def _formula(self, r, unit):
        zs = ", ".join(short(v) for v in r.logits)
        lines = [
            f"z = ({zs})",
            f"<b>H(y, f)</b> = {MINUS}Σ<sub>i</sub> y<sub>i</sub> log f<sub>i</sub>"
            f" = log Σ<sub>j</sub> e<sup>z<sub>j</sub></sup> {MINUS} Σ<sub>i</sub> y<sub>i</sub> z<sub>i</sub>",
            f"&nbsp;&nbsp;&nbsp;&nbsp;= {num(r.logsumexp)} {MINUS} {paren(r.target_dot)}"
            f" = <b>{with_unit(r.ce, unit)}</b>",
        ]
        if r.hard:
            k = r.hard_index
            lines.append(translate("pages.losses_categorical", "One-hot on class {k}: ").format(k=k) + f"H(y, f) = {MINUS}log f<sub>{k}</sub> = "
                         f"{MINUS}log {coloured(prob_text(r.probs[k], r.log_probs[k]), Q_COLOR)}"
                         f" = {MINUS}{paren(r.log_probs[k])}")
        lines.append(
            f"H(y, f) = {coloured('H(y)', P_COLOR)} + {coloured('D(y ‖ f)', KL_COLOR)}"
            f" = {num(r.entropy)} + {num(r.kl)} nats")
        if (r.probs == 0).any():
            lines.append(translate("pages.losses_categorical",
                "Some f<sub>i</sub> underflow to 0 in floating point, yet every number here is exact: "
                "log f<sub>i</sub> = z<sub>i</sub> − logsumexp(z) never forms f<sub>i</sub>, and "
                "logsumexp(z) = m + log Σ<sub>j</sub> e<sup>z<sub>j</sub> − m</sup> with m = max z."))
        return "<br>".join(lines)

    def _note(self, r, unit):
        if r.hard:
            text = translate("pages.losses_categorical", "<b>A one-hot target</b> has H(y) = 0, so the cross-entropy <i>is</i> the KL divergence: "
                             "D(y ‖ f) = {kl}.").format(kl=coloured(with_unit(r.kl, unit), KL_COLOR))
        else:
            text = translate("pages.losses_categorical", "<b>A soft target</b> has H(y) &gt; 0: the least loss, approached as softmax(z) "
                             "approaches y. Only the KL part can be trained away.")
        return text

    def _binary(self, r, unit):
        y1 = coloured(num(r.target[1]), P_COLOR)
        return (f"f<sub>1</sub> = σ(z<sub>1</sub> {MINUS} z<sub>0</sub>) = σ({short(r.binary_gap)}) = "
                + translate("pages.losses_categorical", "{f}: the Bernoulli panel's BCE with y = y<sub>1</sub> = {y1} "
                            "is the same {bce} nats.").format(f=coloured(num(r.binary_f), Q_COLOR), y1=y1, bce=num(r.binary_bce)))
