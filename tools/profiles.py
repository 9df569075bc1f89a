"""Look after the players in a saves folder: list, export, import, delete, and print a
player's reveal history.

For teachers: back a player up or move them to another computer as one file, and delete a
player completely when asked to. Every command prints one plain line per result.

Usage::

    python tools/profiles.py [--saves DIR] list
    python tools/profiles.py [--saves DIR] export PROFILE_ID FILE
    python tools/profiles.py [--saves DIR] import FILE
    python tools/profiles.py [--saves DIR] delete PROFILE_ID
    python tools/profiles.py [--saves DIR] history PROFILE_ID [--data DIR] [--lang LANG]

Exit status: 0 when it worked, 1 when it did not (the line says why), 2 for a mistyped command.
``history`` checks the whole ledger against the rules (the class's, as they were when each entry
was written) and the decks (game.core.verify, the same check the game runs when a player opens),
lists every violation and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import NoReturn

from game.config import LOCALE_DIR, Config
from game.core.audit import history_text
from game.core.class_settings import ClassSettings
from game.core.content import ContentError, load_content
from game.core.languages import SOURCE_LANGUAGE
from game.core.verify import verify_ledger
from game.i18n import Translator, languages
from game.saves.classroom import ClassStore
from game.saves.lock import ProfileBusy
from game.saves.profiles import SaveError, SaveStore

OK, FAILED, USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (try --help)", file=sys.stderr)
        sys.exit(USAGE)


def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--saves",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the saves folder (default: the game's saves/ folder)",
    )
    parser = Parser(
        prog="profiles.py",
        parents=[common],
        description="List, export, import and delete EcoCards players.",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )
    commands.add_parser("list", parents=[common], help="list every player")
    export = commands.add_parser(
        "export", parents=[common], help="write one player to a single file"
    )
    export.add_argument("profile_id", metavar="PROFILE_ID")
    export.add_argument("file", metavar="FILE", type=Path)
    imported = commands.add_parser(
        "import", parents=[common], help="add the player in an exported file"
    )
    imported.add_argument("file", metavar="FILE", type=Path)
    delete = commands.add_parser(
        "delete", parents=[common], help="delete a player and all their files"
    )
    delete.add_argument("profile_id", metavar="PROFILE_ID")
    history = commands.add_parser(
        "history",
        parents=[common],
        help="print a player's energy total and every card drawn, with its seed and odds",
    )
    history.add_argument("profile_id", metavar="PROFILE_ID")
    history.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        default=Config().data_dir,
        help="the content folder, to name species and editions",
    )
    history.add_argument(
        "--lang",
        choices=list(languages(LOCALE_DIR)),
        default=SOURCE_LANGUAGE,
        help="language of the history (default: en)",
    )
    return parser


def print_history(store: SaveStore, profile_id: str, data_dir: Path, lang: str) -> int:
    """The auditable record of a player's reveals: what was drawn, from what odds, by which
    seed, so a teacher (or parent) can check that the published odds were the real ones; then
    every entry of the ledger that breaks a rule. Exit status 1 when one does."""
    try:
        content = load_content(data_dir, Config().assets_dir)
    except ContentError:
        content = None  # the history still prints, with species ids instead of names
    now = dt.datetime.now()
    try:  # the class's rules, as they were when each entry was written
        settings = ClassStore(store).settings()
    except SaveError as exc:
        print(f"{exc} The game's own rules are used.", file=sys.stderr)
        settings = ClassSettings()
    save = store.open(profile_id, now)
    try:
        state = save.state
        verdict = (
            None
            if content is None
            else verify_ledger(state.entries, content, now=now, rules_at=settings.rules_at)
        )
        counted = verdict.state if verdict is not None else state
        print(
            f"{save.meta.name}: {counted.earned_total:,} g earned, {counted.balance:,} g to "
            f"spend, {len(counted.owned)} cards"
        )
        lines = history_text(state, Translator.load(lang, LOCALE_DIR), content)
        for line in lines:
            print(line)
        if not lines:
            print("No cards revealed yet.")
    finally:
        save.close()
    if verdict is None:
        print(f"The ledger could not be checked: the decks in {data_dir} have errors.")
        return FAILED
    for violation in verdict.violations:
        print(f"rule broken: {violation}")
    if verdict.ok:
        print("The ledger follows every rule.")
        return OK
    print(
        f"{len(verdict.violations)} rule(s) broken; {len(verdict.set_aside)} entries are kept "
        "aside and do not count."
    )
    return FAILED


def list_players(store: SaveStore) -> int:
    players = store.list_profiles()
    if not players:
        print(f"No players in {store.root}.")
        return OK
    for meta in players:
        line = (
            f"{meta.id}  {meta.name}  {meta.cards} cards  {meta.balance:,} g  "
            f"last played {meta.last_played:%Y-%m-%d %H:%M}"
        )
        print(line + (f"  ({meta.problem})" if meta.problem else ""))
    return OK


def name_of(store: SaveStore, profile_id: str) -> str | None:
    return next((m.name for m in store.list_profiles() if m.id == profile_id), None)


def run(args: argparse.Namespace) -> int:
    store = SaveStore(getattr(args, "saves", Config().saves_dir).expanduser())
    if args.command == "list":
        return list_players(store)
    if args.command == "import":
        meta = store.import_profile(args.file, dt.datetime.now())
        print(f"Imported {meta.name} as {meta.id}.")
        return OK
    name = name_of(store, args.profile_id)
    if name is None:
        print(f"There is no player with the id {args.profile_id} in {store.root}.", file=sys.stderr)
        return FAILED
    if args.command == "history":
        return print_history(store, args.profile_id, args.data.expanduser(), args.lang)
    if args.command == "export":
        if args.file.exists():
            print(f"{args.file} already exists; choose another file name.", file=sys.stderr)
            return FAILED
        store.export_profile(args.profile_id, args.file)
        print(f"Exported {name} ({args.profile_id}) to {args.file}.")
    else:
        store.delete(args.profile_id)
        print(f"Deleted {name} ({args.profile_id}) and all their files.")
    return OK


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a name the console cannot show must not stop the tool
            reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except (SaveError, ProfileBusy) as exc:
        print(str(exc), file=sys.stderr)
    except Exception as exc:  # a teacher never sees a traceback
        print(f"Something went wrong: {exc.__class__.__name__}: {exc}", file=sys.stderr)
    return FAILED


if __name__ == "__main__":
    sys.exit(main())
