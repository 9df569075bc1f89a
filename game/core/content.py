"""Load and check every content file: editions, species and eco-actions.

One code path serves the game, the hot reload and ``tools/validate_deck.py``: it reports every
problem it finds (not just the first) as located :class:`Problem` objects, and keeps a validated
cache, keyed by the files' contents, so an unchanged deck loads without parsing YAML again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hashlib
import os
import re
import tempfile
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from game.core.art import ART_SUFFIXES, species_art
from game.core.files import open_regular
from game.core.models import (
    RED_LIST_URL_PATTERN,
    Action,
    ActionsFile,
    Edition,
    Equivalent,
    Species,
    SpeciesFile,
)
from game.core.problems import (
    ContentError,
    Problem,
    Severity,
    did_you_mean,
    display_path,
    nearest_code,
    shorten,
)
from game.core.vocab import CATEGORY_NAMES, GROUPS, HABITATS
from game.core.yamlsrc import (
    YamlDocument,
    decode_text,
    gc_paused,
    load_yaml,
    read_bytes,
)

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
                problems.append(Problem(display_path(path), 1, 1, Severity.ERROR,
                                        f"required file is missing (looked in {data_dir})"))
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


def find_problems(data_dir: Path, assets_dir: Path, *, today: dt.date | None = None
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
        content = _validate({path: read_bytes(path)}, assets_dir, today or dt.date.today(),
                            standalone=True)
    except ContentError as exc:
        return list(exc.problems)
    return list(content.warnings)


# --- validation -----------------------------------------------------------------------------


@dataclass
class _Origin:
    doc: YamlDocument
    loc: tuple[Any, ...]

    def problem(self, rel: Sequence[Any], message: str, *, key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        return self.doc.problem((*self.loc, *rel), message, key=key, severity=severity)

    def where(self) -> str:
        line, col = self.doc.locate((*self.loc, "id"))
        return f"{self.doc.shown_path}:{line}:{col}"


def _validate(raws: dict[Path, bytes], assets_dir: Path, today: dt.date, *,
              standalone: bool = False) -> Content:
    """Check the files (their bytes) as one deck. ``standalone`` files are checked alone:
    references to editions or actions are only checked when the files define some.

    Each file's bytes are taken out of ``raws`` as it is parsed, so that a big deck's bytes are
    freed before its data is validated: the whole load then fits in the game's memory."""
    problems: list[Problem] = []
    editions: dict[str, tuple[Edition, _Origin]] = {}
    species: dict[str, tuple[Species, _Origin]] = {}
    actions: dict[str, tuple[Action, _Origin]] = {}
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
            problems.append(doc.problem((), f"the top level must be a mapping with {top}, "
                                            f"not {_KIND_NAMES.get(kind, kind)}"))
            continue
        try:
            parsed = model.model_validate(doc.data, context=context)
        except ValidationError as exc:
            problems.extend(_translate(doc, model, exc))
            parsed = _salvage(doc, model, context, broken)
        if isinstance(parsed, ActionsFile):
            for i, action in enumerate(parsed.actions):
                _register(actions, action.id, action, _Origin(doc, ("actions", i)), "action",
                          problems)
            tree_equivalent = parsed.tree_equivalent or tree_equivalent
        elif isinstance(parsed, SpeciesFile):
            for i, edition in enumerate(parsed.editions):
                _register(editions, edition.id, edition, _Origin(doc, ("editions", i)), "edition",
                          problems)
            for i, sp in enumerate(parsed.species):
                _register(species, sp.id, sp, _Origin(doc, ("species", i)), "species", problems)

    if unreadable:
        # A file that cannot be read hides its editions, species or actions, so every reference
        # to them would look broken: report why the file cannot be read, and nothing else.
        raise ContentError(unreadable)
    problems.extend(_cross_check(editions, species, actions, assets_dir, broken,
                                 check_editions=not standalone or bool(editions),
                                 check_actions=not standalone or bool(actions)))
    if not editions and not standalone and not any(p.severity is Severity.ERROR
                                                   for p in problems):
        problems.append(Problem(display_path(first), 1, 1, Severity.ERROR,
                                "no edition is defined: add an 'editions:' list"))
    if any(p.severity is Severity.ERROR for p in problems):
        raise ContentError(problems)
    return Content(
        editions={k: v[0] for k, v in editions.items()},
        species={k: v[0] for k, v in species.items()},
        actions={k: v[0] for k, v in actions.items()},
        tree_equivalent=tree_equivalent,
        warnings=tuple(sorted(problems)),
    )


