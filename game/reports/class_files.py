"""Write the class report (CSV and HTML) and the certificates into one folder, as teacher mode
does with the saves folder's ``prints/``; ``tools/classroom.py`` writes the same with the same
functions, to the paths it is given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from game.core.content import Content
from game.core.ledger import PlayerState
from game.i18n import Translator
from game.reports.certificates import Certificate, completed_editions, write_certificates
from game.reports.class_report import csv_text, html_text
from game.saves.atomic import write_atomic
from game.saves.class_data import read_class, read_entries
from game.saves.classroom import ClassStore


def certificates_of(klass: ClassStore, content: Content) -> list[Certificate]:
    """A certificate for each edition each student (not archived) has completed."""
    found = []
    for student in klass.students(archived=False):
        state = PlayerState.from_entries(read_entries(klass.store, student.profile_id))
        for edition, day in completed_editions(state, content):
            found.append(Certificate(student.name, edition, day))
    return found


def write_text(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"), durable=False)


def write_class_files(
    klass: ClassStore, content: Content, tr: Translator, folder: Path, today: dt.date
) -> list[Path]:
    """The report as ``class-report-DAY.csv`` and ``.html`` and, when any student has finished
    an edition, ``certificates-DAY.pdf``; returns the paths written. OSError when the folder
    cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    totals = read_class(klass, content)
    stem = f"class-report-{today.isoformat()}"
    written = [folder / f"{stem}.csv", folder / f"{stem}.html"]
    write_text(written[0], csv_text(totals, content))
    write_text(written[1], html_text(totals, content, tr, today=today))
    certificates = certificates_of(klass, content)
    if certificates:
        pdf = folder / f"certificates-{today.isoformat()}.pdf"
        write_certificates(certificates, pdf)
        written.append(pdf)
    return written
