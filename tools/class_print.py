"""A student's own card sheets to print: their cards at print size, front and back, on A4.

Card sheets reuse tools/render_cards.py (which renders with pygame, so they stay in the tools);
the certificates live in :mod:`game.reports.certificates`, which teacher mode uses as well.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from game.core.content import Content
from game.reports.certificates import Certificate, completed_editions, write_certificates

__all__ = ["Certificate", "completed_editions", "write_card_sheets", "write_certificates"]


def write_card_sheets(
    content: Content, owned: Sequence[str], lang: str, path: Path, *, name: str, dpi: int = 150
) -> int:
    """The student's cards (fronts, then mirrored backs) on A4 sheets; returns the page count.

    Raises ValueError when the student has no card yet."""
    try:  # installed as ecocards_tools, imported as tools.class_print, or run from tools/
        from .render_cards import render_pngs, write_pdf
    except ImportError:
        from render_cards import render_pngs, write_pdf  # type: ignore[no-redef]

    species = {sid: content.species[sid] for sid in sorted(owned) if sid in content.species}
    if not species:
        raise ValueError(f"{name} has no card to print yet")
    editions = [
        e for e in content.editions.values() if any(s.edition == e.id for s in species.values())
    ]
    theirs = replace(content, species=species)
    with tempfile.TemporaryDirectory(prefix="ecocards-cards-") as scratch:
        pairs, _ = render_pngs(theirs, editions, lang, dpi, Path(scratch))
        return write_pdf(pairs, path, name)
