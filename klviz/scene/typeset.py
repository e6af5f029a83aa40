"""Formulas that wrap only between formulas: a caption or legend may break its line between
words or between formulas, never inside one ("Q = N(1, / 1.5²)", "∫ / q·log(q/p) dx").

`bind_formulas(text)` returns the text with the spaces inside a formula made no-break spaces
(U+00A0) and, with `joiners`, a word joiner (U+2060) after the characters at which a line breaker
that follows Unicode's rules (Qt's) would otherwise break a formula without a space ("q/|p",
"X||Y", "−|[y", "D⁽ᵅ⁾|(P‖Q)"). A space belongs to a formula when

- it lies inside brackets: "N(1, 1.5²)", "D(Bern(y) ‖ Bern(f))", "−[y log f + …]";
- it is next to an operator or relation: "Q = N(…)", "∫ q·log(q/p)", "H(X) + H(Y)";
- it is next to a legend's swatch (■, ━━, ●): the swatch stays with what it names;
- it joins a differential ("… dx"), a function to its argument ("y log f") or a number to its
  unit ("0.3499 nats").

A chain of relations may still break after its second relation and later ones, as TeX breaks an
inline formula: "∫ p·log(p/q) dx = D(P‖Q) = / 0.3499 nats" (each side is a formula of its own).

With `markup`, the text is the little HTML of the captions: tags and entities are kept as they
are and only the text between them is read (an entity counts as the character it stands for).
Text from files is not markup and is never passed with `markup` (it is escaped first).
"""

from __future__ import annotations

import html
import re

NBSP, WJ = "\u00a0", "\u2060"
_OPEN, _CLOSE = "([{⁽", ")]}⁾"
_BRACKETS = frozenset(_OPEN + _CLOSE)
_RELATIONS = frozenset("=<>≤≥≈≠∝→≡")
_OPERATORS = _RELATIONS | frozenset("+−-±·×∫∑Σ‖|~∼")
_BINARY = _RELATIONS | frozenset(("+", "−", "-", "±"))
_SWATCHES = frozenset("■━╍┃┆●▬▮")
_UNITS = frozenset(("nats", "nat", "bits", "bit", "bans", "ban", "hartleys", "hartley", "dits", "dit", "%"))
_FUNCTIONS = ("log", "ln", "exp")
# after these (inside a formula, before a non-space) a Unicode line breaker may break: joined
_JOIN_AFTER = frozenset("/|")
_JOIN_BEFORE = {"−": _OPEN, "⁾": _OPEN}  # "−[y", "D⁽ᵅ⁾(P‖Q)"
_SPACES = frozenset(" \u00a0\n\t")
_PIECE = re.compile(r"<[^>]*>|&#?\w+;|.", re.S)


