"""The lesson panel: a dock that walks the derivation step by step (content in klviz.lesson).

The step shown is part of the session (saved with it, navigation rather than an undo step): the
panel shows the model's lesson step and asks the model to change it.

Entering a step — Next, Back, the step list, or opening the panel (View › Lesson) — sets up its whole scene
every time (klviz.state.lesson.scene_session: tab, sub-panel, P, Q, targets, unit, view
options), as one undo step ("Lesson: <title>"); none when the scene is already exactly there.
A step whose tab this window does not have says so and sets up the rest.

After a deferred start the panel is built ahead of time, hidden, a part per event-loop turn
(`prebuild_in_steps`, once the window's own build is done: MainWindow.when_built), and laid out
and drawn once off screen, so opening it only shows it. Setting up a step's scene brings the
tabs not in view up to date when they are shown (klviz.gui.pages.lazy)."""

from __future__ import annotations

import contextlib

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import lesson
from klviz.scene import lesson as scene_lesson
from klviz.scene import discrete as sdisc
from klviz.scene.readouts import format_value
from klviz.gui.pages.lazy import hidden_pages_wait
from klviz.gui.theme import catch_up_fonts
from klviz.gui.widgets.buttons import WholeItemsCombo, push_button
from klviz.gui.widgets.fit_q_to_p import FitQToP, small_plot
from klviz.gui.widgets.reflow import WrapRow
from klviz.gui.widgets.value_label import ValueLabel
from klviz.state.lesson import scene_session
from klviz.style import KL_COLOR, text_color
from klviz.gui.theme import is_dark
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

TAB_NAMES = {"discrete": QT_TRANSLATE_NOOP("klviz", "Discrete"), "continuous": QT_TRANSLATE_NOOP("klviz", "Continuous"),
             "losses": QT_TRANSLATE_NOOP("klviz", "Losses"), "coding": QT_TRANSLATE_NOOP("klviz", "Coding"),
             "joint": QT_TRANSLATE_NOOP("klviz", "Joint")}
ALPHA_SLIDER = "slider_alpha_fit"


class SamplingDemo(QtWidgets.QWidget):
    """Draw samples from P; plot the running mean of log p(x)/q(x) against D(P‖Q)."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self._ratios = np.zeros(0)  # log p(x)/q(x) of every draw so far, in nats
        self._rng = np.random.default_rng()
        self.plot = small_plot("plot_sampling", translate("lesson_dock", "samples drawn from P"), translate("lesson_dock", "running mean of log p/q"))
        pi = self.plot.getPlotItem()
        self.curve = pi.plot([], [])
        self.target = pg.InfiniteLine(angle=0)
        pi.addItem(self.target)
        self._inks = None
        self._follow_palette()
        self.readout = ValueLabel("")
        self.readout.setObjectName("lesson_sampling_value")
        self.readout.setWordWrap(True)
        buttons = QtWidgets.QHBoxLayout()
        for text, n, name in ((translate("lesson_dock", "Draw &100"), 100, "button_draw_100"), (translate("lesson_dock", "Draw 1&000"), 1000, "button_draw_1000")):
            b = QtWidgets.QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, n=n: self.draw(n))
            buttons.addWidget(b)
        clear = QtWidgets.QPushButton(translate("lesson_dock", "Cle&ar"))
        clear.setObjectName("button_draw_clear")
        clear.clicked.connect(self.clear)
        buttons.addWidget(clear)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.readout)
        model.discreteChanged.connect(self.clear)
        model.unitChanged.connect(self.clear)

    def changeEvent(self, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.PaletteChange:
            self._follow_palette()  # a theme chosen
        super().changeEvent(ev)

    def _follow_palette(self):
        """The running mean in the theme's text shade of the divergences' pink, the dashed line
        at D(P‖Q) in the window's text colour: each 4.5:1 on the chart's background in both
        themes, presentation's white and black included (KL_COLOR itself was 2.66:1 on the
        light window, the fixed #444444 line 1.9:1 on the dark one)."""
        dark = is_dark(self)
        ink = self.palette().color(QtGui.QPalette.ColorRole.WindowText).name()
        if (dark, ink) == self._inks:
            return
        self._inks = (dark, ink)
        self.curve.setPen(pg.mkPen(text_color(KL_COLOR, dark), width=2))
        self.target.setPen(pg.mkPen(ink, width=1.5, style=QtCore.Qt.PenStyle.DashLine))

    _quiz = False

    def set_quiz(self, on):
        """Quiz mode: the dashed line at D(P‖Q) is hidden (the running mean is the experiment)."""
        self._quiz = bool(on)
        self._update()

    @property
    def _estimate(self):
        return sdisc.running_estimate(self._ratios, self.model.unit)

    def clear(self):
        self._ratios = np.zeros(0)
        if self.isVisible():
            self._update()

    def showEvent(self, ev):
        super().showEvent(ev)
        self._update()

    def draw(self, n):
        d = self.model.discrete
        _, ratios = sdisc.sample_log_ratios(d, n, self._rng)
        self._ratios = np.concatenate([self._ratios, ratios])
        self._update()

    def _update(self):
        m = self.model.discrete_measures()
        estimate = self._estimate
        finite = np.isfinite(estimate)
        x = np.arange(1, estimate.size + 1)
        self.curve.setData(x[finite], estimate[finite])
        if np.isfinite(m.kl_pq):
            self.target.setValue(m.kl_pq)
        self.target.setVisible(bool(np.isfinite(m.kl_pq)) and not self._quiz)  # quiz: D(P‖Q) is the answer
        unit = self.model.unit
        if not estimate.size:
            self.readout.setText(translate("lesson_dock", 'D(P‖Q) = {0} {unit}. Draw some samples.').format(format_value(m.kl_pq), unit=unit))
        else:
            last = estimate[-1]
            self.readout.setText(
                translate("lesson_dock", 'after {0:,} samples: mean log p/q = {1} {unit}; D(P‖Q) = {2} {unit}').format(estimate.size, format_value(last), format_value(m.kl_pq), unit=unit))


