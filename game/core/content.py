"""Load and check every content file: editions, species and eco-actions.

One code path serves the game, the hot reload and ``tools/validate_deck.py``: it reports every
problem it finds (not just the first) as located :class:`Problem` objects, and keeps a validated
cache, keyed by the files' contents, so an unchanged deck loads without parsing YAML again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.core.cross_checks import Origin, arts_usable, cross_check
from game.core.files import open_regular
from game.core.model_errors import translate
from game.core.models import (
    Action,
    ActionsFile,
    Edition,
    Equivalent,
    Species,
    SpeciesFile,
)
from game.core.problems import ContentError, Problem, Severity, display_path
from game.core.textfile import decode_text, read_bytes
from game.core.yamlsrc import YamlDocument, gc_paused, load_yaml

CACHE_FORMAT = 3  # 3: one warning per species without art
MAX_CACHE_BYTES = 256 * 2**20  # far above the cache of the largest deck the loader accepts
SPECIES_FILE = "species.yaml"
ACTIONS_FILE = "actions.yaml"
DECKS_DIR = "decks"


@dataclass(frozen=True)
class Content:
    """The validated content the game plays with."""

    editions: dict[str, Edition]
    species: dict[str, Species]
    actions: dict[str, Action]
    tree_equivalent: Equivalent | None = None
    warnings: tuple[Problem, ...] = ()
    _by_edition: dict[str, tuple[Species, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Species]] = {e: [] for e in self.editions}
        for sp in self.species.values():
            grouped.setdefault(sp.edition, []).append(sp)
        object.__setattr__(self, "_by_edition", {k: tuple(v) for k, v in grouped.items()})

    def species_in(self, edition_id: str) -> tuple[Species, ...]:
        return self._by_edition.get(edition_id, ())


def content_files(data_dir: Path) -> list[Path]:
    """The files that make up the content, in load order."""
    decks = data_dir / DECKS_DIR
    extra = sorted(decks.glob("*.yaml")) if decks.is_dir() else []
    return [data_dir / SPECIES_FILE, *extra, data_dir / ACTIONS_FILE]


def load_content(
    data_dir: Path,
    assets_dir: Path,
    *,
    cache_dir: Path | None = None,
    today: dt.date | None = None,
) -> Content:
    """Load every content file under ``data_dir``.

    With a ``cache_dir``, an unchanged deck is read from the validated cache there, and a deck
    that validates is written to it.

    Raises :class:`ContentError` listing every error (and warning) found in all the files."""
    today = today or dt.date.today()
    files = content_files(data_dir)
    problems: list[Problem] = []
    raws: dict[Path, bytes] = {}
    for path in files:
        if not path.exists():
            if path.name in (SPECIES_FILE, ACTIONS_FILE):
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        1,
                        Severity.ERROR,
                        f"required file is missing (looked in {data_dir})",
                    )
                )
            continue
        try:
            raws[path] = read_bytes(path)
        except ContentError as exc:
            problems.extend(exc.problems)

    key = _cache_key(raws, assets_dir, today) if cache_dir and not problems else ""
    if cache_dir and key:
        cached = _read_cache(cache_dir, key, assets_dir, today)
        if cached is not None:
            return cached

    for path, raw in raws.items():  # a file that is not text hides nothing else worth reporting
        try:
            decode_text(path, raw)
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    with gc_paused():
        content = _validate(raws, assets_dir, today)
    if cache_dir and key:
        _write_cache(cache_dir, key, content)
    return content


def find_problems(
    data_dir: Path, assets_dir: Path, *, today: dt.date | None = None
) -> list[Problem]:
    """Every error and warning :func:`load_content` finds in ``data_dir`` (no cache)."""
    try:
        content = load_content(data_dir, assets_dir, today=today)
    except ContentError as exc:
        return list(exc.problems)
    return list(content.warnings)


def check_file(path: Path, assets_dir: Path, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem in one content file checked on its own, outside any data folder.

    A file named ``actions.yaml`` is an eco-action catalogue, any other a species deck. References
    to editions or actions are checked only when the file itself defines some."""
    try:
        content = _validate(
            {path: read_bytes(path)}, assets_dir, today or dt.date.today(), standalone=True
        )
    except ContentError as exc:
        return list(exc.problems)
    return list(content.warnings)


