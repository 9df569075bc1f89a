"""Rebuild the bundled fonts: Noto Sans CJK SC cut down to the characters EcoCards needs.

The subset is saved with TrueType outlines (quadratic curves, converted by fontTools' cu2qu
within a thousandth of an em) and only the kerning of its layout features: the game opens the
font once for each text size, and a size then costs about 1.3 ms to open and draw its first
line, against 2.4 ms with the original CFF outlines and every feature.

The full Noto Sans CJK collection is about 20 MB a weight; the game ships a subset with Latin,
common punctuation, every GB 2312 character (the 6,763 most used Simplified Chinese characters)
and every character used in the content files, about 2 MB a weight.

Usage (needs fontTools: ``pip install fonttools``, and the Noto CJK collection, e.g. Debian's
``fonts-noto-cjk`` package)::

    python tools/build_fonts.py [--source-dir /usr/share/fonts/opentype/noto]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.config import ASSETS_DIR, DATA_DIR

SC_INDEX = 2  # Noto Sans CJK SC inside the .ttc collection
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}


def gb2312_characters() -> str:
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def wanted_characters(data_dir: Path) -> str:
    text = "".join(chr(c) for c in range(0x20, 0x7F))
    text += "".join(chr(c) for c in range(0xA0, 0x180))  # Latin-1 and Latin Extended-A
    text += "–—‘’“”…•·×÷←↑→↓−≤≥★☆✓✔✕✖●○■□▲▼◆◇♥₂₀₁₃€£¥°‰№™©®"
    text += gb2312_characters()
    text += "，。、；：？！「」『』（）【】《》〈〉—…·～＋－＝％／"
    for path in sorted([*data_dir.rglob("*.yaml"), *data_dir.rglob("*.po")]):  # decks, catalogs
        text += path.read_text(encoding="utf-8")
    return "".join(sorted(set(text)))


def to_truetype(font: Any) -> None:
    """Give ``font`` (a fontTools TTFont with CFF outlines) TrueType outlines instead."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # max_err in font units (1,000 an em); TrueType contours run the other way round
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for table in ("CFF ", "VORG"):  # CFF-only tables
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp  # the point and contour counts are worked out when it is saved
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=ASSETS_DIR / "fonts")
    args = parser.parse_args(argv)
    try:
        from fontTools import subset
        from fontTools.ttLib import TTCollection
    except ImportError:
        print("build_fonts: needs fontTools (pip install fonttools)", file=sys.stderr)
        return 2
    chars = wanted_characters(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    for weight, filename in WEIGHTS.items():
        source = args.source_dir / filename
        if not source.is_file():
            print(f"build_fonts: {source} not found", file=sys.stderr)
            return 2
        font = TTCollection(str(source)).fonts[SC_INDEX]
        options = subset.Options()
        # Kerning only: the game sets no language, so the CJK substitutions (locl, vert...)
        # never apply, and loading their tables made each size's first line 2 to 3 ms slower
        options.layout_features = ["kern"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(font)
        to_truetype(font)
        target = args.out / f"NotoSansSC-{weight}.ttf"
        font.save(str(target))
        print(f"{target}: {len(chars)} characters, {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
