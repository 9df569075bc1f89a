#!/usr/bin/env python3
"""Render every card, front and back, to PNG, and a printable A4 PDF with nine cards a page.

For reviewing the art and for printing cards in a classroom::

    python tools/render_cards.py [--data DIR] [--out DIR] [--edition ID] [--lang en|zh-Hans]
                                 [--dpi N] [--contact-sheet]

Writes ``OUT/LANG/EDITION/SPECIES.png`` for each front, ``OUT/LANG/EDITION/_back.png`` for each
edition's back, and ``OUT/cards-LANG.pdf`` (``cards-EDITION-LANG.pdf`` with ``--edition``).
Cards print at 63 x 88 mm, the size of a trading card, three by three on A4 with cut marks.
The PDF's pages alternate fronts and backs; each back page is mirrored left to right, so a
duplex printer flipping on the long edge puts every card's back behind its front.

With ``--contact-sheet`` it writes only ``OUT/contact-EDITION-LANG.png``: every card of an
edition on one sheet, for reviewing the art (``docs/art/`` keeps the current sheets).
The species art is SVG, rendered at the card's own size, so print files are sharp at any dpi.

Exit status: 0 when everything was written, 1 when the content is broken or a file could not
be written, 2 on a usage error (unknown edition, bad --dpi, missing data folder).
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.config import ASSETS_DIR, DATA_DIR, LOCALE_DIR
from game.core.content import Content, load_content
from game.core.languages import game_languages
from game.core.models import Edition, Species
from game.core.problems import ContentError, did_you_mean, summary
from game.i18n import Translator

if TYPE_CHECKING:
    import pygame
    from fpdf import FPDF

    from game.ui.cards import CardRenderer

PROG = "render_cards"
PAGE_W, PAGE_H = 210.0, 297.0  # A4, millimetres
CARD_W = 63.0
CARD_RATIO = 7 / 5  # game.ui.cards.CARD_RATIO; not imported so the layout needs no pygame
CARD_H = CARD_W * CARD_RATIO  # 88.2 mm
COLS, ROWS = 3, 3
PER_PAGE = COLS * ROWS
MARGIN_X = (PAGE_W - COLS * CARD_W) / 2
MARGIN_Y = (PAGE_H - ROWS * CARD_H) / 2
MARK_GAP, MARK_LEN = 2.0, 6.0  # cut marks stop short of the cards, in the page margin
DPI_RANGE = (72, 600)
BACK_NAME = "_back.png"  # species ids are slugs, which never start with an underscore


class UsageError(Exception):
    """A problem with the command line: exit status 2."""


@dataclass(frozen=True)
class Card:
    edition: Edition
    species: Species | None  # None for the edition's back

    @property
    def file_name(self) -> str:
        return f"{self.species.id}.png" if self.species else BACK_NAME


@dataclass(frozen=True)
class Slot:
    index: int  # position of the card in the deck order
    x: float  # top-left corner on the page, millimetres
    y: float


@dataclass(frozen=True)
class Sheet:
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]


def layout(count: int) -> list[Sheet]:
    """Place ``count`` cards nine to a sheet; each back sits behind its front after a long-edge
    flip, that is in the mirrored column of the same row."""
    sheets = []
    for first in range(0, count, PER_PAGE):
        fronts, backs = [], []
        for i in range(first, min(count, first + PER_PAGE)):
            row, col = divmod(i - first, COLS)
            y = MARGIN_Y + row * CARD_H
            fronts.append(Slot(i, MARGIN_X + col * CARD_W, y))
            backs.append(Slot(i, MARGIN_X + (COLS - 1 - col) * CARD_W, y))
        sheets.append(Sheet(tuple(fronts), tuple(backs)))
    return sheets


def card_width_px(dpi: int) -> int:
    return round(CARD_W / 25.4 * dpi)


def select(content: Content, edition_id: str | None) -> list[Edition]:
    if edition_id is None:
        return list(content.editions.values())
    if edition_id not in content.editions:
        hint = did_you_mean(edition_id, content.editions)
        known = ", ".join(content.editions)
        raise UsageError(f"unknown edition '{edition_id}'{hint}; the decks have: {known}")
    return [content.editions[edition_id]]


class Progress:
    """One line that counts up: rewritten in place on a terminal, printed once otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.live = stream.isatty()

    def step(self) -> None:
        self.done += 1
        if self.live:
            self._show("\r")

    def close(self) -> None:
        if self.live:
            print(file=self.stream)
        else:
            self._show("")
            print(file=self.stream)

    def _show(self, start: str) -> None:
        print(
            f"{start}rendering cards: {self.done}/{self.total}",
            end="",
            file=self.stream,
            flush=True,
        )


