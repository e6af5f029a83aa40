"""Texts klviz.core shows through the gui, marked here for translation (core stays free of this
package). tests/test_i18n.py checks that each is still the exact text core has, so a change in core
fails there instead of slipping through untranslated."""

from __future__ import annotations

from klviz.i18n import QT_TRANSLATE_NOOP

# klviz.core.joint.PRESET_NOTES (the Joint tab's preset notes and tooltips)
JOINT_PRESET_NOTES = {
    "independent": QT_TRANSLATE_NOOP("klviz", "X and Y independent: the joint equals the product of its marginals, I(X;Y) = 0."),
    "dependent": QT_TRANSLATE_NOOP("klviz", "Y = X: knowing one gives the other; I(X;Y) = H(X) = H(Y), and H(X|Y) = H(Y|X) = 0."),
    "bsc": QT_TRANSLATE_NOOP("klviz", "A symmetric channel: X uniform, Y = X except with probability ε, spread over the other "
                             "values; for two symbols (the binary symmetric channel) I(X;Y) = log 2 − h(ε)."),
    "xor": QT_TRANSLATE_NOOP("klviz", "X = (A, B), two fair coins; Y = A xor B. Both marginals are uniform, just as for "
                             "independent variables, yet X determines Y: I(X;Y) = H(Y) = log 2. Y alone says "
                             "nothing about A, nor about B, only about the pair."),
    "random": QT_TRANSLATE_NOOP("klviz", "A random joint (Dirichlet(1) over the cells, seeded)."),
}


