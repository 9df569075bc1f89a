"""The IUCN Red List API v4: a species' latest global assessment, as a deck stores it.

Two generations of answers exist and both are read: in 2024 a look-up's assessments carried no
category (it came from ``/assessment/{id}``) and a common name's language was an object; since
2025 each assessment also carries ``red_list_category_code`` and the language is a plain code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from game.core.vocab import CATEGORIES, CATEGORY_NAMES, TRENDS
from game.editor.net import BadAnswer, JsonClient, NotFound, ensure_mapping

DEFAULT_API_BASE = "https://api.iucnredlist.org/api/v4"
SIGN_UP_URL = "https://api.iucnredlist.org/users/sign_up"
TOKEN_ENV = "IUCN_API_TOKEN"
SERVICE = "IUCN Red List API"
GLOBAL_SCOPE = "1"
TREND_CODES = {"0": "increasing", "1": "decreasing", "2": "stable", "3": "unknown"}
# Categories of the 1994/2001 (v2.3) criteria still found on old assessments. Under v3.1
# "conservation dependent" was folded into Near Threatened.
OLD_CATEGORIES = {
    "LR/LC": ("LC", "Lower Risk/least concern"),
    "LR/NT": ("NT", "Lower Risk/near threatened"),
    "LR/CD": ("NT", "Lower Risk/conservation dependent"),
}
URL_PATTERN = re.compile(r"https://[!-~]+")  # printable ASCII, no spaces
YEAR_PATTERN = re.compile(r"\s*([12][0-9]{3})\s*", re.ASCII)
ID_PATTERN = re.compile(r"[0-9]{1,12}", re.ASCII)
VERSION_PATTERN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.-]{0,19}", re.ASCII)
MAX_CRITERIA = 80
MAX_CITATION = 600


class SpeciesProblem(Exception):
    """The API answered, but gives no status a card can use for this species."""


class UnknownName(SpeciesProblem):
    """The Red List does not know the scientific name (a JSON 404)."""


@dataclass(frozen=True)
class CommonName:
    name: str
    language: str
    main: bool = False


@dataclass(frozen=True)
class Taxon:
    sis_id: int | None
    scientific_name: str
    common_names: tuple[CommonName, ...] = ()
    ranks: dict[str, str] = field(default_factory=dict)  # "class": "MAMMALIA", … when given

    def common_name(self, language: str) -> str | None:
        names = [c for c in self.common_names if c.language == language]
        names.sort(key=lambda c: not c.main)
        return names[0].name if names else None


@dataclass(frozen=True)
class RedListStatus:
    """The latest global assessment, in deck terms. ``category`` is None when the Red List's
    category cannot be stored in a deck (``red_list_category`` has what the API said)."""

    category: str | None
    red_list_category: str
    year: int | None
    trend: str
    criteria: str | None
    url: str
    citation: str | None
    assessment_id: int | str
    notes: tuple[str, ...] = ()

    def deck_fields(self) -> dict[str, Any]:
        """The ``iucn`` fields of a deck entry; fields that cannot be stored are left out."""
        fields: dict[str, Any] = {
            "category": self.category,
            "year": self.year,
            "trend": self.trend,
            "criteria": self.criteria,
            "url": self.url,
        }
        if self.category is None:
            del fields["category"]
        if self.year is None:
            del fields["year"]
        if self.criteria is not None and len(self.criteria) > MAX_CRITERIA:
            del fields["criteria"]
        return fields


@dataclass(frozen=True)
class Lookup:
    taxon: Taxon
    status: RedListStatus


def split_name(scientific_name: str) -> dict[str, str]:
    """Query parameters for a binomial or trinomial name."""
    words = scientific_name.split()
    if len(words) not in (2, 3):
        raise SpeciesProblem(f"'{scientific_name}' is not a binomial like 'Rhincodon typus'")
    params = {"genus_name": words[0], "species_name": words[1]}
    if len(words) == 3:
        params["infra_name"] = words[2]
    return params


class IucnClient:
    def __init__(self, client: JsonClient) -> None:
        self.client = client

    def version(self) -> str | None:
        data = ensure_mapping(
            self.client.get("information/red_list_version"), SERVICE, "the Red List version"
        )
        version = data.get("red_list_version")
        return version if isinstance(version, str) and VERSION_PATTERN.fullmatch(version) else None

    def lookup(self, scientific_name: str) -> Lookup:
        try:
            data = self.client.get("taxa/scientific_name", split_name(scientific_name))
        except NotFound:
            raise UnknownName(f"the Red List does not know '{scientific_name}'") from None
        try:
            return self._lookup(
                scientific_name, ensure_mapping(data, SERVICE, f"'{scientific_name}'")
            )
        except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:
            raise BadAnswer(
                f"{SERVICE}: the answer for '{scientific_name}' is not in the "
                f"documented shape ({type(exc).__name__})"
            ) from None

    def _lookup(self, scientific_name: str, data: dict[str, Any]) -> Lookup:
        taxon = parse_taxon(data.get("taxon"), scientific_name)
        items = data.get("assessments")
        if not isinstance(items, list):
            raise BadAnswer(
                f"{SERVICE}: the answer for '{scientific_name}' has no assessments list"
            )
        item, notes = choose_assessment([i for i in items if isinstance(i, dict)], scientific_name)
        assessment_id = _id(item.get("assessment_id"))
        if assessment_id is None:
            raise BadAnswer(
                f"{SERVICE}: an assessment of '{scientific_name}' has no valid assessment_id"
            )
        assessment = ensure_mapping(
            self.client.get(f"assessment/{assessment_id}"), SERVICE, f"assessment {assessment_id}"
        )
        return Lookup(taxon, status_from(item, assessment, notes))


def parse_taxon(raw: Any, asked: str) -> Taxon:
    taxon = raw if isinstance(raw, dict) else {}
    names = []
    for entry in taxon.get("common_names") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        language = entry.get("language")
        if isinstance(language, dict):  # 2024: {"code": "eng", ...}; 2025: "eng"
            language = language.get("code")
        names.append(
            CommonName(
                entry["name"].strip(), str(language or "").lower(), entry.get("main") is True
            )
        )
    ranks = {
        key.removesuffix("_name"): value
        for key, value in taxon.items()
        if key.endswith("_name") and isinstance(value, str)
    }
    sis_id = taxon.get("sis_id")
    return Taxon(
        sis_id=sis_id if isinstance(sis_id, int) else None,
        scientific_name=str(taxon.get("scientific_name") or asked),
        common_names=tuple(names),
        ranks=ranks,
    )


def _scope_is_global(item: dict[str, Any]) -> bool | None:
    """True or False from the item's scopes; None when it lists none."""
    scopes = item.get("scopes")
    if not isinstance(scopes, list) or not scopes:
        return None
    for scope in scopes:
        if not isinstance(scope, dict):
            continue
        if str(scope.get("code")) == GLOBAL_SCOPE:
            return True
        description = scope.get("description")
        text = description.get("en") if isinstance(description, dict) else description
        if isinstance(text, str) and text.strip().lower() == "global":
            return True
    return False


