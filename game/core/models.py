"""Content models: what an edition, a species and an eco-action are.

Every model forbids unknown keys, so a misspelt key is an error with a "did you mean" hint rather
than a silently ignored line. Cross-references between files (an edition named by a species, an
action named in ``helped_by``) are checked by :mod:`game.core.content`, which sees every file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationInfo,
    field_validator,
    model_validator,
)

from game.core.languages import SOURCE_LANGUAGE, game_languages
from game.core.problems import did_you_mean
from game.core.vocab import GROUPS, HABITATS

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=64)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=600)]
Category = Literal["EX", "EW", "CR", "EN", "VU", "NT", "LC", "DD", "NE"]
Trend = Literal["increasing", "decreasing", "stable", "unknown"]

FIRST_RED_LIST_YEAR = 1964
RED_LIST_URL_PATTERN = r"^https://(?:www\.)?iucnredlist\.org/\S*$"

# Offered as completions in the editors' schema; the loader checks them with "did you mean" hints.
_GROUP_NAMES: list[JsonValue] = [name for name in sorted(GROUPS)]
_HABITAT_NAMES: list[JsonValue] = [name for name in sorted(HABITATS)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


def _language_keys(schema: dict[str, Any]) -> None:
    """Offer every language with a catalog to editors, and nothing else."""
    english = schema["properties"][SOURCE_LANGUAGE]
    other = {k: v for k, v in english.items() if k != "title"}
    for lang in game_languages()[1:]:
        schema["properties"][lang] = {**other, "title": lang}
    schema["additionalProperties"] = False
    schema.pop("propertyNames", None)


def _check_languages(keys: Any) -> None:
    known = game_languages()
    for lang in keys:
        if lang not in known:
            raise ValueError(f"'{lang}' is not a language the game has a catalog for"
                             + did_you_mean(lang, known) + "; known: " + ", ".join(known))


class Text(Model):
    """A text in English (required) and in each language the game has a catalog for
    (data/locale/TAG.po), keyed by the language tag, e.g. {en: Whale shark, zh-Hans: 鲸鲨}."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_language_keys)
    __pydantic_extra__: dict[str, LongText] = Field(init=False)

    en: LongText

    @model_validator(mode="after")
    def _known_languages(self) -> Text:
        _check_languages(self.__pydantic_extra__ or {})
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in English when it has none."""
        return (self.__pydantic_extra__ or {}).get(lang) or self.en

    def has(self, lang: str) -> bool:
        return lang == SOURCE_LANGUAGE or lang in (self.__pydantic_extra__ or {})

    def __str__(self) -> str:
        return self.en


class TextList(Model):
    """A few texts in English (required) and in each language the game has a catalog for
    (data/locale/TAG.po), keyed by the language tag."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_language_keys)
    __pydantic_extra__: dict[str, Annotated[list[LongText], Field(min_length=1, max_length=8)]] = (
        Field(init=False))

    en: Annotated[list[LongText], Field(min_length=1, max_length=8)]

    @model_validator(mode="after")
    def _known_languages(self) -> TextList:
        _check_languages(self.__pydantic_extra__ or {})
        return self

    def get(self, lang: str) -> list[str]:
        """The texts in ``lang``, or in English when it has none."""
        return (self.__pydantic_extra__ or {}).get(lang) or self.en

    def has(self, lang: str) -> bool:
        return lang == SOURCE_LANGUAGE or lang in (self.__pydantic_extra__ or {})


class Iucn(Model):
    """The latest global Red List assessment."""

    category: Category
    # The bounds are checked by the validator below, with messages that say why; the schema
    # still tells editors about the lower one.
    year: int = Field(json_schema_extra={"minimum": FIRST_RED_LIST_YEAR})
    trend: Trend = "unknown"
    criteria: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    url: Annotated[str, Field(pattern=RED_LIST_URL_PATTERN, max_length=300)]
    citation: LongText | None = None

    @field_validator("year")
    @classmethod
    def _published_when_possible(cls, year: int, info: ValidationInfo) -> int:
        if year < FIRST_RED_LIST_YEAR:
            raise ValueError(f"assessment year {year} is before {FIRST_RED_LIST_YEAR}, when the "
                             "first Red List was published")
        today = (info.context or {}).get("today") or dt.date.today()
        if year > today.year:
            shown = str(year) if year < 10**8 else f"{str(year)[:8]}…"
            raise ValueError(f"assessment year {shown} is in the future (this year is "
                             f"{today.year})")
        return year


