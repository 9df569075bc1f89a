"""Quiz questions made from the cards a child (or the class) has revealed.

Every question is answerable from one card: its right answer is a text the card shows (the
Red List category and what it means, a habitat, a threat, an action that helps, the scientific
name, or the "Don't buy" panel), and the explanation comes from the card too. The question's
words come from the game's catalog (``tr``), the facts from the decks in the same language.
Wrong choices are taken from other cards or the vocabularies, never from this card.

Correct answers earn a small bonus (reason ``quiz-<day>-<n>``), at most :data:`QUIZ_DAILY_MAX`
a day, checked by :func:`quiz_bonus_problem` like every ledger entry.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from game.core.economy import RuleError, grant_bonus
from game.core.ledger import LedgerEntry, PlayerState
from game.core.messages import N_
from game.core.vocab import CATEGORIES, CATEGORY_MEANINGS, CATEGORY_NAMES, HABITATS

if TYPE_CHECKING:  # the quiz file is read with the player's save, before the decks are loaded
    from game.core.content import Content
    from game.core.models import Species

QuestionKind = Literal["category", "meaning", "habitat", "threat", "action", "scientific", "trade"]
QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "category",
    "meaning",
    "habitat",
    "threat",
    "action",
    "scientific",
    "trade",
)
CHOICES = 4
QUIZ_POINT_G = 50  # energy for one right answer
QUIZ_DAILY_MAX = 5  # right answers a day that earn energy
# the answers to "Would you buy this?" (not a bare Yes and No: Chinese answers with the verb,
# and a dialog's "Yes" is another word)
WOULD, WOULD_NOT = N_("Yes, I would"), N_("No, I would not")
QUIZ = "quiz"

# The same words as the card's "Don't buy" panel (game.ui.redlist), which core cannot import.
CITES_MEANINGS = {
    "I": N_("CITES Appendix I: selling it across borders is banned."),
    "II": N_("CITES Appendix II: it may only cross borders with a permit."),
    "III": N_("CITES Appendix III: some countries need a permit to sell it."),
}


class Words(Protocol):
    """What the quiz needs of game.i18n.Translator."""

    lang: str

    def __call__(self, text: str, /, **values: Any) -> str: ...


@dataclass(frozen=True)
class Question:
    kind: QuestionKind
    species_id: str
    prompt: str
    choices: tuple[str, ...]
    answer: int  # index of the right choice
    explanation: str

    @property
    def right(self) -> str:
        return self.choices[self.answer]


def card_texts(species: Species, content: Content, tr: Words) -> set[str]:
    """Every text the card of ``species`` shows in ``tr``'s language (to check answers by)."""
    lang = tr.lang
    texts = {species.name.get(lang), species.scientific_name}
    texts.add(tr(CATEGORY_NAMES[species.iucn.category]))
    texts.add(tr(CATEGORY_MEANINGS[species.iucn.category]))
    texts |= {tr(HABITATS[h]) for h in species.habitats}
    if species.threats is not None:
        texts |= set(species.threats.get(lang))
    for helped in species.helped_by:
        action = content.actions.get(helped.action)
        if action is not None:
            texts.add(action.name.get(lang))
    if species.trade is not None:
        texts.add(tr(WOULD_NOT))
    return texts


def make_quiz(
    content: Content,
    revealed: Iterable[str],
    tr: Words,
    rng: random.Random,
    *,
    count: int = 10,
) -> list[Question]:
    """Up to ``count`` questions about the species in ``revealed``, in ``tr``'s language."""
    species = [content.species[s] for s in sorted(set(revealed)) if s in content.species]
    pool = [q for sp in species for q in questions_for(sp, content, tr, rng)]
    rng.shuffle(pool)
    # one question per species before a second one about any, so a quiz covers the collection
    chosen: list[Question] = []
    seen: set[str] = set()
    for question in pool:
        if question.species_id not in seen:
            chosen.append(question)
            seen.add(question.species_id)
    rest = [q for q in pool if q not in chosen]
    return (chosen + rest)[:count]


