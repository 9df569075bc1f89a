"""Messages the rules and the saves show to players, kept translatable.

A :class:`Message` is the English sentence (it *is* a ``str``, so logs, tools and ``str(exc)``
read as before) that also remembers its template and values. The game's translator looks the
template up in the catalog and fills in the values, translating any value that is itself a
Message, so "Could not save (the disk is full)" reads naturally in every language.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        text = template.format(**values) if values else template
        message = super().__new__(cls, text)
        message.template = template
        message.values = values
        return message

    def __reduce__(self) -> tuple[Any, ...]:  # survives pickling and copying as a Message
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def message_of(exc: BaseException) -> str:
    """What an exception says: its Message when it was raised with one, else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


def N_(text: str, /) -> str:  # the name gettext tools look for
    """Mark ``text`` for the translators' catalog; it is translated where it is shown."""
    return text


def N_plural(one: str, other: str, /) -> tuple[str, str]:
    """Mark a singular and plural pair for the catalog, shown later with ``tr.plural``."""
    return one, other