def render_pngs(
    content: Content, editions: Sequence[Edition], lang: str, dpi: int, out: Path
) -> tuple[list[tuple[Path, Path]], int]:
    """Save every front and each edition's back as PNG.

    Returns (front, back) paths for every species in deck order, and how many backs were saved.
    """
    import pygame

    from game.ui.cards import CardRenderer
    from game.ui.resources import Resources

    pygame.font.init()
    renderer = CardRenderer(Resources(ASSETS_DIR), Translator.load(lang, LOCALE_DIR))
    width = card_width_px(dpi)
    cards = [Card(e, None) for e in editions]
    cards += [Card(e, s) for e in editions for s in content.species_in(e.id)]
    progress = Progress(len(cards), sys.stderr)
    pairs: list[tuple[Path, Path]] = []
    backs: dict[str, Path] = {}
    try:
        for card in cards:
            folder = out / lang / card.edition.id
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / card.file_name
            _save(_render(renderer, card, width, lang), path)
            renderer.clear()  # each card is drawn once; at print size the cache would hold GBs
            if card.species is None:
                backs[card.edition.id] = path
            else:
                pairs.append((path, backs[card.edition.id]))
            progress.step()
    finally:
        progress.close()
    return pairs, len(backs)


def _render(renderer: CardRenderer, card: Card, width: int, lang: str) -> pygame.Surface:
    if card.species is None:
        return renderer.back(card.edition, width, lang)
    return renderer.front(card.species, card.edition, width, lang)


def _save(surface: pygame.Surface, path: Path) -> None:
    import pygame

    partial = path.with_name(path.name + ".tmp")  # a crash never leaves half a PNG behind
    try:
        with partial.open("wb") as file:  # a file object: pygame would pick TGA from ".tmp"
            pygame.image.save(surface, file, "png")
    except pygame.error as exc:
        raise OSError(errno.EIO, str(exc), str(path)) from exc
    os.replace(partial, path)


SHEET_CARD_W = 250  # contact sheets: card width in pixels, cards per row, spacing
SHEET_COLUMNS = 8
SHEET_GAP = 16
SHEET_TITLE_H = 64


def write_contact_sheets(
    content: Content, editions: Sequence[Edition], lang: str, out: Path
) -> list[Path]:
    """One PNG per edition with the front of every card, in deck order."""
    import pygame

    from game.ui.cards import CardRenderer, card_size
    from game.ui.resources import Resources

    pygame.font.init()
    res = Resources(ASSETS_DIR)
    renderer = CardRenderer(res)
    card_w, card_h = card_size(SHEET_CARD_W)
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for edition in editions:
        members = content.species_in(edition.id)
        columns = max(1, min(SHEET_COLUMNS, len(members)))
        rows = max(1, math.ceil(len(members) / columns))
        sheet = pygame.Surface(
            (
                SHEET_GAP + columns * (card_w + SHEET_GAP),
                SHEET_TITLE_H + rows * (card_h + SHEET_GAP) + SHEET_GAP,
            )
        )
        sheet.fill((13, 59, 58))
        title = f"{edition.title.get(lang)} - {len(members)} ({lang})"
        sheet.blit(
            res.font(28, bold=True).render(title, True, (251, 247, 238)), (SHEET_GAP, SHEET_GAP)
        )
        for i, species in enumerate(members):
            row, col = divmod(i, columns)
            sheet.blit(
                renderer.front(species, edition, SHEET_CARD_W, lang),
                (
                    SHEET_GAP + col * (card_w + SHEET_GAP),
                    SHEET_TITLE_H + row * (card_h + SHEET_GAP),
                ),
            )
        path = out / f"contact-{edition.id}-{lang}.png"
        _save(sheet, path)
        written.append(path)
    return written


