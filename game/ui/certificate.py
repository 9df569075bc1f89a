"""A certificate a child can print for a finished edition: one A4 page as a PDF.

The words arrive already in the player's language (the screen translates them); this module
only lays them out, with the bundled Noto Sans SC fonts so Chinese prints as well as English.
It draws with fpdf2, not pygame, and writes the file atomically where the player can find it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.saves.atomic import write_atomic

if TYPE_CHECKING:
    from fpdf import FPDF

Colour = tuple[int, int, int]
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, millimetres
INK: Colour = (40, 48, 44)
SOFT: Colour = (100, 110, 104)
PAPER: Colour = (255, 252, 242)


@dataclass(frozen=True)
class CertificateText:
    heading: str  # "Certificate"
    awarded_to: str  # "This certificate is awarded to"
    name: str  # the child's name
    achievement: str  # "for finding every species of the Ocean edition (44 species)"
    energy: str  # the energy it took and what it means
    species: str  # the species' names, joined
    date: str  # "Date: 7 Dec 2026"
    signature: str  # "EcoCards"
    colour: Colour  # the edition's colour


def render(text: CertificateText, fonts_dir: Path) -> bytes:
    """The certificate as PDF bytes."""
    from fpdf import FPDF  # only when a certificate is printed: it adds to start-up otherwise

    # The bundled font has no subscript two: "CO₂e" prints as "CO2e", as the screen shows it.
    text = dataclasses.replace(
        text,
        **{
            field.name: getattr(text, field.name).replace("₂", "2")
            for field in dataclasses.fields(text)
            if isinstance(getattr(text, field.name), str)
        },
    )
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(f"{text.heading} - {text.name}")
    pdf.set_creator("EcoCards")
    pdf.add_font("noto", "", str(fonts_dir / "NotoSansSC-Regular.ttf"))
    pdf.add_font("noto", "B", str(fonts_dir / "NotoSansSC-Bold.ttf"))
    pdf.add_page()
    pdf.set_fill_color(*PAPER)
    pdf.rect(0, 0, PAGE_W, PAGE_H, style="F")
    # a double frame in the edition's colour
    pdf.set_draw_color(*text.colour)
    pdf.set_line_width(2.4)
    pdf.rect(10, 10, PAGE_W - 20, PAGE_H - 20)
    pdf.set_line_width(0.5)
    pdf.rect(15, 15, PAGE_W - 30, PAGE_H - 30)
    _medal(pdf, PAGE_W / 2, 38, text.colour)

    width = PAGE_W - 60
    _line(pdf, text.heading, 60, 30, bold=True, colour=text.colour)
    _line(pdf, text.awarded_to, 76, 14, colour=SOFT)
    _line(pdf, text.name, 86, 34, bold=True)
    pdf.set_xy(30, 106)
    pdf.set_font("noto", "", 15)
    pdf.set_text_color(*INK)
    pdf.multi_cell(width, 7.5, text.achievement, align="C")
    pdf.set_xy(30, pdf.get_y() + 4)
    pdf.set_font("noto", "", 12.5)
    pdf.multi_cell(width, 6.5, text.energy, align="C")
    pdf.set_xy(40, pdf.get_y() + 5)
    pdf.set_font("noto", "", 8)
    pdf.set_text_color(*SOFT)
    pdf.multi_cell(width - 20, 4.2, text.species, align="C", max_line_height=4.2)

    pdf.set_draw_color(*SOFT)
    pdf.set_line_width(0.3)
    for left in (40.0, PAGE_W - 120.0):
        pdf.line(left, 180, left + 80, 180)
    pdf.set_font("noto", "", 12)
    pdf.set_text_color(*INK)
    pdf.set_xy(40, 182)
    pdf.cell(80, 7, text.date, align="C")
    pdf.set_xy(PAGE_W - 120, 182)
    pdf.set_font("noto", "B", 12)
    pdf.cell(80, 7, text.signature, align="C")
    return bytes(pdf.output())


def _line(
    pdf: FPDF, content: str, y: float, size: float, *, bold: bool = False, colour: Colour = INK
) -> None:
    pdf.set_font("noto", "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.set_xy(20, y)
    pdf.cell(PAGE_W - 40, size * 0.45, content, align="C")


def _medal(pdf: FPDF, x: float, y: float, colour: Colour) -> None:
    """A rosette: two ribbon tails, a disc in the edition's colour and a white star."""
    darker = tuple(round(c * 0.7) for c in colour)
    pdf.set_fill_color(*darker)
    pdf.polygon(
        [(x - 9, y + 4), (x - 2, y + 4), (x - 6, y + 20), (x - 9, y + 16), (x - 12, y + 19)],
        style="F",
    )
    pdf.polygon(
        [(x + 2, y + 4), (x + 9, y + 4), (x + 12, y + 19), (x + 9, y + 16), (x + 6, y + 20)],
        style="F",
    )
    pdf.set_fill_color(*colour)
    pdf.ellipse(x - 12, y - 12, 24, 24, style="F")
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.8)
    pdf.ellipse(x - 9.5, y - 9.5, 19, 19, style="D")
    pdf.set_fill_color(255, 255, 255)
    pdf.star(x, y, 3.2, 7.5, 5, style="F")


def file_name(name: str, edition_id: str, day: str) -> str:
    """A file name from the child's name (letters of any script kept), the edition and a day
    in ISO form."""
    safe = re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_") or "player"
    return f"{safe[:40]}-{edition_id}-{day}.pdf"


def save(text: CertificateText, fonts_dir: Path, folder: Path, name: str) -> Path:
    """Write the certificate as ``folder/name`` (the folder is made if needed) and return its
    path. Raises OSError when it cannot be written; nothing half-written is left behind."""
    data = render(text, fonts_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    write_atomic(path, data)
    return path
