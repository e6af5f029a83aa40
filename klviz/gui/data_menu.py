"""Data in the window: File › Import data… and the "same numbers in your framework" dock.

`DataMenu(window)` adds
- "action_import_data" (File › Import data…, Ctrl+I unless another action has it): opens the
  ImportDataDialog (klviz.gui.dialogs.import_data) for the current tab's target, window-modal and
  without blocking; on Import, the result goes into the session through
  `klviz.state.imports.with_import` as ONE undo step (P, Q or both with their labels to the
  Discrete tab, the joint to the Joint tab, the batch to the loss lab's categorical panel), and
  that tab is shown. The dialog says beforehand what importing only P or only Q will do
  (klviz.state.imports.plan_text: aligned by label over the union, replaced by position, or the
  other side made uniform). More than the editor's 100 categories are imported and measured in
  full, the bars read-only; what the state cannot hold (more than 100,000 categories or 12 × 12
  cells, labels that are not plain one-line text) is refused with a dialog saying why; nothing
  changes then. Cancel changes nothing.
- "dock_framework_note" with the FrameworkNote (klviz.gui.widgets.framework_note) of the Discrete
  tab's pair, toggled by "action_framework_note" (View › Framework note). It is fed only while
  shown (a hidden dock costs the drag path nothing), and its set_pair is throttled. Quiz mode
  hides it (its values are the answers). The dock and its action exist from the start (the saved
  window state restores the dock, open or closed); what it holds is built by `ensure_note()`: at
  once unless `deferred` (the app's start: after the first paint, in the window's build steps),
  and at the latest when the dock is shown.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.widgets.text import plain_label
from klviz.gui.i18n import translate, translated

IMPORT_SHORTCUT = "Ctrl+I"
_TARGET_OF_PAGE = {"page_discrete": "p", "page_joint": "joint", "page_losses": "batch"}


def _menu_holding(window, action):
    for a in window.menuBar().actions():
        menu = a.menu()
        if menu is not None and action in menu.actions():
            return menu
    return None


def _insert_after(menu, anchor, action):
    actions = menu.actions()
    k = actions.index(anchor)
    if k + 1 < len(actions):
        menu.insertAction(actions[k + 1], action)
    else:
        menu.addAction(action)


class DataMenu(QtCore.QObject):
    def __init__(self, window, deferred=False):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.dialog = None  # the import dialog while it is open
        self.action_import = QtGui.QAction(translate("data_menu", "Import &data…"), window)
        self.action_import.setObjectName("action_import_data")
        taken = {k.toString() for a in window.findChildren(QtGui.QAction) for k in a.shortcuts()}
        if QtGui.QKeySequence(IMPORT_SHORTCUT).toString() not in taken:
            self.action_import.setShortcut(QtGui.QKeySequence(IMPORT_SHORTCUT))
        self.action_import.setStatusTip(translate("data_menu", "Read P, Q, the joint or a batch of logits from a file (CSV, TSV, "
                                        "text, .npy), with a preview"))
        self.action_import.triggered.connect(lambda: self.import_dialog())
        window.addAction(self.action_import)
        file_menu = _menu_holding(window, window.exporter.action_export)
        if file_menu is not None:
            file_menu.insertAction(window.exporter.action_export, self.action_import)
        self.note = None  # the FrameworkNote, once built (ensure_note)
        self._late = deferred  # built after the window: it takes the window's look itself
        self._build_dock()
        if not deferred:
            self.ensure_note()

    # -- the framework note --------------------------------------------------------------------
    def _build_dock(self):
        w = self.window
        self.dock = QtWidgets.QDockWidget(translate("data_menu", "Same numbers in your framework"), w)
        self.dock.setObjectName("dock_framework_note")
        self.dock.hide()
        w.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.action_note = self.dock.toggleViewAction()
        self.action_note.setText(translate("data_menu", "Framework &note"))
        self.action_note.setObjectName("action_framework_note")
        self.action_note.setStatusTip(translate("data_menu", '"The same numbers in your framework": PyTorch, TensorFlow and JAX '
                                      "expressions for the current pair, with their values"))
        w.addAction(self.action_note)
        view_menu = _menu_holding(w, w.action_lesson)
        if view_menu is not None:
            _insert_after(view_menu, w.action_lesson, self.action_note)
        self.model.discreteChanged.connect(self._feed)
        self.dock.visibilityChanged.connect(self._feed)

    def ensure_note(self):
        """The dock's contents (the note, and the line quiz mode shows instead), built once; returns the FrameworkNote."""
        if self.note is not None:
            return self.note
        from klviz.gui.widgets.framework_note import FrameworkNote

        self.note = FrameworkNote()
        self._quiz_text = plain_label(translate("data_menu", "Hidden in quiz mode: the note prints the values."))
        self._quiz_text.setVisible(False)
        body = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(plain_label(translate("data_menu", "D(P‖Q) and H(P,Q) of the Discrete tab's pair, as PyTorch, TensorFlow "
                                  "and JAX compute them:")))
        lay.addWidget(self.note, 1)
        lay.addWidget(self._quiz_text)
        self.dock.setWidget(body)
        self.window.presentation.follow_quiz(self._set_quiz)
        if self._late:
            self.window._adopt_widgets()
        return self.note

    def _feed(self, *_):
        if self.dock.isVisible():
            d = self.model.discrete
            self.ensure_note().set_pair(d.p, d.q)

    def _set_quiz(self, on):
        self.note.setVisible(not on)
        self._quiz_text.setVisible(on)

    # -- import --------------------------------------------------------------------------------
    def default_target(self):
        return _TARGET_OF_PAGE.get(self.window.tabs.currentWidget().objectName(), "p")

    def import_dialog(self, target=None):
        """Open File › Import data… (window-modal, not blocking); returns the dialog."""
        from klviz.gui.dialogs.import_data import ImportDataDialog
        from klviz.state.imports import plan_text  # here: the window's start does not need it

        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = ImportDataDialog(self.window, target=target or self.default_target(),
                                  plan=lambda result: plan_text(self.model.session, result))
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda code, d=dialog: self._finished(d, code))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _finished(self, dialog, code):
        self.dialog = None
        if code == QtWidgets.QDialog.DialogCode.Accepted and dialog.result() is not None:
            self.apply(dialog.result())

    def apply(self, result):
        """Put an ImportResult into the session as one undo step and show its tab; a result the
        state cannot hold is refused with a dialog, changing nothing. Returns success."""
        from klviz.state.imports import ImportRefused, with_import

        try:
            new, text = with_import(self.model.session, result)
        except ImportRefused as exc:
            self.window._error(translate("data_menu", "Could not import"), translated(exc.args[0]) if exc.args else str(exc))
            return False
        self.model.end_gesture()
        text = translated(text)
        self.model.apply(new, text)
        w = self.window
        if result.target == "joint":
            w.tabs.setCurrentWidget(w.page_joint)
        elif result.target == "batch":
            w.tabs.setCurrentWidget(w.page_losses)
            w.page_losses.ensure_built()
            w.page_losses.panels.setCurrentWidget(w.page_losses.categorical)
        else:
            w.tabs.setCurrentWidget(w.page_discrete)
        w.statusBar().showMessage(translate("data_menu", '{text}: done (Undo takes it back).').format(text=text), 6000)
        return True
