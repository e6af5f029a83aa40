"""The Discrete tab: drag P and Q, watch entropy, cross-entropy and both KLs live.

A state of more than the editor's 100 categories (imported from a file) is measured in full but
read-only: the bar charts give way to line charts of P and Q ("plot_p_profile", "plot_q_profile",
klviz.gui.widgets.profile_chart), the message "label_discrete_readonly" says so, the pointwise chart
sums runs of consecutive categories (klviz.scene.data_import.grouped_terms), and the labels and
overlay controls are off; the category count and the presets leave that mode (the state is cut to
100 categories or less by the tab's rule)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6 import QtCore, QtWidgets

from klviz.state import discrete as ds
from klviz.gui.widgets.buttons import push_button
from klviz.gui.widgets.bar_chart import BarChart, Series
from klviz.gui.widgets.decomposition import DecompositionChart
from klviz.gui.widgets.pointwise import PointwiseChart
from klviz.gui.widgets.divergences_group import DivergencesGroup
from klviz.gui.widgets.readouts import LatexAction, ReadoutGrid
from klviz.gui.widgets.reflow import ReflowSplitter, Secondary, page_scroll
from klviz.gui.widgets.slider_spin import BoundedSpinBox
from klviz.gui.widgets.text import html_text, isolate, message_box, plain_label
from klviz.gui.widgets.value_label import quiz_placeholder
from klviz.scene import discrete as sdisc
from klviz.scene import divergences as sd
from klviz.scene.readouts import format_value
from klviz.state.imports import is_editable
from klviz.style import ENTROPY_COLOR, KL_COLOR, P_COLOR, Q_COLOR
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, error_text, translate, translated

READOUTS = (
    ("entropy_p", "H(P)", QT_TRANSLATE_NOOP("klviz", "Entropy of P:  H(P) = −Σ pᵢ log pᵢ"), P_COLOR),
    ("entropy_q", "H(Q)", QT_TRANSLATE_NOOP("klviz", "Entropy of Q:  H(Q) = −Σ qᵢ log qᵢ"), Q_COLOR),
    ("cross_entropy_pq", "H(P,Q)", QT_TRANSLATE_NOOP("klviz", "Cross-entropy:  H(P,Q) = −Σ pᵢ log qᵢ = H(P) + D(P‖Q)"), ENTROPY_COLOR),
    ("cross_entropy_qp", "H(Q,P)", QT_TRANSLATE_NOOP("klviz", "Cross-entropy:  H(Q,P) = −Σ qᵢ log pᵢ = H(Q) + D(Q‖P)"), ENTROPY_COLOR),
    ("kl_pq", "D(P‖Q)", QT_TRANSLATE_NOOP("klviz", "KL divergence:  D(P‖Q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0"), KL_COLOR),
    ("kl_qp", "D(Q‖P)", QT_TRANSLATE_NOOP("klviz", "KL divergence:  D(Q‖P) = Σ qᵢ log(qᵢ / pᵢ) ≥ 0"), KL_COLOR),
    ("js", "JS(P,Q)", QT_TRANSLATE_NOOP("klviz", "Jensen-Shannon:  ½ D(P‖M) + ½ D(Q‖M),  M = (P+Q)/2  (symmetric, ≤ log 2)"), None),
)

CHART_MIN_HEIGHT = 140  # the P and Q charts' least height (a bar chart's own is 160)

PRESET_NAMES = {"uniform": QT_TRANSLATE_NOOP("klviz", "Uniform"), "peaked": QT_TRANSLATE_NOOP("klviz", "Peaked"), "bimodal": QT_TRANSLATE_NOOP("klviz", "Bimodal"), "one-hot": QT_TRANSLATE_NOOP("klviz", "One-hot"),
                "random": QT_TRANSLATE_NOOP("klviz", "Random (Dirichlet)")}


class DiscretePage(QtWidgets.QWidget):
    def __init__(self, model, presentation=None, parent=None):
        """model: the SessionModel; presentation: the PresentationModel to follow (quiz, look)."""
        super().__init__(parent)
        self.setObjectName("page_discrete")
        self.model = model
        self.presentation = presentation
        self._build()
        changed = when_shown(self, self._model_changed)  # hidden on another tab: when shown
        model.discreteChanged.connect(changed)
        model.gestureActiveChanged.connect(lambda active: None if active else changed())
        model.unitChanged.connect(changed)
        model.viewChanged.connect(self._show_view)
        if model.view.overlay:
            self._show_view()
        self.refresh()
        if presentation is not None:
            for chart in (self.plot_p, self.plot_q, self.decomposition, self.pointwise):
                presentation.follow_plot(chart)
                presentation.follow_look(chart.restyle)
            presentation.follow_look(self.readouts.restyle)
            presentation.follow_look(self.divergences.restyle)
            presentation.follow_digits(self.readouts.set_digits)
            presentation.follow_digits(self.divergences.readouts.set_digits)
            presentation.follow_quiz(self.set_quiz)
            presentation.follow_look(lambda _: QtCore.QTimer.singleShot(0, self, self._hold_frame_room))  # new type
        self._hold_frame_room()

    # -- construction --------------------------------------------------------------------------
    def _build(self):
        m = self.model
        self.plot_p = BarChart([Series("P", P_COLOR)], title="P", tooltip=self._tip_for)
        self.plot_p.setObjectName("plot_p")
        self.plot_q = BarChart([Series("Q", Q_COLOR)], title="Q", tooltip=self._tip_for)
        self.plot_q.setObjectName("plot_q")
        self._overlay = None  # built the first time the overlay is switched on
        for chart, names in ((self.plot_p, "p"), (self.plot_q, "q")):
            self._connect_chart(chart, names)

        # controls: a tool bar, so that at large type (presentation) what does not fit folds into
        # its » menu instead of being clipped
        bar = QtWidgets.QToolBar(translate("pages.discrete", "Discrete controls"))
        bar.setObjectName("toolbar_discrete")
        bar.setMovable(False)
        bar.setFloatable(False)
        lab = QtWidgets.QLabel(translate("pages.discrete", "Ca&tegories"))
        self.spin_categories = BoundedSpinBox(translate("pages.discrete", "Categories"))  # says so when it clamps
        self.spin_categories.setObjectName("spin_categories")
        self.spin_categories.setRange(ds.MIN_CATEGORIES, ds.MAX_CATEGORIES)
        self.spin_categories.setKeyboardTracking(False)
        self.spin_categories.setToolTip(translate("pages.discrete", "Number of categories (2 to 100)"))
        self.spin_categories.valueChanged.connect(m.set_categories)
        lab.setBuddy(self.spin_categories)
        bar.addWidget(lab)
        bar.addWidget(self.spin_categories)
        bar.addSeparator()
        self.button_preset_p = self._preset_button(translate("pages.discrete", "Preset &P"), "p")
        self.button_preset_q = self._preset_button(translate("pages.discrete", "Preset &Q"), "q")
        bar.addWidget(self.button_preset_p)
        bar.addWidget(self.button_preset_q)
        bar.addSeparator()
        self.button_mismatch = push_button(translate("pages.discrete", "Support &mismatch"), "button_mismatch", m.apply_support_mismatch,
                                           translate("pages.discrete", "Q is zero where P is not: D(P‖Q) becomes infinite"))
        self.button_swap = push_button(translate("pages.discrete", "S&wap P ⇄ Q"), "button_swap", m.swap, translate("pages.discrete", "Exchange P and Q"))
        self.button_copy = push_button(translate("pages.discrete", "Cop&y P → Q"), "button_copy", m.copy_p_to_q, translate("pages.discrete", "Make Q equal to P"))
        self.button_reset = push_button(translate("pages.discrete", "&Reset"), "button_reset", m.reset_discrete, translate("pages.discrete", "Back to the starting scene"))
        self.button_labels = push_button(translate("pages.discrete", "Ed&it labels…"), "button_labels", self.edit_labels,
                                         translate("pages.discrete", "Rename the categories"))
        for b in (self.button_mismatch, self.button_swap, self.button_copy, self.button_reset, self.button_labels):
            bar.addWidget(b)
        bar.addSeparator()
        self.check_overlay = QtWidgets.QCheckBox(translate("pages.discrete", "&Overlay"))
        self.check_overlay.setObjectName("check_overlay")
        self.check_overlay.setToolTip(translate("pages.discrete", "Draw P and Q side by side on one chart"))
        self.check_overlay.toggled.connect(m.set_overlay)
        bar.addWidget(self.check_overlay)

        # readouts and decomposition
        self.readouts = ReadoutGrid(READOUTS, prefix="value_")
        self.decomposition = DecompositionChart()
        self.divergences = DivergencesGroup("discrete")
        self.divergences.alphaChanged.connect(self._refresh_family)
        self.divergences.shownChanged.connect(self._refresh_family)
        # "Copy as LaTeX" in the readouts' context menus and the decomposition's
        self.readouts.latex_action = LatexAction(self.readouts_latex, self.readouts)
        self.divergences.readouts.latex_action = self.readouts.latex_action
        self.decomposition.latex_action = LatexAction(self.decomposition_latex, self.decomposition)
        self.decomposition.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.decomposition.customContextMenuRequested.connect(self._decomposition_menu)
        self.pointwise = PointwiseChart()

        charts = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        self.readonly_note = plain_label("", self)
        self.readonly_note.setObjectName("label_discrete_readonly")
        self.readonly_note.setWordWrap(True)
        self.readonly_note.setVisible(False)
        cl.addWidget(self.readonly_note)
        cl.addWidget(self.plot_p, 1)
        cl.addWidget(self.plot_q, 1)
        self._charts_layout = cl

        side = QtWidgets.QWidget()
        sl = QtWidgets.QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        title = QtWidgets.QLabel(translate("pages.discrete", "<b>Measures</b> (hover a value for its formula)"))
        title.setObjectName("title_measures")
        sl.addWidget(title)
        sl.addWidget(self.readouts)
        sl.addWidget(self.divergences)
        # Unticked, the group is its tick box alone; the room its empty frame took stays as blank
        # space a short page may take, so that where there is room the decomposition chart is as
        # tall as before: a taller one costs every drag frame (0.04 M instructions at 1280×820).
        self._frame_room = QtWidgets.QSpacerItem(0, 0, QtWidgets.QSizePolicy.Policy.Minimum,
                                                 QtWidgets.QSizePolicy.Policy.Preferred)
        sl.addItem(self._frame_room)
        self._side_layout = sl
        self.divergences.shownChanged.connect(lambda _: self._hold_frame_room())
        # The decomposition (its equations over its chart) is a secondary part too: a page too
        # short for the readouts and it (960×540: F11 at 1920×1080, scale 2) folds it after the
        # pointwise chart, to one line with its title, and the heading over the readouts goes
        # while it is folded so (issue 12). The readouts say the same numbers.
        self.decomposition_part = Secondary(self.decomposition.caption, self.decomposition, "part_decomposition",
                                            translate("pages.discrete", "the decomposition chart"),
                                            folded_title=translated(DecompositionChart.TITLE), at_width=True)
        self.decomposition_part.expandedChanged.connect(
            lambda on: title.setVisible(on or not self.decomposition_part.folded_by_page))
        self.decomposition_part.layout().setSpacing(sl.spacing())  # the column's gap between its equations and chart
        self.title_measures = title
        sl.addWidget(self.decomposition_part, 1)
        self.quiz_placeholder = quiz_placeholder(
            "quiz_placeholder", translate("pages.discrete", "Which is larger, D(P‖Q) or D(Q‖P)?<br>Is H(P,Q) above H(P)?"))
        sl.addWidget(self.quiz_placeholder, 1)

        top = ReflowSplitter()  # the measures go under the charts when the window is narrow
        top.setObjectName("split_discrete")
        top.addWidget(charts)
        top.addWidget(side)
        top.set_stacked_height(charts, 360)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        main = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        main.addWidget(top)
        # secondary: behind a toggle, folded by the page itself when the screen is too short
        self.pointwise_part = Secondary(self.pointwise.caption, self.pointwise, "part_pointwise",
                                        translate("pages.discrete", "the pointwise terms chart"),
                                        folded_title=translate("pages.discrete", "Pointwise terms"))
        main.addWidget(self.pointwise_part)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        for s in (top, main):
            s.setChildrenCollapsible(False)
        # stacked (a page narrowed by the lesson panel), the charts give the readouts under them
        # the room they need, so that both are in view (issue 12); the pointwise chart's part
        # under them folds first (PageScroll) and its title may be below the fold
        top.share_room(always=True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(bar)
        self.page_scroll = page_scroll(main)
        self.page_scroll.add_secondary(self.pointwise_part)
        self.page_scroll.add_secondary(self.decomposition_part)  # folds second, unfolds first
        # P and Q share the height of a short page (960×540: 158 px each), still legible
        for chart in (self.plot_p, self.plot_q):
            chart.setMinimumHeight(CHART_MIN_HEIGHT)
        layout.addWidget(self.page_scroll, 1)

    def _hold_frame_room(self, *_):
        """The blank under the unticked "More divergences": the height its frame would take."""
        group = self.divergences
        extra = 0 if group.isChecked() else QtWidgets.QGroupBox.sizeHint(group).height() - group.sizeHint().height()
        if self._frame_room.sizeHint().height() != max(extra, 0):
            self._frame_room.changeSize(0, max(extra, 0), QtWidgets.QSizePolicy.Policy.Minimum,
                                        QtWidgets.QSizePolicy.Policy.Preferred)
            self._side_layout.invalidate()

    chartCreated = QtCore.Signal(object)  # a chart built after the page (the overlay)
    built = QtCore.Signal()  # widgets built after the page (the read-only line charts)

    def _connect_chart(self, chart, names):
        m = self.model
        chart.dragStarted.connect(lambda si, i: m.begin_gesture("Drag a bar"))
        chart.dragMoved.connect(lambda si, i, v, names=names: m.set_probability(names[si], i, v))
        chart.dragFinished.connect(m.end_gesture)
        chart.nudged.connect(lambda si, i, d, names=names: m.nudge(names[si], i, d))

    @property
    def plot_overlay(self):
        """P and Q side by side on one chart (left half of a column is P, right half Q)."""
        if self._overlay is None:
            chart = BarChart([Series("P", P_COLOR, -0.2, 0.38), Series("Q", Q_COLOR, 0.2, 0.38)],
                             title=translate("pages.discrete", "P (blue) and Q (orange)"), tooltip=self._tip_for)
            chart.setObjectName("plot_overlay")
            chart.setVisible(False)
            chart.set_quiz(self._quiz)
            self._connect_chart(chart, "pq")
            self._charts_layout.addWidget(chart, 2)
            self._overlay = chart
            if self.presentation is not None:
                self.presentation.follow_plot(chart)
                self.presentation.follow_look(chart.restyle)
            self.chartCreated.emit(chart)
        return self._overlay

    def _preset_button(self, text, which):
        b = QtWidgets.QToolButton()
        b.setText(text)
        b.setObjectName(f"button_preset_{which}")
        b.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(b)
        for kind in ds.DISCRETE_PRESETS:
            act = menu.addAction(translated(PRESET_NAMES[kind]))
            act.setObjectName(f"action_preset_{which}_{kind}")
            act.triggered.connect(lambda _=False, k=kind: self.model.apply_preset(which, k))
        b.setMenu(menu)
        b.setToolTip(translate("pages.discrete", 'Set {0} to a named shape').format(which.upper()))
        return b

    # -- tooltips ------------------------------------------------------------------------------
    def _tip(self, i):
        d, m = self.model.discrete, self.model.discrete_measures()
        lab = html_text(d.labels[i])  # a label is data: never markup
        if self._quiz:
            return f"<b>{lab}</b>"
        return (f"<b>{lab}</b><br>P({lab}) = {d.p[i]:.6g}<br>Q({lab}) = {d.q[i]:.6g}<br>"
                f"p log(p/q) = {format_value(m.terms_pq[i], 6)} {m.unit}<br>"
                f"q log(q/p) = {format_value(m.terms_qp[i], 6)} {m.unit}")

    def _tip_for(self, si, i):
        return self._tip(i)  # every chart's bar i shows the same category

    # -- quiz -----------------------------------------------------------------------------------
    def set_quiz(self, on):
        """Quiz mode: every number is hidden, and so are the charts that would give answers away."""
        self._quiz = bool(on)
        self.pointwise.caption.set_quiz(on)
        self.decomposition.caption.set_quiz(on)
        self.readouts.set_quiz(on)
        self.divergences.set_quiz(on)
        self.decomposition.latex_action.set_quiz(on)
        part = self.decomposition_part  # hidden whole (its arrow and folded title too)
        part.setVisible(not on)
        for w in (self.decomposition, self.pointwise):  # hidden, they draw nothing on a drag
            w.setVisible(not on)
        # folded, the part shows its title instead of the caption (Secondary)
        self.decomposition.caption.setVisible(not on and part.expanded())
        self.quiz_placeholder.setVisible(on)
        for chart in (self.plot_p, self.plot_q, self._overlay):
            if chart is not None:
                chart.set_quiz(on)

    _quiz = False
    _editable_shown = True

    # -- behaviour -----------------------------------------------------------------------------
    def set_overlay(self, on):
        """P and Q on one chart or on two (an undoable part of the session's view)."""
        self.model.set_overlay(on)

    def _show_view(self):
        on = self.model.view.overlay
        if self.check_overlay.isChecked() != on:
            blocked = self.check_overlay.blockSignals(True)
            self.check_overlay.setChecked(on)
            self.check_overlay.blockSignals(blocked)
        self._show_charts()
        self.refresh()

    def _show_charts(self):
        """The bar charts (overlaid or not), or the read-only line charts of a large state."""
        on, editable = self.model.view.overlay, is_editable(self.model.discrete)
        if (on and editable) or self._overlay is not None:
            self.plot_overlay.setVisible(on and editable)
        self.plot_p.setVisible(not on and editable)
        self.plot_q.setVisible(not on and editable)
        if not editable or self._profiles is not None:
            for chart in self.profiles:
                chart.setVisible(not editable)
        self.readonly_note.setVisible(not editable)
        for w in (self.button_labels, self.check_overlay):
            w.setEnabled(editable)

    _profiles = None  # the read-only line charts, built the first time a large state is shown

    @property
    def profiles(self):
        """The read-only line charts of P and Q (built on first use)."""
        if self._profiles is None:
            from klviz.gui.widgets.profile_chart import ProfileChart

            charts = (ProfileChart("P", P_COLOR, title="P", tooltip=self._tip),
                      ProfileChart("Q", Q_COLOR, title="Q", tooltip=self._tip))
            for chart, name in zip(charts, ("plot_p_profile", "plot_q_profile")):
                chart.setObjectName(name)
                chart.setVisible(False)
                self._charts_layout.addWidget(chart, 1)
                if self.presentation is not None:
                    self.presentation.follow_plot(chart)
                    self.presentation.follow_look(chart.restyle)
            self._profiles = charts
            self.built.emit()
        return self._profiles

    def edit_labels(self):
        d = self.model.discrete
        text, ok = QtWidgets.QInputDialog.getText(
            self, translate("pages.discrete", "Category labels"), translate("pages.discrete", '{0} labels, separated by commas:').format(d.n),
            text=", ".join(d.labels))
        if not ok:
            return
        try:
            self.model.set_labels([s.strip() for s in text.split(",")])
        except ValueError as exc:
            box = message_box(self, QtWidgets.QMessageBox.Icon.Warning, translate("pages.discrete", "Labels not changed"),
                              translate("pages.discrete", 'The labels were not changed: {exc}.').format(exc=error_text(exc)))
            box.setObjectName("message_labels")
            box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    _drawn = None  # what the last refresh drew: (the discrete state, unit, overlay, gesture)

    def _drawing(self):
        m = self.model
        return (m.discrete, m.unit, m.view.overlay, m.gesture_active)

    def _model_changed(self):
        """A change of the session: refresh, unless this very state is drawn already (a lesson
        step's scene changes P, Q and the unit at once: one refresh, not one per signal)."""
        drawn, now = self._drawn, self._drawing()
        if drawn is None or drawn[0] is not now[0] or drawn[1:] != now[1:]:
            self.refresh()

    def refresh(self):
        self._drawn = self._drawing()
        d = self.model.discrete
        m = self.model.discrete_measures()
        unit = self.model.unit
        editable = is_editable(d)
        if self.spin_categories.value() != d.n:
            blocked = self.spin_categories.blockSignals(True)
            # a larger state shows its true count; any change of it resizes to ≤ 100 (set_categories)
            self.spin_categories.setMaximum(max(d.n, ds.MAX_CATEGORIES))
            self.spin_categories.setValue(d.n)
            self.spin_categories.blockSignals(blocked)
        if editable != self._editable_shown:
            self._editable_shown = editable
            self._show_charts()
        if not editable:  # (more than 100 categories: imported data)
            from klviz.scene.data_import import grouped_terms, read_only_message

            self.readonly_note.setText(translated(read_only_message(d.n, grouped_terms(d.labels, m.terms_pq, m.terms_qp).size)))
            for chart, probs in zip(self.profiles, (d.p, d.q)):
                chart.set_data(d.labels, probs)
        elif self.model.view.overlay:
            self.plot_overlay.set_data(d.labels, [d.p, d.q])
        else:
            self.plot_p.set_data(d.labels, [d.p])
            self.plot_q.set_data(d.labels, [d.q])
        r = sdisc.readouts(d.labels, m, isolate)
        self.readouts.set_values(r.values, unit, r.reasons)
        self._refresh_family()
        sticky = self.model.gesture_active  # axes settle when the drag ends
        self.decomposition.set_measures(m, unit, sticky)
        if editable:
            self.pointwise.set_terms(d.labels, sdisc.pointwise(len(d.labels), m), unit, sticky)
        else:  # one bar per run of consecutive categories: the bars still sum to the divergences
            from klviz.scene.data_import import grouped_terms

            g = grouped_terms(d.labels, m.terms_pq, m.terms_qp)
            runs = SimpleNamespace(terms_pq=g.pq, terms_qp=g.qp, kl_pq=m.kl_pq, kl_qp=m.kl_qp)
            self.pointwise.set_terms(g.labels, sdisc.pointwise(len(g.labels), runs), unit, sticky)

    # -- more divergences and LaTeX ------------------------------------------------------------
    def family(self):
        """The FamilyReadouts of the current pair at the group's α (klviz.scene.divergences)."""
        d = self.model.discrete
        P, Q = sd.discrete_pair(d.p, d.q)
        return sd.family_readouts(P, Q, self.divergences.alpha, self.model.unit, d.labels, isolate)

    def _refresh_family(self, *_):
        if self.divergences.shown():  # hidden: nothing computed on the drag path
            self.divergences.set_family(self.family())

    def readouts_latex(self):
        """What "Copy as LaTeX" copies from the readouts (with the more divergences, if shown)."""
        family = self.family() if self.divergences.shown() else None
        return sd.readouts_latex(self.model.discrete_measures(), self.model.unit, family=family)

    def decomposition_latex(self):
        return sd.decomposition_latex(self.model.discrete_measures(), self.model.unit)

    def _decomposition_menu(self, pos):
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.decomposition.latex_action)
        menu.popup(self.decomposition.mapToGlobal(pos))
