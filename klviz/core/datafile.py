"""User data in: weights, logits, samples, joint tables and logit batches, read from files.

Every reader takes a path, reads it once through `klviz.fileio.read_regular_file` (which refuses
FIFOs, devices and directories before reading, and caps the size), and either returns validated
numbers or raises `DataFileError` (a ValueError) whose one-line message names the file, the line
and the column and says what was wrong. File formats (docs/CORE_API.md has the full rules):

- Text: UTF-8, with or without a BOM; LF or CRLF line ends; blank lines and lines whose first
  non-blank character is "#" are skipped. `.csv` is comma-separated and `.tsv` tab-separated
  (both with csv-module quoting: "a, b" is one cell); `.txt` is comma-separated if its first data
  line holds a comma, else split on runs of spaces/tabs (no quoting). Cells are stripped of
  surrounding spaces. A number is ASCII: 12, -0.5, 1e-3, .5 (nan/inf are read, then refused).
- `.npy` (NumPy's format): loaded with allow_pickle=False; numeric dtype; 1-D (2-D for a joint).
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import math
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np
from numpy.lib import format as npy_format

from klviz.core.checks import BAD_LABEL_CATEGORIES, MAX_JOINT_CELLS, MAX_LABEL_LENGTH, NUMBER_TEXT
from klviz.core.text import Text
from klviz.fileio import read_regular_file

MAX_DATA_BYTES = 64 * 1024 * 1024
MAX_CATEGORIES = 100_000
MAX_SAMPLES = 10_000_000
MAX_BATCH_ROWS = 100_000
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
DATA_EXTENSIONS = TEXT_EXTENSIONS + (".npy",)
DATA_PREFIXES = ("samples@", "softmax@", "@")
TARGET_NAMES = ("target", "label", "y", "class")

_NUMBER = NUMBER_TEXT
_INTEGER = re.compile(r"[0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")


class DataFileError(ValueError):
    """A data file that cannot be used. `path`, `line`, `column` (1-based, or None) and `reason`;
    str() is one line: "PATH, line L, column C: reason". The message (args[0]) and most reasons are
    klviz.core.text.Text, so a translated interface can show them in its language (the templates
    are marked in klviz/i18n/core_texts.py); str() and the command line read the English."""

    def __init__(self, path, reason, line=None, column=None):
        self.path, self.reason, self.line, self.column = path, reason, line, column
        where = _printable(os.fspath(path)) if path is not None else ""
        if line is None and column is None:
            message = Text("{path}: {reason}", path=where, reason=reason) if where else reason
        elif column is None:
            message = Text("{path}, line {line}: {reason}", path=where, line=line, reason=reason)
        elif line is None:
            message = Text("{path}, column {column}: {reason}", path=where, column=column, reason=reason)
        else:
            message = Text("{path}, line {line}, column {column}: {reason}", path=where, line=line, column=column,
                           reason=reason)
        super().__init__(message)

    def __reduce__(self):
        # pickle and copy rebuild an exception as cls(*args), then set its state; args holds the
        # message, which this constructor does not take: rebuild it from the constructor's own
        # arguments, then set args and the attributes as they are now (worker threads and
        # processes hand their errors back pickled)
        return type(self), (self.path, self.reason, self.line, self.column), {**self.__dict__, "args": self.args}


# what the readers read, as the messages name it (translated by the gui: klviz/i18n/core_texts.py)
_WEIGHTS, _LOGITS, _SAMPLES, _JOINT_WEIGHTS = Text("weights"), Text("logits"), Text("samples"), Text("joint weights")
_WEIGHTS_FILE, _LOGITS_FILE, _SAMPLES_FILE = Text("weights file"), Text("logits file"), Text("samples file")
_JOINT_TABLE, _LOGIT_BATCH = Text("joint table"), Text("logit batch")


def _printable(text, limit=None):
    """`text` with control and other invisible characters escaped, so a message stays one line."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _show(cell):
    """The cell quoted for a message (repr escapes what is not printable), cut at 40 characters."""
    return repr(cell if len(cell) <= 40 else cell[:40] + "…")


# ---------------------------------------------------------------------------------------------
# Bytes -> text -> lines -> cells