def _tokens(s):
    """[(start, end)] of the runs of s between whitespace."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^ \u00a0\n\t]+", s)]


# (a caption is bound again on every frame of a drag: these stay cheap, short tokens first)
def _is_operator(tok):
    return 0 < len(tok) <= 3 and _OPERATORS.issuperset(tok)


def _is_relation(tok):
    return 0 < len(tok) <= 3 and _RELATIONS.issuperset(tok)


def _is_swatch(tok):
    return 0 < len(tok) <= 3 and _SWATCHES.issuperset(tok)


def _is_number(tok):
    t = tok.rstrip(")]}⁾,;")
    return bool(t) and (t[-1].isdigit() or t[-1] in "²³¹⁰⁴⁵⁶⁷⁸⁹")


def bound_spaces(s, soft=None):
    """The indices of the ordinary spaces of plain text `s` that lie inside a formula. Into the
    set `soft` (if given) go those of them where a formula too long for a line of its own may
    still break: after a relation or a + or − at its top level ("H(P,Q) = / H(P) + / D(P‖Q)")."""
    toks = _tokens(s)
    bound = set()
    depth, relations = 0, 0  # bracket depth before the token; top-level relations in this unit
    stack = []  # for each open bracket: whether it counts in depth
    for k, (a, b) in enumerate(toks):
        tok = s[a:b]
        if k > 0:
            pa, pb = toks[k - 1]
            prev = s[pa:pb]
            gap = s[pb:a]
            if "\n" in gap:
                depth, relations, stack = 0, 0, []
            elif gap.strip(" ") == "":  # only ordinary spaces can become no-break ones
                join = (depth > 0 or _is_swatch(prev)
                        or (_is_operator(prev) and not (_is_relation(prev) and relations > 1))
                        or _is_operator(tok)
                        or tok.startswith(("dx", "dy", "dz")) and len(tok.rstrip(".,;:)")) == 2
                        or (prev in _FUNCTIONS and len(_DIGITS.sub("0", tok)) <= 8)
                        or (tok.startswith(_FUNCTIONS) and len(prev.strip("(")) == 1 and prev.isalpha())
                        or (_is_number(prev) and tok.rstrip(".,;:)") in _UNITS))
                if join:
                    bound.update(i for i in range(pb, a))
                    if (soft is not None and depth == 0 and prev in _BINARY and k > 1
                            and not _is_operator(s[toks[k - 2][0]:toks[k - 2][1]])):
                        soft.update(i for i in range(pb, a))
                else:
                    relations = 0
            else:
                relations = 0
        if not _BRACKETS.isdisjoint(tok):
            for j, c in enumerate(tok):
                if c in _OPEN:
                    # a formula's bracket follows a name ("N(", "log(") or sits inside another; one
                    # after a space at the top level opens a remark in prose ("(the blue curve)")
                    counted = depth > 0 or j > 0
                    stack.append(counted)
                    depth += counted
                elif c in _CLOSE and stack:
                    depth -= stack.pop()
        if depth == 0 and _is_relation(tok):
            relations += 1
    return bound


def _joins(s, bound):
    """The indices after which a word joiner keeps a formula's characters together (a bound
    space counts as part of the formula: Qt breaks after "|" even before a no-break space)."""
    def inside(i):
        return s[i] not in _SPACES or i in bound
    return {i for i in range(len(s) - 1) if inside(i + 1)
            and ((s[i] in _JOIN_AFTER and i > 0 and inside(i - 1)) or s[i + 1] in _JOIN_BEFORE.get(s[i], ""))}


_DIGITS = re.compile(r"[0-9]+")
_CACHE = {}


def bind_formulas(text, markup=False, joiners=False, soft=""):
    """`text` with the spaces inside its formulas made no-break (see the module's docstring);
    `soft`, a marker put after each no-break space where a formula too long for a line may
    still break (bound_spaces), for a wrap of one's own (the Caption's).

    A caption gets a new number on every frame of a drag, its words stay: the binding does not
    depend on which digits a number has (nor how many), so it is worked out once per text with
    its numbers as "0" and the numbers put back (some 100 µs saved a caption a frame)."""
    if not text:
        return text
    if "&#" in text:  # a numeric entity's digits are a character, not a number: no shape
        return _bind(text, markup, joiners, soft)
    numbers = _DIGITS.findall(text)
    shape = _DIGITS.sub("0", text) if numbers else text
    key = (shape, markup, joiners, soft)
    bound = _CACHE.get(key)
    if bound is None:
        if len(_CACHE) > 512:
            _CACHE.clear()
        bound = _CACHE[key] = _bind(shape, markup, joiners, soft).split("0")
    if not numbers:
        return bound[0]
    out = [bound[0]]
    for number, rest in zip(numbers, bound[1:]):
        out += (number, rest)
    return "".join(out)


def _bind(text, markup, joiners, soft):
    if not markup:
        soft_at = set()
        bound = bound_spaces(text, soft_at)
        joins = _joins(text, bound) if joiners else ()
        return "".join((NBSP + (soft if i in soft_at else "") if i in bound else c) + (WJ if i in joins else "")
                       for i, c in enumerate(text))
    pieces = _PIECE.findall(text)
    visible, owner = [], []  # the characters shown, and the piece each comes from
    for n, p in enumerate(pieces):
        if p.startswith("<") and p.endswith(">"):
            if p[1:3].lower() == "br":
                visible.append("\n")
                owner.append(n)
            continue
        visible.append(html.unescape(p) if len(p) > 1 else p)
        owner.append(n)
    s = "".join(visible)
    if len(s) != len(owner):  # an entity for several characters: leave the text as it is
        return text
    soft_at = set()
    bound = bound_spaces(s, soft_at)
    joins = _joins(s, bound) if joiners else ()
    out = list(pieces)
    for i in bound:
        if pieces[owner[i]] == " ":
            out[owner[i]] = NBSP + (soft if i in soft_at else "")
    for i in joins:
        out[owner[i]] += WJ
    return "".join(out)
