"""Text from outside is never markup (issue 11 §1): a session's labels, a file's name and a field
quoted from a file show as the very characters they are in every place the app shows them, and
no rich-text engine ever loads a resource they name.

In-process, `<img src=probe.png>` names a real 10 x 3000 px PNG: had any widget rendered it, that
widget (and the window around it) would ask for 3000 px of height. In a subprocess the probe is a
FIFO: opening it for reading blocks until a writer comes, so a watcher process that keeps opening
it for writing sees every attempt to read it (and unblocks it); the app must make none.
"""

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
from xml.etree import ElementTree

import pytest
from PySide6 import QtGui, QtWidgets

import hostile_scene
from hostile_scene import PROBE_H, PROBE_W, hostile_labels, show_everywhere

HERE = os.path.dirname(os.path.abspath(__file__))


def rendered_text(html):
    """What Qt's rich-text engine shows for `html`, and whether it holds an image."""
    doc = QtGui.QTextDocument()
    doc.setHtml(html)
    images = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return doc.toPlainText(), images


def shown_as(fmt, text):
    """The characters a label-like widget with text format `fmt` shows for `text` (None: drawn
    as plain text by construction), and the images its rich text would hold."""
    if fmt is None or fmt == QtGui.Qt.TextFormat.PlainText:
        return text, []
    if fmt == QtGui.Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text):
        return rendered_text(text)
    return text, []


def visible(text):
    """Text as displayed, for comparing: a line separator is a line break, a tab a space."""
    return text.replace("\u2028", "\n").replace("\t", " ")


def no_bidi_controls(text):
    """Without the invisible isolates (and balancing closers) the app puts around a label."""
    return visible("".join(c for c in text if c not in "\u2066\u2067\u2068\u2069\u202c"))


@pytest.fixture
def probe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # Qt resolves a relative <img src> against the working folder
    image = QtGui.QImage(PROBE_W, PROBE_H, QtGui.QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(tmp_path / "probe.png"))
    return "probe.png"


def test_the_probe_would_show(probe, qtbot):
    """The probe works: a widget that does render `<img src=probe.png>` grows to its height."""
    label = QtWidgets.QLabel(f"Q(<img src={probe}>) = 0")
    qtbot.addWidget(label)
    assert label.sizeHint().height() >= PROBE_H
    assert QtGui.Qt.mightBeRichText(f"Q(<img src={probe}>) = 0 where P(<img src={probe}>) > 0")


