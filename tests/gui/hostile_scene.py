"""A session full of hostile labels, shown in every place the app shows a label, a file name or a
field quoted from a file. Used in-process (tests/gui/test_plain_text.py, with an image probe)
and in a subprocess (with a FIFO probe whose opening would block)."""

import json
import os

from PySide6 import QtCore, QtGui, QtWidgets

PROBE_W, PROBE_H = 10, 3000  # a probe image no widget of the app would ever be as tall as


def hostile_labels(src):
    """Distinct, at most 40 characters, non-empty once stripped: valid session labels."""
    return [
        "<b>x</b>",
        f"<img src={src}>",
        "&amp;",
        "&",
        "$x^2$",
        "W" * 40,  # very long, no space to wrap at
        "שלום",  # right to left
        "&#60;b&#62;z",  # character references (refused in files: bidi overrides, tabs, U+2028)
        "e\u0301",  # a combining mark
        "<a href=x>l</a>",  # a link
        "&lt;i&gt;y",  # Qt's "desperate attempt to see <...>" rule in mightBeRichText
        "[*] x",  # the window-title placeholder
    ]


# Q is zero on the first four and P on the next four: both readout reasons list hostile labels.
P_WEIGHTS = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]
Q_WEIGHTS = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]


def write_session(path, labels):
    data = {"format": "klviz-session", "version": 1, "unit": "nats",
            "discrete": {"labels": labels, "p": P_WEIGHTS, "q": Q_WEIGHTS},
            "continuous": {"p": {"family": "normal", "mu": 0, "sigma": 1},
                           "q": {"family": "normal", "mu": 1, "sigma": 1.5}}}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def process(n=3):
    app = QtWidgets.QApplication.instance()
    for _ in range(n):
        app.processEvents()


def tooltip_label():
    for w in QtWidgets.QApplication.topLevelWidgets():
        if w.objectName() == "qtooltip_label" and w.isVisible():
            return w
    return None


def hover_tooltip(plot, x, y):
    """Hover a chart at data (x, y) and ask for its tooltip as Qt does (a QHelpEvent): the shown
    tooltip label, or None."""
    QtWidgets.QToolTip.hideText()
    vp = plot.viewport()
    pos = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(QtCore.QPointF(x, y)))
    for dx in (0, 1):  # two moves: hover enter, then hover move
        p = QtCore.QPointF(pos.x() + dx, pos.y())
        ev = QtGui.QMouseEvent(QtCore.QEvent.Type.MouseMove, p, QtCore.QPointF(vp.mapToGlobal(p.toPoint())),
                               QtCore.Qt.MouseButton.NoButton, QtCore.Qt.MouseButton.NoButton,
                               QtCore.Qt.KeyboardModifier.NoModifier)
        QtWidgets.QApplication.sendEvent(vp, ev)
    help_ev = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, QtCore.QPoint(pos.x() + 1, pos.y()),
                               vp.mapToGlobal(QtCore.QPoint(pos.x() + 1, pos.y())))
    QtWidgets.QApplication.sendEvent(vp, help_ev)
    process()
    return tooltip_label()


def seen(widget, text=None):
    """What a label-like widget shows, captured now (a tooltip or a closed box is deleted later):
    (its text format, its text, its size hint's height)."""
    if widget is None:
        return (None, text, 0)
    return (widget.textFormat(), widget.text() if text is None else text, widget.sizeHint().height())


