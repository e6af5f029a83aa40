"""State tests run without a QApplication: none may ask for pytest-qt's fixtures or the window
(tests/state/test_qt_free.py also checks that nothing here, nor klviz.state, imports Qt)."""

import pytest

QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "window"}


@pytest.fixture(autouse=True)
def _no_qt_fixtures(request):
    used = QT_FIXTURES & set(request.fixturenames)
    assert not used, f"a state test asked for {', '.join(sorted(used))}: state tests need no Qt"
