"""``tools/redlist_sync.py``: compare the decks with the IUCN Red List, and update them.

``check`` (the default) only reads; ``update`` writes the Red List's values into the ``iucn``
fields after showing a diff, and only when the result still validates. Exit codes: 0 everything
matches (or was updated), 1 differences remain, 2 usage or set-up error, 3 an API could not be
reached or refused.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from game.core.problems import Severity, did_you_mean
from game.editor import cli
from game.editor.decks import DeckError, DeckFile, DeckSpecies, load_decks, validate_with
from game.editor.gbif import NameMatch
from game.editor.iucn import RedListStatus, SpeciesProblem, UnknownName
from game.editor.net import ApiError
from game.editor.report import plural, show, table
from game.saves.atomic import write_atomic

TOOL = "redlist_sync"
CHECKED = ("category", "year", "trend", "criteria", "url")
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Difference:
    field: str
    deck: Any
    red_list: Any
    writable: bool = True
    shown: str | None = None  # how to show ``red_list`` when it is not what the API said


@dataclass
class Outcome:
    species: DeckSpecies
    status: RedListStatus | None = None
    differences: list[Difference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # block a match: the editor must act
    notes: list[str] = field(default_factory=list)  # for information only

    @property
    def differs(self) -> bool:
        return bool(self.differences or self.problems)


def compare(iucn: Mapping[str, Any] | None, status: RedListStatus) -> list[Difference]:
    """Every field where the deck differs from the Red List status."""
    deck = dict(iucn or {})
    wanted = status.deck_fields()
    found = []
    for key in CHECKED:
        have = deck.get(key, "unknown" if key == "trend" else None)
        if key not in wanted:
            if key == "category" and status.category is None:
                found.append(
                    Difference(
                        key, have, f"{status.red_list_category} (set by hand)", writable=False
                    )
                )
            elif key == "criteria" and status.criteria is not None:
                found.append(Difference(key, have, status.criteria, writable=False))
            continue
        if have != wanted[key]:
            shown = None
            if key == "category" and status.red_list_category != wanted[key]:
                shown = f"{wanted[key]} (from {status.red_list_category})"
            found.append(Difference(key, have, wanted[key], shown=shown))
    if "citation" in deck and status.citation and deck["citation"] != status.citation:
        found.append(Difference("citation", deck["citation"], status.citation))
    return found


class Checker:
    """Looks every species up; GBIF trouble only costs the name suggestions."""

    def __init__(self, clients: cli.Clients) -> None:
        self.clients = clients
        self.gbif_down: str | None = None

    def _gbif(self, call: Any, *args: Any) -> Any:
        if self.gbif_down:
            return None
        try:
            return call(*args)
        except ApiError as exc:
            self.gbif_down = str(exc)
            return None

    def check(self, species: DeckSpecies) -> Outcome:
        outcome = Outcome(species)
        name = species.scientific_name
        if not name:
            outcome.problems.append("no scientific_name to look up")
            return outcome
        match: NameMatch | None = self._gbif(self.clients.gbif.match, name)
        hint = match.suggestion() if match else None
        try:
            lookup = self.clients.iucn.lookup(name)
        except UnknownName as exc:
            outcome.problems.append(f"{exc}" + (f"; {hint}" if hint else ""))
            return outcome
        except SpeciesProblem as exc:
            outcome.problems.append(str(exc))
            return outcome
        status = lookup.status
        outcome.status = status
        outcome.differences = compare(species.iucn, status)
        outcome.notes.extend(status.notes)
        if hint:
            outcome.notes.append(hint)
        self._suggest_names(
            outcome, match, {lang: lookup.taxon.common_name(lang) for lang in ("eng", "zho")}
        )
        return outcome

    def _suggest_names(
        self, outcome: Outcome, match: NameMatch | None, iucn_names: Mapping[str, str | None]
    ) -> None:
        names = outcome.species.names
        missing = {"en": "eng", "zh-Hans": "zho"}
        missing = {k: v for k, v in missing.items() if not names.get(k)}
        if not missing:
            return
        found: dict[str, list[str]] = {lang: [] for lang in missing.values()}
        for lang in found:
            if iucn_names.get(lang):
                found[lang].append(str(iucn_names[lang]))
        key = match.species_key if match else None
        if key is not None:
            vernacular = self._gbif(self.clients.gbif.vernacular_names, key) or {}
            for lang in found:
                for name in vernacular.get(lang, []):
                    if name.casefold() not in {n.casefold() for n in found[lang]}:
                        found[lang].append(name)
        for deck_lang, lang in missing.items():
            if found[lang]:
                shown = ", ".join(found[lang][:MAX_SUGGESTIONS])
                extra = " (check it is Simplified Chinese)" if lang == "zho" else ""
                outcome.notes.append(f"name has no {deck_lang}: suggestions {shown}{extra}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redlist_sync.py",
        description="Compare the decks' IUCN status with the IUCN Red List API v4 (check), "
        "or write the Red List's values into the decks (update).",
        epilog="Exit codes: 0 all match (or updated), 1 differences remain, 2 usage or set-up "
        "error, 3 an API could not be reached or refused.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        choices=("check", "update"),
        default="check",
        help="check (default, read-only) or update",
    )
    parser.add_argument("--only", nargs="+", metavar="ID", help="only these species ids")
    parser.add_argument(
        "--dry-run", action="store_true", help="update: show the diff, write nothing"
    )
    cli.add_common_options(parser)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    return cli.run_tool(TOOL, build_parser(), _run, argv, stdout, stderr, environ)


def _select(args: argparse.Namespace) -> list[DeckSpecies]:
    if args.dry_run and args.command != "update":
        raise cli.UsageError("--dry-run only applies to 'update'")
    if not args.data.is_dir():
        raise cli.UsageError(f"data folder not found: {args.data}")
    species = [s for deck in load_decks(args.data) for s in deck.species()]
    if not species:
        raise cli.UsageError(f"no species found in {args.data} (species.yaml, decks/*.yaml)")
    if not args.only:
        return species
    by_id = {s.id: s for s in species}
    unknown = [i for i in args.only if i not in by_id]
    if unknown:
        raise cli.UsageError(
            "; ".join(f"unknown species id '{i}'{did_you_mean(i, by_id)}" for i in unknown)
        )
    return [by_id[i] for i in dict.fromkeys(args.only)]


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, environ: Mapping[str, str]) -> int:
    chosen = _select(args)
    token = cli.read_token(args.token_file, environ)
    clients = cli.build_clients(args, TOOL, token)
    version = clients.iucn.version()
    checker = Checker(clients)
    outcomes = [
        checker.check(sp)
        for sp in cli.progress(
            chosen, total=len(chosen), quiet=args.quiet, stream=err, what="Red List"
        )
    ]
    against = f"the IUCN Red List{f' (version {version})' if version else ''}"
    print(f"Checked {plural(len(outcomes), 'species', 'species')} against {against}.", file=out)
    if checker.gbif_down:
        print(f"warning: names not checked with GBIF: {checker.gbif_down}", file=err)
    _print_report(outcomes, out)
    if args.command == "check":
        return cli.EXIT_DIFFERENT if any(o.differs for o in outcomes) else cli.EXIT_OK
    return _update(args, outcomes, out, err)


def _print_report(outcomes: list[Outcome], out: TextIO) -> None:
    rows = []
    for outcome in outcomes:
        for i, diff in enumerate(outcome.differences):
            shown = (diff.shown or show(diff.red_list)) + ("" if diff.writable else " *")
            rows.append((outcome.species.id if i == 0 else "", diff.field, show(diff.deck), shown))
    if rows:
        print(file=out)
        print(table(("species", "field", "deck", "Red List"), rows), end="", file=out)
        if any(not d.writable for o in outcomes for d in o.differences):
            print("* cannot be written automatically: set it by hand", file=out)
    problems = [(o, p) for o in outcomes for p in o.problems]
    notes = [(o, n) for o in outcomes for n in o.notes]
    for title, items in (("Problems", problems), ("Notes", notes)):
        if items:
            print(f"\n{title}:", file=out)
            for outcome, text in items:
                print(f"  {outcome.species.where}: {outcome.species.id}: {text}", file=out)
    differing = sum(1 for o in outcomes if o.differs)
    print(file=out)
    if differing:
        print(
            f"{plural(differing, 'species', 'species')} of {len(outcomes)} "
            f"{'differs' if differing == 1 else 'differ'} from the Red List; "
            f"{len(outcomes) - differing} match.",
            file=out,
        )
    else:
        print(f"All {plural(len(outcomes), 'species', 'species')} match the Red List.", file=out)


def _update(args: argparse.Namespace, outcomes: list[Outcome], out: TextIO, err: TextIO) -> int:
    unresolved = sum(
        1 for o in outcomes if o.problems or any(not d.writable for d in o.differences)
    )
    decks: dict[str, DeckFile] = {}
    updated = 0
    refused: set[str] = set()
    for outcome in outcomes:
        changes = {d.field: d.red_list for d in outcome.differences if d.writable}
        if not changes:
            continue
        deck = outcome.species.deck
        try:
            deck.set_iucn(outcome.species, changes)
        except DeckError as exc:
            if str(exc) not in refused:
                print(exc, file=err)
                refused.add(str(exc))
            unresolved += 1
            continue
        decks[str(deck.path)] = deck
        updated += 1
    changed = [d for d in decks.values() if d.changed]
    if not changed:
        print("Nothing to write.", file=out)
        return cli.EXIT_DIFFERENT if unresolved else cli.EXIT_OK
    print(file=out)
    for deck in changed:
        print(deck.diff(), end="", file=out)
    if args.dry_run:
        print("\nDry run: nothing written.", file=out)
        return cli.EXIT_DIFFERENT
    problems = validate_with(args.data, args.assets, {d.path: d.written_text() for d in changed})
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        for problem in errors:
            print(problem, file=err)
        cli.fail(
            TOOL,
            f"nothing written: the updated decks would not validate "
            f"({plural(len(errors), 'error')}; tools/validate_deck.py shows them "
            "too)",
            err,
        )
        return cli.EXIT_USAGE
    for deck in changed:
        try:
            write_atomic(deck.path, deck.written_text().encode("utf-8"))
        except OSError as exc:
            raise cli.UsageError(f"cannot write {deck.shown_path}: {exc.strerror or exc}") from None
    print(
        f"\nUpdated {plural(updated, 'species', 'species')} in {plural(len(changed), 'file')}.",
        file=out,
    )
    return cli.EXIT_DIFFERENT if unresolved else cli.EXIT_OK
