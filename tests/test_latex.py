"""LaTeX output (`klviz.latex`, `klviz compute --latex`): well formed, inert for hostile labels,
and the numbers are the JSON output's numbers. No TeX is installed here, so "compiles" is checked
by a small tokenizer: balanced groups and math, known control sequences only, rows of the right
width."""

import math
import re
import subprocess
import sys

import pytest
from cli_tools import error_message, run, run_json, write

from klviz.latex import decomposition_latex, escape, measures_table, number, readouts_latex

ALLOWED = {
    "begin", "end", "hline", "textbackslash", "textasciicircum", "textasciitilde", "textless",
    "textgreater", "textbar", "mathrm", "chi", "alpha", "infty", "times", "text", "mu", "sigma", "multicolumn",
    "ldots", "mid", "{", "}", "$", "&", "#", "%", "_", ",", "|", "\\", " ", "'",
}
_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([{}$&%])", re.S)


def tokens(tex):
    return [(m.group(1), m.group(2)) for m in _TOKEN.finditer(tex)]


def check_well_formed(tex):
    """Raises AssertionError unless `tex` is balanced and uses only known commands."""
    depth, math_open, envs = 0, False, []
    commands = []
    for i, m in enumerate(_TOKEN.finditer(tex)):
        cs, ch = m.group(1), m.group(2)
        if cs is not None:
            commands.append(cs)
            assert cs in ALLOWED, f"unexpected control sequence \\{cs} in:\n{tex}"
            if cs in ("begin", "end"):
                name = re.match(r"\{([a-z]+)\}", tex[m.end():]).group(1)
                if cs == "begin":
                    envs.append(name)
                else:
                    assert envs and envs.pop() == name, tex
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            assert depth >= 0, tex
        elif ch == "$":
            math_open = not math_open
        elif ch == "%":
            raise AssertionError(f"an unescaped % (a comment) in:\n{tex}")
    assert depth == 0 and not math_open and not envs, tex
    return commands


def rows(tex):
    """The cells of each data row of every tabular (split on unescaped &)."""
    out = []
    for line in tex.splitlines():
        if line.endswith(r" \\") and not line.startswith(r"\multicolumn"):
            out.append([c.strip() for c in re.split(r"(?<!\\)&", line[:-3])])
    return out


def parse_number(cell):
    """A value cell `$1.234\\times 10^{-7}$` / `$\\infty$` back to a float."""
    body = cell.strip("$")
    if body == r"\infty":
        return math.inf
    m = re.fullmatch(r"(-?[0-9.]+)(?:\\times 10\^\{(-?[0-9]+)\})?", body)
    assert m, cell
    return float(m.group(1)) * (10.0 ** int(m.group(2)) if m.group(2) else 1.0)


HOSTILE = r"}\input{/etc/passwd}"


def test_escape_makes_every_special_character_inert():
    text = "a\\b{c}$d&e#f^g_h~i%j<k>l|m\nn\u202eo"
    out = escape(text)
    cmds = check_well_formed(out)
    assert "input" not in cmds
    assert "\n" not in out and "\u202e" not in out
    assert escape(HOSTILE) == r"\}\textbackslash{}input\{/etc/passwd\}"
    assert "input" not in check_well_formed(escape(HOSTILE))
    assert escape("plain café") == "plain café"


@pytest.mark.parametrize("value,text", [(0.2008, "0.2008"), (math.inf, r"\infty"), (-math.inf, r"-\infty"),
                                        (1.234e-7, r"1.234\times 10^{-7}"), (-0.5, "-0.5000"), (0.0, "0.000")])
def test_number(value, text):
    assert number(value) == text


def test_number_refuses_nan():
    with pytest.raises(ValueError):
        number(math.nan)


def test_decomposition_with_the_live_numbers():
    got = decomposition_latex(0.8018185525433373, 0.20077680106635193, 1.0025953536096894, "nats")
    assert got == r"H(P,Q) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q) = 0.8018 + 0.2008 = 1.003\ \text{nats}"
    assert decomposition_latex(0.802, 0.201, 1.003, "nats", digits=3) == \
        r"H(P,Q) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q) = 0.802 + 0.201 = 1.00\ \text{nats}"
    inf = decomposition_latex(1.0, math.inf, math.inf, "bits", a="Q", b="P", differential=True)
    assert inf == r"H(Q,P) = h(Q) + D_{\mathrm{KL}}(Q \,\|\, P) = 1.000 + \infty = \infty"
    check_well_formed("$" + inf + "$")
    with pytest.raises(ValueError):
        decomposition_latex(1, 1, 2, "nats", a=HOSTILE)


def test_readouts_block():
    values = {"entropy_p": 0.5, "kl_pq": math.inf, "tv": 0.25, "renyi_pq": 0.75, "shannon_length_pq_bits": 2.0}
    got = readouts_latex(values, "hartleys", alpha=0.5)
    lines = got.splitlines()
    assert lines[0] == r"\begin{aligned}" and lines[-1] == r"\end{aligned}"
    assert r"H(P) &= 0.5000\ \text{hartleys} \\" in lines
    assert r"D_{\mathrm{KL}}(P \,\|\, Q) &= \infty \\" in lines
    assert r"\mathrm{TV}(P, Q) &= 0.2500 \\" in lines  # unitless
    assert r"D_{0.5}(P \,\|\, Q) &= 0.7500\ \text{hartleys} \\" in lines
    assert r"L_{\mathrm{Shannon}}(P; Q) &= 2.000\ \text{bits}" in lines
    check_well_formed("$" + got + "$")
    with pytest.raises(ValueError):
        readouts_latex({"nope": 1.0}, "nats", keys=["nope"])


