"""The teacher's settings for a class, in plain Python: the approval queue, which actions count
and their daily limits, how far back a day may be logged, the editions on, data retention and the
class goal. Storage lives in :mod:`game.saves.classroom`.

A change to the rules the economy applies (the actions allowed, their caps, the back-dating) is
not retroactive: the rules in force until the change are kept in ``past_rules``, and
:meth:`ClassSettings.rules_at` gives the verifier the rules an entry was written under, so a cap
changed today does not set aside what a child earned yesterday under the old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from game.core.content import Content
from game.core.economy import RuleError, Rules
from game.core.messages import Message
from game.core.models import Action

MAX_GOAL_NAME = 40
# A class's daily cap for an action stays between a tenth of the deck's cap and twice it: a
# teacher may slow an action down or favour it for a while, never switch the pace rules off
# (the day's total still limits every day). Hand-edited settings are held to an absolute bound.
CAP_SHARE_LOW, CAP_SHARE_HIGH = 0.1, 2.0
MAX_CAP_G = 20_000
MAX_PAST_RULES = 200  # the oldest go first: entries before them are judged by the oldest kept


@dataclass(frozen=True)
class PastRules:
    """The class's economy rules that were in force until ``until``."""

    until: dt.datetime
    allowed_actions: frozenset[str] | None
    caps: Mapping[str, int]
    backdate_days: int

    def rules(self, base: Rules | None = None) -> Rules:
        return replace(
            base or Rules(),
            backdate_days=self.backdate_days,
            allowed=self.allowed_actions,
            caps=dict(self.caps) or None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "until": self.until.isoformat(),
            "allowed_actions": None
            if self.allowed_actions is None
            else sorted(self.allowed_actions),
            "caps": dict(sorted(self.caps.items())),
            "backdate_days": self.backdate_days,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PastRules:
        allowed = data.get("allowed_actions")
        return cls(
            until=dt.datetime.fromisoformat(str(data["until"])),
            allowed_actions=None if allowed is None else frozenset(str(a) for a in allowed),
            caps={str(k): int(v) for k, v in dict(data.get("caps", {})).items()},
            backdate_days=int(data.get("backdate_days", 1)),
        )


@dataclass(frozen=True)
class ClassSettings:
    """What the teacher sets for the class (all optional: the defaults are the game's own)."""

    approval: bool = False  # self-reported actions count only once approved
    allowed_actions: frozenset[str] | None = None  # None: every action of the decks
    caps: Mapping[str, int] = field(default_factory=dict)  # daily cap (g) by action id
    backdate_days: int = 1
    editions_off: frozenset[str] = frozenset()
    retention_months: int | None = None  # delete ledger entries older than this
    goal_g: int = 500_000  # the class goal in grams CO2e (500 kg)
    goal_name: str = ""
    past_rules: tuple[PastRules, ...] = ()  # oldest first: the rules before each change

    def to_dict(self) -> dict[str, Any]:
        return {
            "approval": self.approval,
            "allowed_actions": None
            if self.allowed_actions is None
            else sorted(self.allowed_actions),
            "caps": dict(sorted(self.caps.items())),
            "backdate_days": self.backdate_days,
            "editions_off": sorted(self.editions_off),
            "retention_months": self.retention_months,
            "goal_g": self.goal_g,
            "goal_name": self.goal_name,
            "past_rules": [p.to_dict() for p in self.past_rules],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClassSettings:
        """Raises ValueError, TypeError or KeyError for settings that are not valid."""
        allowed = data.get("allowed_actions")
        settings = cls(
            approval=bool(data.get("approval", False)),
            allowed_actions=None if allowed is None else frozenset(str(a) for a in allowed),
            caps={str(k): int(v) for k, v in dict(data.get("caps", {})).items()},
            backdate_days=int(data.get("backdate_days", 1)),
            editions_off=frozenset(str(e) for e in data.get("editions_off", [])),
            retention_months=None
            if data.get("retention_months") is None
            else int(data["retention_months"]),
            goal_g=int(data.get("goal_g", 500_000)),
            goal_name=str(data.get("goal_name", "")),
            past_rules=tuple(
                sorted(
                    (PastRules.from_dict(p) for p in data.get("past_rules", [])),
                    key=lambda p: p.until,
                )
            ),
        )
        settings.check()
        return settings

    def check(self) -> None:
        if not 0 <= self.backdate_days <= 14:
            raise ValueError("backdate_days must be between 0 and 14")
        if any(not 0 < cap <= MAX_CAP_G for cap in self.caps.values()):
            raise ValueError(f"a daily cap must be between 1 and {MAX_CAP_G} g")
        if len(self.goal_name) > MAX_GOAL_NAME or any(
            not ch.isprintable() for ch in self.goal_name
        ):
            raise ValueError(
                f"the goal's name must be at most {MAX_GOAL_NAME} printable characters"
            )
        if self.retention_months is not None and self.retention_months < 1:
            raise ValueError("retention_months must be 1 or more")
        if self.goal_g <= 0:
            raise ValueError("the class goal must be more than zero")

    def changed(self, **values: Any) -> ClassSettings:
        settings = replace(self, **values)
        settings.check()
        return settings

    def rules(self, base: Rules | None = None) -> Rules:
        """The economy's rules for this class (what log_action, approve and verify take)."""
        if base is None:
            return self._rules
        return replace(
            base,
            backdate_days=self.backdate_days,
            allowed=self.allowed_actions,
            caps=dict(self.caps) or None,
        )

    @cached_property
    def _rules(self) -> Rules:
        return self.rules(Rules())

    @cached_property
    def _past(self) -> tuple[tuple[dt.datetime, Rules], ...]:
        return tuple((past.until, past.rules()) for past in self.past_rules)

    def rules_at(self, at: dt.datetime, base: Rules | None = None) -> Rules:
        """The rules in force at ``at``: those an entry written then was written under (the
        verifier asks for every entry of a ledger: each period's rules are made once)."""
        if base is not None:
            for past in self.past_rules:
                if at < past.until:
                    return past.rules(base)
            return self.rules(base)
        for until, rules in self._past:
            if at < until:
                return rules
        return self._rules

    def _economy(self) -> tuple[frozenset[str] | None, dict[str, int], int]:
        return self.allowed_actions, dict(self.caps), self.backdate_days

    def after(self, before: ClassSettings, now: dt.datetime) -> ClassSettings:
        """These settings saved at ``now`` over ``before``: when the economy's rules changed,
        ``before``'s go into the history, so the entries written under them stay valid."""
        if self._economy() == before._economy():
            return replace(self, past_rules=before.past_rules)
        past = PastRules(now, before.allowed_actions, dict(before.caps), before.backdate_days)
        return replace(self, past_rules=(*before.past_rules, past)[-MAX_PAST_RULES:])

    def edition_on(self, edition_id: str) -> bool:
        return edition_id not in self.editions_off

    def cap_of(self, action: Action) -> int:
        """The action's daily cap in this class (the deck's unless the teacher changed it)."""
        return self.rules().cap_of(action)

    def with_cap(self, action: Action, cap_g: int) -> ClassSettings:
        """These settings with ``action`` capped at ``cap_g`` a day; RuleError outside
        :func:`cap_bounds`. Back at the deck's own cap, the class keeps no cap of its own."""
        low, high = cap_bounds(action)
        if not low <= cap_g <= high:
            raise RuleError(
                Message(
                    "A daily limit for this action is between {low} g and {high} g.",
                    low=low,
                    high=high,
                )
            )
        caps = {k: v for k, v in self.caps.items() if k != action.id}
        if cap_g != action.daily_cap_g:
            caps[action.id] = cap_g
        return self.changed(caps=caps)

    def with_goal_name(self, name: str) -> ClassSettings:
        """These settings with the class goal called ``name`` (spaces tidied; RuleError when
        it is too long)."""
        text = " ".join(name.split())
        if len(text) > MAX_GOAL_NAME or any(not ch.isprintable() for ch in text):
            raise RuleError(
                Message("A goal's name is at most {count} letters.", count=MAX_GOAL_NAME)
            )
        return self.changed(goal_name=text)


def cap_bounds(action: Action) -> tuple[int, int]:
    """The lowest and highest daily cap a class may give ``action``."""
    deck = action.daily_cap_g
    return max(1, round(deck * CAP_SHARE_LOW)), max(1, round(deck * CAP_SHARE_HIGH))


def cap_step(action: Action) -> int:
    """How much one press of the rules page's − or + changes the action's cap."""
    return max(1, round(action.daily_cap_g * CAP_SHARE_LOW))


def settings_problem(content: Content, settings: ClassSettings) -> Message | None:
    """Why ``settings`` do not fit the decks (a cap out of its bounds), or None."""
    for action_id, cap in sorted(settings.caps.items()):
        action = content.actions.get(action_id)
        if action is None:
            continue  # an action gone from the decks: its cap no longer applies
        low, high = cap_bounds(action)
        if not low <= cap <= high:
            return Message(
                "The daily limit of {action} is {cap} g, but it must be between {low} g and "
                "{high} g.",
                action=action.name,
                cap=cap,
                low=low,
                high=high,
            )
    return None
