"""Fill unfinished messages of a .ts catalogue from a JSON file {source text: translation}.

    python tools/i18n_fill.py klviz/i18n/klviz_fr.ts translations.json

A helper for translating in bulk (pyside6-linguist does the same one message at a time); only
messages still unfinished are touched. Run tools/i18n_update.py afterwards to compile the .qm.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def fill(ts_path, translations):
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        target = message.find("translation")
        if target is None or target.get("type") != "unfinished" or source not in translations:
            continue
        target.text = translations[source]
        del target.attrib["type"]
        filled += 1
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return filled


if __name__ == "__main__":
    ts, table = sys.argv[1], sys.argv[2]
    with open(table, encoding="utf-8") as f:
        print(f"{fill(ts, json.load(f))} message(s) filled")
