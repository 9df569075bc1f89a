"""The game's words in the player's language, including the rules' and the saves' messages."""

from __future__ import annotations

import errno
import pickle
from pathlib import Path

from game.core.economy import RuleError
from game.core.messages import Message, message_of
from game.i18n import Translator
from game.saves.migrations import SaveError
from game.saves.player import disk_message

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_message_is_its_english_sentence() -> None:
    message = Message("You need {amount} g more energy.", amount="120")
    assert message == "You need 120 g more energy."
    assert str(RuleError(message)) == "You need 120 g more energy."
    assert message_of(RuleError(message)) is message
    assert message_of(ValueError("plain")) == "plain"
    copy = pickle.loads(pickle.dumps(message))
    assert isinstance(copy, Message) and copy.values == {"amount": "120"}


def test_english_is_unchanged_and_missing_translations_fall_back_to_it() -> None:
    english = Translator.load("en", DATA)
    error = SaveError(disk_message(OSError(errno.ENOSPC, "full"), Message("Could not save"),
                                   lost_change=True))
    assert english.error(error) == str(error)
    assert english.error(error).startswith("Could not save (the disk is full).")
    assert Translator("zh-Hans", {}).error(error) == str(error)


def test_a_full_disk_reads_in_chinese_down_to_its_parts() -> None:
    chinese = Translator.load("zh-Hans", DATA)
    error = SaveError(disk_message(OSError(errno.ENOSPC, "full"), Message("Could not save"),
                                   lost_change=True))
    text = chinese.error(error)
    assert text.startswith("没能保存（磁盘已满）")
    assert not any("a" <= ch <= "z" for ch in text)


def test_values_given_at_the_call_win_and_plain_strings_pass_through() -> None:
    chinese = Translator("zh-Hans", {"Hello {name}": "你好 {name}"})
    assert chinese(Message("Hello {name}", name="Mia"), name="小明") == "你好 小明"
    assert chinese("Not in the catalog") == "Not in the catalog"
