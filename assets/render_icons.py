"""Render the application icon, assets/klviz.svg, to the PNG sizes the app and desktops use.

    pip install cairosvg        # not a klviz dependency; needs the cairo library (Debian: libcairo2)
    python assets/render_icons.py

writes assets/icons/klviz-N.png for every N in klviz.resources.ICON_SIZES and copies the SVG and
the PNGs into klviz/resources/icons/, the package data the installed app reads.
tests/test_resources.py checks that the two copies agree and that every PNG has its size.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from klviz.resources import ICON_DIR, ICON_SIZES  # noqa: E402 (after the path set-up)

SOURCE = ROOT / "assets" / "klviz.svg"
RENDERED = ROOT / "assets" / "icons"


def main():
    try:
        import cairosvg
    except ImportError:
        sys.exit("render_icons: needs cairosvg (pip install cairosvg) and the cairo library")
    RENDERED.mkdir(exist_ok=True)
    ICON_DIR.mkdir(exist_ok=True)
    shutil.copyfile(SOURCE, ICON_DIR / SOURCE.name)
    for size in ICON_SIZES:
        png = RENDERED / f"klviz-{size}.png"
        cairosvg.svg2png(url=str(SOURCE), write_to=str(png), output_width=size, output_height=size)
        shutil.copyfile(png, ICON_DIR / png.name)
        print(f"wrote {png.relative_to(ROOT)} and klviz/resources/icons/{png.name}")


if __name__ == "__main__":
    main()
