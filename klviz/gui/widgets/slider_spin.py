"""A slider and a spin box bound to one float parameter, optionally on a log scale.

The slider works in integer positions 0..resolution mapped onto [lo, hi] (linearly, or evenly in
log(value) for a scale parameter such as sigma); the spin box shows the value itself. Either one
edited by the user moves the other and emits `valueEdited`; `set_value` (the model talking back)
moves both without emitting anything. A slider drag is framed by `dragStarted` / `dragFinished`
so the page can make one undo step of it. The spin box may take a wider range than the slider
(`spin_range`: the Losses tab's logit, ±10 on the slider, ±10000 typed); beyond the slider's range
the slider rests at its end.

The spin box holds its value exactly (a session file may say sigma = 1e-300 or mu = 1e300, far
outside the slider) and shows it with four decimals, or in scientific notation where four decimals
would say nothing (below 0.01, from 10 million up); the user may type either form.

A number typed outside the box's range is not dropped in silence: it is set to the nearest limit,
and the window's status bar (and a tooltip at the box) says so, naming the limit:
"Categories: 500 is above the maximum, 100; set to 100." Both spin boxes here emit `clamped(message)`.
BoundedSpinBox is the whole-number kind (the category and class counts, the joint's size),
BoundedDoubleSpinBox a plain decimal one (the loss lab's targets and σ).

The keyboard focus stays in a box after a value is typed and entered, and the window's keys work
from there: a box takes for itself only what a text field must (copy, cut, paste, select all, the
cursor keys); Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, Ctrl+E (X11's end of line) and Space (quiz mode's
reveal) go to the window's actions, as from anywhere else (its own undo had nothing to undo once
the value was entered).
"""

from __future__ import annotations

import math
import re

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.i18n import translate

_NUMBER_PREFIX = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d*)?(?:[eE][+-]?\d*)?")
_EXACT = 323  # QDoubleSpinBox rounds every value to its decimals: this many keep any double


_WHOLE = re.compile(r"\s*[+-]?\d+\s*")


def clamp_message(what, typed, limit, above):
    if above:
        text = translate("widgets.slider_spin", "{what}: {typed} is above the maximum, {limit}; set to {limit}.")
    else:
        text = translate("widgets.slider_spin", "{what}: {typed} is below the minimum, {limit}; set to {limit}.")
    return text.format(what=what, typed=typed, limit=limit)


def slider_name(tip):
    """A slider's accessible name: its control's tooltip, "(slider)" after it."""
    return translate("widgets.slider_spin", "{0} (slider)").format(tip)


def announce(widget, message):
    """Say `message` where the user is looking: the window's status bar and a tooltip at `widget`."""
    window = widget.window()
    if isinstance(window, QtWidgets.QMainWindow):
        window.statusBar().showMessage(message, 10000)
    QtWidgets.QToolTip.showText(widget.mapToGlobal(QtCore.QPoint(0, widget.height())), message, widget)


def _clamped_text(spin, text, parse, show):
    """fixup's part for a number out of range: the limit's text (announced), or None."""
    try:
        v = parse(text.strip())
    except (ValueError, OverflowError):
        return None
    lo, hi = spin.minimum(), spin.maximum()
    if not (v < lo or v > hi) or v != v:
        return None
    limit = hi if v > hi else lo
    if not getattr(spin, "_announce_reset", False):  # a new edit may be announced again
        spin.lineEdit().textEdited.connect(lambda *_: setattr(spin, "_announced", None))
        spin._announce_reset = True
    if getattr(spin, "_announced", None) != text.strip():  # once per edit (Qt may ask twice)
        spin._announced = text.strip()
        message = clamp_message(spin.what(), text.strip(), f"{limit:.6g}", v > hi)
        spin.clamped.emit(message)
        announce(spin, message)
    return show(limit)


_K = QtGui.QKeySequence.StandardKey
_BOX_KEYS = (_K.Copy, _K.Cut, _K.Paste, _K.SelectAll)  # a text field's own, whatever the window says


def _window_takes(widget, ev):
    """Whether key event `ev` is one of the window's enabled action or shortcut keys (and not a
    key the box needs as a text field)."""
    if any(ev.matches(k) for k in _BOX_KEYS):
        return False
    combo = QtGui.QKeySequence(ev.keyCombination())
    exact = QtGui.QKeySequence.SequenceMatch.ExactMatch
    window = widget.window()
    direct = QtCore.Qt.FindChildOption.FindDirectChildrenOnly  # the window's own, not a dialog's
    for act in window.findChildren(QtGui.QAction, options=direct):
        if act.isEnabled() and any(k.matches(combo) == exact for k in act.shortcuts()):
            return True
    return any(sc.isEnabled() and sc.key().matches(combo) == exact
               for sc in window.findChildren(QtGui.QShortcut, options=direct))


