"""The standalone Coding page: what it shows is the scene's (numbers and texts), labels are plain
text, the combo switches the heights, and "send a message" is consistent with the code words."""

import ast
import math
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from klviz.gui.pages.coding import CodingPage
from klviz.scene.coding import LENGTH_KEYS, LENGTHS, coding_scene

P, Q, LABELS = [0.5, 0.2, 0.2, 0.1], [0.25, 0.25, 0.3, 0.2], ["sun", "rain", "snow", "fog"]


@pytest.fixture
def page(qtbot):
    w = CodingPage()
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    qtbot.waitExposed(w)
    w.set_pair(P, Q, LABELS)
    return w


def _find(page, cls, name):
    child = page.findChild(cls, name)
    assert child is not None, name
    return child


def _bars(item):
    rects = item._rectarray.ndarray()
    return rects[:, 0], rects[:, 2], rects[:, 1], rects[:, 3]  # left, width, bottom, height


def _table(page):
    t = _find(page, QtWidgets.QTableWidget, "coding_codewords")
    return tuple(tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount()))


def test_object_names_and_the_scene(page):
    assert page.objectName() == "coding_page"
    for cls, name in ((QtWidgets.QComboBox, "coding_lengths"), (QtWidgets.QTableWidget, "coding_codewords"),
                      (QtWidgets.QLabel, "coding_bounds"), (QtWidgets.QSpinBox, "coding_message_n"),
                      (QtWidgets.QPushButton, "coding_send"), (QtWidgets.QLabel, "coding_message_result")):
        _find(page, cls, name)
    s = page.scene()
    ref = coding_scene(P, Q, LABELS)
    assert s.labels == tuple(LABELS)
    assert np.array_equal(s.p, ref.p) and np.array_equal(s.huffman_q, ref.huffman_q)


def test_columns_bounds_and_code_words_are_the_scenes(page):
    s = page.scene()
    combo = _find(page, QtWidgets.QComboBox, "coding_lengths")
    assert combo.count() == len(LENGTH_KEYS)
    for i, key in enumerate(LENGTH_KEYS):
        combo.setCurrentIndex(i)
        assert page.lengths_key() == key
        left, width, bottom, height = _bars(page.columns)
        assert np.allclose(left, s.left) and np.allclose(width, s.widths)
        assert np.allclose(bottom, 0) and np.allclose(height, s.shown_heights(key))
        area_text = _find(page, QtWidgets.QLabel, "coding_area").text()
        area_name = dict((k, a) for k, _, a in LENGTHS)[key]
        shown = {"L_Shannon(P; Q)": "Shannon length L(P; Q)", "L_Huffman(P; Q)": "Huffman length L(P; Q)"}.get(area_name, area_name)
        assert f"their area is {shown} = {dict(s.total_texts())[area_name]} bits" in area_text and "_" not in area_text
    # signed KL area between the two ideal heights, per column
    lp, wp, bp, hp = _bars(page.kl_positive)
    ln, wn, bn, hn = _bars(page.kl_negative)
    area = np.where(s.kl_area >= 0, wp * hp, -(wn * hn))
    assert np.allclose(area, s.kl_area, rtol=1e-12, atol=1e-15)
    assert math.isclose(float(area.sum()), s.kl, rel_tol=1e-12)
    bounds = _find(page, QtWidgets.QLabel, "coding_bounds")
    # the scene's names are keys; the page shows them without an underscore (issue 12)
    assert bounds.text() == "\n".join(s.bounds).replace("L_Huffman(P)", "Huffman length L(P)").replace("L_Shannon", "Shannon length")
    assert bounds.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert "H(P,Q) ≤ Shannon length < H(P,Q) + 1:" in bounds.text() and "H(P) ≤ Huffman length L(P) < H(P) + 1:" in bounds.text()
    assert _table(page) == s.codeword_rows()
    words = [row[3] for row in _table(page)]
    assert [len(w) for w in words] == [int(x) for x in s.huffman_q]


def test_set_pair_redraws_and_bad_input_changes_nothing(page):
    page.set_pair([1, 1, 1, 1], [8, 4, 2, 2], LABELS)
    s = page.scene()
    assert _table(page) == s.codeword_rows()
    assert [r[3] for r in _table(page)] == ["0", "10", "110", "111"]
    before = (page.scene(), _table(page), _find(page, QtWidgets.QLabel, "coding_bounds").text())
    for bad in (([1, -1, 1, 1], Q, LABELS), (P, [1, 1], LABELS), (P, Q, ["a"]), ([float("nan")] * 4, Q, None)):
        with pytest.raises(ValueError):
            page.set_pair(*bad)
    assert (page.scene(), _table(page), _find(page, QtWidgets.QLabel, "coding_bounds").text()) == before
    page.set_pair([1, 2], [2, 1])  # fewer categories: fewer rows
    assert len(_table(page)) == 2 and page.scene().labels == ("A", "B")


