"""Classroom figures for tools/bench.py: a class of 30 with a school year of history.

Builds the class with tools/class_fixture.py (about 55,000 ledger entries written by the rules),
then times, each on a fresh ClassStore (nothing cached from the run before):

- ``class_totals_ms``: what the class screen needs when it opens (the class goal, the album),
  the decks being loaded already as they are in the game: ``cold`` reads and folds every player
  folder (no summary cache: the first opening ever), ``warm`` has the summary cache another
  opening left, with one player's ledger changed since;
- ``report_ms``: the cold reading plus the CSV and the HTML report written to disk;
- ``certificates_ms``: 30 certificates written as one PDF.

Targets (issue 16): 1 s (the cold opening), 2 s and 10 s.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

from class_fixture import build_class

from game.config import LOCALE_DIR, Config
from game.core.content import load_content
from game.i18n import Translator
from game.reports.certificates import Certificate, write_certificates
from game.reports.class_report import csv_text, html_text
from game.saves.atomic import write_atomic
from game.saves.class_data import SUMMARIES_FILE, read_class, read_entries
from game.saves.classroom import CLASS_DIR, ClassStore
from game.saves.ledger_files import ledger_files
from game.saves.profiles import SaveStore

STUDENTS = 30
ENTRIES = 55_000
CERTIFICATES = 30


def measure(
    work: Path, runs: int, *, students: int = STUDENTS, entries: int = ENTRIES
) -> dict[str, Any]:
    config = Config()
    content = load_content(config.data_dir, config.assets_dir, cache_dir=work / "cache")
    saves = work / "class-saves"
    if not (saves / "profiles").is_dir():
        build_class(saves, content, students=students, entries=entries)
    tr = Translator.load("en", LOCALE_DIR)
    totals_ms, warm_ms, report_ms, certs_ms = [], [], [], []
    written = 0
    for run in range(runs):
        (saves / CLASS_DIR / SUMMARIES_FILE).unlink(missing_ok=True)
        started = time.perf_counter()
        totals = read_class(ClassStore(SaveStore(saves)), content)
        totals_ms.append((time.perf_counter() - started) * 1000)
        _touch_one(saves)
        started = time.perf_counter()
        totals = read_class(ClassStore(SaveStore(saves)), content)
        warm_ms.append((time.perf_counter() - started) * 1000)

        (saves / CLASS_DIR / SUMMARIES_FILE).unlink(missing_ok=True)  # the report reads all
        started = time.perf_counter()
        totals = read_class(ClassStore(SaveStore(saves)), content)
        write_atomic(work / "report.csv", csv_text(totals, content).encode(), durable=False)
        page = html_text(totals, content, tr, today=dt.date.today())
        write_atomic(work / "report.html", page.encode(), durable=False)
        report_ms.append((time.perf_counter() - started) * 1000)

        edition = next(iter(content.editions.values()))
        names = [row.student.name for row in totals.rows]
        certificates = [
            Certificate(names[n % len(names)], edition, dt.date(2026, 6, 1))
            for n in range(CERTIFICATES)
        ]
        started = time.perf_counter()
        written = write_certificates(certificates, work / f"certificates-{run}.pdf")
        certs_ms.append((time.perf_counter() - started) * 1000)
    return {
        "class_totals_ms": totals_ms,
        "class_totals_warm_ms": warm_ms,
        "report_ms": report_ms,
        "certificates_ms": certs_ms,
        "entries": _entries(saves),
        "students": len(totals.rows),
        "certificates": written,
    }


def _touch_one(saves: Path) -> None:
    """Another PC wrote one player's newest ledger part (same entries, a new time)."""
    store = SaveStore(saves)
    first = store.list_profiles()[0]
    newest = ledger_files(store.folder(first.id))[-1]
    os.utime(newest, ns=(time.time_ns(), time.time_ns()))


def _entries(saves: Path) -> int:
    store = SaveStore(saves)
    return sum(len(read_entries(store, m.id)) for m in store.list_profiles())
