"""Render the application icon from its SVG: the hicolor PNGs beside it, and the
multi-size ``.ico`` (Windows) and ``.icns`` (macOS) for the frozen builds.

    python packaging/icons.py

Needs ``rsvg-convert`` (Debian's librsvg2-bin) and Pillow.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the package's APP_ID, run from a checkout

from bookstore import APP_ID  # noqa: E402

HICOLOR = HERE / "linux" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
ICO = HERE / "icons" / "bookstore.ico"
ICNS = HERE / "icons" / "bookstore.icns"


def render(size: int) -> bytes:
    """The SVG as a PNG of ``size`` × ``size`` pixels."""
    command = ["rsvg-convert", "--width", str(size), "--height", str(size), str(SVG)]
    return subprocess.run(command, check=True, capture_output=True).stdout


def write_pngs() -> list[Path]:
    written = []
    for size in PNG_SIZES:
        path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(size))
        written.append(path)
    return written


def images(sizes: tuple[int, ...]) -> list[Image.Image]:
    return [Image.open(io.BytesIO(render(size))).convert("RGBA") for size in sizes]


def write_ico() -> Path:
    # Each size drawn from the SVG, not scaled down from the largest.
    frames = images(ICO_SIZES)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    frames[-1].save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    return ICO


def write_icns() -> Path:
    frames = images(ICNS_SIZES)
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    frames[-1].save(ICNS, format="ICNS", append_images=frames[:-1])
    return ICNS


def main() -> int:
    if shutil.which("rsvg-convert") is None:
        print(
            "icons.py: rsvg-convert is needed (Debian: apt install librsvg2-bin)", file=sys.stderr
        )
        return 1
    for path in [*write_pngs(), write_ico(), write_icns()]:
        print(path.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
