"""`klviz compute --joint SPEC [--unit U] [--json]` (issue 15's contract), checked from outside.

JSON keys, in order: unit, kind = "joint", joint (normalised rows), p_x, p_y, entropy_x, entropy_y,
joint_entropy, conditional_entropy_x_given_y, conditional_entropy_y_given_x, mutual_information,
and labels = {"x": [...], "y": [...]} when the joint has labels. Every number is compared with
mpmath at 50 digits on the exactly normalised weights; bad input is one `klviz: error:` line.
"""

import math
import re
import time

import mpmath
import numpy as np
import pytest

from cli_tools import close, error_message, exact_probs, in_unit, run, run_json, run_table, spawn, write

KEYS = ["unit", "kind", "joint", "p_x", "p_y", "entropy_x", "entropy_y", "joint_entropy",
        "conditional_entropy_x_given_y", "conditional_entropy_y_given_x", "mutual_information"]
MEASURES = KEYS[5:]


def joint_refs(rows, unit="nats"):
    """Marginals and the six measures of a table of weights, from the definitions (MATH.md)."""
    with mpmath.workdps(50):
        r, c = len(rows), len(rows[0])
        flat = exact_probs([x for row in rows for x in row])
        P = [flat[i * c:(i + 1) * c] for i in range(r)]
        px = [mpmath.fsum(P[i]) for i in range(r)]
        py = [mpmath.fsum(P[i][j] for i in range(r)) for j in range(c)]

        def h(values):
            return -mpmath.fsum(v * mpmath.log(v) for v in values if v > 0)

        cells = [(i, j, P[i][j]) for i in range(r) for j in range(c) if P[i][j] > 0]
        out = {
            "entropy_x": h(px), "entropy_y": h(py), "joint_entropy": h(flat),
            "conditional_entropy_x_given_y": -mpmath.fsum(p * mpmath.log(p / py[j]) for i, j, p in cells),
            "conditional_entropy_y_given_x": -mpmath.fsum(p * mpmath.log(p / px[i]) for i, j, p in cells),
            "mutual_information": mpmath.fsum(p * mpmath.log(p / (px[i] * py[j])) for i, j, p in cells),
        }
        return {k: in_unit(v, unit) for k, v in out.items()}, P, px, py


def inline(rows):
    return ";".join(",".join(repr(float(x)) for x in row) for row in rows)


TABLES = [
    [[0.1, 0.2], [0.3, 0.4]],
    [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],  # counts, 3 x 4
    [[0.25, 0], [0, 0.75]],  # perfectly dependent, with zeros
    [[0.06, 0.14], [0.24, 0.56]],  # independent: 0.2, 0.8 times 0.3, 0.7 (up to rounding)
    [[0.45, 0.05], [0.05, 0.45]],  # binary symmetric channel, eps = 0.1
    [[1e-300, 1], [1, 1]],
    [[7]],  # one cell: everything 0
    [[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5]],
]


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
@pytest.mark.parametrize("rows", TABLES, ids=[f"t{i}" for i in range(len(TABLES))])
def test_json_matches_mpmath(rows, unit):
    data = run_json("compute", "--joint", inline(rows), "--unit", unit)
    assert list(data) == KEYS  # no labels: the table has none
    assert data["unit"] == unit and data["kind"] == "joint"
    refs, P, px, py = joint_refs(rows, unit)
    for key in MEASURES:
        assert close(data[key], refs[key], rel=1e-12, abs_tol=1e-300), (key, data[key], refs[key])
        assert data[key] >= 0
    assert np.array(data["joint"]).shape == (len(rows), len(rows[0]))
    for got, ref in ((data["joint"], P), (data["p_x"], px), (data["p_y"], py)):
        assert np.allclose(np.array(got, dtype=float), np.array(ref, dtype=float), rtol=1e-15, atol=0)


def test_binary_symmetric_channel_is_log2_minus_h():
    for eps in (0.0, 0.01, 0.1, 0.3, 0.5):
        rows = [[(1 - eps) / 2, eps / 2], [eps / 2, (1 - eps) / 2]]
        data = run_json("compute", "--joint", inline(rows), "--unit", "bits")
        with mpmath.workdps(40):
            e = mpmath.mpf(eps)
            h = 0 if eps == 0 else -(e * mpmath.log(e, 2) + (1 - e) * mpmath.log(1 - e, 2))
            assert close(data["mutual_information"], 1 - h, rel=1e-12, abs_tol=1e-15), eps