_KIND_NAMES = {"list": "a list", "str": "a single text", "int": "a number", "float": "a number",
               "bool": "true/false"}


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


def _register(table: dict[str, Any], ident: str, item: Any, origin: _Origin, what: str,
              problems: list[Problem]) -> None:
    if ident in table:
        problems.append(origin.problem(("id",), f"duplicate {what} id '{ident}': already defined "
                                                f"at {table[ident][1].where()}"))
        return
    table[ident] = (item, origin)


def _cross_check(
    editions: dict[str, tuple[Edition, _Origin]],
    species: dict[str, tuple[Species, _Origin]],
    actions: dict[str, tuple[Action, _Origin]],
    assets_dir: Path,
    broken: set[str],
    *,
    check_editions: bool = True,
    check_actions: bool = True,
) -> list[Problem]:
    problems: list[Problem] = []
    warn = Severity.WARNING
    scientific: dict[str, _Origin] = {}
    used_editions: set[str] = set()
    for sp, origin in species.values():
        if check_editions and sp.edition not in editions and sp.edition not in broken:
            problems.append(origin.problem(("edition",), f"unknown edition '{sp.edition}'"
                                           + did_you_mean(sp.edition, {*editions, *broken})
                                           + _known(editions)))
        used_editions.add(sp.edition)
        if sp.group not in GROUPS:
            problems.append(origin.problem(("group",), f"unknown group '{sp.group}'"
                                           + did_you_mean(sp.group, GROUPS) + _known(GROUPS)))
        for i, habitat in enumerate(sp.habitats):
            if habitat not in HABITATS:
                problems.append(origin.problem(("habitats", i), f"unknown habitat '{habitat}'"
                                               + did_you_mean(habitat, HABITATS)
                                               + _known(HABITATS)))
        for i, helper in enumerate(sp.helped_by):
            if helper.action in broken:
                continue
            if check_actions and helper.action not in actions:
                problems.append(origin.problem(("helped_by", i), f"unknown action "
                                               f"'{helper.action}'"
                                               + did_you_mean(helper.action,
                                                              {*actions, *broken})
                                               + _known(actions)))
            elif helper.why is not None and helper.why.zh_hans is None:
                problems.append(origin.problem(("helped_by", i, "why"),
                                               "no zh-Hans text: Chinese players will see English",
                                               severity=warn))
        if sp.art is None:
            problems.append(origin.problem(("group",), f"'{sp.id}' has no 'art:' picture: "
                                           f"cards show the generic picture of its group; "
                                           f"add 'art: {species_art(sp.id)}' after this line",
                                           severity=warn))
        else:
            problems.extend(_check_art(sp.art, assets_dir, origin))
        if sp.scientific_name in scientific:
            problems.append(origin.problem(("scientific_name",),
                                           f"'{sp.scientific_name}' is also used at "
                                           f"{scientific[sp.scientific_name].where()}",
                                           severity=warn))
        scientific.setdefault(sp.scientific_name, origin)
        problems.extend(_missing_translations(sp, origin, ("name", "range", "facts", "threats")))
    for edition, origin in editions.values():
        if edition.id not in used_editions:
            problems.append(origin.problem(("id",), f"edition '{edition.id}' has no species yet",
                                           severity=warn))
        problems.extend(_missing_translations(edition, origin, ("title", "description")))
    for action, origin in actions.values():
        problems.extend(_missing_translations(action, origin, ("name", "description")))
    return problems


