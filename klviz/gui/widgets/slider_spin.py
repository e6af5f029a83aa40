"""A slider and a spin box bound to one float parameter, optionally on a log scale.

The slider works in integer positions 0..resolution mapped onto [lo, hi] (linearly, or evenly in
log(value) for a scale parameter such as sigma); the spin box shows the value itself. Either one
edited by the user moves the other and emits `valueEdited`; `set_value` (the model talking back)
moves both without emitting anything. A slider drag is framed by `dragStarted` / `dragFinished`
so the page can make one undo step of it.
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets


class SliderSpin(QtCore.QObject):
    valueEdited = QtCore.Signal(float)  # the user asked for this value
    dragStarted = QtCore.Signal()
    dragFinished = QtCore.Signal()

    def __init__(self, name, lo, hi, *, log=False, decimals=4, step=0.1, resolution=1000,
                 single_step=10, page_step=100, tooltip="", parent=None):
        super().__init__(parent)
        if log and lo <= 0:
            raise ValueError("a log-scaled slider needs lo > 0")
        self.lo, self.hi, self.log, self.decimals = float(lo), float(hi), bool(log), int(decimals)
        self.resolution = int(resolution)

        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"slider_{name}")
        self.slider.setRange(0, self.resolution)
        self.slider.setSingleStep(single_step)
        self.slider.setPageStep(page_step)
        self.slider.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.slider.setMinimumWidth(90)

        self.spin = QtWidgets.QDoubleSpinBox()
        self.spin.setObjectName(f"spin_{name}")
        self.spin.setDecimals(self.decimals)
        self.spin.setRange(self.lo, self.hi)
        self.spin.setSingleStep(step)
        if self.log:
            self.spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)  # typing "1.25" is one change, on Enter or leaving
        self.spin.setAccelerated(True)
        self.spin.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
        self.spin.setMinimumWidth(self.spin.fontMetrics().horizontalAdvance("-10.00000") + 28)
        if tooltip:
            self.slider.setToolTip(tooltip)
            self.spin.setToolTip(tooltip)
        self.slider.setAccessibleName(f"{tooltip or name} (slider)")
        self.spin.setAccessibleName(tooltip or name)

        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self.dragStarted)
        self.slider.sliderReleased.connect(self.dragFinished)
        self.spin.valueChanged.connect(self._on_spin)

    # -- mapping -------------------------------------------------------------------------------
    def to_position(self, value):
        if self.log:
            f = (math.log(value) - math.log(self.lo)) / (math.log(self.hi) - math.log(self.lo))
        else:
            f = (value - self.lo) / (self.hi - self.lo)
        return int(round(min(max(f, 0.0), 1.0) * self.resolution))

    def from_position(self, pos):
        f = pos / self.resolution
        if self.log:
            v = self.lo * (self.hi / self.lo) ** f
        else:
            v = self.lo + (self.hi - self.lo) * f
        return min(max(round(v, self.decimals), self.lo), self.hi)

    # -- both directions -----------------------------------------------------------------------
    def value(self):
        return self.spin.value()

    def set_value(self, value):
        """Show `value` (from the model) in both widgets without emitting anything.

        A value outside [lo, hi] (a fit's result, a loaded session) is shown as it is: the spin
        box's range widens to hold it and the slider rests at its end.
        """
        value = float(value)
        with QtCore.QSignalBlocker(self.spin):
            lo, hi = min(self.lo, value), max(self.hi, value)
            if (self.spin.minimum(), self.spin.maximum()) != (lo, hi):
                self.spin.setRange(lo, hi)
            if self.spin.value() != round(value, self.decimals):
                self.spin.setValue(value)
        pos = self.to_position(value)
        if self.slider.value() != pos:
            with QtCore.QSignalBlocker(self.slider):
                self.slider.setValue(pos)

    def setEnabled(self, on):
        self.slider.setEnabled(on)
        self.spin.setEnabled(on)

    def _on_slider(self, pos):
        value = self.from_position(pos)
        with QtCore.QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.valueEdited.emit(value)

    def _on_spin(self, value):
        pos = self.to_position(value)
        if self.slider.value() != pos:
            with QtCore.QSignalBlocker(self.slider):
                self.slider.setValue(pos)
        self.valueEdited.emit(float(value))