def test_xor_looks_independent_on_the_marginals_but_is_not():
    data = run_json("compute", "--joint", "1,0;0,1;0,1;1,0", "--unit", "bits")
    assert data["p_x"] == [0.25] * 4 and data["p_y"] == [0.5, 0.5]
    assert close(data["mutual_information"], 1, rel=1e-15)
    assert close(data["conditional_entropy_y_given_x"], 0, abs_tol=1e-15)


def test_a_trailing_semicolon_and_spaces_are_fine():
    assert run_json("compute", "--joint", " 1, 2 ; 3, 4 ;") == run_json("compute", "--joint", "1,2;3,4")


def test_labelled_csv_file(tmp_path):
    path = write(tmp_path, "weather.csv", "x\\y,umbrella,no umbrella\nrain,30,5\ndry,10,55\n")
    data = run_json("compute", "--joint", f"@{path}", "--unit", "bits")
    assert list(data) == KEYS + ["labels"]
    assert data["labels"] == {"x": ["rain", "dry"], "y": ["umbrella", "no umbrella"]}
    refs, *_ = joint_refs([[30, 5], [10, 55]], "bits")
    for key in MEASURES:
        assert close(data[key], refs[key]), key
    assert data["joint"] == [[0.3, 0.05], [0.1, 0.55]]
    table = run_table("compute", "--joint", f"@{path}")
    for label in ("rain", "dry", "umbrella", "no umbrella"):
        assert label in table


def test_header_only_and_label_column_only(tmp_path):
    cols = write(tmp_path, "cols.csv", "a,b,c\n1,2,3\n4,5,6\n")
    assert run_json("compute", "--joint", f"@{cols}")["labels"] == {"x": ["x1", "x2"], "y": ["a", "b", "c"]}
    rows = write(tmp_path, "rows.tsv", "first\t1\t2\nsecond\t3\t4\n")
    assert run_json("compute", "--joint", f"@{rows}")["labels"] == {"x": ["first", "second"], "y": ["y1", "y2"]}


def test_unlabelled_file_and_npy_agree_with_inline(tmp_path):
    rows = [[1, 2, 3], [4, 5, 6]]
    txt = write(tmp_path, "m.txt", "1 2 3\n4   5 6\n")
    npy = tmp_path / "m.npy"
    np.save(npy, np.array(rows, dtype=float))
    ref = run_json("compute", "--joint", inline(rows))
    for path in (txt, npy):
        data = run_json("compute", "--joint", f"@{path}")
        assert "labels" not in data
        assert data == ref


def test_table_shows_the_measures_the_divergence_and_the_diagram():
    rows = [[0.1, 0.2], [0.3, 0.4]]
    data = run_json("compute", "--joint", inline(rows), "--unit", "bits")
    out = run_table("compute", "--joint", inline(rows), "--unit", "bits")
    assert "bits" in out and "P(X)" in out and "P(Y)" in out
    names = {"H(X)": "entropy_x", "H(Y)": "entropy_y", "H(X,Y)": "joint_entropy",
             "H(X|Y)": "conditional_entropy_x_given_y", "H(Y|X)": "conditional_entropy_y_given_x",
             "I(X;Y)": "mutual_information"}
    for name, key in names.items():
        row = next(ln for ln in out.splitlines() if ln.split()[:1] == [name])
        assert close(float(row.split()[1]), data[key], rel=1e-9), row
    # I(X;Y) shown as the divergence from the product of the marginals
    line = next(ln for ln in out.splitlines() if "D(P(X,Y) ‖ P(X)P(Y))" in ln)
    assert "I(X;Y)" in line and close(float(re.findall(r"[-\d.e]+", line.split("=")[-1])[0]),
                                      data["mutual_information"], rel=1e-9)
    # the information diagram identity, with numbers that add up
    line = next(ln for ln in out.splitlines() if "H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)" in ln)
    total, a, b, c = map(float, re.findall(r"\d+\.\d+(?:e-?\d+)?", line.split(":", 1)[1]))
    assert close(total, data["joint_entropy"], rel=1e-9)
    assert close(a, data["conditional_entropy_x_given_y"], rel=1e-9)
    assert close(b, data["mutual_information"], rel=1e-9)
    assert close(c, data["conditional_entropy_y_given_x"], rel=1e-9)
    assert math.isclose(total, a + b + c, rel_tol=1e-9)
    for x, y in zip(("0.1", "0.2", "0.3", "0.4"), ("0.3", "0.7", "0.4", "0.6")):
        assert x in out and y in out  # the cells and the marginals


