"""Helpers for the figure tests: independent references (scipy) and readers of the exported files
that do not use matplotlib (so a test can tell what a PDF or SVG really holds)."""

import math
import re
import struct
import xml.etree.ElementTree as ET
import zlib

import numpy as np
from scipy import integrate, special, stats
from scipy.spatial.distance import jensenshannon

LOG_BASE = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}

# --------------------------------------------------------------------------------------------
# References


def ref_discrete(p, q, unit="nats"):
    p = np.asarray(p, float) / np.sum(p)
    q = np.asarray(q, float) / np.sum(q)
    lb = LOG_BASE[unit]
    with np.errstate(divide="ignore"):
        return {
            "H(P)": stats.entropy(p) / lb,
            "H(Q)": stats.entropy(q) / lb,
            "H(P,Q)": -np.sum(special.xlogy(p, q)) / lb,
            "H(Q,P)": -np.sum(special.xlogy(q, p)) / lb,
            "D(P‖Q)": np.sum(special.rel_entr(p, q)) / lb,
            "D(Q‖P)": np.sum(special.rel_entr(q, p)) / lb,
            "JS(P,Q)": jensenshannon(p, q) ** 2 / lb,
        }


def _pdf(d):
    """scipy frozen distribution (or mixture pdf) from a dict form."""
    if d["family"] == "normal":
        return stats.norm(d["mu"], d["sigma"]).pdf, [(d["mu"], d["sigma"])]
    w = d["weight"]
    (c1, c2) = d["components"]
    a, b = stats.norm(c1["mu"], c1["sigma"]), stats.norm(c2["mu"], c2["sigma"])
    return (lambda x: w * a.pdf(x) + (1 - w) * b.pdf(x)), [(c["mu"], c["sigma"]) for c in (c1, c2)]


def ref_continuous(p, q, unit="nats"):
    """h, cross-entropy and KL by adaptive quadrature (scipy.integrate.quad), in `unit`."""
    fp, cp = _pdf(p)
    fq, cq = _pdf(q)
    comps = cp + cq
    lo = min(m - 14 * s for m, s in comps)
    hi = max(m + 14 * s for m, s in comps)
    pts = sorted({m for m, _ in comps})
    lb = LOG_BASE[unit]

    def quad(f):
        return integrate.quad(f, lo, hi, points=pts, limit=400, epsabs=1e-12, epsrel=1e-10)[0]

    def xlogy(a, b):
        return 0.0 if a == 0 else a * math.log(b) if b > 0 else -math.inf

    hp = -quad(lambda x: xlogy(fp(x), fp(x)))
    hq = -quad(lambda x: xlogy(fq(x), fq(x)))
    hpq = -quad(lambda x: xlogy(fp(x), fq(x)))
    hqp = -quad(lambda x: xlogy(fq(x), fp(x)))
    if p["family"] == q["family"] == "normal":  # closed forms where they exist
        hp, hq = stats.norm(0, p["sigma"]).entropy(), stats.norm(0, q["sigma"]).entropy()
    return {
        "h(P)": hp / lb,
        "h(Q)": hq / lb,
        "H(P,Q)": hpq / lb,
        "H(Q,P)": hqp / lb,
        "D(P‖Q)": (hpq - hp) / lb,
        "D(Q‖P)": (hqp - hq) / lb,
    }


# --------------------------------------------------------------------------------------------
# Numbers as shown


_NUMBER = r"(∞|[-−]?\d+(?:\.\d*)?(?:e[-+]?\d+)?)"


def shown_value(texts, name, unit):
    """The number shown as "NAME = VALUE UNIT" (or "NAME = ∞") in one of `texts`."""
    pattern = re.compile(re.escape(name) + r" = " + _NUMBER + r"(?: " + re.escape(unit) + r")?$")
    found = [m.group(1) for t in texts for m in [pattern.match(t)] if m]
    assert found, f"no text '{name} = ... {unit}' among {texts!r}"
    assert len(set(found)) == 1, found
    return found[0]


def assert_shown_matches(text, ref, digits=4):
    """`text` is `ref` rounded to what it shows (4 significant digits), or "∞" for +inf."""
    if math.isinf(ref):
        assert text == "∞", (text, ref)
        return
    assert text != "∞", (text, ref)
    value = float(text.replace("−", "-"))
    mant = text.split("e")[0].lstrip("-−")
    decimals = len(mant.split(".")[1]) if "." in mant else 0
    exp = int(text.split("e")[1]) if "e" in text else 0
    tol = 0.5 * 10.0 ** (exp - decimals)
    assert abs(value - ref) <= tol * (1 + 1e-9) + 1e-15, f"shown {text}, reference {ref!r}"
    if value != 0:
        sig = len(mant.replace(".", "").lstrip("0"))
        assert sig == digits, f"{text} shows {sig} significant digits, not {digits}"