class _ClampOnEnter:
    """Out-of-range text becomes its limit (and is announced) before the spin box reads it, on
    Return and when the focus leaves: PySide6 before 6.9 drops the text a Python fixup() returns,
    so relying on Qt calling fixup() left the typed value refused there. The window's keys are not
    taken as the box's own (see the module's docstring)."""

    def event(self, ev):  # noqa: D102
        if ev.type() == QtCore.QEvent.Type.ShortcutOverride and _window_takes(self, ev):
            return False  # not overridden: the window's shortcut gets the key
        return super().event(ev)

    def _clamp_typed(self):
        edit = self.lineEdit()
        text = edit.text()
        state = self.validate(text, edit.cursorPosition())[0]
        if state == QtGui.QValidator.State.Intermediate:
            fixed = self.fixup(text)
            if fixed != text:
                edit.setText(fixed)

    def keyPressEvent(self, ev):  # noqa: N802 (Qt name)
        if ev.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            self._clamp_typed()
        super().keyPressEvent(ev)

    def focusOutEvent(self, ev):  # noqa: N802 (Qt name)
        self._clamp_typed()
        super().focusOutEvent(ev)


class _Named(_ClampOnEnter):
    """A bounded box named by `what` in its out-of-range messages ("Categories: 500 is ...")."""

    def __init__(self, what, parent=None):
        super().__init__(parent)
        self._what = what

    def what(self):
        return self._what


class BoundedSpinBox(_Named, QtWidgets.QSpinBox):
    """A QSpinBox that takes any whole number typed and, if it is out of range, sets the nearest
    limit and says so (instead of refusing the keystroke or reverting in silence)."""

    clamped = QtCore.Signal(str)

    def validate(self, text, pos):
        if _WHOLE.fullmatch(text):
            v = int(text)
            ok = self.minimum() <= v <= self.maximum()
            return (QtGui.QValidator.State.Acceptable if ok else QtGui.QValidator.State.Intermediate), text, pos
        return super().validate(text, pos)

    def fixup(self, text):
        if _WHOLE.fullmatch(text):
            clamped = _clamped_text(self, text, int, str)
            if clamped is not None:
                return clamped
        return super().fixup(text)


def decimal_point(box):
    """`box` (a QDoubleSpinBox) writes its numbers with a decimal point, as the rest of the app
    does in any language (README, Languages): in French its locale's comma showed "0,800" beside
    a logit of "-0.500" and readouts of "0.3775"."""
    box.setLocale(QtCore.QLocale.c())
    return box


class BoundedDoubleSpinBox(_Named, QtWidgets.QDoubleSpinBox):
    """A QDoubleSpinBox (its own decimals, a decimal point in any language) that takes any
    number typed and, if it is out of range, sets the nearest limit and says so, as
    BoundedSpinBox does. A decimal comma typed ("0,5") is read as a point."""

    clamped = QtCore.Signal(str)

    def __init__(self, what, parent=None):
        super().__init__(what, parent)
        decimal_point(self)

    @staticmethod
    def _typed(text):
        """The finite number a plain "1.5" / "-2e3" text says, or None (locale forms go to Qt)."""
        s = text.strip()
        if s.count(",") == 1 and "." not in s:  # a decimal comma (French and others)
            s = s.replace(",", ".")
        if not s or not _NUMBER_PREFIX.fullmatch(s):
            return None
        try:
            v = float(s)
        except ValueError:
            return None
        return v if math.isfinite(v) else None

    def validate(self, text, pos):
        v = self._typed(text)
        if v is not None:  # a plain number ("1e-1" too, which Qt's own parser refuses)
            ok = self.minimum() <= v <= self.maximum()
            return (QtGui.QValidator.State.Acceptable if ok else QtGui.QValidator.State.Intermediate), text, pos
        s = text.strip()
        if v is None and s and _NUMBER_PREFIX.fullmatch(s) and "e" in s.lower():
            return QtGui.QValidator.State.Intermediate, text, pos  # "-1e" on the way to "-1e3"
        return super().validate(text, pos)

    def valueFromText(self, text):  # noqa: N802 (Qt name)
        v = self._typed(text)
        return v if v is not None else super().valueFromText(text)

    def fixup(self, text):
        v = self._typed(text)
        if v is not None:
            clamped = _clamped_text(self, text, lambda _: v, self.textFromValue)
            if clamped is not None:
                return clamped
        return super().fixup(text)


