"""Content models: what an edition, a species and an eco-action are.

Every model forbids unknown keys, so a misspelt key is an error with a "did you mean" hint rather
than a silently ignored line. Cross-references between files (an edition named by a species, an
action named in ``helped_by``) are checked by :mod:`game.core.content`, which sees every file.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ModelWrapValidatorHandler,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails

from game.core.languages import SOURCE_LANGUAGE, game_languages
from game.core.problems import did_you_mean
from game.core.vocab import GROUPS, HABITATS, ActionCategory, ActionIcon, ActionUnit

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=64)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=600)]
Category = Literal["EX", "EW", "CR", "EN", "VU", "NT", "LC", "DD", "NE"]
# A category in an older assessment: today's codes, the 1994 "Lower Risk" ones (version 2.3), and
# the codes used before 1994 (E endangered, V vulnerable, R rare, I indeterminate, K insufficiently
# known, T threatened, Ex extinct).
PastCategory = Literal[
    "EX",
    "EW",
    "CR",
    "EN",
    "VU",
    "NT",
    "LC",
    "DD",
    "NE",
    "LR/cd",
    "LR/nt",
    "LR/lc",
    "E",
    "V",
    "R",
    "I",
    "K",
    "T",
    "Ex",
]
Trend = Literal["increasing", "decreasing", "stable", "unknown"]
CitesAppendix = Literal["I", "II", "III"]
YearKey = Annotated[str, Field(pattern=r"^[0-9]{4}$")]

# Limits the decks' headers document for editors (the validator enforces them).
NAME_LIMITS = {"en": 32, "zh-Hans": 10}
FACT_LIMIT = 120
FACTS_MAX = 3
THREAT_LIMIT = 80
THREATS_MAX = 3

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
            raise ValueError(
                f"'{lang}' is not a language the game has a catalog for"
                + did_you_mean(lang, known)
                + "; known: "
                + ", ".join(known)
            )


def _name_keys(schema: dict[str, Any]) -> None:
    """Every language's own name limit, for editors."""
    _language_keys(schema)
    for lang, prop in schema["properties"].items():
        prop["maxLength"] = name_limit(lang)


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
        Field(init=False)
    )

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


class Name(Text):
    """A species' common name: short enough for a card's title. Each language has its own limit
    (a Chinese character is about as wide as three Latin letters); a language with none of its
    own has the English one."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_name_keys)

    en: Annotated[str, Field(min_length=1, max_length=NAME_LIMITS[SOURCE_LANGUAGE])]

    @model_validator(mode="wrap")
    @classmethod
    def _fits_the_card(cls, data: Any, handler: ModelWrapValidatorHandler[Name]) -> Name:
        if isinstance(data, dict):
            too_long = [
                InitErrorDetails(
                    type="string_too_long",
                    loc=(lang,),
                    input=text,
                    ctx={"max_length": name_limit(lang)},
                )
                for lang, text in data.items()
                if lang != SOURCE_LANGUAGE
                and isinstance(text, str)
                and len(text) > name_limit(lang)
            ]
            if too_long:
                raise ValidationError.from_exception_data(cls.__name__, too_long)
        return handler(data)


def name_limit(lang: str) -> int:
    """How many characters of a name in ``lang`` fit on a card's title."""
    return NAME_LIMITS.get(lang, NAME_LIMITS[SOURCE_LANGUAGE])


FactText = Annotated[str, Field(min_length=1, max_length=FACT_LIMIT)]
ThreatText = Annotated[str, Field(min_length=1, max_length=THREAT_LIMIT)]


class Facts(TextList):
    """Up to three short facts per language, one sentence each."""

    __pydantic_extra__: dict[
        str, Annotated[list[FactText], Field(min_length=1, max_length=FACTS_MAX)]
    ] = Field(init=False)

    en: Annotated[list[FactText], Field(min_length=1, max_length=FACTS_MAX)]