# --------------------------------------------------------------------------------------------
# Files


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def svg_texts(data):
    """The text content of every <text> element of an SVG (joined over its <tspan>s)."""
    root = ET.fromstring(data)
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def _pdf_objects(data):
    return {int(num): body for num, body in re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}


def _stream(body):
    head, _, rest = body.partition(b"stream")
    raw = rest.lstrip(b"\r\n")
    raw = raw[: raw.rfind(b"endstream")]
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def _cmap(text):
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, dst, arr in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])", block
        ):
            codes = range(int(a, 16), int(b, 16) + 1)
            if dst:
                start = int.from_bytes(bytes.fromhex(dst.decode()), "big")
                for k, code in enumerate(codes):
                    out[code] = chr(start + k)
            else:
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", arr)
                assert len(targets) == len(codes), "malformed bfrange"
                for code, t in zip(codes, targets):
                    out[code] = bytes.fromhex(t.decode()).decode("utf-16-be")
    return out


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _tokens(content):
    """PDF content-stream tokens: ("str", bytes) for (literal) and <hex> strings, ("op", bytes)."""
    i, n = 0, len(content)
    while i < n:
        c = content[i:i + 1]
        if c in b" \t\r\n\f\x00":
            i += 1
        elif c == b"%":
            while i < n and content[i:i + 1] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, i, out = 1, i + 1, bytearray()
            while depth:
                ch = content[i:i + 1]
                if ch == b"\\":
                    nxt = content[i + 1:i + 2]
                    if nxt in _ESCAPES:
                        out += _ESCAPES[nxt]
                        i += 2
                    elif nxt.isdigit():
                        j = i + 1
                        while j < i + 4 and content[j:j + 1].isdigit():
                            j += 1
                        out.append(int(content[i + 1:j], 8) & 0xFF)
                        i = j
                    elif nxt in b"\r\n":
                        i += 2
                    else:
                        out += nxt
                        i += 2
                    continue
                if ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                    if not depth:
                        i += 1
                        break
                out += ch
                i += 1
            yield ("str", bytes(out))
        elif c == b"<" and content[i:i + 2] != b"<<":
            j = content.index(b">", i)
            yield ("str", bytes.fromhex(content[i + 1:j].decode()))
            i = j + 1
        elif c in b"[]":
            yield ("op", c)
            i += 1
        else:
            j = i
            while j < n and content[j:j + 1] not in b" \t\r\n\f()<>[]%":
                j += 1
            j = max(j, i + 1)
            yield ("op", content[i:j])
            i = j


def pdf_texts(data):
    """Text strings of a (matplotlib-written, single page) PDF, decoded through each font's
    /ToUnicode map: what a PDF viewer's search and copy see. Raises if a glyph has no mapping."""
    objs = _pdf_objects(data)
    fonts = {}
    for body in objs.values():
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font = objs[int(ref)]
            m = re.search(rb"/ToUnicode (\d+) 0 R", font)
            assert m, f"font {name} has no /ToUnicode map: its text cannot be searched"
            fonts[b"/" + name] = _cmap(_stream(objs[int(m.group(1))]))
    texts = []
    for body in objs.values():
        if b"/Type /Page" not in body or b"/Contents" not in body:
            continue
        content = _stream(objs[int(re.search(rb"/Contents (\d+) 0 R", body).group(1))])
        current, stack, pieces, in_array, block = None, [], [], False, None
        for kind, value in _tokens(content):
            if kind == "str":
                (pieces if in_array else stack).append(value)
                continue
            if value == b"BT":
                block = []
            elif value == b"ET":
                if block:
                    texts.append("".join(block))  # one text object, even across font changes
                block = None
            elif value == b"[":
                in_array, pieces = True, []
            elif value == b"]":
                in_array = False
                stack.append(b"".join(pieces))
            elif value == b"Tf":
                current = fonts[stack[-2]] if len(stack) >= 2 and isinstance(stack[-2], bytes) else current
                stack = []
            elif value in (b"Tj", b"TJ", b"'", b'"'):
                raw = stack[-1]
                piece = "".join(current[int.from_bytes(raw[k:k + 2], "big")] for k in range(0, len(raw), 2))
                (block if block is not None else texts).append(piece)
                stack = []
            elif value.startswith(b"/"):
                stack.append(value)
            elif re.fullmatch(rb"[-+]?[\d.]+", value):
                if not in_array:
                    stack.append(value)
            else:
                stack = []
    return texts
