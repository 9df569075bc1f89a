"""Quiz questions: made from revealed cards, answerable from the card, in both languages."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from game.core.content import Content, load_content
from game.core.quiz import QUESTION_KINDS, card_texts, make_quiz, questions_for
from game.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh-Hans")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Content:
    cache = tmp_path_factory.mktemp("cache")
    return load_content(
        ROOT / "data", ROOT / "assets", cache_dir=cache, today=dt.date(2026, 11, 23)
    )


def words(lang: str) -> Translator:
    return Translator.load(lang, ROOT / "data" / "locale")


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_is_answerable_from_its_card(decks: Content, lang: str) -> None:
    tr = words(lang)
    for species in decks.species.values():
        texts = card_texts(species, decks, tr)
        for question in questions_for(species, decks, tr, random.Random(species.id)):
            assert question.right in texts, (species.id, question.kind)
            assert len(set(question.choices)) == len(question.choices) >= 2
            assert question.explanation


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_choices_are_not_on_the_card(decks: Content, lang: str) -> None:
    tr = words(lang)
    for species in decks.species.values():
        texts = card_texts(species, decks, tr)
        for question in questions_for(species, decks, tr, random.Random(1)):
            wrong = [c for i, c in enumerate(question.choices) if i != question.answer]
            if question.kind in ("habitat", "threat", "action"):
                assert not set(wrong) & texts, (species.id, question.kind, wrong)


def test_questions_use_the_language_of_the_translator(decks: Content) -> None:
    species = next(s for s in decks.species.values() if s.trade is not None)
    english = questions_for(species, decks, words("en"), random.Random(2))
    chinese = questions_for(species, decks, words("zh-Hans"), random.Random(2))
    assert [q.kind for q in english] == [q.kind for q in chinese]
    for en, zh in zip(english, chinese, strict=True):
        assert en.prompt != zh.prompt and en.explanation != zh.explanation
        if zh.kind != "trade":
            assert species.name.get("zh-Hans") in zh.prompt


def test_every_kind_of_question_is_made_from_the_decks(decks: Content) -> None:
    tr = words("en")
    kinds = {
        q.kind
        for s in decks.species.values()
        for q in questions_for(s, decks, tr, random.Random(0))
    }
    assert kinds == set(QUESTION_KINDS)


def test_trade_question_says_no_with_the_reason(decks: Content) -> None:
    tr = words("en")
    traded = [s for s in decks.species.values() if s.trade is not None]
    assert traded
    for species in traded:
        (question,) = [
            q for q in questions_for(species, decks, tr, random.Random(0)) if q.kind == "trade"
        ]
        assert question.right == "No, I would not" and "CITES" in question.explanation
        assert any(goods in question.prompt for goods in species.trade.goods.get("en"))  # type: ignore[union-attr]


def test_quiz_asks_only_about_revealed_species(decks: Content) -> None:
    revealed = sorted(decks.species)[:5]
    quiz = make_quiz(decks, revealed, words("en"), random.Random(7), count=8)
    assert len(quiz) == 8 and {q.species_id for q in quiz} <= set(revealed)
    assert {q.species_id for q in quiz[:5]} == set(revealed)  # each card before a second question
    assert make_quiz(decks, [], words("en"), random.Random(7)) == []


def test_same_seed_same_quiz(decks: Content) -> None:
    revealed = sorted(decks.species)[:10]
    one = make_quiz(decks, revealed, words("zh-Hans"), random.Random(5))
    two = make_quiz(decks, revealed, words("zh-Hans"), random.Random(5))
    assert one == two