def write_pdf(cards: Sequence[tuple[Path, Path]], path: Path, title: str) -> int:
    """Lay out (front, back) pictures on A4 sheets, fronts then mirrored backs; returns the
    page count. fpdf2 embeds a picture used many times (the backs) only once."""
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(title)
    pdf.set_creator("EcoCards tools/render_cards.py")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    sheets = layout(len(cards))
    for number, sheet in enumerate(sheets, start=1):
        for side, slots in (("fronts", sheet.fronts), ("backs", sheet.backs)):
            pdf.add_page()
            for slot in slots:
                picture = cards[slot.index][0 if side == "fronts" else 1]
                pdf.image(str(picture), x=slot.x, y=slot.y, w=CARD_W, h=CARD_H)
            _cut_marks(pdf)
            pdf.set_font("helvetica", size=7)
            pdf.set_text_color(120, 120, 120)
            pdf.text(MARGIN_X, PAGE_H - 5, f"{title} - sheet {number} of {len(sheets)}, {side}")
    partial = path.with_name(path.name + ".tmp")
    pdf.output(str(partial))
    os.replace(partial, path)
    return len(sheets) * 2


def _cut_marks(pdf: FPDF) -> None:
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    left, right = MARGIN_X, MARGIN_X + COLS * CARD_W
    top, bottom = MARGIN_Y, MARGIN_Y + ROWS * CARD_H
    for col in range(COLS + 1):
        x = left + col * CARD_W
        pdf.line(x, top - MARK_GAP - MARK_LEN, x, top - MARK_GAP)
        pdf.line(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK_LEN)
    for row in range(ROWS + 1):
        y = top + row * CARD_H
        pdf.line(left - MARK_GAP - MARK_LEN, y, left - MARK_GAP, y)
        pdf.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LEN, y)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(__doc__ or "").splitlines()[0],
        epilog="Exit status: 0 done, 1 broken content or unwritable output, 2 usage error.",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        help="content folder with species.yaml, decks/ and actions.yaml",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("cards"),
        help="folder for the PNGs and the PDF (default: cards/ in the current folder)",
    )
    parser.add_argument("--edition", metavar="ID", help="only this edition (default: all)")
    parser.add_argument("--lang", choices=game_languages(), default="en", help="card language")
    parser.add_argument(
        "--contact-sheet",
        action="store_true",
        help="write one PNG per edition with every card, for reviewing (no print files)",
    )
    parser.add_argument(
        "--dpi",
        type=int,
        default=300,
        help=f"print resolution, {DPI_RANGE[0]} to {DPI_RANGE[1]} (default 300)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Rendering needs no window: the dummy drivers keep pygame off the display and sound card.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        if not DPI_RANGE[0] <= args.dpi <= DPI_RANGE[1]:
            raise UsageError(
                f"--dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, not {args.dpi}"
            )
        if not args.data.is_dir():
            raise UsageError(f"no data folder at {args.data}")
        try:
            content = load_content(args.data, ASSETS_DIR)
        except ContentError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(
                f"{PROG}: {summary(exc.problems)}; fix the content in {args.data} first",
                file=sys.stderr,
            )
            return 1
        editions = select(content, args.edition)
        if not any(content.species_in(e.id) for e in editions):
            print(f"{PROG}: no species to render in {args.data}", file=sys.stderr)
            return 1
        if args.contact_sheet:
            sheets_written = write_contact_sheets(content, editions, args.lang, args.out)
            print(f"wrote {_count(len(sheets_written), 'contact sheet')} to {args.out}")
            return 0
        try:
            import fpdf  # noqa: F401
        except ImportError:
            print(
                f"{PROG}: the PDF needs fpdf2; install it with: pip install fpdf2", file=sys.stderr
            )
            return 1
        pairs, back_count = render_pngs(content, editions, args.lang, args.dpi, args.out)
        scope = f"{args.edition}-" if args.edition else ""
        pdf_path = args.out / f"cards-{scope}{args.lang}.pdf"
        title = "EcoCards " + (args.edition or "all editions") + f" ({args.lang})"
        pages = write_pdf(pairs, pdf_path, title)
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"{PROG}: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    sheets = _count(math.ceil(len(pairs) / PER_PAGE), "sheet")
    print(
        f"wrote {_count(len(pairs), 'front')} and {_count(back_count, 'back')} to "
        f"{args.out / args.lang}, and {pages} pages ({sheets}, duplex) to {pdf_path}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
