"""Printable A4 edition certificates for a class, one page per certificate.

Certificates are written with fpdf2 in English and Simplified Chinese on the same page, with the
bundled Noto Sans SC font (embedded as a subset, so the PDF needs nothing from the PC it is
printed on). Both ``tools/classroom.py certificates`` and teacher mode write them through here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from game.config import ASSETS_DIR, LOCALE_DIR
from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.models import Edition
from game.i18n import Translator

FONT_REGULAR = ASSETS_DIR / "fonts" / "NotoSansSC-Regular.ttf"
FONT_BOLD = ASSETS_DIR / "fonts" / "NotoSansSC-Bold.ttf"
LANGS = ("en", "zh-Hans")
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm


@dataclass(frozen=True)
class Certificate:
    name: str
    edition: Edition
    completed: dt.date


def completed_editions(state: PlayerState, content: Content) -> list[tuple[Edition, dt.date]]:
    """Every edition whose cards the player all holds, with the day the last one was found."""
    done = []
    for edition in content.editions.values():
        cards = content.species_in(edition.id)
        if cards and all(s.id in state.owned for s in cards):
            done.append((edition, max(state.owned[s.id].day for s in cards)))
    return done


def new_pdf(title: str) -> FPDF:
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_title(title)
    pdf.set_creator("EcoCards")
    pdf.set_auto_page_break(False)
    pdf.add_font("noto", "", str(FONT_REGULAR))
    pdf.add_font("noto", "B", str(FONT_BOLD))
    return pdf


def _hex(colour: str | None) -> tuple[int, int, int]:
    value = (colour or "#2e7d32").lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def output(pdf: FPDF, path: Path) -> None:
    partial = path.with_name(path.name + ".tmp")  # no half a PDF left behind by a crash
    pdf.output(str(partial))
    os.replace(partial, path)


def write_certificates(certificates: Sequence[Certificate], path: Path) -> int:
    """One landscape A4 page per certificate, in both languages; returns the page count."""
    words = {lang: Translator.load(lang, LOCALE_DIR) for lang in LANGS}
    pdf = new_pdf("EcoCards certificates")
    for cert in certificates:
        pdf.add_page()
        r, g, b = _hex(cert.edition.color)
        pdf.set_draw_color(r, g, b)
        pdf.set_line_width(3)
        pdf.rect(10, 10, PAGE_W - 20, PAGE_H - 20)
        pdf.set_line_width(0.8)
        pdf.rect(15, 15, PAGE_W - 30, PAGE_H - 30)
        y = 32.0
        for lang in LANGS:
            tr = words[lang]
            pdf.set_text_color(r, g, b)
            pdf.set_font("noto", "B", 26)
            pdf.set_xy(20, y)
            pdf.cell(PAGE_W - 40, 12, tr("Certificate"), align="C")
            pdf.set_text_color(30, 30, 30)
            pdf.set_font("noto", "", 14)
            pdf.set_xy(20, y + 15)
            pdf.multi_cell(
                PAGE_W - 40,
                7,
                tr(
                    "has found every card of the {edition} and helped the planet with "
                    "everyday green actions.",
                    edition=cert.edition.title.get(lang),
                ),
                align="C",
            )
            pdf.set_font("noto", "", 11)
            pdf.set_xy(20, y + 31)
            pdf.cell(PAGE_W - 40, 6, tr.date(cert.completed, "long"), align="C")
            y += 96
        pdf.set_font("noto", "B", 34)
        pdf.set_text_color(20, 20, 20)
        pdf.set_xy(20, 86)
        pdf.cell(PAGE_W - 40, 20, cert.name, align="C")
        pdf.set_draw_color(r, g, b)
        pdf.line(70, 108, PAGE_W - 70, 108)
    output(pdf, path)
    return len(certificates)
