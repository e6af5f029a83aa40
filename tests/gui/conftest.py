import pytest


@pytest.fixture
def window(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)
    w.resize(1280, 820)
    with qtbot.waitExposed(w):  # (a context manager: called bare it waits for nothing)
        w.show()
    return w