def test_independent_table_says_so():
    out = run_table("compute", "--joint", "0.25,0.25;0.25,0.25")
    assert "independent" in out and "∞" not in out


def test_normalised_weights_get_the_usual_note():
    rc, out, err = run("compute", "--joint", "1,2;3,4", "--json")
    assert rc == 0 and err.startswith("klviz: note:") and "normalised" in err
    rc, out, err = run("compute", "--joint", "0.25,0.25;0.25,0.25", "--json")
    assert rc == 0 and err == ""


def test_a_large_joint_from_a_file_is_measured_and_summarised(tmp_path):
    rng = np.random.default_rng(3)
    w = rng.integers(0, 9, size=(400, 250))
    path = tmp_path / "big.csv"
    path.write_text("\n".join(",".join(map(str, row)) for row in w), encoding="utf-8")
    t = time.perf_counter()
    data = run_json("compute", "--joint", f"@{path}")
    elapsed = time.perf_counter() - t
    refs, *_ = joint_refs(w.tolist())
    for key in MEASURES:
        assert close(data[key], refs[key], rel=1e-11), key
    assert np.array(data["joint"]).shape == (400, 250)
    out = run_table("compute", "--joint", f"@{path}")
    assert "not printed cell by cell" in out and len(out.splitlines()) < 40
    print(f"400 x 250 joint from CSV: {elapsed:.2f} s in-process")


ERRORS = [
    (["--joint", "1,2;3"], ("row 2", "entries")),
    (["--joint", "1,x;3,4"], ("row 1, entry 2", "'x'")),
    (["--joint", "-1,2;3,4"], ("negative",)),
    (["--joint", "0,0;0,0"], ("zero",)),
    (["--joint", "1,nan;3,4"], ("nan",)),
    (["--joint", "1,inf;3,4"], ("inf", "finite")),
    (["--joint", ""], ("empty",)),
    (["--joint", "1,2;;3,4"], ("row 2",)),
    (["--joint", "1,2;3,4", "--p", "0.5,0.5", "--q", "0.5,0.5"], ("not both",)),
    (["--joint", "1,2;3,4", "--q", "0.5,0.5"], ("not both",)),
    (["--joint", "1,2;3,4", "--joint", "1,2;3,4"], ("--joint: given more than once",)),
    (["--joint", "1,2;3,4", "--alpha", "2"], ("--alpha",)),
    (["--joint", "1,2;3,4", "--code"], ("--code",)),
    (["--joint", "1,2;3,4", "--fit", "forward"], ("--fit",)),
    (["--joint", "1,2;3,4", "--pseudocount", "1"], ("--pseudocount",)),
    (["--joint", "1,2;3,4", "--bins", "3"], ("--bins",)),
    (["--joint", "1,2;3,4", "--unit", "furlongs"], ("furlongs",)),
    (["--joint", "@"], ("file name",)),
    (["--joint", "@/nonexistent/j.csv"], ("j.csv", "no such file")),
    (["--joint", "@/tmp"], ("extension", ".csv")),
    (["--joint"], ("--joint", "expected one argument")),
]


@pytest.mark.parametrize("args,keywords", ERRORS, ids=[" ".join(a) or "empty" for a, _ in ERRORS])
def test_bad_joints_are_one_error_line(args, keywords):
    message = error_message("compute", *args).lower()
    assert all(k.lower() in message for k in keywords), message
    assert "expected one argument" not in message or args == ["--joint"]


def test_a_bad_file_names_file_line_and_column(tmp_path):
    path = write(tmp_path, "bad.csv", ",a,b\nx,1,2\ny,3,oops\n")
    message = error_message("compute", "--joint", f"@{path}")
    assert str(path) in message and "line 3" in message and "column 3" in message and "'oops'" in message
    path = write(tmp_path, "ragged.csv", "1,2\n3,4,5\n")
    message = error_message("compute", "--joint", f"@{path}")
    assert "ragged.csv" in message and "line 2" in message


def test_as_a_separate_process():
    rc, out, err = spawn("compute", "--joint", "0.45,0.05;0.05,0.45", "--unit", "bits")
    assert rc == 0 and err == "" and "I(X;Y) = D(P(X,Y) ‖ P(X)P(Y))" in out
    rc, out, err = spawn("compute", "--joint", "1,2;3", "--json")
    assert rc == 2 and out == "" and err.startswith("klviz: error:") and err.count("\n") == 1
