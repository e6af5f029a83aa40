"""Default category labels: A, B, ..., Z, AA, AB, ... (spreadsheet style)."""


def default_labels(n):
    out = []
    for i in range(n):
        s, k = "", i + 1
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(65 + r) + s
        out.append(s)
    return out
