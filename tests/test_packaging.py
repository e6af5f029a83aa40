"""The declared versions are the tested ones: .ci/constraints-minimum.txt pins exactly the floors."""

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def _floors(requirements):
    """{name: floor} from '>=' specifiers; a name listed twice (markers) must have one floor."""
    floors = {}
    for text in requirements:
        req = Requirement(text)
        low = [Version(s.version) for s in req.specifier if s.operator == ">="]
        assert len(low) == 1, f"{text!r}: every dependency declares one floor"
        name = canonicalize_name(req.name)
        assert floors.setdefault(name, low[0]) == low[0], f"{req.name}: two different floors"
    return floors


def _pins(path):
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line!r}: the constraints pin exact versions"
            pins[canonicalize_name(req.name)] = Version(spec.version)
    return pins


def test_minimum_constraints_pin_exactly_the_declared_floors():
    declared = _floors(PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"])
    pinned = _pins(ROOT / ".ci" / "constraints-minimum.txt")
    assert pinned == declared


def test_python_versions_agree():
    floor = Version(PROJECT["requires-python"].removeprefix(">="))
    listed = sorted(Version(c.rsplit(" :: ", 1)[1]) for c in PROJECT["classifiers"]
                    if c.startswith("Programming Language :: Python :: 3.") and c.count("::") == 2)
    assert listed == [Version("3.11"), Version("3.12"), Version("3.13")]
    assert listed[0] == floor


def test_license_and_entry_points():
    assert PROJECT["license"] == "MIT"
    assert all((ROOT / f).is_file() for f in PROJECT["license-files"])
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["scripts"]["klviz"] == PROJECT["gui-scripts"]["klviz-gui"] == "klviz.cli:main"
    assert set(PROJECT["urls"]) == {"Homepage", "Source", "Issues"}


def test_no_test_imports_the_tests_folder_as_a_package():
    """CI runs the suite from the unpacked sdist, where `tests` is not a package on the path:
    helpers are imported as `from uitools import ...` (pyproject puts tests/ on the path), never
    `from tests.uitools import ...` (which works only from a checkout's root)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent
    bad = [str(f.relative_to(root)) for f in sorted(root.rglob("*.py"))
           if re.search(r"^\s*(from tests[.\s]|import tests\b)", f.read_text(encoding="utf-8"), re.M)]
    assert bad == []


def test_the_sdist_carries_every_file_of_the_test_suite():
    """CI runs the suite from the unpacked sdist: a file the tests read that MANIFEST.in does not
    name (tests/error_messages_en.json once) is missing there, and the suite fails to collect."""
    import fnmatch
    import shlex

    root = Path(__file__).resolve().parent
    lines = (root.parent / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    patterns = [p for line in lines if line.startswith("recursive-include tests ")
                for p in shlex.split(line)[2:]]
    assert patterns
    files = [f for f in root.rglob("*") if f.is_file() and "__pycache__" not in f.parts
             and not any(part.startswith(".") for part in f.relative_to(root).parts)]
    missing = [str(f.relative_to(root)) for f in files if not any(fnmatch.fnmatch(f.name, p) for p in patterns)]
    assert missing == []