# --- validation -----------------------------------------------------------------------------


def _validate(
    raws: dict[Path, bytes], assets_dir: Path, today: dt.date, *, standalone: bool = False
) -> Content:
    """Check the files (their bytes) as one deck. ``standalone`` files are checked alone:
    references to editions or actions are only checked when the files define some.

    Each file's bytes are taken out of ``raws`` as it is parsed, so that a big deck's bytes are
    freed before its data is validated: the whole load then fits in the game's memory."""
    problems: list[Problem] = []
    editions: dict[str, tuple[Edition, Origin]] = {}
    species: dict[str, tuple[Species, Origin]] = {}
    actions: dict[str, tuple[Action, Origin]] = {}
    tree_equivalent: Equivalent | None = None
    context = {"today": today}
    broken: set[str] = set()  # ids of items that failed validation

    unreadable: list[Problem] = []
    first = next(iter(raws))
    for path in list(raws):
        try:
            doc = load_yaml(path, raws.pop(path))
        except ContentError as exc:
            unreadable.extend(exc.problems)
            continue
        is_actions = path.name == ACTIONS_FILE and path.parent.name != DECKS_DIR
        model: type[BaseModel] = ActionsFile if is_actions else SpeciesFile
        if not isinstance(doc.data, dict):
            kind = type(doc.data).__name__ if doc.data is not None else "nothing"
            top = "'actions:'" if is_actions else "'editions:' and/or 'species:'"
            problems.append(
                doc.problem(
                    (),
                    f"the top level must be a mapping with {top}, "
                    f"not {_KIND_NAMES.get(kind, kind)}",
                )
            )
            continue
        try:
            parsed = model.model_validate(doc.data, context=context)
        except ValidationError as exc:
            problems.extend(translate(doc, model, exc))
            parsed = _salvage(doc, model, context, broken)
        if isinstance(parsed, ActionsFile):
            for i, action in enumerate(parsed.actions):
                _register(
                    actions, action.id, action, Origin(doc, ("actions", i)), "action", problems
                )
            tree_equivalent = parsed.tree_equivalent or tree_equivalent
        elif isinstance(parsed, SpeciesFile):
            for i, edition in enumerate(parsed.editions):
                _register(
                    editions, edition.id, edition, Origin(doc, ("editions", i)), "edition", problems
                )
            for i, sp in enumerate(parsed.species):
                _register(species, sp.id, sp, Origin(doc, ("species", i)), "species", problems)

    if unreadable:
        # A file that cannot be read hides its editions, species or actions, so every reference
        # to them would look broken: report why the file cannot be read, and nothing else.
        raise ContentError(unreadable)
    problems.extend(
        cross_check(
            editions,
            species,
            actions,
            assets_dir,
            broken,
            check_editions=not standalone or bool(editions),
            check_actions=not standalone or bool(actions),
        )
    )
    if not editions and not standalone and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(
            Problem(
                display_path(first),
                1,
                1,
                Severity.ERROR,
                "no edition is defined: add an 'editions:' list",
            )
        )
    if any(p.severity is Severity.ERROR for p in problems):
        raise ContentError(problems)
    return Content(
        editions={k: v[0] for k, v in editions.items()},
        species={k: v[0] for k, v in species.items()},
        actions={k: v[0] for k, v in actions.items()},
        tree_equivalent=tree_equivalent,
        warnings=tuple(sorted(problems)),
    )


_KIND_NAMES = {
    "list": "a list",
    "str": "a single text",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
}


def _salvage(
    doc: YamlDocument, model: type[BaseModel], context: dict[str, Any], broken: set[str]
) -> BaseModel:
    """Validate the items of a file one by one, so that cross-references can still be checked
    for the good items when some items are broken (their errors are already reported).

    The ids of broken items go into ``broken``, so that references to them are not reported a
    second time as unknown."""
    data = doc.data
    good: dict[str, Any] = {}
    for name in ("editions", "species", "actions"):
        items = data.get(name)
        if name not in model.model_fields or not isinstance(items, list):
            continue
        kept = []
        for item in items:
            try:
                model.model_validate({name: [item]}, context=context)
            except ValidationError:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    broken.add(item["id"])
                continue
            kept.append(item)
        good[name] = kept
    if model is ActionsFile:
        good.setdefault("actions", [])
    return model.model_validate(good, context=context)


