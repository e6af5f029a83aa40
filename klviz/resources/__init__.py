"""Files the installed app reads (no Qt here): the application icon, as SVG and rendered PNGs.

The source is assets/klviz.svg; assets/render_icons.py renders it and copies the results here.
"""

from __future__ import annotations

from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def icon_svg() -> Path:
    """The scalable application icon."""
    return ICON_DIR / "klviz.svg"


def icon_png(size: int) -> Path:
    """The icon rendered at size x size pixels, for a size in ICON_SIZES."""
    if size not in ICON_SIZES:
        raise ValueError(f"no icon rendered at {size} px (sizes: {', '.join(map(str, ICON_SIZES))})")
    return ICON_DIR / f"klviz-{size}.png"


def icon_files() -> list[Path]:
    """Every icon file, the SVG first: what a QIcon is built from (QIcon.addFile for each)."""
    return [icon_svg(), *(icon_png(s) for s in ICON_SIZES)]