def _known(names: Iterable[str]) -> str:
    listed = sorted(names)
    if len(listed) > 12:
        return ""
    return "; known: " + ", ".join(listed) if listed else "; none is defined"


def _missing_translations(item: BaseModel, origin: _Origin, fields: Iterable[str]) -> list[Problem]:
    found = []
    for name in fields:
        value = getattr(item, name)
        if value is not None and getattr(value, "zh_hans", "") is None:
            found.append(origin.problem((name,), f"{name} has no zh-Hans text: Chinese players "
                                                 "will see English", severity=Severity.WARNING))
    return found


def _check_art(art: str, assets_dir: Path, origin: _Origin) -> list[Problem]:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in art):
        return [origin.problem(("art",), "art path contains a control character")]
    posix = PurePosixPath(art.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or re.match(r"^[A-Za-z]:", art):
        return [origin.problem(("art",), f"art path '{art}' must stay inside assets/ "
                                         "(a relative path such as art/whale-shark.svg)")]
    if posix.suffix.lower() not in ART_SUFFIXES:
        return [origin.problem(("art",), f"art '{art}' must be an .svg or .png picture")]
    target = assets_dir.joinpath(*posix.parts)
    if not _resolves_inside(target, assets_dir):
        return [origin.problem(("art",), f"art path '{art}' leads outside assets/ "
                                         "(through a symbolic link)")]
    if not target.is_file():
        return [origin.problem(("art",), f"art file not found: {display_path(target)}")]
    return []


def _resolves_inside(target: Path, assets_dir: Path) -> bool:
    """Resolving follows symbolic links, so a link inside assets/ cannot point outside it."""
    try:
        return target.resolve().is_relative_to(assets_dir.resolve())
    except (OSError, ValueError, RuntimeError):
        return False


def _art_usable(art: str, assets_dir: Path) -> bool:
    target = assets_dir.joinpath(*PurePosixPath(art.replace("\\", "/")).parts)
    return _resolves_inside(target, assets_dir) and target.is_file()


# --- pydantic errors as editor messages ---------------------------------------------------


def _translate(doc: YamlDocument, root: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    # A misspelt key shows up twice: as an unknown key and as a missing one. Report it once.
    misspelt = {
        (tuple(e["loc"][:-1]), hint)
        for e in errors
        if e["type"] == "extra_forbidden"
        for hint in difflib.get_close_matches(str(e["loc"][-1]),
                                              _known_keys(root, e["loc"][:-1]), n=1, cutoff=0.6)
    }
    for err in errors:
        loc = tuple(err["loc"])
        kind = err["type"]
        label = _label(loc)
        value = err.get("input")
        if kind == "extra_forbidden":
            key = str(loc[-1])
            known = _known_keys(root, loc[:-1])
            hint = did_you_mean(key, known)
            listed = f"; expected one of: {', '.join(known)}" if known and not hint else ""
            message = f"unknown key '{shorten(key)}'{hint}{listed}"
            problems.append(doc.problem(loc, message, key=True))
            continue
        if kind == "missing":
            if (loc[:-1], loc[-1]) in misspelt:
                continue
            where = f" in {_label(loc[:-1])}" if _label(loc[:-1]) else ""
            problems.append(doc.problem(loc, f"missing required key '{loc[-1]}'{where}"))
            continue
        described = _describe(kind, err, value)
        problems.append(doc.problem(loc, f"{label}: {described}" if label else described))
    return problems


def _label(loc: Sequence[Any]) -> str:
    """'iucn.category' for ('species', 3, 'iucn', 'category'): the path inside the item."""
    parts: list[str] = []
    for step in loc[2:] if len(loc) >= 2 and isinstance(loc[1], int) else loc:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1]}[{step}]" if parts else f"[{step}]"]
        else:
            parts.append(str(step))
    return ".".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f"text '{shorten(value)}'"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"a {len(str(abs(value)))}-digit number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


