"""Keep the translation catalogs in step with the code, and check them.

Usage::

    python tools/catalogs.py update   # refresh data/locale/messages.pot from the code and merge
                                      # it into every data/locale/<tag>.po
    python tools/catalogs.py check    # every problem as path:line: error: message; exit 1 if any

``update`` needs a checkout (it reads the code under ``game/`` as ``babel.cfg`` says). New strings
arrive untranslated, changed ones are marked fuzzy, removed ones are kept as ``#~`` obsolete
entries. ``check`` fails on a catalog that does not parse, a header without Language or
Plural-Forms, a translation whose ``{placeholders}`` differ from the English, a wrong number of
plural forms, and any string of the code that a catalog has not translated.

To add a language: copy ``messages.pot`` to ``<tag>.po`` (for example ``fr.po``), set its
``Language`` and ``Plural-Forms`` headers, translate it (Poedit, Weblate), and give the decks'
texts a ``<tag>:`` key. Nothing else lists the languages.

Exit status: 0 when all is well, 1 when there are problems, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.config import LOCALE_DIR
from game.i18n.extract import check, update

ROOT = Path(__file__).resolve().parent.parent  # the checkout: babel.cfg and the code under game/


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="catalogs", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "check"])
    parser.add_argument(
        "--locale",
        metavar="DIR",
        type=Path,
        default=LOCALE_DIR,
        help="the catalogs' folder (default: data/locale)",
    )
    args = parser.parse_args(argv)
    if not (ROOT / "babel.cfg").is_file():
        print(
            f"{ROOT / 'babel.cfg'}: error: no babel.cfg: run this from a checkout", file=sys.stderr
        )
        return 1
    if args.command == "update":
        changed = update(ROOT, args.locale)
        print("updated: " + ", ".join(changed) if changed else "the catalogs were up to date")
        return 0
    problems = check(ROOT, args.locale)
    for problem in problems:
        print(problem)
    count = len(problems)
    print(
        f"{count} problem{'s' if count != 1 else ''} in the catalogs"
        if count
        else "the catalogs are complete and well formed"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