class NumberSpinBox(_ClampOnEnter, QtWidgets.QDoubleSpinBox):
    """A QDoubleSpinBox that keeps any double exactly and shows extreme values readably."""

    clamped = QtCore.Signal(str)

    def what(self):
        return self.accessibleName() or self.objectName() or translate("widgets.slider_spin", "Value")

    def __init__(self, shown_decimals=4, parent=None):
        super().__init__(parent)
        self.shown_decimals = int(shown_decimals)
        self.setDecimals(_EXACT)

    def textFromValue(self, value):  # noqa: N802 (Qt name)
        a = abs(value)
        if value == 0 or 1e-2 <= a < 1e7:
            return f"{value:.{self.shown_decimals}f}"
        return f"{value:.{self.shown_decimals}e}"

    def valueFromText(self, text):  # noqa: N802
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text, pos):
        State = QtGui.QValidator.State
        s = text.strip()
        try:
            v = float(s)
        except ValueError:  # "", "-", "1e" ... on the way to a number, or not a number at all
            return (State.Intermediate if _NUMBER_PREFIX.fullmatch(s) else State.Invalid), text, pos
        if not _NUMBER_PREFIX.fullmatch(s):  # "nan", "inf", "1_0": float() takes them, a user may not
            return State.Invalid, text, pos
        if not math.isfinite(v):
            return State.Invalid, text, pos
        return (State.Acceptable if self.minimum() <= v <= self.maximum() else State.Intermediate), text, pos

    def fixup(self, text):
        s = text.strip()
        if _NUMBER_PREFIX.fullmatch(s):  # a number out of range: its limit, said aloud
            clamped = _clamped_text(self, s, float, repr)
            if clamped is not None:
                return clamped
        return text


class SliderSpin(QtCore.QObject):
    valueEdited = QtCore.Signal(float)  # the user asked for this value
    dragStarted = QtCore.Signal()
    dragFinished = QtCore.Signal()

    def __init__(self, name, lo, hi, *, log=False, decimals=4, step=0.1, resolution=1000,
                 single_step=10, page_step=100, tooltip="", what=None, spin_range=None, parent=None):
        """The slider spans [lo, hi] in `resolution` positions, the spin box `spin_range` (default
        [lo, hi]); `what` names the control for screen readers and in out-of-range messages
        (default: the tooltip)."""
        super().__init__(parent)
        if log and lo <= 0:
            raise ValueError("a log-scaled slider needs lo > 0")
        self.lo, self.hi, self.log, self.decimals = float(lo), float(hi), bool(log), int(decimals)
        self.spin_lo, self.spin_hi = (self.lo, self.hi) if spin_range is None else map(float, spin_range)
        self.resolution = int(resolution)

        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"slider_{name}")
        self.slider.setRange(0, self.resolution)
        self.slider.setSingleStep(single_step)
        self.slider.setPageStep(page_step)
        self.slider.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.slider.setMinimumWidth(90)

        self.spin = NumberSpinBox(self.decimals)
        self.spin.setObjectName(f"spin_{name}")
        self.spin.setRange(self.spin_lo, self.spin_hi)
        self.spin.setSingleStep(step)
        if self.log:
            self.spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)  # typing "1.25" is one change, on Enter or leaving
        self.spin.setAccelerated(True)
        self.spin.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
        least = self.spin.fontMetrics().horizontalAdvance("-10.00000") + 28
        if least > self.spin.minimumSizeHint().width():  # (a wide spin range makes its own hint wider)
            self.spin.setMinimumWidth(least)
        self.set_tooltip(tooltip, what or tooltip or name)

        self._shown = None  # the value both widgets show (set_value's shortcut)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self.dragStarted)
        self.slider.sliderReleased.connect(self.dragFinished)
        self.spin.valueChanged.connect(self._on_spin)

    def set_tooltip(self, tip, what=None):
        """Both widgets' tooltip; `what` (default `tip`) names them for screen readers and in the
        spin box's out-of-range messages."""
        if tip:
            self.slider.setToolTip(tip)
            self.spin.setToolTip(tip)
        what = what or tip
        self.slider.setAccessibleName(slider_name(what))
        self.spin.setAccessibleName(what)

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

        A value outside the spin box's range (a fit's result, a loaded session) is shown as it is:
        the range widens to hold it; beyond [lo, hi] the slider rests at its end.
        """
        value = float(value)
        if value == self._shown:  # the common case on every frame: nothing to do
            return
        self._shown = value
        with QtCore.QSignalBlocker(self.spin):
            lo, hi = min(self.spin_lo, value), max(self.spin_hi, value)
            if (self.spin.minimum(), self.spin.maximum()) != (lo, hi):
                self.spin.setRange(lo, hi)
            if self.spin.value() != value:
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
        self._shown = None  # the model may answer with another value
        self.valueEdited.emit(value)

    def _on_spin(self, value):
        pos = self.to_position(value)
        if self.slider.value() != pos:
            with QtCore.QSignalBlocker(self.slider):
                self.slider.setValue(pos)
        self._shown = None
        self.valueEdited.emit(float(value))