class Threats(TextList):
    """Up to three short phrases per language."""

    __pydantic_extra__: dict[
        str, Annotated[list[ThreatText], Field(min_length=1, max_length=THREATS_MAX)]
    ] = Field(init=False)

    en: Annotated[list[ThreatText], Field(min_length=1, max_length=THREATS_MAX)]


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
    citation_note: LongText | None = Field(
        default=None,
        description="When no citation could be confirmed: why not, and what the category "
        "rests on (e.g. an IUCN press release).",
    )
    history: Annotated[dict[YearKey, PastCategory], Field(max_length=40)] | None = Field(
        default=None,
        description="Earlier assessments, year: category, from the assessment's 'previously "
        "published' list (e.g. {2008: EN, 2016: VU}).",
    )

    @field_validator("history", mode="before")
    @classmethod
    def _years_as_text(cls, value: Any) -> Any:
        # YAML reads 2008 as a number; the JSON cache and the schema keep years as text keys.
        if isinstance(value, dict):
            return {
                str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v
                for k, v in value.items()
            }
        return value

    @model_validator(mode="after")
    def _citation_or_note(self) -> Iucn:
        if self.citation and self.citation_note:
            raise ValueError(
                "give either citation (confirmed) or citation_note (why there is none), not both"
            )
        return self

    @model_validator(mode="after")
    def _history_before_latest(self) -> Iucn:
        for year in self.history or {}:
            if int(year) < FIRST_RED_LIST_YEAR:
                raise ValueError(
                    f"history year {year} is before {FIRST_RED_LIST_YEAR}, when the "
                    "first Red List was published"
                )
            if int(year) >= self.year:
                raise ValueError(
                    f"history year {year} is not before the latest assessment "
                    f"({self.year}): history lists the earlier assessments only"
                )
        return self

    def timeline(self) -> list[tuple[int, str]]:
        """Every assessment, oldest first, ending with the latest: (year, category)."""
        past = sorted((int(year), code) for year, code in (self.history or {}).items())
        return [*past, (self.year, self.category)]

    @field_validator("year")
    @classmethod
    def _published_when_possible(cls, year: int, info: ValidationInfo) -> int:
        if year < FIRST_RED_LIST_YEAR:
            raise ValueError(
                f"assessment year {year} is before {FIRST_RED_LIST_YEAR}, when the "
                "first Red List was published"
            )
        today = (info.context or {}).get("today") or dt.date.today()
        if year > today.year:
            shown = str(year) if year < 10**8 else f"{str(year)[:8]}…"
            raise ValueError(
                f"assessment year {shown} is in the future (this year is {today.year})"
            )
        return year


class Trade(Model):
    """What is traded illegally and how CITES controls it: the card's "Don't buy" panel."""

    goods: TextList = Field(
        description="What is sold: products made from the species (one short phrase each)."
    )
    cites: CitesAppendix = Field(
        description="CITES appendix: I (commercial trade banned), "
        "II (trade only with permits) or III."
    )


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
    name: Name = Field(
        description="Common name in English (at most 32 characters) and "
        "Simplified Chinese (at most 10)."
    )
    scientific_name: Annotated[
        str, Field(pattern=r"^[A-Z][a-z]+(?: [a-z][a-z-]+){1,2}$", max_length=120)
    ] = Field(description="Latin name as used by the IUCN Red List, e.g. Rhincodon typus.")
    group: Slug = Field(
        description="Taxon group: its generic picture, and the filters.",
        json_schema_extra={"enum": _GROUP_NAMES},
    )
    iucn: Iucn
    habitats: Annotated[
        list[Annotated[Slug, Field(json_schema_extra={"enum": _HABITAT_NAMES})]],
        Field(max_length=12),
    ] = []
    range: Text | None = None
    facts: Facts = Field(
        description="Two or three short, true, child-friendly facts, at most 120 characters each."
    )
    threats: Threats | None = Field(
        default=None, description="One to three short phrases, at most 80 characters each."
    )
    trade: Trade | None = Field(
        default=None,
        description="Where illegal trade is a main threat: what is sold, and its CITES appendix.",
    )
    helped_by: Annotated[list[HelpedBy], Field(max_length=8)] = Field(
        default=[], description="Eco-action ids (from actions.yaml), each with an optional why."
    )
    art: Annotated[str, Field(min_length=1, max_length=300)] | None = Field(
        default=None,
        description="The species' picture, SVG (or PNG) relative to assets/, "
        "e.g. art/whale-shark.svg; without it the card shows the generic picture of its group.",
    )


class Source(Model):
    text: LongText
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)] | None = None


class Action(Model):
    id: Slug
    name: Text
    description: Text | None = None
    category: ActionCategory
    unit: ActionUnit
    energy_g: int = Field(gt=0, le=100_000)
    daily_cap_g: int = Field(gt=0, le=1_000_000)
    icon: ActionIcon = "leaf"
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