# klviz.core.datafile: DataFileError's messages and reasons, and the names of what it reads (the
# templates of its klviz.core.text.Text; tests/test_i18n.py checks this is exactly core's set)
DATAFILE_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "{path}: {reason}"),
    QT_TRANSLATE_NOOP("klviz", "{path}, line {line}: {reason}"),
    QT_TRANSLATE_NOOP("klviz", "{path}, column {column}: {reason}"),
    QT_TRANSLATE_NOOP("klviz", "{path}, line {line}, column {column}: {reason}"),
    QT_TRANSLATE_NOOP("klviz", "joint weights"),
    QT_TRANSLATE_NOOP("klviz", "logits"),
    QT_TRANSLATE_NOOP("klviz", "samples"),
    QT_TRANSLATE_NOOP("klviz", "weights"),
    QT_TRANSLATE_NOOP("klviz", "logits file"),
    QT_TRANSLATE_NOOP("klviz", "samples file"),
    QT_TRANSLATE_NOOP("klviz", "weights file"),
    QT_TRANSLATE_NOOP("klviz", "joint table"),
    QT_TRANSLATE_NOOP("klviz", "logit batch"),
    QT_TRANSLATE_NOOP("klviz", "not a file name: {path}"),
    QT_TRANSLATE_NOOP("klviz", "{first} or {last}"),
    QT_TRANSLATE_NOOP("klviz", "ends in {ext}"),
    QT_TRANSLATE_NOOP("klviz", "has no extension"),
    QT_TRANSLATE_NOOP("klviz", "a {what} must be a {kinds} file (this one {has})"),
    QT_TRANSLATE_NOOP("klviz", "this is UTF-16 text; save it as UTF-8"),
    QT_TRANSLATE_NOOP("klviz", "character {column} is a carriage return without a line feed (use LF or CRLF line ends)"),
    QT_TRANSLATE_NOOP("klviz", "character {column} is the control character U+{code:04X}; a data file is plain text"),
    QT_TRANSLATE_NOOP("klviz", "byte {byte} is a NUL byte: this is a binary file, not text"),
    QT_TRANSLATE_NOOP("klviz", "byte {byte} (0x{value:02x}) is not UTF-8 text; save the file as UTF-8"),
    QT_TRANSLATE_NOOP("klviz", "not valid CSV ({why})"),
    QT_TRANSLATE_NOOP("klviz", "a quoted cell runs past the end of the line"),
    QT_TRANSLATE_NOOP("klviz", "no data: the file is empty or holds only blank lines and # comments"),
    QT_TRANSLATE_NOOP("klviz", "{cells}, but line {line} has {width}: every row of a {what} has the same number of cells"),
    QT_TRANSLATE_NOOP("klviz", "{n} cell"),
    QT_TRANSLATE_NOOP("klviz", "{n} cells"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is not a finite number ({what} must be finite)"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is negative ({what} must be ≥ 0)"),
    QT_TRANSLATE_NOOP("klviz", "an empty cell (expected {what})"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is not a number (expected {what})"),
    QT_TRANSLATE_NOOP("klviz", "the label {label} holds the invisible character U+{code:04X}"),
    QT_TRANSLATE_NOOP("klviz", "an empty label"),
    QT_TRANSLATE_NOOP("klviz", "a label of {n} characters (at most {most})"),
    QT_TRANSLATE_NOOP("klviz", "label"),
    QT_TRANSLATE_NOOP("klviz", "line {line}, column {column}"),
    QT_TRANSLATE_NOOP("klviz", "line {line}"),
    QT_TRANSLATE_NOOP("klviz", "the {what} {label} appears twice (also on {at})"),
    QT_TRANSLATE_NOOP("klviz", "not a readable .npy file ({why})"),
    QT_TRANSLATE_NOOP("klviz", "the array holds Python objects, which are not read (no pickles)"),
    QT_TRANSLATE_NOOP("klviz", "the header promises {promised:,} bytes of data but the file holds {held:,}"),
    QT_TRANSLATE_NOOP("klviz", "not a single .npy array"),
    QT_TRANSLATE_NOOP("klviz", "the array is {ndim}-D with shape {shape}; expected {want}"),
    QT_TRANSLATE_NOOP("klviz", "the array is empty"),
    QT_TRANSLATE_NOOP("klviz", "the array holds {dtype} values; {what} must be integers or floats"),
    QT_TRANSLATE_NOOP("klviz", "entry [{index}] = {value} is negative ({what} must be finite and ≥ 0)"),
    QT_TRANSLATE_NOOP("klviz", "entry [{index}] = {value} is not finite ({what} must be finite and ≥ 0)"),
    QT_TRANSLATE_NOOP("klviz", "entry [{index}] = {value} is not finite ({what} must be finite)"),
    QT_TRANSLATE_NOOP("klviz", "{width} cells in a row: a weights file has one column (weights), two (label, weight), or a single row"),
    QT_TRANSLATE_NOOP("klviz", "{width} cells in a row: a logits file has one column (logits), two (label, logit), or a single row"),
    QT_TRANSLATE_NOOP("klviz", "only a header line, no data"),
    QT_TRANSLATE_NOOP("klviz", "{n:,} {what}; at most {most:,} categories"),
    QT_TRANSLATE_NOOP("klviz", "every weight is zero: at least one must be positive"),
    QT_TRANSLATE_NOOP("klviz", "{cells}: a samples file has one sample per line (one column)"),
    QT_TRANSLATE_NOOP("klviz", "{n:,} samples; at most {most:,}"),
    QT_TRANSLATE_NOOP("klviz", "the array holds numbers; categorical samples need strings"),
    QT_TRANSLATE_NOOP("klviz", "{n:,} different categories; at most {most:,}"),
    QT_TRANSLATE_NOOP("klviz", "an empty sample (numeric samples)"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is not a number (numeric samples)"),
    QT_TRANSLATE_NOOP("klviz", "entry {k}"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is a number, unlike {at} ({other}): samples must be all numbers (a histogram) or all labels (categories)"),
    QT_TRANSLATE_NOOP("klviz", "{cell} is not a number, unlike {at} ({other}): samples must be all numbers (a histogram) or all labels (categories)"),
    QT_TRANSLATE_NOOP("klviz", "a label column but no columns of weights"),
    QT_TRANSLATE_NOOP("klviz", "{n:,} cells; at most {most:,}"),
    QT_TRANSLATE_NOOP("klviz", "row label"),
    QT_TRANSLATE_NOOP("klviz", "column label"),
    QT_TRANSLATE_NOOP("klviz", "the target {t} is not a class index (0 to {last})"),
    QT_TRANSLATE_NOOP("klviz", "the target {cell} is ambiguous: class index {t} is {label}, but a class is labelled {quoted}"),
    QT_TRANSLATE_NOOP("klviz", "the target {cell} is not a class (the classes are {classes})"),
    QT_TRANSLATE_NOOP("klviz", "the target {cell} is not a class index (a whole number from 0 to {last}; soft targets are not read)"),
    QT_TRANSLATE_NOOP("klviz", "the target {cell} is not a class index; to give targets by label, name the classes in a header row"),
    QT_TRANSLATE_NOOP("klviz", "more than one column is named as the target"),
    QT_TRANSLATE_NOOP("klviz", "{width} cells in a row: a batch has at least two logit columns and a target column"),
    QT_TRANSLATE_NOOP("klviz", "{n:,} rows; a batch has at most {most:,}"),
    QT_TRANSLATE_NOOP("klviz", "class label"),
)

# klviz.core.datapair: the refusals of a P/Q pair read from two files (the same check)
DATAPAIR_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "P has {p:,} entries and Q has {q:,}: they must match (or give both labels to align them)"),
    QT_TRANSLATE_NOOP("klviz", "{name} has no weight on the categories of the pair"),
    QT_TRANSLATE_NOOP("klviz", "{a} is numeric samples (a histogram) but {b} is {kind}: give both as samples@FILE"),
    QT_TRANSLATE_NOOP("klviz", "weights"),
    QT_TRANSLATE_NOOP("klviz", "logits"),
    QT_TRANSLATE_NOOP("klviz", "numeric samples"),
    QT_TRANSLATE_NOOP("klviz", "categorical samples"),
)