def questions_for(
    species: Species, content: Content, tr: Words, rng: random.Random
) -> list[Question]:
    """Every question the card of ``species`` can answer."""
    lang = tr.lang
    name = species.name.get(lang)
    others = [s for s in content.species.values() if s.id != species.id]
    found: list[Question] = []

    def ask(kind: QuestionKind, prompt: str, right: str, wrong: Sequence[str], why: str) -> None:
        wrong = sorted({w for w in wrong if w and w != right})
        if len(wrong) < 1:
            return
        picked = rng.sample(wrong, min(CHOICES - 1, len(wrong)))
        choices = [right, *picked]
        rng.shuffle(choices)
        found.append(Question(kind, species.id, prompt, tuple(choices), choices.index(right), why))

    category = species.iucn.category
    meaning = tr(CATEGORY_MEANINGS[category])
    assessed = [c for c in CATEGORIES if c != category and c != "NE"]
    ask(
        "category",
        tr("What is the Red List category of the {name}?", name=name),
        tr(CATEGORY_NAMES[category]),
        [tr(CATEGORY_NAMES[c]) for c in assessed],
        tr("{category}: {meaning}", category=tr(CATEGORY_NAMES[category]), meaning=meaning),
    )
    ask(
        "meaning",
        tr(
            "The {name} is {category} on the Red List. What does that mean?",
            name=name,
            category=tr(CATEGORY_NAMES[category]),
        ),
        meaning,
        [tr(CATEGORY_MEANINGS[c]) for c in assessed],
        tr("{category}: {meaning}", category=tr(CATEGORY_NAMES[category]), meaning=meaning),
    )
    lives = [tr(HABITATS[h]) for h in species.habitats]
    elsewhere = [tr(HABITATS[h]) for h in HABITATS if h not in species.habitats]
    ask(
        "habitat",
        tr("Where does the {name} live?", name=name),
        rng.choice(lives),
        elsewhere,
        tr("The {name} lives in: {places}.", name=name, places=", ".join(lives)),
    )
    if species.threats is not None:
        own = species.threats.get(lang)
        ask(
            "threat",
            tr("Which of these threats is on the card of the {name}?", name=name),
            rng.choice(own),
            _unlike_threats(species, others, lang),
            tr("The card names these threats: {threats}.", threats="; ".join(own)),
        )
    helpers = [
        (content.actions[h.action], h) for h in species.helped_by if h.action in content.actions
    ]
    if helpers:
        action, helped = rng.choice(helpers)
        helping = {a.id for a, _ in helpers}
        why = helped.why.get(lang) if helped.why is not None else ""
        ask(
            "action",
            tr("Which everyday action does the card of the {name} say helps it?", name=name),
            action.name.get(lang),
            [a.name.get(lang) for a in content.actions.values() if a.id not in helping],
            why or tr("{action} helps the {name}.", action=action.name.get(lang), name=name),
        )
    ask(
        "scientific",
        tr("What is the scientific name of the {name}?", name=name),
        species.scientific_name,
        [s.scientific_name for s in others],
        tr(
            "Scientists everywhere call the {name} {scientific}.",
            name=name,
            scientific=species.scientific_name,
        ),
    )
    if species.trade is not None:
        goods = rng.choice(species.trade.goods.get(lang))
        found.append(
            Question(
                "trade",
                species.id,
                tr("Would you buy this? {goods}", goods=goods),
                (tr(WOULD), tr(WOULD_NOT)),
                1,
                tr(
                    "No: buying it harms the {name}. {cites}",
                    name=name,
                    cites=tr(CITES_MEANINGS[species.trade.cites]),
                ),
            )
        )
    return found


def _words(texts: Iterable[str]) -> set[str]:
    return {w.strip(".,;:()").casefold() for t in texts for w in t.split() if len(w) >= 5}


def _unlike_threats(species: Species, others: Sequence[Species], lang: str) -> list[str]:
    """Threats of other cards that are not close to one of this card's (judged on the English
    words, so a wrong choice is never "the same threat in other words"), from other groups."""
    assert species.threats is not None
    own = species.threats.get(lang)
    own_words = _words(species.threats.get("en"))
    found = []
    for other in others:
        if other.threats is None or other.group == species.group:
            continue
        for english, shown in zip(other.threats.get("en"), other.threats.get(lang), strict=False):
            if shown not in own and not _words([english]) & own_words:
                found.append(shown)
    return found


# -- results and the bonus -----------------------------------------------------------------


def quiz_bonuses_on(state: PlayerState, day: dt.date) -> int:
    """The quiz bonuses granted for ``day`` (their reasons are "quiz-<day>-<n>")."""
    return state.bonus_stems.get(f"{QUIZ}-{day.isoformat()}", 0)


def reward(
    state: PlayerState, question: Question, choice: int, now: dt.datetime
) -> LedgerEntry | None:
    """The bonus a right answer earns (None for a wrong one, or once today's are used up)."""
    if choice != question.answer:
        return None
    done = quiz_bonuses_on(state, now.date())
    if done >= QUIZ_DAILY_MAX:
        return None
    try:
        return grant_bonus(state, QUIZ_POINT_G, f"{QUIZ}-{now.date().isoformat()}-{done + 1}", now)
    except RuleError:
        return None


def quiz_bonus_problem(before: PlayerState, entry: LedgerEntry) -> str | None:
    reason = entry.reason or ""
    prefix = f"{QUIZ}-{entry.day.isoformat()}-"
    if not reason.startswith(prefix) or not reason[len(prefix) :].isdigit():
        return f"a quiz bonus names another day than {entry.day}"
    if entry.amount_g != QUIZ_POINT_G:
        return f"a quiz bonus is {QUIZ_POINT_G} g, not {entry.amount_g} g"
    if quiz_bonuses_on(before, entry.day) >= QUIZ_DAILY_MAX:
        return f"more than {QUIZ_DAILY_MAX} quiz bonuses on {entry.day}"
    return None