def test_hostile_labels_render_literally(page, qtbot):
    labels = ["<b>x</b>", "<img src=/dev/zero>", "&amp;", "$x^2$"]
    page.set_pair([1, 1, 1, 0], [1, 0, 1, 1], labels)
    rows = _table(page)
    assert [r[0] for r in rows] == labels
    reason = _find(page, QtWidgets.QLabel, "coding_reason")
    assert reason.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert "Q(<img src=/dev/zero>) = 0 where P(<img src=/dev/zero>) > 0" in reason.text()
    for label in page.findChildren(QtWidgets.QLabel):
        assert label.textFormat() == QtCore.Qt.TextFormat.PlainText, label.objectName()
    assert [t for _, _, t in page.column_labels._items] == ["<b>x</b>", "<img src=/dev/zero>", "&amp;"]
    # the infinite column is marked when Q's heights are shown, not when P's are
    assert page.infinity_marks._items == []
    _find(page, QtWidgets.QComboBox, "coding_lengths").setCurrentIndex(1)
    assert [t for _, _, t in page.infinity_marks._items] == ["∞"]
    qtbot.wait(10)
    assert page.height() < 2000


def test_send_a_message_is_consistent(page, qtbot):
    spin = _find(page, QtWidgets.QSpinBox, "coding_message_n")
    spin.setValue(40)
    qtbot.mouseClick(_find(page, QtWidgets.QPushButton, "coding_send"), QtCore.Qt.MouseButton.LeftButton)
    msg = page.last_message()
    assert msg is not None and msg.n == 40 and len(msg.symbols) == 40
    s = page.scene()
    word = dict(zip(s.labels, s.words))
    assert msg.bits == "".join(word[x] for x in msg.symbols)
    assert msg.bits_length == len(msg.bits)
    assert msg.cross_entropy_bits == pytest.approx(40 * s.cross_entropy, rel=1e-13)
    assert msg.entropy_bits == pytest.approx(40 * s.entropy_p, rel=1e-13)
    result = _find(page, QtWidgets.QLabel, "coding_message_result").text()
    assert result.startswith(msg.text) and f"{msg.bits_length} bits" in result and msg.bits in result
    # another press draws another message (a new seed), still consistent
    qtbot.mouseClick(_find(page, QtWidgets.QPushButton, "coding_send"), QtCore.Qt.MouseButton.LeftButton)
    second = page.last_message()
    assert second.seed == msg.seed + 1 and second.bits == "".join(word[x] for x in second.symbols)
    # a change of the pair makes the shown message stale
    page.set_pair(Q, P, LABELS)
    assert page.last_message() is None
    assert "send again" in _find(page, QtWidgets.QLabel, "coding_message_result").text()


def test_send_refuses_an_unencodable_symbol(page, qtbot):
    page.set_pair([1, 1, 1], [1, 0, 1], ["a", "<i>b</i>", "c"])
    qtbot.mouseClick(_find(page, QtWidgets.QPushButton, "coding_send"), QtCore.Qt.MouseButton.LeftButton)
    assert page.last_message() is None
    text = _find(page, QtWidgets.QLabel, "coding_message_result").text()
    assert "P can draw <i>b</i>, but Q(<i>b</i>) = 0" in text


def test_a_drag_frame_is_cheap(page):
    import time

    rng = np.random.default_rng(1)
    pairs = [(rng.random(10) + 1e-3, rng.random(10) + 1e-3) for _ in range(60)]
    labels = [f"c{i}" for i in range(10)]
    page.set_pair(*pairs[0], labels)
    start = time.perf_counter()
    for p, q in pairs:
        page.set_pair(p, q, labels)
    per_frame = (time.perf_counter() - start) / len(pairs)
    assert per_frame < 0.02, f"{per_frame * 1000:.1f} ms per set_pair"  # observed about 2 ms


def test_the_page_imports_no_core():
    path = Path(__file__).resolve().parents[2] / "klviz" / "gui" / "pages" / "coding.py"
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module)
    klviz = {n for n in names if n.startswith("klviz")}
    assert klviz and not any(n.startswith("klviz.core") for n in klviz), klviz
    assert all(n.startswith(("klviz.scene", "klviz.style", "klviz.gui")) or n == "klviz" for n in klviz), klviz


def test_long_labels_are_cut_to_their_column(page):
    page.set_pair([1, 1, 1, 0.01], [1, 1, 1, 1], ["W" * 100, "b", "c", "d"])
    items = page.column_labels._items
    texts = [t for _, _, t in items]
    assert texts[0].endswith("…") and "W" * 100 not in texts and texts[0][:-1] == "W" * (len(texts[0]) - 1)
    assert texts[1:3] == ["b", "c"]
    assert "d" not in texts  # a column of 1 % of the width has no room for its name
    fm = page._label_metrics
    vb = page.plot.getPlotItem().vb
    assert fm.horizontalAdvance(texts[0]) <= page.scene().widths[0] * vb.width()
    assert _table(page)[0][0] == "W" * 100  # the table keeps the whole label


