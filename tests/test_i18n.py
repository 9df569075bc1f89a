"""The game's words in the player's language: lookups, plurals, numbers, dates, broken catalogs."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from game.config import LOCALE_DIR
from game.core.economy import RuleError
from game.core.messages import Message, message_of
from game.core.models import Text
from game.i18n import Translator
from game.i18n.catalogs import read_catalog
from game.saves.atomic import disk_message
from game.saves.migrations import SaveError

ROOT = Path(__file__).resolve().parent.parent
HEADER = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: {plurals}\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""
ZH_PLURALS = "nplurals=1; plural=0;"
PL_PLURALS = (
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)


def write_catalog(folder: Path, lang: str, body: str, plurals: str = ZH_PLURALS) -> Path:
    path = folder / f"{lang}.po"
    path.write_text(HEADER.format(lang=lang, plurals=plurals) + body, encoding="utf-8")
    return path


def catalog(lang: str, entries: dict[str, str]) -> Catalog:
    built = Catalog(locale=lang.replace("-", "_"))
    for english, translated in entries.items():
        built.add(english, translated)
    return built


# -- messages of the rules and the saves ---------------------------------------------------------


def test_a_message_is_its_english_sentence() -> None:
    message = Message("You need {amount} g more energy.", amount=120)
    assert message == "You need 120 g more energy."
    assert str(RuleError(message)) == "You need 120 g more energy."
    assert message_of(RuleError(message)) is message
    assert message_of(ValueError("plain")) == "plain"
    copy = pickle.loads(pickle.dumps(message))
    assert isinstance(copy, Message) and copy.values == {"amount": 120}


def test_english_is_unchanged_and_missing_translations_fall_back_to_it() -> None:
    english = Translator.load("en", LOCALE_DIR)
    error = SaveError(
        disk_message(OSError(errno.ENOSPC, "full"), Message("Could not save"), lost_change=True)
    )
    assert english.error(error) == str(error)
    assert english.error(error).startswith("Could not save (the disk is full).")
    assert Translator("zh-Hans", catalog("zh-Hans", {})).error(error) == str(error)


def test_a_full_disk_reads_in_chinese_down_to_its_parts() -> None:
    chinese = Translator.load("zh-Hans", LOCALE_DIR)
    assert chinese.problems == []
    error = SaveError(
        disk_message(OSError(errno.ENOSPC, "full"), Message("Could not save"), lost_change=True)
    )
    text = chinese.error(error)
    assert text.startswith("没能保存（磁盘已满）")
    assert not any("a" <= ch <= "z" for ch in text)


def test_values_given_at_the_call_win_and_plain_strings_pass_through() -> None:
    chinese = Translator("zh-Hans", catalog("zh-Hans", {"Hello {name}": "你好 {name}"}))
    assert chinese(Message("Hello {name}", name="Mia"), name="小明") == "你好 小明"
    assert chinese("Not in the catalog") == "Not in the catalog"
    assert chinese("") == ""


def test_deck_text_inside_a_sentence_is_in_the_players_language() -> None:
    title = Text.model_validate({"en": "Ocean", "zh-Hans": "海洋"})
    badge = Message("{edition}: complete", edition=title)
    assert badge == "Ocean: complete"
    chinese = Translator(
        "zh-Hans", catalog("zh-Hans", {"{edition}: complete": "{edition}：全部收集"})
    )
    assert chinese(badge) == "海洋：全部收集"


# -- plurals follow the catalog's own rules ------------------------------------------------------


def test_plurals_use_the_plural_forms_of_the_catalog(tmp_path: Path) -> None:
    write_catalog(
        tmp_path,
        "pl",
        'msgid "{count} card"\nmsgid_plural "{count} cards"\n'
        'msgstr[0] "{count} karta"\nmsgstr[1] "{count} karty"\nmsgstr[2] "{count} kart"\n',
        PL_PLURALS,
    )
    polish = Translator.load("pl", tmp_path)
    assert polish.problems == []
    shown = [polish.plural(n, "{count} card", "{count} cards") for n in (1, 3, 5, 22)]
    assert shown == ["1 karta", "3 karty", "5 kart", "22 karty"]


def test_english_plurals_and_fractions_read_naturally() -> None:
    english = Translator()
    assert english.plural(1, "{count} meal", "{count} meals") == "1 meal"
    assert english.plural(3, "{count} meal", "{count} meals") == "3 meals"
    assert english.plural(1.5, "{count} km", "{count} km") == "1.5 km"
    assert english.plural(1234, "{count} card", "{count} cards") == "1,234 cards"


def test_chinese_has_one_form_for_every_count() -> None:
    chinese = Translator.load("zh-Hans", LOCALE_DIR)
    one = chinese.plural(1, "{count} meal", "{count} meals")
    many = chinese.plural(3, "{count} meal", "{count} meals")
    assert one.startswith("1 ") and many.startswith("3 ") and one[2:] == many[2:]
    assert "meal" not in many


# -- numbers and dates, by Babel, for the player's locale ----------------------------------------


@pytest.mark.parametrize(
    ("lang", "number", "kg", "percent"),
    [
        ("en", "12,345", "1,234.5", "12.5%"),
        ("zh-Hans", "12,345", "1,234.5", "12.5%"),
        ("de", "12.345", "1.234,5", "12,5\xa0%"),
    ],
)
def test_numbers_follow_the_locale(lang: str, number: str, kg: str, percent: str) -> None:
    tr = Translator(lang)
    assert tr.number(12345) == number
    assert tr.number(1234.5, 1) == kg
    assert tr.percent(0.125, 1) == percent
    assert tr("{n} g", n=12345) == f"{number} g"  # numbers given as values are formatted too


@pytest.mark.parametrize(
    ("lang", "day_month", "date"),
    [
        ("en", "Dec 6", "Dec 6, 2026"),
        ("zh-Hans", "12月6日", "2026年12月6日"),
    ],
)
def test_dates_follow_the_locale(lang: str, day_month: str, date: str) -> None:
    tr = Translator(lang)
    day = dt.date(2026, 12, 6)
    assert tr.day_month(day) == day_month
    assert tr.day_month(day, numeric=True) == "12/6"
    assert tr.date(day) == date
    assert tr("on {day}", day=day) == f"on {date}"


def test_lists_are_joined_the_way_the_language_joins_them() -> None:
    assert Translator("en").join(["reef", "ocean", "beach"]) == "reef, ocean, and beach"
    assert Translator("zh-Hans").join(["珊瑚礁", "远洋", "沙滩"]) == "珊瑚礁、远洋和沙滩"


# -- a broken catalog is reported, with its file and line, never silently ignored -----------------


def test_a_catalog_that_does_not_parse_is_reported_with_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_catalog(tmp_path, "zh-Hans", 'msgid "Back"\nmsgstr "返回"\n\nmsgid "Home\n')
    with caplog.at_level(logging.ERROR):
        chinese = Translator.load("zh-Hans", tmp_path)
    assert [(p.path, p.line) for p in chinese.problems] == [(path, 10)]
    assert f"{path}:10: error:" in caplog.text
    assert chinese("Back") == "Back"  # the whole file is untrusted: English everywhere


def test_a_translation_with_other_placeholders_is_reported_and_shown_in_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_catalog(
        tmp_path,
        "zh-Hans",
        'msgid "Back"\nmsgstr "返回"\n\nmsgid "costs {cost} g"\nmsgstr "需要 {price} 克"\n',
    )
    with caplog.at_level(logging.ERROR):
        chinese = Translator.load("zh-Hans", tmp_path)
    assert [(p.line, "price" in p.message) for p in chinese.problems] == [(10, True)]
    assert "zh-Hans.po:10: error:" in caplog.text
    assert chinese("costs {cost} g", cost=5) == "costs 5 g"
    assert chinese("Back") == "返回"


def test_a_header_without_plural_rules_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "zh-Hans.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: zh-Hans\\n"\n\nmsgid "Back"\nmsgstr "返回"\n',
        encoding="utf-8",
    )
    _, problems = read_catalog(path)
    assert [(p.line, "Plural-Forms" in p.message) for p in problems] == [(1, True)]


@pytest.mark.parametrize("forms", [1, 4])
def test_a_plural_entry_needs_exactly_the_forms_its_language_has(
    tmp_path: Path, forms: int
) -> None:
    strings = "".join(f'msgstr[{i}] "{{count}} kart"\n' for i in range(forms))
    path = write_catalog(
        tmp_path,
        "pl",
        'msgid "{count} card"\nmsgid_plural "{count} cards"\n' + strings,
        PL_PLURALS,
    )
    _, problems = read_catalog(path)
    assert [p.line for p in problems] == [7]


def test_a_missing_catalog_is_reported_and_english_is_shown(tmp_path: Path) -> None:
    french = Translator.load("fr", tmp_path)
    assert french.problems and french("Back") == "Back"


def test_the_check_command_fails_on_a_broken_catalog(tmp_path: Path) -> None:
    write_catalog(tmp_path, "zh-Hans", 'msgid "costs {cost} g"\nmsgstr "需要 {cost 克"\n')
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "catalogs.py"), "check", "--locale", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"{tmp_path / 'zh-Hans.po'}:7: error:" in result.stdout


# -- deck texts in any language that has a catalog -----------------------------------------------


def test_deck_text_takes_any_catalog_language_and_falls_back_to_english() -> None:
    text = Text.model_validate({"en": "Whale shark", "zh-Hans": "鲸鲨"})
    assert (text.get("zh-Hans"), text.get("en"), text.get("fr")) == (
        "鲸鲨",
        "Whale shark",
        "Whale shark",
    )


def test_deck_text_in_a_language_without_a_catalog_is_refused_with_a_hint() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="did you mean 'zh-Hans'"):
        Text.model_validate({"en": "Whale shark", "zh-Hant": "鯨鯊"})
    with pytest.raises(ValidationError):
        Text.model_validate({"zh-Hans": "鲸鲨"})  # English is required