def _extension(path, allowed, what):
    try:
        name = os.fspath(path)
    except TypeError:
        raise DataFileError(None, Text("not a file name: {path}", path=repr(path))) from None
    if not isinstance(name, str):
        name = os.fsdecode(name)
    ext = os.path.splitext(name)[1].lower()
    if ext not in allowed:
        kinds = Text("{first} or {last}", first=", ".join(allowed[:-1]), last=allowed[-1])
        has = Text("ends in {ext}", ext=repr(ext)) if ext else Text("has no extension")
        raise DataFileError(name, Text("a {what} must be a {kinds} file (this one {has})", what=what, kinds=kinds, has=has))
    return name, ext


def _load(path, what):
    try:
        return read_regular_file(path, MAX_DATA_BYTES, what)
    except ValueError as exc:  # a klviz.fileio.ReadError: its sentence names the file
        raise DataFileError(None, exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)) from None


_ALLOWED_BYTES = bytes([9, 10, 13]) + bytes(range(32, 127)) + bytes(range(128, 256))


def _decode(data, path):
    """UTF-8 text (a BOM dropped), or DataFileError at the offending line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataFileError(path, Text("this is UTF-16 text; save it as UTF-8"))
    nul = data.find(b"\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start if nul < 0 else min(exc.start, nul)
        bad = nul == at
    else:
        if nul < 0:
            # control characters (C0 except tab and line ends, DEL) or a CR that ends no line: the
            # byte test is fast, the regex only locates what it found (C1 controls are UTF-8
            # sequences, refused in labels and never numbers)
            suspicious = data.translate(None, _ALLOWED_BYTES) or data.count(b"\r") != data.count(b"\r\n")
            match = _CONTROL.search(text) if suspicious else None
            if match:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                char = match.group()
                if char == "\r":
                    reason = Text("character {column} is a carriage return without a line feed (use LF or CRLF "
                                  "line ends)", column=column)
                else:
                    reason = Text("character {column} is the control character U+{code:04X}; a data file is plain "
                                  "text", column=column, code=ord(char))
                raise DataFileError(path, reason, line)
            return text
        at, bad = nul, True
    line = data.count(b"\n", 0, at) + 1
    byte = at - (data.rfind(b"\n", 0, at) + 1) + 1
    if bad:
        raise DataFileError(path, Text("byte {byte} is a NUL byte: this is a binary file, not text", byte=byte), line)
    raise DataFileError(path, Text("byte {byte} (0x{value:02x}) is not UTF-8 text; save the file as UTF-8", byte=byte,
                                   value=data[at]), line)


def _data_lines(text, keep_tabs=False):
    """(line numbers, lines) of the data: each line stripped of surrounding white space (a CR of
    CRLF included; tabs kept when they separate cells, so an empty first cell of a .tsv stays),
    blank lines and # comments left out. Parallel lists of ints and strings (no tuple per line),
    so a million lines stay fast."""
    chars = " \r\f\v" if keep_tabs else None
    lines = [s.strip(chars) for s in text.split("\n")]
    if lines and not lines[-1]:
        lines.pop()  # the end of the last line
    if "#" not in text and all(lines):
        return range(1, len(lines) + 1), lines
    keep = [k for k, s in enumerate(lines) if s and s[0] != "#"]
    return [k + 1 for k in keep], [lines[k] for k in keep]


class _NoGC:
    """Collection paused while many small lists are built (the collector would rescan them all)."""

    def __enter__(self):
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        if self.was:
            gc.enable()


def _split_rows(nums, lines, delimiter, path):
    """[(line, [cells])]: split on `delimiter` (csv quoting) or, for None, on runs of whitespace."""
    with _NoGC():
        if delimiter is None:
            return [(k, line.split()) for k, line in zip(nums, lines)]
        if not any('"' in line for line in lines):  # no quoting anywhere: a plain split is the csv reading
            return [(k, [c.strip() for c in line.split(delimiter)]) for k, line in zip(nums, lines)]
        reader = csv.reader((line + "\n" for line in lines), delimiter=delimiter, strict=True)
        rows = []
        while True:
            start = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                return rows
            except csv.Error as exc:
                k = nums[min(reader.line_num, len(lines)) - 1]
                raise DataFileError(path, Text("not valid CSV ({why})", why=str(exc)), k) from None
            if reader.line_num - start > 1:
                raise DataFileError(path, Text("a quoted cell runs past the end of the line"), nums[start])
            rows.append((nums[start], [c.strip() for c in cells]))


def _lines_of(data, path, ext):
    nums, lines = _data_lines(_decode(data, path), keep_tabs=ext == ".tsv")
    if not lines:
        raise DataFileError(path, Text("no data: the file is empty or holds only blank lines and # comments"))
    return nums, lines


def _delimiter(ext, first_line):
    if ext == ".txt":
        return "," if "," in first_line else None
    return "," if ext == ".csv" else "\t"


def _text_rows(data, path, ext):
    """The data rows [(line, [cells])] of a text file."""
    nums, lines = _lines_of(data, path, ext)
    return _split_rows(nums, lines, _delimiter(ext, lines[0]), path)


def _check_width(rows, path, what):
    width = len(rows[0][1])
    for k, cells in rows:
        if len(cells) != width:
            raise DataFileError(path, Text("{cells}, but line {line} has {width}: every row of a {what} has the same "
                                           "number of cells", cells=_cells(len(cells)), line=rows[0][0], width=width,
                                           what=what), k)
    return width


def _cells(n):
    return Text("{n} cell", n=n) if n == 1 else Text("{n} cells", n=n)


def _is_number(cell):
    return _NUMBER.fullmatch(cell) is not None


# ---------------------------------------------------------------------------------------------
# Cells -> validated numbers and labels


def _fast_floats(cells):
    """The numbers of `cells` if every one is a number, else None (no message: the caller looks).

    numpy parses like float(), which on ASCII text without "_" accepts exactly our number syntax.
    """
    joined = "".join(cells)
    if not joined.isascii() or "_" in joined:
        return None
    try:
        return np.array(cells, dtype=float)
    except ValueError:
        return None


def _check_numbers(arr, cells, where, path, what, non_negative):
    """arr (the numbers of `cells`) if finite (and >= 0 if asked), else DataFileError there."""
    bad = np.flatnonzero(~np.isfinite(arr))
    if bad.size:
        k = int(bad[0])
        line, col = where(k)
        raise DataFileError(path, Text("{cell} is not a finite number ({what} must be finite)", cell=_show(cells[k]),
                                       what=what), line, col)
    if non_negative:
        bad = np.flatnonzero(arr < 0)
        if bad.size:
            k = int(bad[0])
            line, col = where(k)
            raise DataFileError(path, Text("{cell} is negative ({what} must be ≥ 0)", cell=_show(cells[k]), what=what),
                                line, col)
    return arr + 0.0


def _floats(cells, where, path, what, non_negative):
    """np.array of the numbers in `cells`; where(k) -> (line, column) of cell k for messages."""
    arr = _fast_floats(cells)
    if arr is None:
        for k, c in enumerate(cells):
            if not _is_number(c):
                line, col = where(k)
                reason = (Text("an empty cell (expected {what})", what=what) if not c
                          else Text("{cell} is not a number (expected {what})", cell=_show(c), what=what))
                raise DataFileError(path, reason, line, col)
        arr = np.array(cells, dtype=float)
    return _check_numbers(arr, cells, where, path, what, non_negative)


def _label(cell, path, line, column):
    s = cell.strip()
    if not (s.isascii() and s.isprintable()):  # printable ASCII needs neither check below
        s = unicodedata.normalize("NFC", s)
        for ch in s:
            if unicodedata.category(ch) in BAD_LABEL_CATEGORIES:
                raise DataFileError(path, Text("the label {label} holds the invisible character U+{code:04X}",
                                               label=_show(s), code=ord(ch)), line, column)
    if not s:
        raise DataFileError(path, Text("an empty label"), line, column)
    if len(s) > MAX_LABEL_LENGTH:
        raise DataFileError(path, Text("a label of {n} characters (at most {most})", n=len(s), most=MAX_LABEL_LENGTH),
                            line, column)
    return s


def _labels(cells, where, path, what=Text("label")):
    """Validated, distinct labels (NFC, stripped); where(k) -> (line, column)."""
    out, seen = [], {}
    for k, c in enumerate(cells):
        line, col = where(k)
        s = _label(c, path, line, col)
        if s in seen:
            first = seen[s]
            at = (Text("line {line}, column {column}", line=first[0], column=first[1]) if first[0] == line
                  else Text("line {line}", line=first[0]))
            raise DataFileError(path, Text("the {what} {label} appears twice (also on {at})", what=what, label=_show(s),
                                           at=at), line, col)
        seen[s] = (line, col)
        out.append(s)
    return tuple(out)


def _npy_header(data, path):
    """(shape, dtype) from a .npy header, checked against the bytes present before numpy allocates."""
    fp = io.BytesIO(data)
    try:
        version = npy_format.read_magic(fp)
        if version == (1, 0):
            shape, _, dtype = npy_format.read_array_header_1_0(fp)
        elif version == (2, 0):
            shape, _, dtype = npy_format.read_array_header_2_0(fp)
        else:
            raise ValueError(f"version {version[0]}.{version[1]} is not read here")
    except (ValueError, OSError, EOFError, TypeError, SyntaxError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataFileError(path, Text("not a readable .npy file ({why})", why=_printable(reason, 120))) from None
    if dtype.hasobject:
        raise DataFileError(path, Text("the array holds Python objects, which are not read (no pickles)"))
    count = math.prod(shape)
    if count * dtype.itemsize > len(data) - fp.tell():
        raise DataFileError(path, Text("the header promises {promised:,} bytes of data but the file holds {held:,}",
                                       promised=count * dtype.itemsize, held=len(data) - fp.tell()))
    return shape, dtype


def _npy(data, path, ndims):
    _npy_header(data, path)
    try:
        arr = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError, TypeError, MemoryError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataFileError(path, Text("not a readable .npy file ({why})", why=_printable(reason, 120))) from None
    if not isinstance(arr, np.ndarray):
        raise DataFileError(path, Text("not a single .npy array"))
    if arr.ndim not in ndims:
        want = " or ".join(f"{d}-D" for d in ndims)  # one dimension is asked for, never two
        raise DataFileError(path, Text("the array is {ndim}-D with shape {shape}; expected {want}", ndim=arr.ndim,
                                       shape=str(arr.shape), want=want))
    if arr.size == 0:
        raise DataFileError(path, Text("the array is empty"))
    return arr


def _npy_numbers(arr, path, what, non_negative):
    if arr.dtype.kind not in "iuf":
        raise DataFileError(path, Text("the array holds {dtype} values; {what} must be integers or floats",
                                       dtype=str(arr.dtype), what=what))
    arr = arr.astype(float)
    flat = arr.ravel()
    for negative, test in ((False, lambda a: ~np.isfinite(a)),
                           (True, lambda a: a < 0 if non_negative else np.zeros(a.shape, bool))):
        bad = np.flatnonzero(test(flat))
        if bad.size:
            pos = np.unravel_index(int(bad[0]), arr.shape)
            fields = {"index": ", ".join(str(int(i)) for i in pos), "value": repr(float(flat[bad[0]])), "what": what}
            if negative:
                reason = Text("entry [{index}] = {value} is negative ({what} must be finite and ≥ 0)", **fields)
            elif non_negative:
                reason = Text("entry [{index}] = {value} is not finite ({what} must be finite and ≥ 0)", **fields)
            else:
                reason = Text("entry [{index}] = {value} is not finite ({what} must be finite)", **fields)
            raise DataFileError(path, reason)
    return arr + 0.0


# ---------------------------------------------------------------------------------------------
# Discrete sources: weights, logits, samples


@dataclass(frozen=True, eq=False)
class DataSource:
    """What one discrete SPEC read: `kind` is "weights", "logits", "numeric samples" or
    "categorical samples"; `values` the weights, logits, sample values or category counts;
    `labels` (categories / file labels) or None; `origin` the file name ("inline" for a SPEC)."""

    kind: str
    values: np.ndarray
    labels: tuple | None
    origin: str

    @property
    def samples(self):
        """The number of samples (sample sources), else None."""
        if self.kind == "numeric samples":
            return int(self.values.size)
        if self.kind == "categorical samples":
            return int(round(math.fsum(self.values.tolist())))
        return None


def _vector_layout(rows, path, what):
    """(value cells, label cells or None), each a list of (line, column, text)."""
    width = _check_width(rows, path, _WEIGHTS_FILE if what == "weights" else _LOGITS_FILE)
    first = rows[0][1]
    if width >= 2:
        if len(rows) == 1 and all(_is_number(c) or not c for c in first):  # one row of values
            return [(rows[0][0], j + 1, c) for j, c in enumerate(first)], None
        if len(rows) == 2 and not any(map(_is_number, first)) and all(map(_is_number, rows[1][1])):
            k0, k1 = rows[0][0], rows[1][0]  # a header of labels over one row of values
            return ([(k1, j + 1, c) for j, c in enumerate(rows[1][1])],
                    [(k0, j + 1, c) for j, c in enumerate(first)])
        if width > 2:
            if what == "weights":
                reason = Text("{width} cells in a row: a weights file has one column (weights), two (label, weight), "
                              "or a single row", width=width)
            else:
                reason = Text("{width} cells in a row: a logits file has one column (logits), two (label, logit), "
                              "or a single row", width=width)
            raise DataFileError(path, reason, rows[0][0])
        body = rows[1:] if first[1] and not _is_number(first[1]) else rows  # a header: "label,weight"
        if not body:
            raise DataFileError(path, Text("only a header line, no data"))
        return [(k, 2, c[1]) for k, c in body], [(k, 1, c[0]) for k, c in body]
    body = rows[1:] if len(rows) > 1 and not _is_number(first[0]) else rows
    return [(k, 1, c[0]) for k, c in body], None


def _read_vector(path, kind):
    what = _WEIGHTS if kind == "weights" else _LOGITS
    path, ext = _extension(path, DATA_EXTENSIONS, _WEIGHTS_FILE if kind == "weights" else _LOGITS_FILE)
    data = _load(path, _WEIGHTS_FILE if kind == "weights" else _LOGITS_FILE)
    if ext == ".npy":
        values = _npy_numbers(_npy(data, path, (1,)), path, what, kind == "weights")
        labels = None
    else:
        value_cells, label_cells = _vector_layout(_text_rows(data, path, ext), path, what)

        def at(cells):
            return lambda k: cells[k][:2]

        values = _floats([c for _, _, c in value_cells], at(value_cells), path, what, kind == "weights")
        labels = None if label_cells is None else _labels([c for _, _, c in label_cells], at(label_cells), path)
    if values.size > MAX_CATEGORIES:
        raise DataFileError(path, Text("{n:,} {what}; at most {most:,} categories", n=values.size, what=what,
                                       most=MAX_CATEGORIES))
    if kind == "weights" and not values.any():
        raise DataFileError(path, Text("every weight is zero: at least one must be positive"))
    return DataSource(kind, values, labels, path)


def read_weights(path):
    """Weights (counts, percentages, probabilities) for a discrete SPEC `@PATH`: a `.csv`/`.tsv`/
    `.txt` file with one column of weights, two columns (label, weight), or a single row (under an
    optional header row of labels); an optional header line; or a 1-D `.npy`. Weights must be
    finite and ≥ 0, not all zero; labels distinct. -> DataSource(kind="weights")."""
    return _read_vector(path, "weights")


def read_logits(path):
    """Logits for `softmax@PATH`, in the same layouts as `read_weights` (any finite numbers).
    -> DataSource(kind="logits")."""
    return _read_vector(path, "logits")


def _sample_cells(data, path, ext):
    """(line numbers, cells) of a samples file, or (None, array) for a numeric .npy."""
    if ext == ".npy":
        arr = _npy(data, path, (1,))
        if arr.dtype.kind == "U":
            return None, [str(s) for s in arr.tolist()]
        return None, _npy_numbers(arr, path, _SAMPLES, False)
    nums, lines = _lines_of(data, path, ext)
    if ext == ".txt":
        return nums, lines  # the whole line is the sample
    delimiter = _delimiter(ext, lines[0])
    joined = "".join(lines)
    if delimiter not in joined and '"' not in joined:
        return nums, lines
    rows = _split_rows(nums, lines, delimiter, path)
    for k, cells in rows:
        if len(cells) != 1:
            raise DataFileError(path, Text("{cells}: a samples file has one sample per line (one column)",
                                           cells=_cells(len(cells))), k)
    return [k for k, _ in rows], [cells[0] for _, cells in rows]


def read_samples(path, kind="auto"):
    """Samples for `samples@PATH`: one sample per line of a `.txt` (the whole line, stripped), or
    one column of a `.csv`/`.tsv`; or a 1-D `.npy` (numbers or strings).

    kind="auto": all numbers -> numeric samples (a first line that is not a number is a header);
    no numbers -> categories, counted (every line is a sample: comment out a header with #);
    a mix is refused. kind="numeric" / "categorical" force the reading.
    -> DataSource(kind="numeric samples" | "categorical samples"); categories in order of first
    appearance.
    """
    if kind not in ("auto", "numeric", "categorical"):
        raise ValueError(f"kind must be 'auto', 'numeric' or 'categorical' (got {kind!r})")
    path, ext = _extension(path, DATA_EXTENSIONS, _SAMPLES_FILE)
    nums, cells = _sample_cells(_load(path, _SAMPLES_FILE), path, ext)
    if len(cells) > MAX_SAMPLES:
        raise DataFileError(path, Text("{n:,} samples; at most {most:,}", n=len(cells), most=MAX_SAMPLES))
    if isinstance(cells, np.ndarray):  # a numeric .npy
        if kind == "categorical":
            raise DataFileError(path, Text("the array holds numbers; categorical samples need strings"))
        return DataSource("numeric samples", cells, None, path)

    def where(offset):
        return lambda k: (nums[k + offset], 1) if nums is not None else (None, None)

    if kind != "categorical":
        start, arr = 0, _fast_floats(cells)
        if arr is None and len(cells) > 1 and not _is_number(cells[0]):  # a header line
            start, arr = 1, _fast_floats(cells[1:])
        if arr is not None:
            values = _check_numbers(arr, cells[start:], where(start), path, _SAMPLES, False)
            return DataSource("numeric samples", values, None, path)
    counts = Counter(cells)
    if kind == "auto" or kind == "numeric":
        numeric = {c for c in counts if _is_number(c)}
        if kind == "numeric" or numeric:
            _refuse_mixed(cells, counts, numeric, where(0), path, kind == "numeric")
    if len(counts) > MAX_CATEGORIES:
        raise DataFileError(path, Text("{n:,} different categories; at most {most:,}", n=len(counts), most=MAX_CATEGORIES))
    merged = {}
    for c, n in counts.items():  # each distinct label validated once; NFC forms of a label merge
        try:
            label = _label(c, path, None, None)
        except DataFileError as exc:
            raise DataFileError(path, exc.reason, *where(0)(cells.index(c))) from None
        merged[label] = merged.get(label, 0) + n
    return DataSource("categorical samples", np.array(list(merged.values()), dtype=float), tuple(merged), path)


def _refuse_mixed(cells, counts, numeric, where, path, forced):
    """DataFileError at the first sample of the minority kind (numbers vs labels; a header line
    excused), or at the first non-number when numbers were asked for."""
    header = 1 if len(cells) > 1 and cells[0] not in numeric else 0
    n_numbers = sum(counts[c] for c in numeric)
    wrong_numbers = not forced and n_numbers < (len(cells) - header) / 2

    def is_odd(c):
        return (c in numeric) == wrong_numbers

    k = next((k for k in range(header, len(cells)) if is_odd(cells[k])), None)
    if k is None:  # only the header line is not a number: cannot happen (the fast path took it)
        k = 0
    line, column = where(k)
    if forced:
        reason = (Text("an empty sample (numeric samples)") if not cells[k]
                  else Text("{cell} is not a number (numeric samples)", cell=_show(cells[k])))
        raise DataFileError(path, reason, line, column)
    other = next(j for j in range(len(cells)) if not is_odd(cells[j]))
    at = (Text("line {line}", line=where(other)[0]) if where(other)[0] is not None
          else Text("entry {k}", k=other))
    fields = {"cell": _show(cells[k]), "at": at, "other": _show(cells[other])}
    if wrong_numbers:
        reason = Text("{cell} is a number, unlike {at} ({other}): samples must be all numbers (a histogram) or all "
                      "labels (categories)", **fields)
    else:
        reason = Text("{cell} is not a number, unlike {at} ({other}): samples must be all numbers (a histogram) or "
                      "all labels (categories)", **fields)
    raise DataFileError(path, reason, line, column)


# ---------------------------------------------------------------------------------------------
# Joint tables


@dataclass(frozen=True, eq=False)
class JointTable:
    """A joint's weights read from a file (rows X, columns Y) with its labels (or None)."""

    weights: np.ndarray
    row_labels: tuple | None
    col_labels: tuple | None
    origin: str


def _joint_layout(rows):
    """(has header, has label column) for the rows of a joint table file."""
    first = rows[0][1]
    rest_first = [c[0] for _, c in rows[1:]]
    header = (not all(map(_is_number, first[1:]))
              or not first[0]
              or (not _is_number(first[0]) and bool(rest_first) and all(map(_is_number, rest_first))))
    body = rows[1:] if header else rows
    labels = (any(not _is_number(c[0]) for _, c in body)
              or (header and (not first[0] or (not _is_number(first[0]) and all(map(_is_number, first[1:]))))))
    return header, labels


def read_joint_table(path):
    """A joint table for `--joint @PATH`: a `.csv`/`.tsv`/`.txt` matrix (rows X, columns Y) with an
    optional header row (column labels) and an optional first column of row labels, or a 2-D `.npy`.

    The first row is a header if a cell after its first is not a number, if its first cell is empty,
    or if its first cell is not a number while every later row's first cell is one. The first column
    holds labels if some data row's first cell is not a number, or the header's first cell is empty,
    or the header's first cell is a name over numeric column labels (e.g. "x\\y,0,1").
    """
    path, ext = _extension(path, DATA_EXTENSIONS, _JOINT_TABLE)
    data = _load(path, _JOINT_TABLE)
    if ext == ".npy":
        weights = _npy_numbers(_npy(data, path, (2,)), path, _JOINT_WEIGHTS, True)
        row_labels = col_labels = None
    else:
        rows = _text_rows(data, path, ext)
        width = _check_width(rows, path, _JOINT_TABLE)
        header, has_labels = _joint_layout(rows)
        body = rows[1:] if header else rows
        if not body:
            raise DataFileError(path, Text("only a header line, no data"))
        c0 = 1 if has_labels else 0
        if width - c0 < 1:
            raise DataFileError(path, Text("a label column but no columns of weights"), rows[0][0])
        if len(body) * (width - c0) > MAX_JOINT_CELLS:
            raise DataFileError(path, Text("{n:,} cells; at most {most:,}", n=len(body) * (width - c0), most=MAX_JOINT_CELLS))
        cells = [c for _, row in body for c in row[c0:]]
        ncol = width - c0
        weights = _floats(cells, lambda k: (body[k // ncol][0], k % ncol + c0 + 1), path, _JOINT_WEIGHTS,
                          True).reshape(len(body), ncol)
        row_labels = (_labels([row[0] for _, row in body], lambda k: (body[k][0], 1), path, Text("row label"))
                      if has_labels else None)
        col_labels = (_labels(rows[0][1][c0:], lambda k: (rows[0][0], k + c0 + 1), path, Text("column label"))
                      if header else None)
    if weights.size > MAX_JOINT_CELLS:
        raise DataFileError(path, Text("{n:,} cells; at most {most:,}", n=weights.size, most=MAX_JOINT_CELLS))
    if not weights.any():
        raise DataFileError(path, Text("every weight is zero: at least one must be positive"))
    return JointTable(weights, row_labels, col_labels, path)


# ---------------------------------------------------------------------------------------------
# The loss lab's batch: rows of logits with a target


@dataclass(frozen=True, eq=False)
class LogitBatch:
    """Rows of logits (n × k) with one class index per row (0-based) and the class labels (header)
    or None; `lines` are the rows' line numbers in the file."""

    logits: np.ndarray
    targets: np.ndarray
    class_labels: tuple | None
    lines: tuple
    origin: str


def _target_index(cell, labels, k, path, line, column):
    if _INTEGER.fullmatch(cell):
        t = int(cell)
        if t >= k:
            raise DataFileError(path, Text("the target {t} is not a class index (0 to {last})", t=t, last=k - 1),
                                line, column)
        if labels is not None and cell in labels and labels.index(cell) != t:
            raise DataFileError(path, Text("the target {cell} is ambiguous: class index {t} is {label}, but a class is "
                                           "labelled {quoted}", cell=cell, t=t, label=_show(labels[t]),
                                           quoted=repr(cell)), line, column)
        return t
    if labels is not None:
        s = unicodedata.normalize("NFC", cell)
        if s in labels:
            return labels.index(s)
        shown = ", ".join(labels[:8]) + (", …" if len(labels) > 8 else "")
        raise DataFileError(path, Text("the target {cell} is not a class (the classes are {classes})", cell=_show(cell),
                                       classes=shown), line, column)
    if _is_number(cell):
        raise DataFileError(path, Text("the target {cell} is not a class index (a whole number from 0 to {last}; soft "
                                       "targets are not read)", cell=_show(cell), last=k - 1), line, column)
    raise DataFileError(path, Text("the target {cell} is not a class index; to give targets by label, name the "
                                   "classes in a header row", cell=_show(cell)), line, column)


def read_logit_batch(path):
    """A batch for the loss lab's categorical panel: a `.csv`/`.tsv`/`.txt` file, one row per data
    pair, k ≥ 2 logit columns and one target column.

    An optional header row names the classes (the logit columns) and may name the target column
    `target`, `label`, `y` or `class` (any case); without such a name the target is the last
    column. A target is a 0-based class index (a whole number) or, with a header, a class label.
    Soft targets are not read. At most MAX_BATCH_ROWS rows.
    """
    path, ext = _extension(path, TEXT_EXTENSIONS, _LOGIT_BATCH)
    rows = _text_rows(_load(path, _LOGIT_BATCH), path, ext)
    width = _check_width(rows, path, _LOGIT_BATCH)
    first = [c.lower() for c in rows[0][1]]
    named = [j for j, c in enumerate(first) if c in TARGET_NAMES]
    if len(named) > 1:
        raise DataFileError(path, Text("more than one column is named as the target"), rows[0][0], named[1] + 1)
    target_col = named[0] if named else width - 1
    header = bool(named) or not all(_is_number(c) for j, c in enumerate(rows[0][1]) if j != target_col)
    body = rows[1:] if header else rows
    if width < 3:
        raise DataFileError(path, Text("{width} cells in a row: a batch has at least two logit columns and a target "
                                       "column", width=width), rows[0][0])
    if not body:
        raise DataFileError(path, Text("only a header line, no data"))
    if len(body) > MAX_BATCH_ROWS:
        raise DataFileError(path, Text("{n:,} rows; a batch has at most {most:,}", n=len(body), most=MAX_BATCH_ROWS))
    logit_cols = [j for j in range(width) if j != target_col]
    k = len(logit_cols)
    labels = None
    if header:
        labels = _labels([rows[0][1][j] for j in logit_cols], lambda i: (rows[0][0], logit_cols[i] + 1),
                         path, Text("class label"))
    cells = [row[j] for _, row in body for j in logit_cols]
    logits = _floats(cells, lambda i: (body[i // k][0], logit_cols[i % k] + 1), path, _LOGITS,
                     False).reshape(len(body), k)
    targets = np.array([_target_index(row[target_col], labels, k, path, line, target_col + 1)
                        for line, row in body], dtype=int)
    return LogitBatch(logits, targets, labels, tuple(line for line, _ in body), path)


@dataclass(frozen=True, eq=False)
class BatchReport:
    """Cross-entropy per row, -log softmax(z)_target = logsumexp(z) - z_target (nats), and their
    mean: the expectation over the data pairs of the batch."""

    ce: np.ndarray
    mean: float
    target_probs: np.ndarray  # softmax(z)_target (may underflow to 0 where ce stays exact)
    rows: int
    classes: int


def batch_cross_entropy(batch):
    """The per-row categorical cross-entropies of a `LogitBatch` and their mean (nats)."""
    from klviz.core.losses import log_softmax

    if not isinstance(batch, LogitBatch):
        raise ValueError("batch_cross_entropy needs a LogitBatch (read_logit_batch(...))")
    n, k = batch.logits.shape
    log_q = np.array([log_softmax(z)[t] for z, t in zip(batch.logits, batch.targets)])
    ce = np.maximum(-log_q, 0.0)
    return BatchReport(ce, math.fsum(ce.tolist()) / n, np.exp(log_q), n, k)


# ---------------------------------------------------------------------------------------------
# SPECs


def is_data_spec(text):
    """True for `@PATH`, `softmax@PATH` and `samples@PATH` (any case in the prefix)."""
    return isinstance(text, str) and text.strip().lower().startswith(DATA_PREFIXES)


def read_data_spec(text, name="P"):
    """The DataSource of `@PATH` (weights), `softmax@PATH` (logits) or `samples@PATH`."""
    if not is_data_spec(text):
        raise ValueError(f"{name}: {text!r} is not a data SPEC (@FILE, softmax@FILE or samples@FILE)")
    s = text.strip()
    prefix = next(p for p in DATA_PREFIXES if s.lower().startswith(p))
    path = s[len(prefix):]
    if not path:
        raise ValueError(f"{name}: {prefix} needs a file name after it")
    if prefix == "samples@":
        return read_samples(path)
    if prefix == "softmax@":
        return read_logits(path)
    return read_weights(path)
