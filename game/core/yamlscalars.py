"""YAML scalars for the content reader: what a plain value means, and which tags are refused.

Only the plain YAML types are read (text, numbers, true/false, null, dates); any other tag is
refused where it stands, and a value that cannot be what its form says (a date that is not one, a
number of a hundred digits) gets a message in plain words.
"""

from __future__ import annotations

from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.core.problems import shorten
from game.core.textfile import Position
from game.core.yamlerrors import mark_position

STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}
_resolver = Resolver()
_constructor = SafeConstructor()


class Refused(Exception):
    """Input that cannot be read any further; carries the position where it was noticed."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def refuse_tag(event: Any) -> None:
    raise Refused(
        mark_position(event.start_mark),
        f"the tag '{_shown_tag(event.tag)}' is not "
        "allowed in content files; write plain values without '!' tags",
    )


def scalar_value(event: Any) -> Any:
    tag = event.tag
    if tag is not None and tag != "!" and not event.implicit[0]:
        # An explicit tag: only the plain YAML scalar types are allowed.
        if tag not in PLAIN_TAGS:
            refuse_tag(event)
    else:
        if event.style:  # quoted or block scalar: always text
            return event.value
        tag = _resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag in (STR, MERGE):  # a '<<' outside a key is only text
        return event.value
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _constructor.construct_object(node)
    except Exception as exc:  # PyYAML's constructors fail on odd text in many ways
        what = _TYPE_NAMES.get(tag, _shown_tag(tag))
        if tag.endswith(":int") and len(event.value) > 100:
            message = f"a number with {len(event.value)} digits is far too long"
        else:
            message = f"cannot read '{shorten(event.value)}' as {what}"
        if tag.endswith(":timestamp"):
            message += " (a date is written 2026-01-31; put other text in quotes)"
        raise Refused(mark_position(event.start_mark), message) from exc


def plain_text(event: Any) -> bool:
    """True for a scalar that is certainly text: quoted, or plain and not looking like a number,
    a boolean, a null, a date or a merge key (the only first characters YAML resolves)."""
    if event.tag is not None and event.tag != "!" and not event.implicit[0]:
        return False
    if event.style:
        return True
    value = event.value
    return bool(value) and value[0] not in _RESOLVABLE_FIRST


_RESOLVABLE_FIRST = frozenset(
    first for first in _resolver.yaml_implicit_resolvers if first is not None
)
