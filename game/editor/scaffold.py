"""``tools/new_species.py``: start a deck entry for a species from the Red List and GBIF.

The entry gets everything the APIs know (id, names, group when the taxonomy decides it, the
``iucn`` block). What only an editor can write is left as ``TODO: …`` text placed where the
models refuse it, so ``tools/validate_deck.py`` and the game name every unfinished field rather
than showing a placeholder to players. Exit codes: 0 added, 1 the Red List gives no usable status
for the name, 2 usage or set-up error, 3 an API could not be reached or refused.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from ruamel.yaml.comments import CommentedMap

from game.core.content import DECKS_DIR, SPECIES_FILE
from game.core.models import SLUG_PATTERN
from game.core.problems import Severity, did_you_mean
from game.core.vocab import GROUPS
from game.editor import cli
from game.editor.decks import DeckFile, load_decks, validate_with
from game.editor.gbif import NameMatch
from game.editor.groups import guess_group
from game.editor.iucn import Lookup, SpeciesProblem, UnknownName
from game.editor.net import ApiError
from game.saves.atomic import write_atomic

TOOL = "new_species"
SCIENTIFIC_NAME = re.compile(r"^[A-Z][a-z]+(?: [a-z][a-z-]+){1,2}$")
# Each TODO sits where the models expect another type or form, so validation names it.
TODO_GROUP = "TODO: a group from game/core/vocab.py"
TODO_FACTS = "TODO: 1-3 short facts in en and zh-Hans"
TODO_NAME = "TODO: the English and Chinese names"
OPTIONAL = "habitats, range, threats, helped_by, art"


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:64].strip("-")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="new_species.py",
        description="Add a species to a deck, filled in from the IUCN Red List and GBIF; "
        "the texts are left as TODO for the editor.",
        epilog="Exit codes: 0 added, 1 no usable Red List status, 2 usage or set-up error, "
        "3 an API could not be reached or refused.",
    )
    parser.add_argument("scientific_name", help="binomial such as 'Rhincodon typus'")
    parser.add_argument("--edition", required=True, help="edition id the species joins")
    parser.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="deck file to append to (default: where the edition's species are)",
    )
    parser.add_argument(
        "--id", dest="species_id", metavar="ID", help="species id (default: from the English name)"
    )
    parser.add_argument("--group", help="card group (default: guessed from the taxonomy)")
    parser.add_argument("--dry-run", action="store_true", help="show the entry, write nothing")
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


def _target(args: argparse.Namespace, decks: list[DeckFile], err: TextIO) -> DeckFile:
    """The deck file to append to: ``--file``, else the one holding most of the edition."""
    if args.file is not None:
        path = args.file.resolve()
        data = args.data.resolve()
        read = path == data / SPECIES_FILE or (
            path.parent == data / DECKS_DIR and path.suffix == ".yaml"
        )
        if not read:
            print(
                f"warning: {args.file} is not a file the game reads (species.yaml or "
                f"decks/*.yaml in {args.data})",
                file=err,
            )
        for deck in decks:
            if deck.path.resolve() == path:
                return deck
        return DeckFile.load(path) if path.exists() else DeckFile.new(path)
    counts = [
        (sum(1 for s in d.species() if s.edition == args.edition), -i, d)
        for i, d in enumerate(decks)
    ]
    best = max(counts, key=lambda c: (c[0], c[1]))
    if best[0]:
        return best[2]
    named = [d for d in decks if d.path.stem == args.edition and d.path.parent.name == "decks"]
    if named:
        return named[0]
    return next(d for d in decks if args.edition in d.edition_ids())


def _check_args(args: argparse.Namespace, decks: list[DeckFile]) -> str:
    name = " ".join(args.scientific_name.split())
    if not SCIENTIFIC_NAME.match(name):
        raise cli.UsageError(
            f"'{args.scientific_name}' is not a scientific name like 'Rhincodon typus'"
        )
    for deck in decks:
        for sp in deck.species():
            if sp.scientific_name == name:
                raise cli.UsageError(f"'{name}' is already in the decks as '{sp.id}' ({sp.where})")
    editions = {e for d in decks for e in d.edition_ids()}
    if args.edition not in editions:
        known = ", ".join(sorted(editions)) or "none"
        raise cli.UsageError(
            f"unknown edition '{args.edition}'"
            f"{did_you_mean(args.edition, editions)}; known: {known}"
        )
    if args.group is not None and args.group not in GROUPS:
        raise cli.UsageError(
            f"unknown group '{args.group}'{did_you_mean(args.group, GROUPS)}; "
            f"known: {', '.join(GROUPS)}"
        )
    if args.species_id is not None and not re.match(SLUG_PATTERN, args.species_id):
        raise cli.UsageError(
            f"'{args.species_id}' is not a valid id: use lowercase letters, digits and hyphens"
        )
    return name


def _choose_id(
    args: argparse.Namespace, decks: list[DeckFile], english: str | None, name: str
) -> str:
    taken = {s.id for d in decks for s in d.species()}
    if args.species_id is not None:
        if args.species_id in taken:
            raise cli.UsageError(f"the id '{args.species_id}' is already used")
        return str(args.species_id)
    for candidate in (slugify(english or ""), slugify(name)):
        if candidate and candidate not in taken:
            return candidate
    raise cli.UsageError(
        f"the ids '{slugify(english or name)}' and '{slugify(name)}' are "
        "taken: choose one with --id"
    )


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, environ: Mapping[str, str]) -> int:
    if not args.data.is_dir():
        raise cli.UsageError(f"data folder not found: {args.data}")
    decks = load_decks(args.data)
    name = _check_args(args, decks)
    deck = _target(args, decks, err)
    clients = cli.build_clients(args, TOOL, cli.read_token(args.token_file, environ))

    match: NameMatch | None
    try:
        match = clients.gbif.match(name)
    except ApiError as exc:
        print(f"warning: name not checked with GBIF: {exc}", file=err)
        match = None
    hint = match.suggestion() if match else None
    try:
        lookup = clients.iucn.lookup(name)
    except SpeciesProblem as exc:
        extra = f"; {hint}" if hint and isinstance(exc, UnknownName) else ""
        cli.fail(TOOL, f"{exc}{extra}; nothing added", err)
        return cli.EXIT_DIFFERENT
    if lookup.status.category is None or lookup.status.year is None:
        cli.fail(TOOL, f"{'; '.join(lookup.status.notes)}; add '{name}' by hand", err)
        return cli.EXIT_DIFFERENT

    vernacular: dict[str, list[str]] = {}
    if match is not None and match.species_key is not None:
        try:
            vernacular = clients.gbif.vernacular_names(match.species_key)
        except ApiError as exc:
            print(f"warning: no vernacular names from GBIF: {exc}", file=err)
    english = lookup.taxon.common_name("eng") or next(iter(vernacular.get("eng", [])), None)
    species_id = _choose_id(args, decks, english, name)
    entry, todo, suggestions = _entry(args, species_id, name, english, lookup, vernacular)
    if hint:
        suggestions.append(hint)

    deck.append_species(entry)
    print(deck.diff(), end="", file=out)
    line = deck.line_of(species_id)
    problems = validate_with(args.data, args.assets, {deck.path: deck.written_text()})
    mine = [p for p in problems if p.path == deck.shown_path and p.line >= line]
    status = lookup.status
    print(
        f"\n{'Would add' if args.dry_run else 'Added'} '{species_id}' ({name}) to "
        f"{deck.shown_path}:{line}: {status.category} ({status.year}), trend {status.trend}"
        f"{f', criteria {status.criteria}' if status.criteria else ''}.",
        file=out,
    )
    errors = [p for p in mine if p.severity is Severity.ERROR]
    if errors or todo:
        print(f"To write before the deck validates again ({', '.join(todo)}):", file=out)
        for problem in errors:
            print(f"  {problem}", file=out)
    if suggestions:
        print("Suggestions:", file=out)
        for text in suggestions:
            print(f"  {text}", file=out)
    for note in status.notes:
        print(f"Note: {note}", file=out)
    print(f"Optional fields: {OPTIONAL}.", file=out)
    if args.dry_run:
        print("Dry run: nothing written.", file=out)
        return cli.EXIT_OK
    try:
        deck.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(deck.path, deck.written_text().encode("utf-8"))
    except OSError as exc:
        raise cli.UsageError(f"cannot write {deck.shown_path}: {exc.strerror or exc}") from None
    return cli.EXIT_OK


def _entry(
    args: argparse.Namespace,
    species_id: str,
    name: str,
    english: str | None,
    lookup: Lookup,
    vernacular: Mapping[str, list[str]],
) -> tuple[CommentedMap, list[str], list[str]]:
    """The new entry, the TODO fields in it, and suggestions for the editor."""
    todo: list[str] = []
    suggestions: list[str] = []
    entry = CommentedMap()
    entry["id"] = species_id
    entry.yaml_add_eol_comment("added by tools/new_species.py: replace every TODO", "id")
    entry["edition"] = args.edition
    chinese = vernacular.get("zho", [])[:3]
    if english:
        names = CommentedMap(en=english)
        names.fa.set_flow_style()
        entry["name"] = names
        if chinese:
            entry.yaml_add_eol_comment(f"zh-Hans? GBIF suggests {', '.join(chinese)}", "name")
    else:
        entry["name"] = TODO_NAME
        todo.append("name")
    if chinese:
        suggestions.append(
            f"name zh-Hans from GBIF: {', '.join(chinese)} (check it is Simplified Chinese)"
        )
    entry["scientific_name"] = name
    if args.group:
        entry["group"] = args.group
    else:
        group, reason = guess_group(lookup.taxon.ranks, name.split()[0])
        entry["group"] = group or TODO_GROUP
        if group:
            entry.yaml_add_eol_comment(f"{reason}: check it", "group")
            suggestions.append(f"group '{group}' {reason}: check it")
        else:
            todo.append("group")
    iucn = CommentedMap()
    fields: dict[str, Any] = lookup.status.deck_fields()
    for key in ("category", "year", "trend", "criteria", "url"):
        if fields.get(key) is not None:
            iucn[key] = fields[key]
    if lookup.status.citation:
        iucn["citation"] = lookup.status.citation
    entry["iucn"] = iucn
    entry["facts"] = TODO_FACTS
    todo.append("facts")
    return entry, todo, suggestions
