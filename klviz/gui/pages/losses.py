"""The Losses tab (the loss lab): binary cross-entropy, categorical cross-entropy and the Normal
likelihood behind MSE, each shown as the cross-entropy between the data's distribution and the one
the model's output parametrises.

Three panels share the app's unit (model.unit) and colours: target/data in P's blue, the model's
prediction in Q's orange, KL divergences in purple. The loss-lab state (klviz.losslab, Qt-free)
is held by a small model here; every number shown comes from klviz.core.losses.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from klviz import losslab as lab
from klviz.gui.pages.losses_common import LossLabModel, caption_label

INTRO = ("Each loss below is a cross-entropy: between the target's distribution (blue) and the "
         "distribution the model's output parametrises (orange).")


class LossesPage(QtWidgets.QWidget):
    def __init__(self, model, parent=None, build=True):
        super().__init__(parent)
        self.setObjectName("page_losses")
        self.model = model
        self.labs = LossLabModel(parent=self)
        self._quiz = False
        self._built = False
        if build:
            self.ensure_built()

    def showEvent(self, ev):
        self.ensure_built()
        super().showEvent(ev)

    def ensure_built(self):
        """Build the panels (the app launches with this tab unbuilt and builds it after the
        first paint; create_main_window builds everything at once)."""
        if self._built:
            return
        self._built = True
        # imported here: a deferred start does not pay for the panels' modules either
        from klviz.gui.pages.losses_bernoulli import BernoulliPanel
        from klviz.gui.pages.losses_categorical import CategoricalPanel
        from klviz.gui.pages.losses_normal import NormalPanel

        model = self.model
        self.bernoulli = BernoulliPanel(model, self.labs)
        self.categorical = CategoricalPanel(model, self.labs)
        self.normal = NormalPanel(model, self.labs)
        self.panels = QtWidgets.QTabWidget()
        self.panels.setObjectName("tabs_losses")
        self.panels.addTab(self.bernoulli, "Bernoulli: binary cross-entropy")
        self.panels.addTab(self.categorical, "Categorical: softmax cross-entropy")
        self.panels.addTab(self.normal, "Normal: squared error")
        self.categorical.sendToBernoulli.connect(self.show_two_classes_as_bernoulli)
        # one drag on any chart of the lab is one undo step
        for chart in self.findChildren(QtWidgets.QGraphicsView):
            started, finished = getattr(chart, "dragStarted", None), getattr(chart, "dragFinished", None)
            if started is not None and finished is not None:
                started.connect(self.labs.begin_gesture)
                finished.connect(self.labs.end_gesture)

        intro = caption_label(INTRO, "loss_intro")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(intro)
        layout.addWidget(self.panels, 1)
        if self._quiz:
            self.set_quiz(True)

    QUIZ_HANDLES_CHILDREN = True  # set_quiz below takes care of every number on this page

    def set_quiz(self, on):
        """Quiz mode (classroom): hide the computed numbers so the class can predict them."""
        self._quiz = bool(on)
        if not self._built:
            return
        for panel in (self.bernoulli, self.categorical, self.normal):
            panel.set_quiz(on)

    def show_two_classes_as_bernoulli(self):
        """Set the Bernoulli panel to the two-class categorical case: y = y_1, z = z_1 - z_0."""
        c = self.labs.categorical
        if c.n != 2:
            return
        self.labs.update("bernoulli", lab.set_target, c.target[1])
        self.labs.update("bernoulli", lab.set_logit, c.logits[1] - c.logits[0])
        self.panels.setCurrentWidget(self.bernoulli)