def _register(
    table: dict[str, Any], ident: str, item: Any, origin: Origin, what: str, problems: list[Problem]
) -> None:
    if ident in table:
        problems.append(
            origin.problem(
                ("id",),
                f"duplicate {what} id '{ident}': already defined at {table[ident][1].where()}",
            )
        )
        return
    table[ident] = (item, origin)


# --- cache ----------------------------------------------------------------------------------


class _CacheHeader(BaseModel):
    """The first line of a cache file; one line per species follows it."""

    format: int
    species: int
    editions: list[Edition]
    actions: list[Action]
    tree_equivalent: Equivalent | None = None
    warnings: list[tuple[str, int, int, str, str]]


def _cache_key(raws: dict[Path, bytes], assets_dir: Path, today: dt.date) -> str:
    # The working directory is part of the key because warnings hold paths relative to it.
    digest = hashlib.sha256(
        f"{CACHE_FORMAT}|{today.isoformat()}|{assets_dir.resolve()}|{Path.cwd()}".encode()
    )
    for path, raw in raws.items():
        digest.update(f"\0{path.resolve()}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()[:32]


def _cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"content-{key}.jsonl"


def _read_cache(cache_dir: Path, key: str, assets_dir: Path, today: dt.date) -> Content | None:
    """The cached content, or None when there is none or it is damaged, stale or incomplete.

    Each species is validated from its own line: pydantic-core then never holds the parsed JSON
    of the whole deck, and the cyclic garbage collector is paused while the many small, acyclic
    model objects are made (it would otherwise run over them again and again)."""
    context = {"today": today}  # given once, or every assessment year would look up the date
    species: dict[str, Species] = {}
    try:
        # Only a regular file of bounded size: a pipe or a link to a device in its place
        # would block or be read forever.
        with open_regular(_cache_path(cache_dir, key), MAX_CACHE_BYTES) as fh, gc_paused():
            header = _CacheHeader.model_validate_json(fh.readline(), context=context)
            if header.format != CACHE_FORMAT:
                return None
            for line in fh:
                if not line.endswith(b"\n"):  # a file cut short
                    return None
                sp = Species.model_validate_json(line, context=context)
                species[sp.id] = sp
    except (OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return None
    if len(species) != header.species:
        return None
    # Art files can disappear without the deck changing; a missing one means validating again.
    if not arts_usable((sp.art for sp in species.values() if sp.art), assets_dir):
        return None
    return Content(
        editions={e.id: e for e in header.editions},
        species=species,
        actions={a.id: a for a in header.actions},
        tree_equivalent=header.tree_equivalent,
        warnings=tuple(
            Problem(p, line, col, Severity(sev), msg) for p, line, col, sev, msg in header.warnings
        ),
    )


def load_last_valid(cache_dir: Path, assets_dir: Path, today: dt.date) -> Content | None:
    """The last decks that validated, from the cache, whatever the files on disk say now.

    The cache keeps only the newest valid content (older files are removed when it is written),
    so when an edit breaks the decks the class can go on playing with the decks of yesterday
    while the editor fixes them. None when there is no usable cache."""
    try:
        found = sorted(
            cache_dir.glob("content-*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True
        )
    except OSError:
        return None
    for path in found:
        content = _read_cache(cache_dir, path.stem.removeprefix("content-"), assets_dir, today)
        if content is not None:
            return content
    return None


def _write_cache(cache_dir: Path, key: str, content: Content) -> None:
    """Best effort: a cache that cannot be written only costs speed next time."""
    header = _CacheHeader(
        format=CACHE_FORMAT,
        species=len(content.species),
        editions=list(content.editions.values()),
        actions=list(content.actions.values()),
        tree_equivalent=content.tree_equivalent,
        warnings=[(p.path, p.line, p.col, p.severity.value, p.message) for p in content.warnings],
    )
    target = _cache_path(cache_dir, key)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".content-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(header.model_dump_json(by_alias=True).encode() + b"\n")
            for sp in content.species.values():  # JSON never holds a raw line break
                fh.write(sp.model_dump_json(by_alias=True).encode() + b"\n")
        os.replace(tmp, target)
        for old in cache_dir.glob("content-*"):
            if old.name != target.name:
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