PAIRS = [
    ("0.1,0.2,0.7", "0.3,0.3,0.4", ("--alpha", "2", "--code")),
    ("1,0", "0,1", ("--alpha", "inf", "--code", "--unit", "bits")),
    ("1e-12,1", "1,1", ("--unit", "hartleys")),
    ("mixture:0.5,-3,0.5,3,0.5", "normal:2,1", ("--fit", "reverse", "--alpha", "0.5")),
    ("normal:0,1", "normal:1,2", ()),
]


@pytest.mark.parametrize("p,q,extra", PAIRS)
def test_compute_latex_numbers_equal_the_json_numbers(p, q, extra):
    data = run_json("compute", "--p", p, "--q", q, *extra)
    rc, out, err = run("compute", "--p", p, "--q", q, *extra, "--latex")
    assert rc == 0 and "Traceback" not in err, err
    check_well_formed(out)
    table = rows(out)
    measures = [r for r in table if len(r) == 4 and r[0] != "Symbol"]
    unit = data["unit"]
    keys = [k for k in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js",
                        "tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp", "shannon_length_pq_bits",
                        "shannon_length_pp_bits", "huffman_length_pp_bits", "huffman_length_qq_bits") if k in data]
    fit_rows = 3 if "fit" in data else 0
    assert len(measures) == len(keys) + fit_rows  # every measure present, once
    for key, row in zip(keys, measures):
        ref = math.inf if data[key] == "inf" else data[key]
        got = parse_number(row[2])
        if math.isinf(ref):
            assert got == math.inf, (key, row)
        else:
            assert got == pytest.approx(ref, rel=5e-10, abs=1e-300), (key, row)
        expected_unit = "bits" if key.endswith("_bits") else "unitless" if key in ("tv", "hellinger", "chi2_pq",
                                                                                   "chi2_qp") else unit
        assert row[3] == expected_unit, (key, row)
    if "fit" in data:
        mu, sigma, value = (parse_number(r[2]) for r in measures[len(keys):])
        assert mu == pytest.approx(data["fit"]["mu"], rel=5e-10)
        assert sigma == pytest.approx(data["fit"]["sigma"], rel=5e-10)
        assert value == pytest.approx(data["fit"]["value"], rel=5e-10)
    if data["kind"] == "discrete":
        cats = [r for r in table if len(r) == 3 and r[0] != "Category"]
        assert [parse_number(r[1]) for r in cats] == pytest.approx(data["p"], rel=5e-6)
        assert [parse_number(r[2]) for r in cats] == pytest.approx(data["q"], rel=5e-6)


def test_joint_latex():
    data = run_json("compute", "--joint", "0.45,0.05;0.05,0.45", "--unit", "bits")
    rc, out, _ = run("compute", "--joint", "0.45,0.05;0.05,0.45", "--unit", "bits", "--latex")
    assert rc == 0
    check_well_formed(out)
    measures = [r for r in rows(out) if r[0] != "Symbol"]
    keys = ["entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
            "conditional_entropy_y_given_x", "mutual_information"]
    assert [parse_number(r[2]) for r in measures] == pytest.approx([data[k] for k in keys], rel=5e-10)


def test_hostile_labels_come_out_inert(tmp_path):
    path = write(tmp_path, "w.csv", f'"{HOSTILE}",3\n"$x^2$ & 100%",1\n"a_b ~ #1",2\n')
    rc, out, err = run("compute", "--p", f"@{path}", "--q", "1,1,1", "--latex")
    assert rc == 0, err
    commands = check_well_formed(out)
    assert "input" not in commands
    assert r"\}\textbackslash{}input\{/etc/passwd\}" in out
    assert r"\$x\textasciicircum{}2\$ \& 100\%" in out
    assert r"a\_b \textasciitilde{} \#1" in out
    # a pair's notes are escaped rows too (a file name can hold anything)
    table = measures_table({"unit": "nats", "kind": "discrete", "p": [1.0], "q": [1.0], "entropy_p": 0.0},
                           labels=[HOSTILE], notes=[r"file \input{x}% here"])
    assert "input" not in check_well_formed(table)


def test_latex_with_json_is_an_error():
    assert "--json and --latex" in error_message("compute", "--p", "1,1", "--q", "1,2", "--latex", "--json")
    assert "--json and --latex" in error_message("compute", "--joint", "1,1;1,1", "--latex", "--json")


def test_many_categories_are_cut_like_the_text_table():
    p = ",".join(["1"] * 150)
    rc, out, _ = run("compute", "--p", p, "--q", p, "--latex")
    assert rc == 0
    check_well_formed(out)
    cats = [r for r in rows(out) if len(r) == 3 and r[0] != "Category"]
    assert len(cats) == 50 and r"\ldots{} and 100 more categories" in out


def test_latex_module_is_light():
    code = ("import sys, klviz.latex; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('numpy', 'PySide6', 'matplotlib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "PySide6" not in out.stdout and "matplotlib" not in out.stdout
