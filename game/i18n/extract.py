"""Every string the game translates, found in the code, and the catalogs kept in step with it.

The marks Babel looks for are the ones the code already uses (``KEYWORDS``):
``tr("...")``, ``tr.plural(n, "one", "other")``, ``N_("...")`` for a word kept in a table and
translated where it is shown, ``N_plural("one", "other")`` for such a pair, ``Message("...")``
for a sentence of the rules or the saves (an error the player may see is raised with a Message:
``RuleError(Message("..."))``). ``babel.cfg`` says which files are read.

:func:`update` writes ``data/locale/messages.pot`` and merges it into every ``<tag>.po``
(``python tools/catalogs.py update``); :func:`check` lists every problem (``... check``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from game.core.languages import SOURCE_LANGUAGE, catalog_languages
from game.i18n.catalogs import (
    TEMPLATE_NAME,
    CatalogProblem,
    catalog_path,
    read_catalog,
    strings,
)

KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "tr": None,
    "plural": (2, 3),
    "N_": None,
    "N_plural": (1, 2),
    "Message": None,
}
PROJECT = "EcoCards"
# The creation date is the one header line that changes on every run; it is kept out of diffs.
_VOLATILE = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


def template(root: Path) -> Catalog:
    """The template: every translatable string under ``root`` (a checkout), per ``babel.cfg``."""
    with (root / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(  # type: ignore[no-untyped-call]
            fh, filename=str(root / "babel.cfg")
        )
    catalog = Catalog(project=PROJECT, msgid_bugs_address=None, fuzzy=False)
    found = extract_from_dir(
        str(root),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_text(catalog: Catalog, *, template: bool = False) -> str:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        include_lineno=False,
        sort_by_file=True,
        ignore_obsolete=template,
        omit_header=False,
    )
    return buffer.getvalue().decode("utf-8")


def _write_if_changed(path: Path, text: str) -> bool:
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if _VOLATILE.sub("", old) == _VOLATILE.sub("", text):
        return False
    path.write_text(text, encoding="utf-8")
    return True


def update(root: Path, locale_dir: Path) -> list[str]:
    """Refresh the template from the code and merge it into every catalog; the files changed.

    New strings arrive untranslated, changed ones fuzzy (gettext's usual merge), removed ones
    become obsolete (``#~``) so no translation is lost.
    """
    pot = template(root)
    changed = []
    if _write_if_changed(locale_dir / TEMPLATE_NAME, _po_text(pot, template=True)):
        changed.append(TEMPLATE_NAME)
    for lang in catalog_languages(locale_dir)[1:]:
        path = catalog_path(locale_dir, lang)
        with path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
        catalog.update(pot, update_header_comment=False)
        if _write_if_changed(path, _po_text(catalog)):
            changed.append(path.name)
    return changed


def check(root: Path, locale_dir: Path) -> list[CatalogProblem]:
    """Every problem in every catalog, and every string of the code a catalog lacks."""
    pot = template(root)
    problems: list[CatalogProblem] = []
    for lang in catalog_languages(locale_dir):
        if lang == SOURCE_LANGUAGE:
            continue
        path = catalog_path(locale_dir, lang)
        catalog, found = read_catalog(path)
        problems += found
        if catalog is not None:
            problems += list(_missing(path, pot, catalog))
    return problems


def _missing(path: Path, pot: Catalog, catalog: Catalog) -> Iterator[CatalogProblem]:
    for message in pot:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
        forms = [] if translated is None else strings(translated)
        english = message.id if isinstance(message.id, str) else message.id[0]
        if translated is None:
            yield CatalogProblem(path, 1, f"no entry for {english!r} (from {where})")
        elif translated.fuzzy or not all(forms):
            state = "marked fuzzy" if translated.fuzzy else "not translated"
            yield CatalogProblem(path, translated.lineno or 1, f"{english!r} is {state}")
        elif isinstance(message.id, str) != isinstance(translated.id, str):
            yield CatalogProblem(
                path,
                translated.lineno or 1,
                f"{english!r} is a plural in one place and not the other",
            )
