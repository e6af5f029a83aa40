"""The "More divergences" group of the Discrete and Continuous tabs (issue 14): TV, Hellinger, both
χ² and both Rényi divergences, with the Rényi order α on a log-scale slider (α = 1, the KL, marked;
the last position is ∞) and an edit box.

The page computes a `klviz.scene.divergences.FamilyReadouts` and hands it to `set_family`; the
group only shows it. Unchecking the group hides its contents (and the page then computes
nothing for it).
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.readouts import ReadoutGrid
from klviz.gui.widgets.slider_ruler import SliderRuler
from klviz.gui.widgets.text import plain_label
from klviz.scene import divergences as sd
from klviz.gui.i18n import translate



def subscript_order(name):
    """The scene's "D_2(P‖Q)" shown with its order as a real subscript, "D<sub>2</sub>(P‖Q)"
    (rich text: no Unicode subscript exists for ∞ or a decimal point; issue 12)."""
    head, sep, rest = name.partition("_")
    order, paren, tail = rest.partition("(")
    if not sep or not paren:
        return html.escape(name)
    return f"{html.escape(head)}<sub>{html.escape(order)}</sub>({html.escape(tail)}"

class DivergencesGroup(QtWidgets.QGroupBox):
    alphaChanged = QtCore.Signal(float)
    shownChanged = QtCore.Signal(bool)

    def __init__(self, kind, shown=False, parent=None):
        """kind: "discrete" or "continuous" (the formulas in the tooltips)."""
        super().__init__(translate("widgets.divergences_group", "More divergences"), parent)
        self.setObjectName("group_divergences")
        self.setCheckable(True)
        self.setChecked(shown)
        self.setToolTip(translate("widgets.divergences_group", "Total variation, Hellinger, Pearson χ² and Rényi divergences: tick to show them"))
        self._alpha = sd.DEFAULT_RENYI_ALPHA
        self.body = QtWidgets.QWidget()
        self.body.setObjectName("divergences_body")
        bl = QtWidgets.QVBoxLayout(self.body)
        bl.setContentsMargins(0, 0, 0, 0)
        self.readouts = ReadoutGrid([(k, n, t, None) for k, n, t in sd.ROWS[kind]], prefix="value_",
                                    name="divergences_grid")
        bl.addWidget(self.readouts)

        row = QtWidgets.QHBoxLayout()
        lab = QtWidgets.QLabel(translate("widgets.divergences_group", "Rényi &α"))
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName("slider_renyi_alpha")
        self.slider.setRange(0, sd.RENYI_INF_POSITION)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(sd.RENYI_PER_DECADE // 2)
        self.slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(sd.RENYI_PER_DECADE)
        self.slider.setToolTip(translate("widgets.divergences_group", "The order α of the Rényi divergences, on a log scale from 0.01 to 100; "
                               "the middle tick is α = 1 (the KL divergence), the right end α = ∞"))
        self.slider.setMinimumWidth(120)
        lab.setBuddy(self.slider)
        self.edit = QtWidgets.QLineEdit()
        self.edit.setObjectName("edit_renyi_alpha")
        self.edit.setToolTip(translate("widgets.divergences_group", "Type the order α: a number > 0, or inf (∞); Enter to apply"))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0.0000000") + 16)
        row.addWidget(lab)
        row.addWidget(self.slider, 1)
        row.addWidget(self.edit)
        bl.addLayout(row)
        self.ruler = SliderRuler(self.slider, sd.RENYI_MARKS, name="ruler_renyi_alpha",
                                 tooltip=translate("widgets.divergences_group", "α on a log scale: 1 is the KL divergence, the right end ∞"))
        bl.addWidget(self.ruler)
        self.error_label = plain_label()
        self.error_label.setObjectName("label_renyi_alpha_error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        bl.addWidget(self.error_label)
        self.units_label = plain_label()
        self.units_label.setObjectName("label_divergences_units")
        self.units_label.setWordWrap(True)
        bl.addWidget(self.units_label)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.body)
        self.body.setVisible(shown)
        self._show_alpha()
        self.slider.valueChanged.connect(self._on_slider)
        self.edit.editingFinished.connect(self._on_edit)
        self.toggled.connect(self._on_toggled)

    # -- α -------------------------------------------------------------------------------------
    @property
    def alpha(self):
        return self._alpha

    def set_alpha(self, alpha):
        """Set α (0 < α ≤ ∞; ValueError otherwise) and announce it."""
        alpha = sd.parse_renyi_alpha(alpha) if isinstance(alpha, str) else float(alpha)
        if not alpha > 0:
            raise ValueError("α must be > 0")
        self.error_label.setVisible(False)
        if alpha != self._alpha:
            self._alpha = alpha
            self._show_alpha()
            self.alphaChanged.emit(alpha)
        else:
            self._show_alpha()

    def _show_alpha(self):
        with QtCore.QSignalBlocker(self.slider):
            self.slider.setValue(sd.renyi_position(self._alpha))
        self.edit.setText(sd.renyi_alpha_text(self._alpha))
        for key, name in sd.renyi_name(self._alpha).items():
            self.readouts.set_name(key, subscript_order(name))

    def _on_slider(self, pos):
        self.set_alpha(sd.renyi_alpha_at(pos))

    def _on_edit(self):
        try:
            alpha = sd.parse_renyi_alpha(self.edit.text())
        except ValueError as exc:
            self.error_label.setText(translate("widgets.divergences_group", '{exc}; α stays {0}.').format(sd.renyi_alpha_text(self._alpha), exc=exc))
            self.error_label.setVisible(True)
            self.edit.setText(sd.renyi_alpha_text(self._alpha))
            return
        self.set_alpha(alpha)

    # -- shown or hidden -----------------------------------------------------------------------
    def shown(self):
        return self.isChecked()

    def _on_toggled(self, on):
        self.body.setVisible(on)
        self.updateGeometry()  # its minimum height changed
        self.shownChanged.emit(on)

    def _title_height(self):
        opt = QtWidgets.QStyleOptionGroupBox()
        self.initStyleOption(opt)
        cc = QtWidgets.QStyle.ComplexControl.CC_GroupBox
        sc = QtWidgets.QStyle.SubControl
        title = (self.style().subControlRect(cc, opt, sc.SC_GroupBoxCheckBox, self)
                 | self.style().subControlRect(cc, opt, sc.SC_GroupBoxLabel, self))
        return title.bottom() + 3

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        """Unticked, only the tick box and its title: the frame under it would be empty (its
        layout's margins around a hidden body), 20 px a short page needs (the Discrete tab at
        1280×720, issue 12) and an empty box on every screen."""
        hint = super().minimumSizeHint()
        return hint if self.isChecked() else QtCore.QSize(hint.width(), self._title_height())

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        """Unticked, the tick box and the title only: no frame (nor a flat box's rule) around
        nothing."""
        if self.isChecked():
            super().paintEvent(event)
            return
        painter = QtWidgets.QStylePainter(self)
        opt = QtWidgets.QStyleOptionGroupBox()
        self.initStyleOption(opt)
        sc = QtWidgets.QStyle.SubControl
        opt.subControls = sc.SC_GroupBoxCheckBox | sc.SC_GroupBoxLabel
        painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_GroupBox, opt)

    def sizeHint(self):  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        return hint if self.isChecked() else QtCore.QSize(hint.width(), self._title_height())

    # -- values --------------------------------------------------------------------------------
    def set_family(self, family):
        """Show a klviz.scene.divergences.FamilyReadouts."""
        self.readouts.set_values(family.values, family.units, family.reasons)
        text = translate("widgets.divergences_group", "TV, Hellinger and χ² are unitless; the Rényi divergences are in {unit}.").format(unit=family.unit)
        if self.units_label.text() != text:
            self.units_label.setText(text)

    def set_quiz(self, on):
        self.readouts.set_quiz(on)

    def restyle(self, look):
        self.readouts.restyle(look)