# klviz.core.checks, klviz.core.spec, klviz.core.joint: the refusals a session file's numbers can
# meet there (negative or all-zero weights, a sigma or mu out of range), nested in a SessionError
CHECKS_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "{what} has a negative entry ({value} at position {k})"),
    QT_TRANSLATE_NOOP("klviz", "{what} is all zero: at least one weight must be positive"),
)
SPEC_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "normal: sigma must be > 0 (got {sigma})"),
    QT_TRANSLATE_NOOP("klviz", "mixture: weight must be in [0, 1] (got {weight})"),
    QT_TRANSLATE_NOOP("klviz", "{name}: normal: mu must lie in [-1e300, 1e300] (got {mu})"),
    QT_TRANSLATE_NOOP("klviz", "{name}: normal: sigma must lie in [1e-300, 1e300] (got {sigma})"),
)
JOINT_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "{name}: row {i} has {n} entries but row 1 has {first}"),
    QT_TRANSLATE_NOOP("klviz", "{name} is empty: give at least one row and one column"),
    QT_TRANSLATE_NOOP("klviz", "{name} has a NaN entry at row {i}, column {j}"),
    QT_TRANSLATE_NOOP("klviz", "{name} has an infinite entry ({value}) at row {i}, column {j}"),
    QT_TRANSLATE_NOOP("klviz", "{name} has a negative entry ({value}) at row {i}, column {j}"),
    QT_TRANSLATE_NOOP("klviz", "{name} is all zero: at least one weight must be positive"),
)

# klviz.fileio: ReadError's sentences and reasons (tests/test_i18n.py checks this is exactly the
# templates of fileio's klviz.core.text.Text)
FILEIO_TEXTS = (
    QT_TRANSLATE_NOOP("klviz", "a directory"),
    QT_TRANSLATE_NOOP("klviz", "a FIFO (named pipe)"),
    QT_TRANSLATE_NOOP("klviz", "a socket"),
    QT_TRANSLATE_NOOP("klviz", "a device"),
    QT_TRANSLATE_NOOP("klviz", "not a regular file"),
    QT_TRANSLATE_NOOP("klviz", "cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("klviz", "not a file name: {path}"),
    QT_TRANSLATE_NOOP("klviz", "the file name contains a NUL character"),
    QT_TRANSLATE_NOOP("klviz", "it is {kind}, not a regular {what}"),
    QT_TRANSLATE_NOOP("klviz", "it is {size:,} bytes; a {what} is at most {most:,}"),
    QT_TRANSLATE_NOOP("klviz", "it is not a regular {what}"),
)

# The system's reasons an OSError gives (klviz.fileio.error_reason: the text is the template), as
# Linux's C library words them, and klviz.fileio's own; another system's words stay as they are.
OS_ERRORS = (
    QT_TRANSLATE_NOOP("klviz", "No such file or directory"),
    QT_TRANSLATE_NOOP("klviz", "Permission denied"),
    QT_TRANSLATE_NOOP("klviz", "Is a directory"),
    QT_TRANSLATE_NOOP("klviz", "Not a directory"),
    QT_TRANSLATE_NOOP("klviz", "File name too long"),
    QT_TRANSLATE_NOOP("klviz", "No space left on device"),
    QT_TRANSLATE_NOOP("klviz", "Read-only file system"),
    QT_TRANSLATE_NOOP("klviz", "Too many levels of symbolic links"),
    QT_TRANSLATE_NOOP("klviz", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("klviz", "Input/output error"),
    QT_TRANSLATE_NOOP("klviz", "Operation not permitted"),
    QT_TRANSLATE_NOOP("klviz", "the file is read-only"),
    QT_TRANSLATE_NOOP("klviz", "the file name is empty"),
    QT_TRANSLATE_NOOP("klviz", "it is a directory, not a regular file"),
    QT_TRANSLATE_NOOP("klviz", "it is a FIFO (named pipe), not a regular file"),
    QT_TRANSLATE_NOOP("klviz", "it is a socket, not a regular file"),
    QT_TRANSLATE_NOOP("klviz", "it is a device, not a regular file"),
)