def test_hostile_labels_show_as_text_everywhere(window, qtbot, tmp_path, probe):
    labels, shown = show_everywhere(window, str(tmp_path), probe)
    app = QtWidgets.QApplication.instance()

    # 1. no resource: no widget anywhere asks for the probe's height, no rendered text holds an image
    tall = [(w.objectName() or type(w).__name__, w.sizeHint().height()) for w in app.allWidgets()
            if w.sizeHint().height() >= PROBE_H * 0.9]
    assert not tall, f"a widget rendered the probe image: {tall}"
    for place, items in shown.items():
        for item in items:
            assert item is not None, f"nothing shown in {place}"
            fmt, text, height = item
            assert not shown_as(fmt, text)[1], (place, text)
            assert height < PROBE_H * 0.5, (place, height)

    # 2. the literal text shows, place by place
    def assert_shows(place, *needles):
        items = shown.get(place)
        assert items, f"nothing shown in {place}"
        texts = [no_bidi_controls(shown_as(fmt, t)[0]) for fmt, t, _ in items]
        for needle in needles:
            assert any(visible(needle) in t for t in texts), (place, needle, texts)

    for plot in ("plot_p", "plot_q", "plot_pointwise", "plot_overlay"):
        # pyqtgraph draws tick strings with QPainter.drawText: plain text by construction
        # (a bar chart names every step-th column so that no two names overlap: here the 40 W's
        # take several columns; each name shown is its label exactly)
        ticks = [t for _, t, _ in shown[f"ticks {plot}"]]
        assert ticks and any(ticks == labels[::step] for step in range(1, len(labels) + 1)), plot
        if plot == "plot_pointwise":
            assert ticks == labels, plot
    tips = shown["tooltips"]
    assert len(tips) == len(labels) and all(t is not None for t in tips), "every bar has a tooltip"
    for label, (fmt, text, height) in zip(labels, tips):
        plain = no_bidi_controls(shown_as(fmt, text)[0])
        assert plain.startswith(visible(label)) and f"P({visible(label)})" in plain, (label, plain)
        assert height < 400
    assert_shows("overlay tooltip", labels[1])
    # "Q(<b>x</b>, <img src=probe.png>, &amp;, &) = 0 where P(…) > 0", and the other way round
    assert_shows("reasons", f"Q({', '.join(labels[:4])}) = 0 where P({', '.join(labels[:4])}) > 0",
                 f"P({', '.join(labels[4:8])}) = 0 where Q(")
    for fmt, _, _ in shown["reasons"]:
        assert fmt == QtGui.Qt.TextFormat.PlainText
    assert_shows("code table", *labels)
    assert_shows("label editor", ", ".join(labels))
    assert_shows("error dialog", f'format is "<img src={probe}>"')
    assert_shows("logits error", "Logits not changed: '<b>x</b>' is not a number.")
    name = f"<img src={probe}> & [*].klviz"
    assert_shows("title", f"{name} — klviz")
    assert_shows("status", name)
    recent = [t.replace("&&", "\0").replace("&", "").replace("\0", "&") for _, t, _ in shown["recent menu"]]
    assert f"1 {name}" in recent, recent

    # 3. exports hold the labels as text (stand-ins only for what no file can hold)
    root = ElementTree.fromstring((tmp_path / "export.svg").read_bytes())  # well-formed XML
    svg = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    for label in labels:
        drawn = label.replace("\t", " ")
        assert any(drawn in t for t in svg), (label, [t for t in svg if t[:1] in label])
    rows = list(csv.reader(io.StringIO((tmp_path / "export.csv").read_text(encoding="utf-8"))))
    assert [r[0] for r in rows[1:]] == labels
    assert json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))["labels"] == labels


WATCHER = textwrap.dedent("""
    import os, sys, time
    fifo, marker = sys.argv[1], sys.argv[2]
    while True:  # every time a reader opens the FIFO, this open succeeds: note it, let it go
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.002)
            continue
        with open(marker, "a") as fh:
            fh.write("opened\\n")
        os.close(fd)
        time.sleep(0.01)
""")

SCENE = textwrap.dedent("""
    import os, sys
    sys.path[:0] = [{here!r}, {tests!r}]
    # the environment is the test run's: offscreen, and its throwaway settings folders
    assert os.environ["QT_QPA_PLATFORM"].startswith("offscreen") and "klviz-test-home" in os.environ["XDG_CONFIG_HOME"]
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication([])
    from klviz.gui import create_main_window
    from hostile_scene import show_everywhere
    window = create_main_window()
    window.resize(1280, 820)
    window.show()
    show_everywhere(window, os.getcwd(), "probe")
    print("shown everywhere", flush=True)
""")


def test_no_resource_named_by_data_is_ever_opened(tmp_path):
    """The probe is a FIFO: any attempt to read it (as an image, by any rich-text engine) shows."""
    fifo, marker = tmp_path / "probe", tmp_path / "opened"
    os.mkfifo(fifo)
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(fifo), str(marker)])
    try:
        script = SCENE.format(here=HERE, tests=os.path.dirname(HERE))
        run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                             timeout=240, env={**os.environ, "PYTHONWARNINGS": "error"})
    finally:
        watcher.kill()
        watcher.wait()
    assert run.returncode == 0 and "shown everywhere" in run.stdout, run.stderr[-3000:]
    attempts = marker.read_text().count("opened") if marker.exists() else 0
    assert attempts == 0, f"the app opened the probe named by a label {attempts} time(s)"