def _scope_names(item: dict[str, Any]) -> str:
    names = []
    for scope in item.get("scopes") or []:
        if isinstance(scope, dict):
            names.append(_text(scope.get("description")) or f"scope {scope.get('code', '?')}")
    return ", ".join(names) or "no scope"


def _year(value: Any) -> int | None:
    """A year from a number or a text of four ASCII digits ("2016²" and "٢٠١٦" are not)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = YEAR_PATTERN.fullmatch(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def _id(value: Any) -> int | None:
    """An assessment or taxon id: a whole number, or a text of ASCII digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    return int(value) if isinstance(value, str) and ID_PATTERN.fullmatch(value) else None


def choose_assessment(items: list[dict[str, Any]], name: str) -> tuple[dict[str, Any], list[str]]:
    """The latest global assessment. ``latest`` is per scope, so a regional assessment can be
    "latest" too; without a latest global one, the newest global ``year_published`` wins."""
    if not items:
        raise SpeciesProblem(f"the Red List lists no assessment of '{name}'")
    notes: list[str] = []
    pool = [i for i in items if _scope_is_global(i) is True]
    if not pool:
        pool = [i for i in items if _scope_is_global(i) is None]
        if not pool:
            regional = sorted({_scope_names(i) for i in items})
            raise SpeciesProblem(
                f"the Red List has only regional assessments of '{name}' "
                f"({'; '.join(regional)}), no global one"
            )
        notes.append("the assessments name no scope; taken as global")
    latest = [i for i in pool if i.get("latest") is True]
    if not latest:
        notes.append("no global assessment is marked latest; the newest year_published is used")
        latest = pool

    def newest(item: dict[str, Any]) -> tuple[int, int]:
        return (_year(item.get("year_published")) or 0, _id(item.get("assessment_id")) or 0)

    return max(latest, key=newest), notes