def show_everywhere(window, folder, src):
    """Open the hostile session and bring up every place its text can appear. Returns the labels
    and what each place shows: name -> list of (text format or None, text, size hint height); the
    format is None where the text is drawn as plain text by construction."""
    labels = hostile_labels(src)
    shown = {}
    # the file's name itself is hostile (it ends up in the title, the status bar, the recent menu)
    name = f"<img src={src}> & [*].klviz"
    path = os.path.join(folder, name)
    write_session(path, labels)
    assert window.open_session(path), "the hostile session is valid and must open"
    process()
    shown["title"] = [seen(None, window.windowHandle().title())]
    shown["status"] = [seen(None, window.statusBar().currentMessage())]
    window.grab()

    # Discrete tab: bars (axis labels), tooltips (shown for real), the readout reasons
    page = window.page_discrete
    window.tabs.setCurrentWidget(page)
    process()
    for plot in (page.plot_p, page.plot_q, page.pointwise):
        ticks = plot.getPlotItem().getAxis("bottom")._tickLevels[0]
        shown[f"ticks {plot.objectName()}"] = [seen(None, t) for _, t in ticks]
    tips = []
    for i in range(len(labels)):
        tip = hover_tooltip(page.plot_p, i, 0.5 * page.plot_p.value_top)  # mid-column: the axis fits the bars
        tips.append(seen(tip) if tip is not None else None)
    shown["tooltips"] = tips
    shown["reasons"] = [seen(page.readouts.reasons[k]) for k in ("kl_pq", "kl_qp", "cross_entropy_pq",
                                                                  "cross_entropy_qp")]
    page.grab()
    # the overlay chart: its ticks and tooltips too
    page.check_overlay.setChecked(True)
    process()
    overlay = page.plot_overlay
    shown["ticks plot_overlay"] = [seen(None, t) for _, t in overlay.getPlotItem().getAxis("bottom")._tickLevels[0]]
    tip = hover_tooltip(overlay, 1 - 0.2, 0.3 * overlay.value_top)
    shown["overlay tooltip"] = [seen(tip)] if tip is not None else []
    page.grab()
    page.check_overlay.setChecked(False)
    QtWidgets.QToolTip.hideText()

    # the lesson's code table and formulas (without setting up the step's own scene)
    lesson = window.lesson
    lesson.show()
    for step in range(5):
        lesson.show_step(step, set_scene=False)
        process()
        lesson.grab()
        if lesson.table.isVisible():
            shown["code table"] = [seen(lesson.table)]
        shown[f"formula {step}"] = [seen(lesson.formula)]
    lesson.hide()

    # the label editor: a dialog that shows the labels, then refuses a bad edit
    def answer():
        dialog = QtWidgets.QApplication.activeModalWidget()
        if isinstance(dialog, QtWidgets.QInputDialog):
            shown["label editor"] = [seen(None, dialog.textValue())]  # a QLineEdit: plain text
            dialog.setTextValue(", ".join(labels[:3]))  # too few: refused with a message
            QtCore.QTimer.singleShot(0, close_modal_box)
            dialog.accept()

    def close_modal_box():  # a message box that blocks (exec) is noted and closed
        box = QtWidgets.QApplication.activeModalWidget()
        if isinstance(box, QtWidgets.QMessageBox):
            shown["labels message"] = [seen(box)]
            box.close()

    QtCore.QTimer.singleShot(0, answer)
    page.edit_labels()
    process()
    box = window.findChild(QtWidgets.QMessageBox, "message_labels")
    if box is not None:  # (a box that blocked was noted and closed by close_modal_box)
        box.grab()
        shown["labels message"] = [seen(box)]
        box.close()

    # an error dialog quoting a field of a file
    bad = os.path.join(folder, "bad.klviz")
    with open(bad, "w", encoding="utf-8") as fh:
        json.dump({"format": f"<img src={src}>"}, fh)
    assert not window.open_session(bad)
    process()
    box = window.findChild(QtWidgets.QMessageBox, "message_error")
    box.grab()
    shown["error dialog"] = [seen(box)]
    box.close()
    process()

    # the recent-files menu (file names as menu items)
    window._fill_recent()
    shown["recent menu"] = [seen(None, a.text()) for a in window.menu_recent.actions() if a.text()]

    # the Losses tab's logits field quotes what was typed
    losses = window.page_losses
    window.tabs.setCurrentWidget(losses)
    losses.ensure_built()
    process()
    cat = losses.findChild(QtWidgets.QLineEdit, "edit_loss_logits")
    if cat is not None:
        losses.panels.setCurrentIndex(1)
        cat.setText("<b>x</b>, 1")  # split at commas and spaces: one token quoted
        cat.editingFinished.emit()
        process()
        err = losses.findChild(QtWidgets.QLabel, "loss_logits_error")
        shown["logits error"] = [seen(err)]
        losses.grab()

    # exports: every file format, from the same session
    window.tabs.setCurrentWidget(page)
    for ext in ("svg", "png", "pdf", "csv", "json"):
        out = os.path.join(folder, f"export.{ext}")
        window.exporter.export(out, "discrete")
        shown[f"export {ext}"] = [seen(None, out)]
    window.grab()
    process()
    return labels, shown
