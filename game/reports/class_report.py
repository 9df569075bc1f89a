"""The teacher's class report: a CSV (one row per student) and one self-contained HTML page.

The HTML page has everything inline (styles and SVG charts, no script, no font or picture from
the network), so it opens in any browser on a school PC without a connection, and prints on A4.
Students are listed by name: the report shows what the class did together and what each child
did, never a ranking.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Sequence

from game.core.class_totals import ClassTotals, StudentRow
from game.core.content import Content
from game.core.messages import N_
from game.core.vocab import ACTION_CATEGORIES
from game.i18n import Translator

CATEGORY_WORDS = {
    "transport": N_("Transport"),
    "waste": N_("Waste"),
    "food": N_("Food"),
    "energy": N_("Energy"),
    "water": N_("Water"),
    "shopping": N_("Shopping"),
    "other": N_("Other"),
}
BAR_COLOURS = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037")


def csv_text(totals: ClassTotals, content: Content) -> str:
    """One row per student; column names are plain ids so spreadsheets can rely on them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    categories = [*ACTION_CATEGORIES, "other"]
    editions = list(content.editions)
    writer.writerow(
        [
            "name",
            "group",
            "archived",
            "energy_g",
            "co2e_g",
            *(f"co2e_{c}_g" for c in categories),
            *(f"species_{e}" for e in editions),
            "pending_actions",
            "quiz_right",
            "quiz_asked",
            "left_out_entries",
        ]
    )
    for row in totals.rows:
        writer.writerow(
            [
                _cell(row.student.name),
                _cell(row.student.group or ""),
                "yes" if row.student.archived else "no",
                row.energy_g,
                row.co2e_g,
                *(row.by_category.get(c, 0) for c in categories),
                *(row.species_by_edition.get(e, 0) for e in editions),
                row.pending,
                row.quiz_right,
                row.quiz_asked,
                row.left_out,
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A name as a spreadsheet shows it, never as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _bars(items: Sequence[tuple[str, float, str]], most: float, width: int = 640) -> str:
    """A horizontal bar chart as inline SVG: (label, value, value text) per bar."""
    row_h, label_w = 30, 200
    height = row_h * len(items) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for n, (label, value, shown) in enumerate(items):
        y = 4 + n * row_h
        bar = 0 if most <= 0 else (width - label_w - 190) * value / most
        colour = BAR_COLOURS[n % len(BAR_COLOURS)]
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end">{html.escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{bar:.1f}" height="20" '
            f'fill="{colour}" rx="3"/>'
            f'<text x="{label_w + bar + 6:.1f}" y="{y + 19}">{html.escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _goal(totals: ClassTotals, tr: Translator) -> str:
    width = 640
    filled = width * totals.goal_fraction
    return (
        f'<svg class="chart" viewBox="0 0 {width} 44" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="0" y="4" width="{width}" height="36" fill="#e8f5e9" stroke="#2e7d32" rx="8"/>'
        f'<rect x="0" y="4" width="{filled:.1f}" height="36" fill="#2e7d32" rx="8"/>'
        f'<text x="{width / 2}" y="28" text-anchor="middle" class="on-bar">'
        f"{html.escape(tr.percent(totals.goal_fraction))}</text></svg>"
    )


def _kg(tr: Translator, grams: int) -> str:
    return tr("{amount} kg CO2e", amount=tr.number(grams / 1000, 1))


def html_text(
    totals: ClassTotals,
    content: Content,
    tr: Translator,
    *,
    today: dt.date,
    title: str | None = None,
) -> str:
    """The report as one HTML document (nothing loaded from anywhere)."""
    lang = tr.lang
    title = title or tr("Class report")
    e = html.escape
    categories = [c for c in (*ACTION_CATEGORIES, "other") if totals.by_category.get(c, 0)]
    by_category = _bars(
        [
            (tr(CATEGORY_WORDS[c]), totals.by_category[c], _kg(tr, totals.by_category[c]))
            for c in categories
        ],
        max([totals.by_category[c] for c in categories], default=0),
    )
    album_items = []
    for edition in content.editions.values():
        total = len(content.species_in(edition.id))
        in_album = totals.album_by_edition.get(edition.id, 0)
        album_items.append((edition.title.get(lang), in_album, f"{in_album} / {total}"))
    album = _bars(
        album_items, max((len(content.species_in(x)) for x in content.editions), default=0)
    )
    goal_words = tr(
        "{done} of the class goal of {goal}",
        done=_kg(tr, totals.co2e_g),
        goal=_kg(tr, totals.goal_g),
    )
    head = [tr("Name"), tr("Group"), tr("Energy (g)"), tr("CO2e avoided")]
    head += [edition.title.get(lang) for edition in content.editions.values()]
    head += [tr("Quiz")]
    rows = "".join(_row(r, content, tr) for r in totals.rows)
    # outside the f-string below, so the catalog tools find them
    words = {
        "goal": tr("Our class goal"),
        "kinds": tr("CO2e avoided, by kind of action"),
        "album": tr("Our class album"),
        "each": tr("Each student"),
        "order": tr("In order of name. EcoCards never ranks children against each other."),
    }
    left_out = ""
    if totals.left_out:
        whose = tr.join(
            tr("{name} ({count})", name=r.student.name, count=r.left_out)
            for r in totals.rows
            if r.left_out
        )
        left_out = tr.plural(
            totals.left_out,
            "{count} ledger entry breaks the game's rules (it may have been edited by hand) "
            "and is not counted: {whose}. The profiles tool's history shows it.",
            "{count} ledger entries break the game's rules (they may have been edited by "
            "hand) and are not counted: {whose}. The profiles tool's history shows them.",
            whose=whose,
        )
        left_out = f'<p class="warn">{e(left_out)}</p>'
    made = tr(
        "Made on {day} by EcoCards, on this computer, from the class's own files.",
        day=tr.date(today),
    )
    found = tr.plural(
        len(totals.album),
        "The class has found {count} species together.",
        "The class has found {count} species together.",
    )
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>
body {{ font-family: "Noto Sans", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #1b1b1b; margin: 2em auto; max-width: 60em; padding: 0 1em; }}
h1 {{ color: #1b5e20; margin-bottom: 0.2em; }}
h2 {{ color: #1b5e20; border-bottom: 2px solid #c8e6c9; padding-bottom: 0.2em; }}
.chart text {{ font-size: 15px; fill: #1b1b1b; }}
.chart text.on-bar {{ fill: #ffffff; font-weight: bold; font-size: 18px;
  paint-order: stroke; stroke: #1b5e20; stroke-width: 3px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.95em; }}
th, td {{ border: 1px solid #bdbdbd; padding: 0.3em 0.5em; text-align: left; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
th {{ background: #e8f5e9; }}
tr.archived td {{ color: #757575; }}
.note {{ color: #555; font-size: 0.9em; }}
.warn {{ border-left: 4px solid #e0533d; padding-left: 0.6em; }}
section {{ break-inside: avoid; page-break-inside: avoid; }}
@page {{ size: A4; margin: 15mm; }}
@media print {{ body {{ margin: 0; max-width: none; }} th {{ background: #e8f5e9 !important;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  svg rect {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p class="note">{e(made)}</p>
<section><h2>{e(words["goal"])}</h2><p>{e(goal_words)}</p>{_goal(totals, tr)}{left_out}</section>
<section><h2>{e(words["kinds"])}</h2>{by_category}</section>
<section><h2>{e(words["album"])}</h2>
<p>{e(found)}</p>
{album}</section>
<section><h2>{e(words["each"])}</h2>
<p class="note">{e(words["order"])}</p>
<table><thead><tr>{"".join(f"<th>{e(h)}</th>" for h in head)}</tr></thead>
<tbody>{rows}</tbody></table></section>
</body></html>
"""


def _row(row: StudentRow, content: Content, tr: Translator) -> str:
    e = html.escape
    css = ' class="archived"' if row.student.archived else ""
    cells = [
        f"<td>{e(row.student.name)}</td>",
        f"<td>{e(row.student.group or '')}</td>",
        f'<td class="n">{e(tr.number(row.energy_g))}</td>',
        f'<td class="n">{e(_kg(tr, row.co2e_g))}</td>',
    ]
    for edition in content.editions:
        total = len(content.species_in(edition))
        cells.append(f'<td class="n">{row.species_by_edition.get(edition, 0)} / {total}</td>')
    quiz = f"{row.quiz_right} / {row.quiz_asked}" if row.quiz_asked else "-"
    cells.append(f'<td class="n">{e(quiz)}</td>')
    return f"<tr{css}>{''.join(cells)}</tr>"