def test_all_four_length_sets_are_overlaid_as_outlines(page):
    """Issue 14: ideal −log₂ p_i, ideal −log₂ q_i, Shannon ⌈−log₂ q_i⌉ and Huffman lengths are drawn
    together (outlines; the combo picks the filled one), each the top edge of columns of width p_i,
    against lengths computed here from MATH.md (a brute-force optimal prefix code for Huffman)."""
    import itertools
    from fractions import Fraction

    def brute_huffman_lengths(r):
        best = None
        for ls in itertools.product(range(1, len(r)), repeat=len(r)):
            if sum(Fraction(1, 2**l) for l in ls) <= 1:
                cost = sum(Fraction(x) * l for x, l in zip(r, ls))
                if best is None or cost < best[0]:
                    best = (cost, ls)
        return best

    p, q = np.array(P) / sum(P), np.array(Q) / sum(Q)
    shannon = [next(k for k in range(64) if Fraction(1, 2**k) <= Fraction(x)) for x in q]
    expected = {"ideal_p": -np.log2(p), "ideal_q": -np.log2(q), "shannon_q": np.array(shannon, float)}
    legend = _find(page, QtWidgets.QLabel, "coding_outlines_legend").text()
    assert "Huffman" in legend and "Shannon" in legend
    left = np.concatenate([[0.0], np.cumsum(p)[:-1]])
    for index in range(len(LENGTHS)):  # whichever set is filled, all four outlines are drawn
        _find(page, QtWidgets.QComboBox, "coding_lengths").setCurrentIndex(index)
        for key in LENGTH_KEYS:
            xs, ys = page.outline(key)
            xs, ys = xs.reshape(-1, 3), ys.reshape(-1, 3)
            assert np.allclose(xs[:, 0], left, atol=1e-15) and np.allclose(xs[:, 1], left + p, atol=1e-15)
            assert np.isnan(xs[:, 2]).all() and np.array_equal(ys[:, 0], ys[:, 1])
            if key in expected:
                assert np.allclose(ys[:, 0], expected[key], rtol=1e-14), key
            else:  # Huffman: lengths of an optimal prefix code for Q, whose expected length under Q is minimal
                cost, _ = brute_huffman_lengths([Fraction(x).limit_denominator(10**6) for x in Q])
                lengths = ys[:, 0]
                assert sum(2.0 ** -lengths) <= 1.0
                assert float(sum(Fraction(x).limit_denominator(10**6) * int(l) for x, l in zip(Q, lengths))) == \
                    pytest.approx(float(cost), rel=1e-12)


def _mouse_drag(plot, start, end, steps=6):
    from uitools import _send, data_to_viewport

    vp = plot.viewport()
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, data_to_viewport(plot, *start), left, left)
    for k in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * k / steps
        y = start[1] + (end[1] - start[1]) * k / steps
        _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(plot, x, y), none, left)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, data_to_viewport(plot, *end), left, none)


def test_dragging_a_column_sets_q_and_a_boundary_sets_p(page):
    """Issue 14: on the Coding chart, dragging Q changes the heights and dragging P the widths,
    live. Height y bits means q_i = 2^−y; the others keep their proportions (the drag rule)."""
    plot = page.plot
    s = page.scene()
    # Q: drag the height of "rain" (column 1, x in [0.5, 0.7)) to 3 bits: q_1 = 1/8
    _mouse_drag(plot, (0.6, 2.0), (0.6, 3.0))
    q = page.scene().q
    px_y = 1.0 / abs(plot.getPlotItem().vb.mapViewToScene(QtCore.QPointF(0, 0)).y()
                     - plot.getPlotItem().vb.mapViewToScene(QtCore.QPointF(0, 1)).y())
    assert q[1] == pytest.approx(2.0 ** -3.0, rel=math.log(2) * 2 * px_y)  # within a pixel of 3 bits
    others = np.delete(np.array(Q), 1)
    assert np.allclose(np.delete(q, 1), others / others.sum() * (1 - q[1]), rtol=1e-12)
    assert np.array_equal(page.scene().p, s.p)  # P unchanged
    assert page.dragging() is None
    # P: drag the boundary between "sun" and "rain" (x = 0.5) to 0.3: p_0 = 0.3
    _mouse_drag(plot, (0.5, 0.5), (0.3, 0.5))
    p = page.scene().p
    px_x = plot.getPlotItem().vb.viewPixelSize()[0]
    assert p[0] == pytest.approx(0.3, abs=2 * px_x)
    rest = np.delete(np.array(P), 0)
    assert np.allclose(np.delete(p, 0), rest / rest.sum() * (1 - p[0]), rtol=1e-12)
    assert np.allclose(page.scene().widths, p)


def test_dragging_on_the_coding_tab_is_one_undo_step(qtbot, window):
    coding = window.page_coding
    window.tabs.setCurrentWidget(coding)
    QtWidgets.QApplication.processEvents()
    model = window.model
    before = model.discrete.q.copy()
    d = model.discrete
    x = float(d.p[0]) / 2
    _mouse_drag(coding.plot, (x, 1.0), (x, 4.0))
    assert model.discrete.q[0] == pytest.approx(2.0 ** -4.0, rel=0.05)
    assert np.allclose(coding.scene().q, model.discrete.q, rtol=1e-15, atol=0), coding.scene().q - model.discrete.q
    model.undo_stack.undo()
    assert np.array_equal(model.discrete.q, before)  # the whole drag is one undo step