class StepCombo(WholeItemsCombo):
    """The lesson's step list. Closed, it reads "Step 3 of 14", which always fits (the step's
    whole title is the heading right under it, so an elided copy of it said nothing); its list
    shows every title in full ("3. Cross-entropy ..."), as wide as the longest one needs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(len(self.shown_text(88, 88)))

    @staticmethod
    def shown_text(index, count):
        return translate("lesson_dock", "Step {0} of {1}").format(index + 1, count)

    def paintEvent(self, ev):  # noqa: N802 (Qt name)
        painter = QtWidgets.QStylePainter(self)
        opt = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(opt)
        if self.currentIndex() >= 0:
            opt.currentText = self.shown_text(self.currentIndex(), self.count())
        painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QtWidgets.QStyle.ControlElement.CE_ComboBoxLabel, opt)


class _StepNav(QtWidgets.QWidget):
    """Back, the step list and Next: on one line while they fit; else Back and Next at the two
    ends of a line and the step list under them, as wide as the panel. The French texts are
    wider ("◀ Précédent", "Étape 14 sur 14"): on one line they held the panel some 60 px wider
    than its 380 at 1024×768 in presentation mode, and the page beside it did not fit (issue 12).
    (A WrapRow would leave Next alone on a second line, away from Back.)"""

    def __init__(self, back, combo, forward, parent=None):
        super().__init__(parent)
        self._back, self._combo, self._forward = back, combo, forward
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self._two_lines = None
        self._arrange(False)

    def _gap(self):
        gap = self.layout().horizontalSpacing()
        return gap if gap >= 0 else self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def one_line_width(self):
        """The width Back, the step list (at its least) and Next need side by side."""
        return (self._back.sizeHint().width() + self._combo.minimumSizeHint().width()
                + self._forward.sizeHint().width() + 2 * self._gap())

    def two_lines(self):
        return bool(self._two_lines)

    def _arrange(self, two_lines):
        if two_lines == self._two_lines:
            return
        self._two_lines = two_lines
        grid = self.layout()
        for w in (self._back, self._combo, self._forward):
            grid.removeWidget(w)
        grid.addWidget(self._back, 0, 0)
        if two_lines:
            grid.addWidget(self._forward, 0, 2)
            grid.addWidget(self._combo, 1, 0, 1, 3)
        else:
            grid.addWidget(self._combo, 0, 1)
            grid.addWidget(self._forward, 0, 2)
        self.updateGeometry()

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()  # (the height: of the arrangement shown)
        least = max(self._back.minimumSizeHint().width() + self._gap() + self._forward.minimumSizeHint().width(),
                    self._combo.minimumSizeHint().width())
        return QtCore.QSize(least, hint.height())

    def resizeEvent(self, ev):  # noqa: N802 (Qt name)
        self._arrange(ev.size().width() < self.one_line_width())
        super().resizeEvent(ev)

    def changeEvent(self, ev):  # a new type size: the texts' widths change
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._arrange(self.width() < self.one_line_width())


class _PanelScroll(QtWidgets.QScrollArea):
    """The panel's scroll area: it scrolls up and down only, so it is never narrower than its
    body's least width. Else the panel, laid out ahead of time at the normal type and opened
    after a larger one (F11 in French at 1024×768), cut its body at the right edge: the Next
    button, the ends of the lines (issue 12: nothing clipped). The window's layout then gives
    the panel that width and narrows the page beside it instead."""

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        need = (body.minimumSizeHint().width() + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())
        return QtCore.QSize(max(hint.width(), need), hint.height())

    def sizeHint(self):  # noqa: N802 (Qt name)
        """As wide as the body needs at least (and the panel's own minimum): its texts wrap. Its
        body's preferred width is that of its longest lines unwrapped (a French step's title,
        526 px at 1024×768 in F11), which the window gave the panel at the page's expense."""
        hint = super().sizeHint()
        return QtCore.QSize(self.minimumSizeHint().width(), hint.height())


