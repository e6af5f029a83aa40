"""The Discrete tab's charts in a dozen states, as PNGs: to show that a speed change drew the same.

Grab with each checkout (the same venv; every run starts from fresh settings, so neither inherits
the other's theme), then compare:
    PYTHONPATH=/path/to/other/checkout .venv/bin/python benchmarks/discrete_pictures.py /tmp/pics/before
    .venv/bin/python benchmarks/discrete_pictures.py /tmp/pics/after
    .venv/bin/python benchmarks/discrete_pictures.py --compare /tmp/pics/before /tmp/pics/after
States: 10 categories, shaped P and Q, a support mismatch (∞), hair-thin segments (names beside),
an infinite D(Q‖P), mid-drag (held axes, focused chart), released, dark theme, overlay, and
after quiz mode (charts hidden while the data changed).
"""
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="klviz-pictures-")  # default settings, always
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402


def compare(a_dir, b_dir):
    names = sorted(os.listdir(a_dir))
    differ = [n for n in names if QtGui.QImage(os.path.join(a_dir, n)) != QtGui.QImage(os.path.join(b_dir, n))]
    missing = sorted(set(names) ^ set(os.listdir(b_dir)))
    print(f"{len(names)} pictures, {len(differ)} different, {len(missing)} in one only", *differ, *missing)
    return 1 if differ or missing else 0


app = QtWidgets.QApplication([])
if sys.argv[1] == "--compare":
    sys.exit(compare(sys.argv[2], sys.argv[3]))
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
from klviz.gui.theme import setup_application  # noqa: E402

setup_application(app)
from klviz.gui import create_main_window  # noqa: E402
w = create_main_window()
w.showNormal(); w.resize(1280, 820); w.show()
for _ in range(5): app.processEvents()
page = w.page_discrete
m = w.model
def settle():
    for _ in range(30):
        app.processEvents(); QtCore.QThread.msleep(15)
def grab(tag):
    settle()
    for name in ("plot_p", "plot_q", "plot_decomposition", "plot_pointwise", "caption_decomposition", "plot_overlay"):
        wd = w.findChild(QtWidgets.QWidget, name)
        if wd is not None and wd.isVisible():
            wd.grab().save(os.path.join(out, f"{tag}_{name}.png"))
m.set_categories(10); grab("ten")
m.set_distribution("p", [0.3, 0.2, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], "P"); grab("p")
m.set_distribution("q", [0.1] * 10, "Q"); grab("pq")
m.apply_support_mismatch(); grab("mismatch")
m.set_categories(4); m.set_distribution("p", [0.25, 0.25, 0.25, 0.25], "P"); m.set_distribution("q", [0.26, 0.24, 0.25, 0.25], "Q"); grab("thin")
m.set_distribution("p", [0.999, 0.001, 0.0, 0.0], "P"); m.set_distribution("q", [0.25] * 4, "Q"); grab("inf")
# a drag in progress (sticky axes)
m.set_categories(10); settle()
plot = page.plot_p
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from uitools import _send, data_to_viewport
vp = plot.viewport(); left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
_send(vp, QtCore.QEvent.Type.MouseButtonPress, data_to_viewport(plot, 5, 0.1), left, left)
for k in range(20):
    _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(plot, 5, 0.12 + 0.02 * k), none, left); app.processEvents()
grab("drag")
_send(vp, QtCore.QEvent.Type.MouseButtonRelease, data_to_viewport(plot, 5, 0.5), left, left)
grab("released")
w.findChild(QtGui.QAction, "action_theme_dark").trigger(); grab("dark")
m.set_overlay(True); grab("overlay")
m.set_overlay(False); settle()
quiz = w.findChild(QtGui.QAction, "action_quiz")
quiz.setChecked(True); settle()
m.set_distribution("p", [0.5, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.04, 0.03, 0.03], "P")
m.set_distribution("q", [0.02] * 5 + [0.18] * 5, "Q"); settle()
quiz.setChecked(False); grab("after_quiz")
print("ok", len(os.listdir(out)))
