"""Look after a class: the roster, the class report, certificates and card sheets to print.

Usage::

    python tools/classroom.py --saves DIR roster import FILE.csv
    python tools/classroom.py --saves DIR roster list
    python tools/classroom.py --saves DIR report --csv OUT.csv --html OUT.html [--lang zh-Hans]
    python tools/classroom.py --saves DIR certificates --pdf OUT.pdf
    python tools/classroom.py --saves DIR cards NAME --pdf OUT.pdf [--lang zh-Hans]
    python tools/classroom.py --saves DIR retention MONTHS
    python tools/classroom.py --saves DIR delete-all --yes

A roster CSV has a header ``name`` and optionally ``group`` (UTF-8, with or without BOM); a
file with any problem is refused whole, with one ``FILE:LINE: message`` line per problem.
Exit status: 0 when it worked, 1 when it did not (the lines say why), 2 for a mistyped command.
Nothing here uses the network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from game.config import LOCALE_DIR, Config
from game.core.classroom import RosterError
from game.core.content import ContentError, load_content
from game.core.languages import game_languages
from game.core.problems import summary
from game.i18n import Translator
from game.reports.certificates import write_certificates
from game.reports.class_files import certificates_of, write_text
from game.reports.class_report import csv_text, html_text
from game.saves.class_data import apply_class_retention, read_class, read_entries
from game.saves.classroom import ClassStore
from game.saves.lock import ProfileBusy
from game.saves.profiles import SaveError, SaveStore

try:  # installed as ecocards_tools, imported as tools.classroom, or run as a script
    from .class_print import write_card_sheets
except ImportError:
    from class_print import write_card_sheets  # type: ignore[no-redef]

OK, FAILED, USAGE = 0, 1, 2
PROG = "classroom.py"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (try --help)", file=sys.stderr)
        sys.exit(USAGE)


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--saves", metavar="DIR", type=Path, help="the class's saves folder")
    parser.add_argument("--data", metavar="DIR", type=Path, default=Config().data_dir)
    commands = parser.add_subparsers(dest="command", required=True)
    roster = commands.add_parser("roster", help="import or list the students")
    roster_do = roster.add_subparsers(dest="roster_command", required=True)
    imports = roster_do.add_parser("import", help="add every student of a CSV file, or none")
    imports.add_argument("file", type=Path)
    roster_do.add_parser("list", help="one line per student")
    report = commands.add_parser("report", help="the class report as CSV and/or HTML")
    report.add_argument("--csv", type=Path)
    report.add_argument("--html", type=Path)
    report.add_argument("--lang", choices=game_languages(), default="en")
    certs = commands.add_parser("certificates", help="a certificate per completed edition")
    certs.add_argument("--pdf", type=Path, required=True)
    cards = commands.add_parser("cards", help="a student's cards to print, front and back")
    cards.add_argument("name")
    cards.add_argument("--pdf", type=Path, required=True)
    cards.add_argument("--lang", choices=game_languages(), default="en")
    cards.add_argument("--dpi", type=int, default=150)
    retention = commands.add_parser("retention", help="delete entries older than MONTHS")
    retention.add_argument("months", type=int)
    wipe = commands.add_parser("delete-all", help="delete every file of the class")
    wipe.add_argument("--yes", action="store_true", help="really delete")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    klass = ClassStore(SaveStore((args.saves or Config().saves_dir).expanduser()))
    now = dt.datetime.now()
    try:
        return _run(args, klass, now)
    except RosterError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{PROG}: nothing was imported ({len(exc.problems)} problem(s))", file=sys.stderr)
    except ContentError as exc:
        print(f"{PROG}: the decks have problems: {summary(exc.problems)}", file=sys.stderr)
    except (SaveError, ProfileBusy) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"{PROG}: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
    return FAILED


def _run(args: argparse.Namespace, klass: ClassStore, now: dt.datetime) -> int:
    if args.command == "roster":
        if args.roster_command == "import":
            added = klass.import_roster(args.file, now)
            print(f"imported {len(added)} student(s) from {args.file}")
        else:
            for s in klass.students():
                extra = ", ".join(x for x in (s.group, "archived" if s.archived else None) if x)
                print(f"{s.profile_id}  {s.name}" + (f"  ({extra})" if extra else ""))
        return OK
    if args.command == "retention":
        done = apply_class_retention(klass.store, args.months, now.date())
        print(f"deleted {sum(done.values())} old entries from {len(done)} player(s)")
        return OK
    if args.command == "delete-all":
        if not args.yes:
            print(f"{PROG}: add --yes to delete every file of the class", file=sys.stderr)
            return USAGE
        klass.delete_all()
        print(f"deleted all class data in {klass.store.root}")
        return OK
    content = load_content(args.data, Config().assets_dir)
    if args.command == "report":
        if args.csv is None and args.html is None:
            print(f"{PROG}: give --csv and/or --html", file=sys.stderr)
            return USAGE
        totals = read_class(klass, content)
        if args.csv is not None:
            write_text(args.csv, csv_text(totals, content))
        if args.html is not None:
            tr = Translator.load(args.lang, LOCALE_DIR)
            write_text(args.html, html_text(totals, content, tr, today=now.date()))
        print(f"report of {len(totals.rows)} student(s) written")
        return OK
    if args.command == "certificates":
        certificates = certificates_of(klass, content)
        pages = write_certificates(certificates, args.pdf)
        print(f"wrote {pages} certificate(s) to {args.pdf}")
        return OK
    student = next((s for s in klass.students() if s.name.casefold() == args.name.casefold()), None)
    if student is None:
        print(f"{PROG}: no student called {args.name!r}", file=sys.stderr)
        return FAILED
    owned = [e.reveal.species_id for e in read_entries(klass.store, student.profile_id) if e.reveal]
    try:
        pages = write_card_sheets(
            content, owned, args.lang, args.pdf, name=student.name, dpi=args.dpi
        )
    except ValueError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return FAILED
    print(f"wrote {pages} page(s) of cards to {args.pdf}")
    return OK


if __name__ == "__main__":
    sys.exit(main())