class _PanelBody(QtWidgets.QWidget):
    """The panel's body: when its least width changes (a new type size, another language's
    step), the scroll area holding it says so to the panel (its minimum follows the body's)."""

    _least = -1

    def event(self, ev):
        done = super().event(ev)
        if ev.type() == QtCore.QEvent.Type.LayoutRequest:
            least = self.minimumSizeHint().width()
            if least != self._least:
                self._least = least
                scroll = self.parentWidget() and self.parentWidget().parentWidget()
                if isinstance(scroll, _PanelScroll):
                    scroll.updateGeometry()
        return done


class LessonPanel(QtWidgets.QDockWidget):
    def __init__(self, window, model, presentation=None):
        super().__init__(translate("lesson_dock", "Lesson"), window)
        self.setObjectName("dock_lesson")
        self.window_, self.model = window, model
        body = _PanelBody()
        lay = QtWidgets.QVBoxLayout(body)
        self.button_back = QtWidgets.QPushButton(translate("lesson_dock", "◀ &Back"))
        self.button_back.setObjectName("button_lesson_back")
        self.button_back.clicked.connect(lambda: self.go(self.index - 1))
        self.combo = StepCombo()
        self.combo.setObjectName("combo_lesson_step")
        self.combo.addItems([translated(s.title) for s in lesson.STEPS])  # (titles are numbered)
        self.combo.activated.connect(self.go)
        self.button_next = QtWidgets.QPushButton(translate("lesson_dock", "&Next ▶"))
        self.button_next.setObjectName("button_lesson_next")
        self.button_next.clicked.connect(lambda: self.go(self.index + 1))
        self.nav = _StepNav(self.button_back, self.combo, self.button_next)
        lay.addWidget(self.nav)
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("lesson_title")
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.unavailable = QtWidgets.QLabel()
        self.unavailable.setObjectName("lesson_unavailable")
        self.unavailable.setWordWrap(True)
        self.unavailable.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.unavailable.setVisible(False)
        self.text = QtWidgets.QLabel()
        self.text.setObjectName("lesson_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.formula = ValueLabel()
        self.formula.setObjectName("lesson_formula")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.formula.setStyleSheet("background: rgba(128,128,128,40); padding: 6px; border-radius: 4px;")
        self.table = ValueLabel()
        self.table.setObjectName("lesson_code_table")
        self.table.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.table.setWordWrap(True)  # its headings wrap: unwrapped, the French "longueur de code
        # −log₂ q (bits)" held the panel 490 px wide at 1024×768 in F11
        self.try_this = QtWidgets.QLabel()
        self.try_this.setObjectName("lesson_try")
        self.try_this.setWordWrap(True)
        self.reset_scene = QtWidgets.QPushButton(translate("lesson_dock", "Set up this step's scene again"))
        self.reset_scene.setObjectName("button_lesson_scene")
        self.reset_scene.clicked.connect(lambda: self.set_scene(lesson.STEPS[self.index]))
        parts = _Prebuilt.take(window)  # the charts built ahead of time (prebuild_in_steps), if any
        self.sampling = parts.get("sampling") or SamplingDemo(model)
        self.fits = WrapRow()  # the forward/reverse step: the Continuous tab's animations (one under
        # the other when the two do not fit side by side: the French texts at 1024×768 in F11)
        self.button_fit_forward = push_button(
            translate("lesson_dock", "Animate the forward fit"), "button_lesson_fit_forward", lambda: self.animate_fit("forward"),
            translate("lesson_dock", "Set up this step's P and Q, then fit Q by minimising D(P‖Q) (mean-covering)"))
        self.button_fit_reverse = push_button(
            translate("lesson_dock", "Animate the reverse fit"), "button_lesson_fit_reverse", lambda: self.animate_fit("reverse"),
            translate("lesson_dock", "Set up this step's P and Q, then fit Q by minimising D(Q‖P) (mode-seeking)"))
        self.fits.add_group(self.button_fit_forward)
        self.fits.add_group(self.button_fit_reverse)
        self.fit_q = parts.get("fit_q") or FitQToP(model)
        for w in (self.title, self.unavailable, self.text, self.formula, self.table, self.try_this,
                  self.sampling, self.fits, self.fit_q):
            lay.addWidget(w)
        lay.addWidget(self.reset_scene)
        lay.addStretch(1)
        scroll = _PanelScroll()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.setMinimumWidth(380)
        model.discreteChanged.connect(self.refresh)
        model.continuousChanged.connect(self.refresh)
        model.unitChanged.connect(self.refresh)
        model.lessonChanged.connect(self._show_current)
        classroom = getattr(window, "classroom", None)
        if classroom is not None:  # presentation mode's type fits the page beside the panel
            classroom.lesson_fit.follow(self)
        action = getattr(window, "action_lesson", None)
        if action is not None:  # triggered comes after toggled, which shows the panel
            action.triggered.connect(self._on_opened)
        self._show_current()
        if presentation is not None:
            presentation.follow_plot(self.sampling.plot)
            presentation.follow_plot(self.fit_q.plot)
            for label in (self.formula, self.table, self.sampling.readout, self.fit_q.readout):
                presentation.follow_quiz(label.set_quiz)
            presentation.follow_quiz(self.sampling.set_quiz)
            presentation.lookChanged.connect(self._look_changed)

    RELAYOUT_AFTER_LOOK_MS = 150  # (the new look's own repaint first, in turns of its own)

    def _look_changed(self, _look):
        """A new look (F11, a zoom, a theme) undoes the hidden panel's layout: do it again
        later, hidden, if the panel was laid out ahead of time (see lay_out_hidden)."""
        if self._laid_out and not self.isVisible():
            QtCore.QTimer.singleShot(self.RELAYOUT_AFTER_LOOK_MS, self, self.lay_out_hidden)

    @property
    def index(self):
        """The step shown (the session's lesson step)."""
        return self.model.lesson_index

    def go(self, index):
        """Go to step `index` (clamped to the steps there are) and set up its scene."""
        self.show_step(max(0, min(len(lesson.STEPS) - 1, int(index))))

    def show_step(self, index, set_scene=True):
        if not set_scene:
            self.model.set_lesson_step(index)  # the panel follows through lessonChanged
            return
        with self._one_refresh():
            self.model.set_lesson_step(index)
            self.set_scene(lesson.STEPS[index])

    _held = 0  # inside _one_refresh: the signals of a step's change do not each refresh

    @contextlib.contextmanager
    def _one_refresh(self):
        """A step's change (its step, then P, Q, the unit: four signals) refreshes the panel once,
        at its end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self.refresh()

    def _show_current(self):
        index = self.index
        step = lesson.STEPS[index]
        if self.combo.currentIndex() != index:
            self.combo.setCurrentIndex(index)
        self.button_back.setEnabled(index > 0)
        self.button_next.setEnabled(index < len(lesson.STEPS) - 1)
        self.title.setText(translated(step.title))
        self.text.setText(translated(step.body))
        self.try_this.setText(translate("lesson_dock", "<b>Try this:</b> ") + translated(step.try_this).removeprefix("<p>"))
        self.sampling.setVisible(step.key == "sampling")
        self.fits.setVisible(step.key == "fits")
        self.fit_q.setVisible(step.key == "optimum")
        if step.key != "optimum":
            self.fit_q.stop()
        self._show_availability(step)
        self.refresh()

    # -- the scene -----------------------------------------------------------------------------
    def page(self, tab):
        """The window's page_<tab>, or None if this window has no such view."""
        return self.window_.findChild(QtWidgets.QWidget, f"page_{tab}")

    def _show_availability(self, step):
        """Say so if the step's view (or the control it asks for) is not in this window."""
        notes = []
        page = self.page(step.tab)
        if page is None:
            notes.append(translate("lesson_dock", "The {view} view is not available in this window, "
                                   "so this step cannot be tried here; read it, then go on.").format(
                view=translated(TAB_NAMES.get(step.tab, step.tab))))
        elif step.key == "alpha" and self.window_.findChild(QtWidgets.QWidget, ALPHA_SLIDER) is None:
            notes.append(translate("lesson_dock", "The α-fit slider is not available in this window."))
        self.unavailable.setText(" ".join(notes))
        self.unavailable.setVisible(bool(notes))
        self.fits.setEnabled(page is not None)

    def _show_tab(self, page):
        tabs = self.window_.tabs
        widget = page
        while widget is not None and tabs.indexOf(widget) < 0:  # a page inside a tab's wrapper
            widget = widget.parentWidget()
        if widget is not None:
            tabs.setCurrentWidget(widget)
        if hasattr(page, "ensure_built"):
            page.ensure_built()

    def _stop_animations(self):
        """A fit under way would go on changing Q after the scene is set: finish it first."""
        self.fit_q.stop()
        continuous = self.page("continuous")
        if continuous is not None and getattr(continuous, "fitting", False):
            continuous.finish_fit()
        self.model.end_gesture()

    def set_scene(self, step):
        """Set up the step's whole scene (one undo step when anything changes)."""
        self._stop_animations()
        page = self.page(step.tab)
        if page is not None:
            self._show_tab(page)
        session = scene_session(self.model.session, step)
        joint = step.scene.get("joint")
        session = self._with_joint(session, joint, page)
        # the tabs not in view are brought up to date when shown; this panel once, at the end
        with hidden_pages_wait(), self._one_refresh():
            self.model.apply(session, translate("lesson_dock", "Lesson: {title}").format(title=translated(step.title)))
        panel = step.scene.get("panel")
        if panel is not None and page is not None and getattr(page, "panels", None) is not None:
            page.panels.setCurrentIndex(panel)
        self._open_parts(step, page)
        self.sampling.clear()
        self._show_availability(step)

    def _open_parts(self, step, page):
        """Unfold the parts the step's "Try this" needs (`step.scene["open"]`, their objectNames:
        the Normal panel's data set, which a short page folds first) as a click on their arrow
        would: the page then leaves them open."""
        for name in step.scene.get("open", ()):
            part = page.findChild(QtWidgets.QWidget, name) if page is not None else None
            if part is not None and hasattr(part, "unfold_as_user"):
                part.unfold_as_user()

    def _with_joint(self, session, joint, page):
        """The joint preset: in the session if it has a joint part, else on the Joint page itself."""
        if joint is None:
            return session
        from klviz.scene.joint import JointState  # the Joint tab's state (its own module)

        state = JointState.preset(joint["preset"], epsilon=joint.get("epsilon", 0.1))
        if hasattr(session, "joint") or "joint" in getattr(session, "__dataclass_fields__", {}):
            try:
                return session.with_(joint=state)
            except (TypeError, ValueError):
                return session
        if page is not None and hasattr(page, "set_state"):
            page.set_state(state)
        return session

    def animate_fit(self, kind):
        """The forward/reverse step: from the step's own P and Q, the Continuous tab's fit."""
        step = lesson.STEPS[self.index]
        page = self.page("continuous")
        if page is None or not hasattr(page, "start_fit"):
            return
        self.set_scene(step)
        page.start_fit(kind)

    def _on_opened(self, checked):
        """View › Lesson opened the panel: set up the step's scene. (A dock brought back with the
        window's saved layout, or shown by a program, leaves the session as it is.)"""
        if checked and self.isVisible():
            self.set_scene(lesson.STEPS[self.index])

    def showEvent(self, ev):
        super().showEvent(ev)
        self.refresh()

    _laid_out = False  # lay_out_hidden ran (after a deferred start's prebuild)

    def lay_out_hidden(self):
        """Polish, lay out and draw the hidden panel once, off screen, at the size it will have
        docked (as wide as it asks, as tall as the window's central area): opening it then
        finds its style, its layouts and its labels' text already worked out (~8 ms less in
        the turn that opens it). Nothing is shown; a panel shown meanwhile is left alone."""
        if self.isVisible() or self.isFloating():
            return
        self._laid_out = True
        catch_up_fonts(self)  # the window's type scale (a hidden panel takes it when shown)
        central = self.window_.centralWidget()
        height = central.height() if central is not None else self.sizeHint().height()
        self.resize(max(self.minimumWidth(), self.sizeHint().width()), max(height, self.minimumHeight()))
        # To draw a hidden widget Qt un-hides it and its hidden ancestors for a moment and
        # activates the window's layout meanwhile: the window made room for the dock, so the
        # visible page and every chart on it were resized and painted at that width, and again
        # at their own once the dock was hidden again (~15 ms, in the deferred build's longest
        # turn). The window's layout is off during the grab: the page keeps its size.
        window_layout = self.window_.layout()
        held = window_layout is not None and window_layout.isEnabled()
        if held:
            window_layout.setEnabled(False)
        try:
            self.grab()
        finally:
            if held:
                window_layout.setEnabled(True)

    def refresh(self):
        if self._held or not self.isVisible():
            return  # brought up to date at the step's end, or when shown
        step = lesson.STEPS[self.index]
        if step.tab in lesson.DISCRETE_MEASURES:
            m, state = self.model.discrete_measures(), self.model.discrete
        elif step.tab == "continuous":
            m, state = self.model.continuous_measures(), self.model.session.continuous
        else:
            m = state = None
        unit = self.model.unit
        self.formula.setText(scene_lesson.formula(step, m, state, unit, translated))
        self.formula.setVisible(bool(self.formula.real_text()))
        if step.key == "message":
            d = self.model.discrete
            self.table.setText(scene_lesson.code_table(d, sdisc.code_lengths(d, "bits"), translated))
            self.table.setVisible(True)
        else:
            self.table.setVisible(False)


class _Prebuilt(QtCore.QObject):
    """The lesson panel's parts built ahead of time for one window (its child): the panel takes
    them when it is built; taken, the steps still scheduled find nothing left to do."""

    NAME = "lesson_prebuilt"

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName(self.NAME)
        self.parts, self.taken = {}, False

    @classmethod
    def take(cls, window):
        holder = window.findChild(cls, cls.NAME, QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
        if holder is None:
            return {}
        holder.taken = True
        parts, holder.parts = holder.parts, {}
        holder.deleteLater()
        return parts


def prebuild_in_steps(window, delay_ms=1):
    """Build `window`'s lesson panel hidden, a part per event-loop turn (each well under 50 ms):
    numpy's random module, the sampling demo, the fit chart, the panel with them (the window's
    `lesson`), then its first layout and drawing (LessonPanel.lay_out_hidden). Opening the panel
    (View › Lesson) meanwhile builds the rest at once."""
    if window.findChild(LessonPanel) is not None or window.findChild(_Prebuilt, _Prebuilt.NAME) is not None:
        return  # built, or being built
    holder = _Prebuilt(window)
    model = window.model

    def steps():
        np.random.default_rng()  # the first use imports numpy.random (~20 ms)
        yield
        holder.parts["sampling"] = SamplingDemo(model)
        yield
        holder.parts["fit_q"] = FitQToP(model)
        yield
        panel = window.lesson  # the property builds the panel, which takes the parts
        keeper = getattr(window, "accessibility", None)
        if keeper is not None:  # its names and tab order now, in a turn of their own (not the
            keeper.schedule_rescan()  # next tab switch's)
        # then its first layout and drawing, hidden, in a turn of its own (the holder is gone)
        QtCore.QTimer.singleShot(delay_ms, panel, panel.lay_out_hidden)

    pending = steps()

    def next_step():
        if holder.taken:
            return  # the panel was built meanwhile (and took what was ready)
        try:
            next(pending)
        except StopIteration:
            return
        QtCore.QTimer.singleShot(delay_ms, holder, next_step)  # a timer: input and paint go first

    QtCore.QTimer.singleShot(delay_ms, holder, next_step)