class Edition(Model):
    id: Slug
    title: Text
    description: Text | None = None
    reveal_cost: int = Field(gt=0, le=1_000_000)
    color: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Edition:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValueError(f"ends ({self.ends}) is before starts ({self.starts})")
        return self


class HelpedBy(Model):
    action: Slug
    why: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_id(cls, value: Any) -> Any:
        return {"action": value} if isinstance(value, str) else value


class Species(Model):
    id: Slug = Field(description="Permanent slug, unique across all files; saves refer to it.")
    edition: Slug = Field(description="The id of the edition this card belongs to.")
    name: Text = Field(description="Common name in English and Simplified Chinese.")
    scientific_name: Annotated[
        str, Field(pattern=r"^[A-Z][a-z]+(?: [a-z][a-z-]+){1,2}$", max_length=120)
    ] = Field(description="Latin name as used by the IUCN Red List, e.g. Rhincodon typus.")
    group: Slug = Field(description="Taxon group: drives the generated art and the filters.",
                        json_schema_extra={"enum": _GROUP_NAMES})
    iucn: Iucn
    habitats: Annotated[
        list[Annotated[Slug, Field(json_schema_extra={"enum": _HABITAT_NAMES})]],
        Field(max_length=12),
    ] = []
    range: Text | None = None
    facts: TextList = Field(description="Two or three short, true, child-friendly facts.")
    threats: TextList | None = None
    helped_by: Annotated[list[HelpedBy], Field(max_length=8)] = Field(
        default=[], description="Eco-action ids (from actions.yaml), each with an optional why."
    )
    art: Annotated[str, Field(min_length=1, max_length=300)] | None = Field(
        default=None, description="Optional PNG, relative to assets/, e.g. cards/whale-shark.png."
    )


class Source(Model):
    text: LongText
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)] | None = None


class Action(Model):
    id: Slug
    name: Text
    description: Text | None = None
    category: Literal["transport", "waste", "food", "energy", "water", "shopping"]
    unit: Literal["km", "trip", "item", "meal", "kg", "load", "shower", "day"]
    energy_g: int = Field(gt=0, le=100_000)
    daily_cap_g: int = Field(gt=0, le=1_000_000)
    icon: Literal[
        "walk", "bike", "bus", "train", "bag", "bottle", "cup", "leaf", "plate", "can", "paper",
        "shirt", "sun", "drop", "plug"
    ] = "leaf"
    source: Source

    @model_validator(mode="after")
    def _cap_covers_one_unit(self) -> Action:
        if self.daily_cap_g < self.energy_g:
            raise ValueError(
                f"daily_cap_g ({self.daily_cap_g}) is less than one {self.unit} "
                f"({self.energy_g} g): nobody could ever log it"
            )
        return self


class Equivalent(Model):
    """How much energy equals one of something a child can picture (a tree planted)."""

    grams: int = Field(gt=0)
    name: Text
    source: Source


class SpeciesFile(Model):
    editions: list[Edition] = []
    species: list[Species] = []


class ActionsFile(Model):
    actions: list[Action]
    tree_equivalent: Equivalent | None = None


# --- JSON Schema for editors (yaml-language-server) ------------------------------------------

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _file_schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": SCHEMA_DIALECT, **schema, "title": title, "description": description}
    helped_by = schema.get("$defs", {}).get("Species", {}).get("properties", {}).get("helped_by")
    if helped_by is not None:  # a plain action id is accepted as well as {action, why}
        helped_by["items"] = {"anyOf": [helped_by["items"],
                                        {"type": "string", "pattern": SLUG_PATTERN}]}
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of content file, by the file name it is committed as."""
    return {
        "species.schema.json": _file_schema(
            SpeciesFile, "EcoCards species deck",
            "data/species.yaml and data/decks/*.yaml: editions and species cards.",
        ),
        "actions.schema.json": _file_schema(
            ActionsFile, "EcoCards eco-actions", "data/actions.yaml: the eco-action catalogue.",
        ),
    }


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as it is committed: stable, readable JSON with a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
