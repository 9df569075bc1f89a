"""Checks across a whole deck: references between editions, species and actions, the names
they use, their art files and their translations."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from game.core.art import ART_SUFFIXES, species_art
from game.core.languages import game_languages
from game.core.models import Action, Edition, Species
from game.core.problems import Problem, Severity, did_you_mean, display_path
from game.core.vocab import GROUPS, HABITATS
from game.core.yamlsrc import YamlDocument


@dataclass
class Origin:
    """Where an item came from: its file and its place in the file."""

    doc: YamlDocument
    loc: tuple[Any, ...]

    def problem(
        self,
        rel: Sequence[Any],
        message: str,
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        return self.doc.problem((*self.loc, *rel), message, key=key, severity=severity)

    def where(self) -> str:
        line, col = self.doc.locate((*self.loc, "id"))
        return f"{self.doc.shown_path}:{line}:{col}"


def cross_check(
    editions: dict[str, tuple[Edition, Origin]],
    species: dict[str, tuple[Species, Origin]],
    actions: dict[str, tuple[Action, Origin]],
    assets_dir: Path,
    broken: set[str],
    *,
    check_editions: bool = True,
    check_actions: bool = True,
) -> list[Problem]:
    problems: list[Problem] = []
    warn = Severity.WARNING
    root = os.path.realpath(assets_dir)
    scientific: dict[str, Origin] = {}
    used_editions: set[str] = set()
    for sp, origin in species.values():
        if check_editions and sp.edition not in editions and sp.edition not in broken:
            problems.append(
                origin.problem(
                    ("edition",),
                    f"unknown edition '{sp.edition}'"
                    + did_you_mean(sp.edition, {*editions, *broken})
                    + _known(editions),
                )
            )
        used_editions.add(sp.edition)
        if sp.group not in GROUPS:
            problems.append(
                origin.problem(
                    ("group",),
                    f"unknown group '{sp.group}'" + did_you_mean(sp.group, GROUPS) + _known(GROUPS),
                )
            )
        for i, habitat in enumerate(sp.habitats):
            if habitat not in HABITATS:
                problems.append(
                    origin.problem(
                        ("habitats", i),
                        f"unknown habitat '{habitat}'"
                        + did_you_mean(habitat, HABITATS)
                        + _known(HABITATS),
                    )
                )
        for i, helper in enumerate(sp.helped_by):
            if helper.action in broken:
                continue
            if check_actions and helper.action not in actions:
                problems.append(
                    origin.problem(
                        ("helped_by", i),
                        f"unknown action "
                        f"'{helper.action}'"
                        + did_you_mean(helper.action, {*actions, *broken})
                        + _known(actions),
                    )
                )
            elif helper.why is not None:
                problems.extend(
                    origin.problem(("helped_by", i, "why"), _untranslated(lang), severity=warn)
                    for lang in game_languages()
                    if not helper.why.has(lang)
                )
        if sp.art is None:
            problems.append(
                origin.problem(
                    ("group",),
                    f"'{sp.id}' has no 'art:' picture: "
                    f"cards show the generic picture of its group; "
                    f"add 'art: {species_art(sp.id)}' after this line",
                    severity=warn,
                )
            )
        else:
            problems.extend(_check_art(sp.art, assets_dir, root, origin))
        if sp.scientific_name in scientific:
            problems.append(
                origin.problem(
                    ("scientific_name",),
                    f"'{sp.scientific_name}' is also used at "
                    f"{scientific[sp.scientific_name].where()}",
                    severity=warn,
                )
            )
        scientific.setdefault(sp.scientific_name, origin)
        problems.extend(_missing_translations(sp, origin, ("name", "range", "facts", "threats")))
    for edition, origin in editions.values():
        if edition.id not in used_editions:
            problems.append(
                origin.problem(("id",), f"edition '{edition.id}' has no species yet", severity=warn)
            )
        problems.extend(_missing_translations(edition, origin, ("title", "description")))
    for action, origin in actions.values():
        problems.extend(_missing_translations(action, origin, ("name", "description")))
    return problems


def _known(names: Iterable[str]) -> str:
    listed = sorted(names)
    if len(listed) > 12:
        return ""
    return "; known: " + ", ".join(listed) if listed else "; none is defined"


def _missing_translations(item: BaseModel, origin: Origin, fields: Iterable[str]) -> list[Problem]:
    found: list[Problem] = []
    for name in fields:
        value = getattr(item, name)
        if value is None:
            continue
        found.extend(
            origin.problem((name,), f"{name} {_untranslated(lang)}", severity=Severity.WARNING)
            for lang in game_languages()
            if not value.has(lang)
        )
    return found


def _untranslated(lang: str) -> str:
    return f"has no {lang} text: players in that language will see English"


def _check_art(art: str, assets_dir: Path, root: str, origin: Origin) -> list[Problem]:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in art):
        return [origin.problem(("art",), "art path contains a control character")]
    posix = PurePosixPath(art.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or re.match(r"^[A-Za-z]:", art):
        return [
            origin.problem(
                ("art",),
                f"art path '{art}' must stay inside assets/ "
                "(a relative path such as art/whale-shark.svg)",
            )
        ]
    if posix.suffix.lower() not in ART_SUFFIXES:
        return [origin.problem(("art",), f"art '{art}' must be an .svg or .png picture")]
    target = assets_dir.joinpath(*posix.parts)
    if not _resolves_inside(target, root):
        return [
            origin.problem(
                ("art",), f"art path '{art}' leads outside assets/ (through a symbolic link)"
            )
        ]
    if not target.is_file():
        return [origin.problem(("art",), f"art file not found: {display_path(target)}")]
    return []


def _resolves_inside(target: Path, root: str) -> bool:
    """Resolving follows symbolic links, so a link inside assets/ cannot point outside it.
    ``root`` is the assets folder, resolved once for all the art of a deck."""
    try:
        real = os.path.realpath(target)
    except (OSError, ValueError):
        return False
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def arts_usable(arts: Iterable[str], assets_dir: Path) -> bool:
    """True when every one of these art files exists inside ``assets_dir``."""
    root = os.path.realpath(assets_dir)
    for art in arts:
        target = assets_dir.joinpath(*PurePosixPath(art.replace("\\", "/")).parts)
        if not (_resolves_inside(target, root) and target.is_file()):
            return False
    return True
