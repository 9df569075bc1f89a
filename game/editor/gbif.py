"""The GBIF species API: is a scientific name accepted, and what do people call the species?

GBIF needs no token. Its answers only ever become suggestions for the editor, never deck data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.editor.net import ApiError, JsonClient, ensure_mapping

DEFAULT_GBIF_BASE = "https://api.gbif.org/v1"
SERVICE = "GBIF species API"
PAGE_SIZE = 100
MAX_PAGES = 5  # a few species have hundreds of vernacular names; the first pages are enough


@dataclass(frozen=True)
class NameMatch:
    asked: str
    match_type: str  # EXACT, FUZZY, HIGHERRANK or NONE
    canonical_name: str | None = None
    rank: str | None = None
    usage_key: int | None = None
    synonym: bool = False
    accepted_key: int | None = None
    accepted_name: str | None = None
    confidence: int | None = None

    @property
    def species_key(self) -> int | None:
        """The key of the accepted species, whose vernacular names are wanted."""
        if self.match_type not in ("EXACT", "FUZZY"):
            return None
        return self.accepted_key if self.synonym and self.accepted_key else self.usage_key

    @property
    def suggested_name(self) -> str | None:
        """The accepted name to use instead of ``asked``, when GBIF has one."""
        if self.synonym:
            return self.accepted_name
        if self.match_type == "FUZZY" and self.canonical_name != self.asked:
            return self.canonical_name
        return None

    def suggestion(self) -> str | None:
        """One line for the editor, or None when the name is accepted as written."""
        if self.synonym:
            accepted = (
                f"'{self.accepted_name}'"
                if self.accepted_name
                else f"https://www.gbif.org/species/{self.accepted_key}"
            )
            return f"GBIF: '{self.asked}' is a synonym; the accepted name is {accepted}"
        if self.match_type == "FUZZY" and self.canonical_name != self.asked:
            sure = f", confidence {self.confidence}%" if self.confidence is not None else ""
            return f"GBIF: did you mean '{self.canonical_name}'? (fuzzy match{sure})"
        if self.match_type == "HIGHERRANK":
            rank = (self.rank or "higher rank").lower()
            return (
                f"GBIF does not know '{self.asked}' as a species, only the {rank} "
                f"'{self.canonical_name}'"
            )
        if self.match_type == "NONE":
            return f"GBIF has no match for '{self.asked}'"
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class GbifClient:
    def __init__(self, client: JsonClient) -> None:
        self.client = client

    def match(self, scientific_name: str) -> NameMatch:
        data = ensure_mapping(
            self.client.get("species/match", {"name": scientific_name}),
            SERVICE,
            f"the match of '{scientific_name}'",
        )
        match = NameMatch(
            asked=scientific_name,
            match_type=str(data.get("matchType") or "NONE").upper(),
            canonical_name=data.get("canonicalName")
            if isinstance(data.get("canonicalName"), str)
            else None,
            rank=data.get("rank") if isinstance(data.get("rank"), str) else None,
            usage_key=_int(data.get("usageKey")),
            synonym=data.get("synonym") is True,
            accepted_key=_int(data.get("acceptedUsageKey")),
            confidence=_int(data.get("confidence")),
        )
        if match.synonym and match.accepted_key is not None:
            match = replace(match, accepted_name=self._name_of(match.accepted_key))
        return match

    def _name_of(self, key: int) -> str | None:
        """The accepted name behind a synonym; a failure here only costs the suggestion's
        wording, so it is not an error."""
        try:
            data = self.client.get(f"species/{key}")
        except ApiError:
            return None
        if not isinstance(data, dict):
            return None
        name = data.get("canonicalName") or data.get("scientificName")
        return name if isinstance(name, str) else None

    def vernacular_names(
        self, key: int, languages: tuple[str, ...] = ("eng", "zho")
    ) -> dict[str, list[str]]:
        """Distinct vernacular names per ISO 639-3 language, in GBIF's order."""
        found: dict[str, list[str]] = {lang: [] for lang in languages}
        seen: set[tuple[str, str]] = set()
        offset = 0
        for _ in range(MAX_PAGES):
            data = ensure_mapping(
                self.client.get(
                    f"species/{key}/vernacularNames",
                    {"offset": str(offset), "limit": str(PAGE_SIZE)},
                ),
                SERVICE,
                "vernacular names",
            )
            results = data.get("results")
            if not isinstance(results, list):
                break
            for entry in results:
                if not isinstance(entry, dict):
                    continue
                name, lang = entry.get("vernacularName"), entry.get("language")
                if (
                    not isinstance(name, str)
                    or not name.strip()
                    or not isinstance(lang, str)
                    or lang not in found
                ):
                    continue
                marker = (lang, name.strip().casefold())
                if marker not in seen:
                    seen.add(marker)
                    found[lang].append(name.strip())
            if data.get("endOfRecords") is not False or not results:
                break
            offset += len(results)
        return found
