"""The JSON Schema of each kind of content file, for editors (yaml-language-server completes
keys and shows each field's description as the deck is typed)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from game.core.models import SLUG_PATTERN, ActionsFile, SpeciesFile

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _file_schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": SCHEMA_DIALECT, **schema, "title": title, "description": description}
    helped_by = schema.get("$defs", {}).get("Species", {}).get("properties", {}).get("helped_by")
    if helped_by is not None:  # a plain action id is accepted as well as {action, why}
        helped_by["items"] = {
            "anyOf": [helped_by["items"], {"type": "string", "pattern": SLUG_PATTERN}]
        }
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of content file, by the file name it is committed as."""
    return {
        "species.schema.json": _file_schema(
            SpeciesFile,
            "EcoCards species deck",
            "data/species.yaml and data/decks/*.yaml: editions and species cards.",
        ),
        "actions.schema.json": _file_schema(
            ActionsFile,
            "EcoCards eco-actions",
            "data/actions.yaml: the eco-action catalogue.",
        ),
    }


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as it is committed: stable, readable JSON with a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
