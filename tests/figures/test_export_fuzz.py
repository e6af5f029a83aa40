"""`klviz export` on extreme and hostile SPECs, in-process (klviz.cli.main): every run either
succeeds (the file written, nothing on stderr but notes) or fails with exactly one
`klviz: error:` line and exit status 2; never a traceback, a warning or a multi-line error."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klviz.cli import main

SETTINGS = settings(max_examples=int(os.environ.get("KLVIZ_FUZZ_EXAMPLES", "12")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

EXTREMES = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, -1e-300, 1e300, -1e300, 5e-324, 1e-308, 1e308,
            1.7976931348623157e308, -1.7976931348623157e308, 1e15, 1e150, 1e-150, 1 - 1e-16, 1e-16, 2.0]
number = st.sampled_from(EXTREMES) | st.floats(allow_nan=False, allow_infinity=False)
as_text = number.map(repr) | st.sampled_from(["nan", "inf", "-inf", "1e400", "", "x", "1,2", "0x10"])


def run(capsys, *args):
    rc = main(["export", *map(str, args)])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def assert_one_line_or_success(capsys, out_path, *args):
    if os.path.exists(out_path):
        os.unlink(out_path)
    rc, out, err = run(capsys, *args, "--out", out_path, "--dpi", "20")
    lines = err.splitlines()
    assert out == ""
    if rc == 0:
        assert all(line.startswith("klviz: note: ") for line in lines), err
        assert os.path.getsize(out_path) > 0
    else:
        assert rc == 2, (rc, err)
        assert len(lines) == 1 and lines[0].startswith("klviz: error: "), err
        assert "Traceback" not in err and "Warning" not in err, err
        assert not os.path.exists(out_path)
    return rc, err


@SETTINGS
@given(p=st.lists(as_text, min_size=2, max_size=2), q=st.lists(as_text, min_size=2, max_size=2))
def test_normal_pairs(tmp_path, capsys, p, q):
    assert_one_line_or_success(capsys, tmp_path / "n.png", "--p", "normal:" + ",".join(p),
                               "--q", "normal:" + ",".join(q), "--view", "continuous")


@SETTINGS
@given(p=st.lists(number.map(repr), min_size=5, max_size=5), q=st.lists(number.map(repr), min_size=2, max_size=2),
       weight=st.sampled_from(["0", "1", "0.5", "1e-300", "0.9999999999999999", "5e-324"]),
       swap=st.booleans())
def test_mixtures(tmp_path, capsys, p, q, weight, swap):
    mix, norm = "mixture:" + ",".join([weight] + p[1:]), "normal:" + ",".join(q)
    if swap:
        mix, norm = norm, mix
    assert_one_line_or_success(capsys, tmp_path / "m.svg", "--p", mix, "--q", norm, "--view", "continuous")


weight_text = (st.sampled_from(["0", "1", "1e-300", "5e-324", "1e308", "1.7976931348623157e308", "1e-17",
                                "0.5000001", "0.4999999", "-0", "-1", "nan"])
               | st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(repr))


@SETTINGS
@given(n=st.sampled_from([2, 3, 7, 100]), data=st.data())
def test_discrete_weights(tmp_path, capsys, n, data):
    p = data.draw(st.lists(weight_text, min_size=n, max_size=n))
    q = data.draw(st.lists(weight_text, min_size=n, max_size=n))
    assert_one_line_or_success(capsys, tmp_path / "d.png", "--p", ",".join(p), "--q", ",".join(q),
                               "--view", "discrete")


@SETTINGS
@given(z=st.lists(number.map(repr), min_size=2, max_size=4), theta=number.map(repr), softmax=st.booleans())
def test_softmax_and_bernoulli(tmp_path, capsys, z, theta, softmax):
    if softmax:
        p, q = "softmax:" + ",".join(z), "softmax:" + ",".join(reversed(z))
    else:
        p, q = f"bernoulli:{theta}", "0.5,0.5"
    assert_one_line_or_success(capsys, tmp_path / "s.png", "--p", p, "--q", q, "--view", "discrete")


DEGENERATE = [
    ("mixture:1,0,1,0,1", "normal:0,1"), ("mixture:0,0,1,0,1", "mixture:1,0,1,0,1"),
    ("mixture:0.5,0,1e-300,0,1e300", "normal:0,1"), ("normal:0,1e-300", "normal:0,1e-300"),
    ("normal:1e300,1", "normal:-1e300,1"), ("normal:1e150,1", "normal:1e150,2"),
    ("normal:0,1e308", "normal:0,1"), ("normal:0,5e-324", "normal:0,1"),
    ("mixture:0.5,1e300,1,-1e300,1", "normal:0,1e300"), ("normal:1e15,1e-300", "normal:1e15,1"),
    ("mixture:0.5,0,1e-300,1e300,1e300", "normal:0,1"), ("normal:1e300,1e300", "normal:-1e300,1e-300"),
    ("mixture:0.5,1e150,1,1e150,2", "normal:1e150,1"), ("normal:0,1", "mixture:0.5,0,1e-300,1e300,1e300"),
]


@pytest.mark.parametrize("p, q", DEGENERATE)
@pytest.mark.parametrize("parts", ["densities,integrands", "densities", "integrands"])
def test_degenerate_continuous_pairs(tmp_path, capsys, p, q, parts):
    assert_one_line_or_success(capsys, tmp_path / "x.pdf", "--p", p, "--q", q, "--view", "continuous",
                               "--parts", parts)


@pytest.mark.parametrize("p, q", DEGENERATE)
def test_the_figure_code_itself_draws_or_refuses_without_warnings(p, q):
    """klviz export keeps warnings off stderr, but the figure code must not rely on that: called
    directly (pytest turns every warning into an error), it returns a figure or raises one
    ValueError sentence; and a pair it draws saves without a warning too."""
    from matplotlib import pyplot as plt

    from klviz import figures

    for parts in (("densities", "integrands"), ("densities",), ("integrands",)):
        try:
            fig = figures.continuous_figure(p, q, parts=parts)
        except ValueError as exc:
            assert str(exc) and "\n" not in str(exc), exc  # one sentence (a refused SPEC, or why not)
            continue
        try:
            fig.canvas.draw()
        finally:
            plt.close(fig)


def test_a_pair_far_from_zero_is_drawn_against_a_shifted_axis(tmp_path, capsys):
    """N(1e150, 1) cannot be drawn at x itself (floats there are 1e134 apart): the axis reads x − 1e+150."""
    from figtools import svg_texts

    out = tmp_path / "far.svg"
    rc, err = assert_one_line_or_success(capsys, out, "--p", "normal:1e150,1", "--q", "normal:1e150,2",
                                         "--view", "continuous")
    assert rc == 0, err
    assert "x − 1e+150" in svg_texts(out.read_bytes())


@pytest.mark.parametrize("args, words", [
    (("--p", "0.5,0.5", "--p", "0.2,0.8", "--q", "1,1"), "--p: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--q", "1,1"), "--q: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--unit", "bits", "--unit", "nats"), "--unit: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--title", "a", "--title", "b"), "--title: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--parts", "bars", "--parts", "bars"), "--parts: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--no-readout", "--no-readout"), "--no-readout: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--dpi", "30", "--dpi=40"), "--dpi: given more than once"),
    (("--p", "0.5,0.5", "--q", "1,1", "--view", "discrete"), "--view: given more than once"),
])
def test_repeated_options_are_errors(tmp_path, capsys, args, words):
    out = tmp_path / "r.png"
    rc, _, err = run(capsys, *args, "--view", "discrete", "--out", out)
    assert rc == 2 and words in err and len(err.splitlines()) == 1, err
    assert not out.exists()


def test_repeated_out_is_an_error_and_writes_neither(tmp_path, capsys):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    rc, _, err = run(capsys, "--p", "1,1", "--q", "1,2", "--view", "discrete", "--out", a, "--out", b)
    assert rc == 2 and err.startswith("klviz: error: argument --out: given more than once")
    assert not a.exists() and not b.exists()


@pytest.mark.parametrize("p, q", [("mixture:1,0,1,0,1", "normal:0,1"), ("mixture:0,0,1,5,2", "mixture:1,0,1,0,1"),
                                  ("normal:1e150,1", "normal:1e150,2"), ("normal:-1e15,1", "normal:-1e15,1"),
                                  ("mixture:0.5,1e150,1,1e150,3", "normal:1e150,2")])
def test_edge_pairs_export(tmp_path, capsys, p, q):
    rc, err = assert_one_line_or_success(capsys, tmp_path / "e.png", "--p", p, "--q", q, "--view", "continuous")
    assert rc == 0, err


@pytest.mark.parametrize("name, words", [
    ("a\x00b.png", "NUL"), ("fifo.png", "FIFO"), ("dir.png", "directory"), ("link-to-dir.png", "directory"),
    ("dangling.png", "No such file"), ("ctl\x01\x1b.png/", "no extension"), ("x.p\x1bng", "'.p\\x1bng'"),
])
def test_hostile_out_paths(tmp_path, capsys, name, words):
    os.mkfifo(tmp_path / "fifo.png")
    (tmp_path / "dir.png").mkdir()
    (tmp_path / "link-to-dir.png").symlink_to("dir.png")
    (tmp_path / "dangling.png").symlink_to(os.path.join("nowhere", "x.png"))
    before = sorted(os.listdir(tmp_path))
    rc, out, err = run(capsys, "--p", "1,1", "--q", "1,2", "--view", "discrete", "--out", f"{tmp_path}/{name}")
    assert rc == 2 and out == "" and len(err.splitlines()) == 1 and words in err, err
    assert "\x00" not in err and "\x1b" not in err
    assert sorted(os.listdir(tmp_path)) == before


def test_out_through_a_symlink_keeps_the_link_and_mode(tmp_path, capsys):
    target = tmp_path / "real.png"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.png"
    link.symlink_to("real.png")
    rc, _, err = run(capsys, "--p", "1,1", "--q", "1,2", "--view", "discrete", "--out", link, "--dpi", "20")
    assert rc == 0, err
    assert link.is_symlink() and target.read_bytes().startswith(b"\x89PNG")
    assert (target.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.png", "real.png"]