def deck_category(raw: str) -> tuple[str | None, str | None]:
    """The deck's category for a Red List category code, and a note when it is not 1:1."""
    code = raw.strip()
    if code.upper() in CATEGORIES:
        return code.upper(), None
    old = OLD_CATEGORIES.get(code.upper().replace(" ", ""))
    if old:
        mapped, name = old
        return mapped, (
            f"old v2.3 category {code} ({name}) counts as {mapped} "
            f"({CATEGORY_NAMES[mapped]}) under v3.1; the species needs a new "
            "assessment"
        )
    return None, f"Red List category '{code}' has no deck equivalent: set the category by hand"


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("en")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _trend(raw: Any) -> tuple[str, str | None]:
    if raw is None:
        return "unknown", None
    if isinstance(raw, dict):
        code = raw.get("code")
        if code is not None and str(code) in TREND_CODES:
            return TREND_CODES[str(code)], None
        raw = _text(raw.get("description"))
    if isinstance(raw, str) and raw.strip().lower() in TRENDS:
        return raw.strip().lower(), None
    return "unknown", f"population trend {raw!r} not understood; shown as unknown"


def status_from(
    item: dict[str, Any], assessment: dict[str, Any], notes: list[str] | None = None
) -> RedListStatus:
    """Combine a look-up's assessment item with the full assessment it points to."""
    notes = list(notes or [])
    raw_category = item.get("red_list_category_code")  # 2025 answers
    if not isinstance(raw_category, str) or not raw_category.strip():
        category_block = assessment.get("red_list_category")
        raw_category = category_block.get("code") if isinstance(category_block, dict) else None
    if not isinstance(raw_category, str) or not raw_category.strip():
        category, red_list_category = None, "?"
        notes.append("the assessment gives no category")
    else:
        red_list_category = raw_category.strip()
        category, note = deck_category(red_list_category)
        if note:
            notes.append(note)

    year = _year(item.get("year_published"))
    if year is None:
        year = _year(assessment.get("year_published"))
    if year is None:
        notes.append("the assessment gives no year_published")

    trend, note = _trend(assessment.get("population_trend"))
    if note:
        notes.append(note)

    criteria = _text(assessment.get("criteria"))
    if criteria is not None and len(criteria) > MAX_CRITERIA:
        notes.append(
            f"criteria '{criteria[:30]}…' are longer than a deck allows "
            f"({MAX_CRITERIA}); set them by hand"
        )

    assessment_id = _id(item.get("assessment_id", assessment.get("assessment_id")))
    url = next(
        (
            u
            for u in (item.get("url"), assessment.get("url"))
            if isinstance(u, str) and URL_PATTERN.fullmatch(u.strip())
        ),
        None,
    )
    if url is None:
        sis = _id(item.get("sis_taxon_id", assessment.get("sis_taxon_id")))
        url = f"https://www.iucnredlist.org/species/{sis or '?'}/{assessment_id or '?'}"
    citation = _text(assessment.get("citation"))
    if citation is not None and len(citation) > MAX_CITATION:
        citation = None
        notes.append(f"the citation is longer than a deck allows ({MAX_CITATION} characters)")
    if item.get("possibly_extinct") is True:
        notes.append("assessed as possibly extinct")
    elif item.get("possibly_extinct_in_the_wild") is True:
        notes.append("assessed as possibly extinct in the wild")
    return RedListStatus(
        category=category,
        red_list_category=red_list_category,
        year=year,
        trend=trend,
        criteria=criteria,
        url=url.strip(),
        citation=citation,
        assessment_id=assessment_id if assessment_id is not None else "?",
        notes=tuple(notes),
    )
