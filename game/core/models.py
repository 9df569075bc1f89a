"""Content models: what an edition, a species and an eco-action are.

Every model forbids unknown keys, so a misspelt key is an error with a "did you mean" hint rather
than a silently ignored line. Cross-references between files (an edition named by a species, an
action named in ``helped_by``) are checked by :mod:`game.core.content`, which sees every file.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=64)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=600)]
Category = Literal["EX", "EW", "CR", "EN", "VU", "NT", "LC", "DD", "NE"]
Trend = Literal["increasing", "decreasing", "stable", "unknown"]

FIRST_RED_LIST_YEAR = 1964


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Text(Model):
    """A text in each language; English is required, Simplified Chinese is recommended."""

    en: LongText
    zh_hans: LongText | None = Field(default=None, alias="zh-Hans")

    def get(self, lang: str) -> str:
        if lang == "zh-Hans" and self.zh_hans:
            return self.zh_hans
        return self.en


class TextList(Model):
    en: Annotated[list[LongText], Field(min_length=1, max_length=8)]
    zh_hans: Annotated[list[LongText], Field(min_length=1, max_length=8)] | None = Field(
        default=None, alias="zh-Hans"
    )

    def get(self, lang: str) -> list[str]:
        if lang == "zh-Hans" and self.zh_hans:
            return self.zh_hans
        return self.en


class Iucn(Model):
    category: Category
    year: int = Field(ge=FIRST_RED_LIST_YEAR)
    trend: Trend = "unknown"
    criteria: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    url: Annotated[str, Field(pattern=r"^https://\S+$", max_length=300)]
    citation: LongText | None = None

    @field_validator("year")
    @classmethod
    def _not_in_future(cls, year: int, info: ValidationInfo) -> int:
        today = (info.context or {}).get("today") or dt.date.today()
        if year > today.year:
            raise ValueError(f"assessment year {year} is in the future")
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
    id: Slug
    edition: Slug
    name: Text
    scientific_name: Annotated[
        str, Field(pattern=r"^[A-Z][a-z]+(?: [a-z][a-z-]+){1,2}$", max_length=120)
    ]
    group: Slug
    iucn: Iucn
    habitats: Annotated[list[Slug], Field(max_length=12)] = []
    range: Text | None = None
    facts: TextList
    threats: TextList | None = None
    helped_by: Annotated[list[HelpedBy], Field(max_length=8)] = []
    art: Annotated[str, Field(min_length=1, max_length=300)] | None = None


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


class Bundle(Model):
    """Everything validated, in the shape the cache stores."""

    editions: list[Edition]
    species: list[Species]
    actions: list[Action]
    tree_equivalent: Equivalent | None = None