_CATEGORY_CODES = {names["en"].lower(): code for code, names in CATEGORY_NAMES.items()}


def _describe(kind: str, err: Any, value: Any) -> str:
    ctx = err.get("ctx") or {}
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_show(value)}"
    if kind in ("string_type",):
        hint = " (put it in quotes)" if isinstance(value, bool | int | float) else ""
        return f"expected text, got {_show(value)}{hint}"
    if kind == "list_type":
        return f"expected a list (- item lines or [a, b]), got {_show(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys, got {_show(value)}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if isinstance(value, bool):
            return (f"expected one of: {', '.join(allowed)}; got {str(value).lower()} (YAML reads "
                    "a bare yes/no/on/off as true/false: put the value in quotes)")
        if not isinstance(value, str):
            return f"expected one of: {', '.join(allowed)}; got {_show(value)}"
        hint = did_you_mean(value, allowed) or nearest_code(value, allowed)
        code = _CATEGORY_CODES.get(value.strip().lower())
        if not hint and code in allowed:  # "Endangered" for EN
            hint = f" (did you mean '{code}'?)"
        return f"'{shorten(value)}' is not allowed{hint}; use one of: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        value = shorten(str(value), 60)
        if pattern == RED_LIST_URL_PATTERN:
            return (f"'{value}' is not a Red List address: use the species' page, "
                    "https://www.iucnredlist.org/species/<taxon id>/<assessment id>")
        if "a-z0-9" in pattern:
            return f"'{value}' is not a valid id: use lowercase letters, digits and hyphens"
        if pattern.startswith("^[A-Z]"):
            return f"'{value}' is not a scientific name like 'Rhincodon typus'"
        if "https" in pattern:
            return f"'{value}' is not a web address starting with https://"
        if pattern.startswith("^#"):
            return f"'{value}' is not a colour like '#1b6ca8'"
        return f"'{value}' has the wrong form"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        sign = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<",
                "less_than_equal": "<="}[kind]
        limit = next(iter(ctx.values()), "?")
        shown = _show(value) if isinstance(value, int) and abs(value) >= 10**15 else value
        return f"{shown} is out of range: it must be {sign} {limit}"
    if kind in ("too_short", "string_too_short"):
        if kind == "too_short" and ctx.get("min_length", 1) > 1:
            return f"needs at least {ctx['min_length']} items"
        return "must not be empty"
    if kind == "string_too_long":
        limit = ctx.get("max_length", "?")
        length = len(value) if isinstance(value, str) else "?"
        return f"is {length} characters long; the limit is {limit} (see the file's header)"
    if kind == "too_long":
        limit = ctx.get("max_length", "?")
        count = len(value) if isinstance(value, list | dict) else "?"
        return f"has {count} items; at most {limit} are allowed"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"expected a date like 2026-01-31, got {_show(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg", "")))
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_show(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {_show(value)}"
    return str(err.get("msg", kind))


def _known_keys(root: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    model: Any = root
    for step in loc:
        if isinstance(step, int):
            continue
        field_info = model.model_fields.get(step) if model else None
        if field_info is None:
            return []
        model = _model_in(field_info.annotation)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


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
    if any(sp.art and not _art_usable(sp.art, assets_dir) for sp in species.values()):
        return None
    return Content(
        editions={e.id: e for e in header.editions},
        species=species,
        actions={a.id: a for a in header.actions},
        tree_equivalent=header.tree_equivalent,
        warnings=tuple(Problem(p, line, col, Severity(sev), msg)
                       for p, line, col, sev, msg in header.warnings),
    )


def load_last_valid(cache_dir: Path, assets_dir: Path, today: dt.date) -> Content | None:
    """The last decks that validated, from the cache, whatever the files on disk say now.

    The cache keeps only the newest valid content (older files are removed when it is written),
    so when an edit breaks the decks the class can go on playing with the decks of yesterday
    while the editor fixes them. None when there is no usable cache."""
    try:
        found = sorted(cache_dir.glob("content-*.jsonl"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
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
