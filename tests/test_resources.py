"""The application icon: packaged with klviz, every size rendered, in the app's P/Q/KL colours."""

from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image

from klviz import resources, style

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"


def _rgb(hex_colour):
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)


def test_every_icon_file_is_there_and_each_png_has_its_size():
    files = resources.icon_files()
    assert [f.name for f in files] == ["klviz.svg", *(f"klviz-{s}.png" for s in resources.ICON_SIZES)]
    for size in resources.ICON_SIZES:
        with Image.open(resources.icon_png(size)) as img:
            assert img.format == "PNG" and img.mode == "RGBA"
            assert img.size == (size, size)
            assert img.getpixel((0, 0))[3] == 0  # transparent outside the rounded tile


def test_the_svg_is_the_source_and_uses_the_app_colours():
    text = resources.icon_svg().read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.get("viewBox") == "0 0 256 256"
    for colour in (style.P_COLOR, style.Q_COLOR, style.KL_COLOR):
        assert colour.lower() in text.lower()


def test_packaged_icons_are_the_rendered_assets():
    # assets/render_icons.py writes both; the package copies must not drift from the source
    assert resources.icon_svg().read_bytes() == (ASSETS / "klviz.svg").read_bytes()
    for size in resources.ICON_SIZES:
        assert resources.icon_png(size).read_bytes() == (ASSETS / "icons" / f"klviz-{size}.png").read_bytes()


@pytest.mark.parametrize("size", [16, 256])
def test_each_size_shows_p_q_and_the_divergence(size):
    with Image.open(resources.icon_png(size)) as img:
        rgba = np.asarray(img.convert("RGBA"), dtype=float)
    opaque = rgba[..., 3] > 250
    for colour, share in ((style.P_COLOR, 0.03), (style.Q_COLOR, 0.03), (style.KL_COLOR, 0.01)):
        close = (np.linalg.norm(rgba[..., :3] - _rgb(colour), axis=-1) < 12) & opaque
        assert close.mean() >= share, f"{colour} covers {close.mean():.1%} of the {size} px icon"


def test_an_unrendered_size_is_refused():
    with pytest.raises(ValueError, match="no icon rendered at 20 px"):
        resources.icon_png(20)
