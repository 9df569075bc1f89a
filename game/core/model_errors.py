"""pydantic's validation errors told as an editor needs them: which key, what was expected and
what was found, with a "did you mean" hint, at the line and column of the value."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from game.core.models import RED_LIST_URL_PATTERN
from game.core.problems import Problem, did_you_mean, nearest_code, shorten
from game.core.vocab import CATEGORY_NAMES
from game.core.yamlsrc import YamlDocument


def translate(doc: YamlDocument, root: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    # A misspelt key shows up twice: as an unknown key and as a missing one. Report it once.
    misspelt = {
        (tuple(e["loc"][:-1]), hint)
        for e in errors
        if e["type"] == "extra_forbidden"
        for hint in difflib.get_close_matches(
            str(e["loc"][-1]), _known_keys(root, e["loc"][:-1]), n=1, cutoff=0.6
        )
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


_CATEGORY_CODES = {name.lower(): code for code, name in CATEGORY_NAMES.items()}


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
            return (
                f"expected one of: {', '.join(allowed)}; got {str(value).lower()} (YAML reads "
                "a bare yes/no/on/off as true/false: put the value in quotes)"
            )
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
            return (
                f"'{value}' is not a Red List address: use the species' page, "
                "https://www.iucnredlist.org/species/<taxon id>/<assessment id>"
            )
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
        sign = {
            "greater_than": ">",
            "greater_than_equal": ">=",
            "less_than": "<",
            "less_than_equal": "<=",
        }[kind]
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
