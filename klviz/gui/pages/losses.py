"""The Losses tab (the loss lab): binary cross-entropy, categorical cross-entropy and the Normal
likelihood behind MSE, each shown as the cross-entropy between the data's distribution and the one
the model's output parametrises.

Three panels share the app's unit (model.unit) and colours: target/data in P's blue, the model's
prediction in Q's orange, KL divergences in purple. The loss-lab state (klviz.state.losslab) is
part of the session: the panels change it through the SessionModel (model.update_losses, one
undo history for every tab); every number shown comes from klviz.scene.losses.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from klviz.gui.pages.losses_common import caption_label
from klviz.gui.widgets.fitting_tabs import FittingTabs
from klviz.gui.widgets.style_sheet import set_style_sheet
from klviz.style import ERROR_COLOR, text_color
from klviz.state import losslab as lab
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

#: shorter than this many lines of its type, the page gives the intro's two lines to its panel
#: (960×540 in presentation type: 18 lines; 1280×720: 25); its words stay the panel tabs' tooltip
INTRO_LINES = 22

INTRO = (QT_TRANSLATE_NOOP("klviz", "Each loss below is a cross-entropy: between the target's distribution (blue) and the "
         "distribution the model's output parametrises (orange)."))


class LossesPage(QtWidgets.QWidget):
    built = QtCore.Signal()  # the panels exist now (after a deferred start, later than the page)

    def __init__(self, model, presentation=None, parent=None, build=True):
        """model: the SessionModel; presentation: the PresentationModel to follow (quiz, look)."""
        super().__init__(parent)
        self.setObjectName("page_losses")
        self.model = model
        self.presentation = presentation
        self._quiz = False
        self._built = False
        self._pending = None  # the build's steps not yet run (see build_in_steps)
        self._stepping = False
        if presentation is not None:
            presentation.follow_quiz(self.set_quiz)
        if build:
            self.ensure_built()

    @property
    def is_built(self):
        return self._built

    def showEvent(self, ev):
        self.ensure_built()
        super().showEvent(ev)

    def ensure_built(self):
        """Build the panels now, all that is left of them (create_main_window builds everything
        at once; showing the tab builds it too, also in the middle of a stepwise build)."""
        if self._built or self._stepping:
            return
        for _ in self._build():
            pass
        self._pending = None

    def build_in_steps(self):
        """Build the panels one event-loop turn at a time (the app's start, after the first paint):
        the imports, each panel, then the tab that holds them, so no turn holds the window for
        the whole build."""
        if not self._built:
            self._build()
            self._next_step()

    def _build(self):
        """The one build under way (a generator, one step per event-loop turn)."""
        if self._pending is None:
            self._pending = self._build_steps()
        return self._pending

    def _next_step(self):
        if self._pending is None:
            return
        self._stepping = True
        try:
            next(self._pending)
        except StopIteration:
            self._pending = None
            return
        finally:
            self._stepping = False
        QtCore.QTimer.singleShot(1, self, self._next_step)  # a timer, not a posted event: input and paint go first

    def _build_steps(self):
        # imported here: a deferred start does not pay for the panels' modules either
        from klviz.gui.pages.losses_bernoulli import BernoulliPanel
        from klviz.gui.pages.losses_categorical import CategoricalPanel
        from klviz.gui.pages.losses_normal import NormalPanel

        model = self.model
        yield
        # each panel in parts, a turn each (a panel whole took 15-25 ms)
        for name, panel in (("bernoulli", BernoulliPanel), ("categorical", CategoricalPanel), ("normal", NormalPanel)):
            setattr(self, name, panel(model, build=False))
            for _ in getattr(self, name).build_steps():
                yield
            yield  # (its last part, then the next panel's first, would be one long turn)
        self._built = True
        self.panels = FittingTabs()
        self.panels.setObjectName("tabs_losses")
        self.panels.addTab(self.bernoulli, translate("pages.losses", "Bernoulli: binary cross-entropy"))
        self.panels.addTab(self.categorical, translate("pages.losses", "Categorical: softmax cross-entropy"))
        self.panels.addTab(self.normal, translate("pages.losses", "Normal: squared error"))
        self.categorical.sendToBernoulli.connect(self.show_two_classes_as_bernoulli)
        # one drag on any chart of the lab is one undo step
        draggable = (self.bernoulli.plot, self.categorical.plot_logits, self.categorical.plot_probs,
                     self.normal.plot_nll, self.normal.plot_data)
        for chart in draggable:
            chart.dragStarted.connect(self._drag_started)
            chart.dragFinished.connect(model.end_gesture)
        if self.presentation is not None:
            for chart in draggable:
                self.presentation.follow_plot(chart)
                self.presentation.follow_look(chart.restyle)
            self.presentation.follow_plot(self.normal.plot_profile)  # a plain plot: axes only
            self.presentation.follow_look(self._restyle_text)
            for grid in (self.bernoulli.readouts, self.categorical.readouts, self.normal.point_readouts,
                         self.normal.data_readouts):
                self.presentation.follow_look(grid.restyle)
                self.presentation.follow_digits(grid.set_digits)

        self.intro = intro = caption_label(translated(INTRO), "loss_intro")
        self.panels.tabBar().setToolTip(translated(INTRO))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(intro)
        layout.addWidget(self.panels, 1)
        if self._quiz:
            self.set_quiz(True)
        self._fit_intro()
        self.built.emit()

    def _fit_intro(self):
        """The intro only where the page has room for it (see INTRO_LINES)."""
        if self._built:
            room = self.height() >= INTRO_LINES * self.fontMetrics().lineSpacing()
            if self.intro.isVisibleTo(self) != room:
                self.intro.setVisible(room)

    def resizeEvent(self, ev):  # noqa: N802 (Qt name)
        super().resizeEvent(ev)
        self._fit_intro()

    def changeEvent(self, ev):  # noqa: N802 (Qt name)
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._fit_intro()

    def _restyle_text(self, look):
        """Coloured words and numbers in the theme's text shades (WCAG AA on its window)."""
        from klviz.gui.pages.losses_common import set_text_theme

        set_text_theme(look.dark)
        for panel in (self.bernoulli, self.categorical, self.normal):
            for label in panel.findChildren(QtWidgets.QLabel):
                if label.property("role") == "error":
                    set_style_sheet(label, f"color: {text_color(ERROR_COLOR, look.dark)};")
            getattr(panel, "redraw_all", panel.refresh)()

    def _drag_started(self, *_):
        self.model.begin_gesture(translate("pages.losses", "Losses: drag"))

    def set_quiz(self, on):
        """Quiz mode (classroom): hide the computed numbers so the class can predict them."""
        self._quiz = bool(on)
        if not self._built:
            return
        for panel in (self.bernoulli, self.categorical, self.normal):
            panel.set_quiz(on)

    def show_two_classes_as_bernoulli(self):
        """Set the Bernoulli panel to the two-class categorical case: y = y_1, z = z_1 - z_0."""
        c = self.model.losses.categorical
        if c.n != 2:
            return
        self.model.update_losses("bernoulli", lab.two_classes_as_bernoulli, c)  # one undo step
        self.panels.setCurrentWidget(self.bernoulli)
