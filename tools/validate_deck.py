"""Check content files the way the game loads them, and keep the editors' JSON Schemas fresh.

Every problem is printed as ``path:line:col: level: message`` (the form editors and IDEs
link to), followed by a one-line summary.

Usage::

    python tools/validate_deck.py [PATH ...] [--assets DIR] [--today YYYY-MM-DD] [--errors-only]
    python tools/validate_deck.py --schema [species|actions]
    python tools/validate_deck.py --write-schemas [--check] [DATA_DIR]

A PATH is a data folder (``species.yaml``, ``decks/*.yaml``, ``actions.yaml``; the default is
the repository's ``data/``) or one ``.yaml`` file. A file inside a data folder is checked with
the rest of its folder, since its references point into the other files; any other file is
checked on its own.

``--schema`` prints the JSON Schema of the species decks (or of ``actions``) built from the
content models. ``--write-schemas`` writes ``species.schema.json`` and ``actions.schema.json``
into the data folder (they are committed, so editors' YAML extensions complete and check
fields); with ``--check`` it only reports whether they are up to date.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors (or, with
``--write-schemas --check``, a stale schema), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from game.config import DATA_DIR
from game.core.content import (
    ACTIONS_FILE,
    DECKS_DIR,
    SPECIES_FILE,
    check_file,
    content_files,
    find_problems,
)
from game.core.problems import Problem, Severity, display_path, summary
from game.core.schemas import json_schemas, schema_text

DEFAULT_DATA = DATA_DIR


def _data_dir_of(path: Path) -> Path | None:
    """The data folder a content file belongs to, or None for a file outside any."""
    resolved = path.resolve()
    folder = resolved.parent
    candidates = [folder.parent] if folder.name == DECKS_DIR else [folder]
    for data_dir in candidates:
        if resolved in (p.resolve() for p in content_files(data_dir)) and (
            (data_dir / SPECIES_FILE).exists() or (data_dir / ACTIONS_FILE).exists()
        ):
            return data_dir
    return None


def check(paths: list[Path], assets: Path | None, today: dt.date | None) -> list[Problem]:
    """Every problem in ``paths``; each data folder is checked once."""
    found: list[Problem] = []
    seen: set[Path] = set()
    for path in paths:
        data_dir = path if path.is_dir() else _data_dir_of(path)
        if data_dir is None:
            assets_dir = assets or path.resolve().parent.parent / "assets"
            found.extend(check_file(path, assets_dir, today=today))
            continue
        if data_dir.resolve() in seen:
            continue
        seen.add(data_dir.resolve())
        assets_dir = assets or data_dir.resolve().parent / "assets"
        found.extend(find_problems(data_dir, assets_dir, today=today))
    return sorted(set(found))


def write_schemas(data_dir: Path, *, check_only: bool) -> int:
    stale = 0
    for name, schema in json_schemas().items():
        target = data_dir / name
        text = schema_text(schema)
        try:
            current = target.read_text(encoding="utf-8")
        except OSError:
            current = None
        shown = display_path(target)
        if current == text:
            print(f"{shown}: up to date")
        elif check_only:
            stale += 1
            print(f"{shown}: out of date; run: python tools/validate_deck.py --write-schemas")
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{shown}: written")
    return 1 if stale else 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-01-31: {text!r}") from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="validate_deck.py",
        description="Check EcoCards content files and print every problem as "
        "path:line:col: level: message.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"data folders or .yaml files (default: {display_path(DEFAULT_DATA)})",
    )
    parser.add_argument(
        "--assets",
        type=Path,
        metavar="DIR",
        help="the assets folder that art paths point into "
        "(default: 'assets' beside the data folder)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="check dates (assessment years) as if it were this day",
    )
    parser.add_argument("--errors-only", action="store_true", help="do not print warnings")
    parser.add_argument(
        "--schema",
        nargs="?",
        const="species",
        choices=("species", "actions"),
        help="print the JSON Schema of the species decks (or of actions)",
    )
    parser.add_argument(
        "--write-schemas",
        action="store_true",
        help="write species.schema.json and actions.schema.json into the data "
        "folder from the content models",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="with --write-schemas: only report whether the files are current",
    )
    args = parser.parse_args(argv)
    if args.check and not args.write_schemas:
        parser.error("--check goes with --write-schemas")
    if args.schema and (args.paths or args.write_schemas):
        parser.error("--schema takes no paths; use --write-schemas to write the files")
    for path in args.paths:
        if not path.exists():
            parser.error(f"no such file or folder: {path}")
        if args.write_schemas and not path.is_dir():
            parser.error(f"--write-schemas needs a data folder, not a file: {path}")
    if args.write_schemas and len(args.paths) > 1:
        parser.error("--write-schemas takes at most one data folder")
    if args.assets is not None and not args.assets.is_dir():
        parser.error(f"no such assets folder: {args.assets}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths: list[Path] = args.paths or [DEFAULT_DATA]
    if args.schema:
        print(schema_text(json_schemas()[f"{args.schema}.schema.json"]), end="")
        return 0
    if args.write_schemas:
        return write_schemas(paths[0], check_only=args.check)
    problems = check(paths, args.assets, args.today)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in errors if args.errors_only else problems:
        print(problem)
    print(summary(problems))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
