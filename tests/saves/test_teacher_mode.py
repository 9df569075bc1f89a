"""Teacher mode's API: the approval queue, bonuses, PIN, with real profiles on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.core.classroom import ClassSettings
from game.core.content import Content
from game.core.verify import verify_ledger
from game.saves.class_data import read_entries
from game.saves.lock import ProfileBusy
from game.saves.profiles import SaveStore
from game.saves.teacher_mode import TeacherMode, log_for_class

NOW = dt.datetime(2026, 11, 23, 10, 0)
BIKE = "cycle-instead-of-car"


@pytest.fixture
def mode(tmp_path: Path, mini_content: Content) -> TeacherMode:
    return TeacherMode(
        SaveStore(tmp_path / "saves"), mini_content, clock=lambda: NOW, pin_iterations=1000
    )


def test_pin_first_use_then_unlock(mode: TeacherMode) -> None:
    assert not mode.pin_is_set()
    mode.set_first_pin("8642")
    assert mode.unlock("8642") and not mode.unlock("1111") and mode.wait_seconds() == 0


def test_actions_wait_for_approval_then_count(mode: TeacherMode, mini_content: Content) -> None:
    mode.save_settings(ClassSettings(approval=True))
    mia = mode.add_student("Mia", "Blue")
    save = mode.klass.store.open(mia.profile_id, NOW)
    pending = log_for_class(
        save, mode.klass, mini_content.actions[BIKE], 2, day=NOW.date(), now=NOW
    )
    assert save.state.balance == 0
    save.close()
    (waiting,) = mode.queue()
    assert waiting.student.name == "Mia" and waiting.entry.seq == pending.seq
    approved = mode.approve(mia.profile_id, pending.seq)
    assert mode.queue() == []
    entries = read_entries(mode.klass.store, mia.profile_id)
    verdict = verify_ledger(entries, mini_content, now=NOW, rules=mode.rules())
    assert verdict.ok and verdict.state.balance == approved.amount_g > 0
    assert mode.class_totals().co2e_g == approved.amount_g


def test_declined_action_leaves_the_queue(mode: TeacherMode, mini_content: Content) -> None:
    mode.save_settings(ClassSettings(approval=True))
    mia = mode.add_student("Mia")
    save = mode.klass.store.open(mia.profile_id, NOW)
    pending = log_for_class(
        save, mode.klass, mini_content.actions[BIKE], 1, day=NOW.date(), now=NOW
    )
    save.close()
    mode.decline(mia.profile_id, pending.seq)
    assert mode.queue() == [] and mode.class_totals().co2e_g == 0


def test_bonus_to_a_group_skips_who_is_playing(mode: TeacherMode, mini_content: Content) -> None:
    mia, noah = mode.add_student("Mia"), mode.add_student("Noah")
    playing = mode.klass.store.open(noah.profile_id, NOW)
    granted, busy = mode.grant_bonus([mia.profile_id, noah.profile_id], 150, "Tidied the garden")
    playing.close()
    assert granted == [mia.profile_id] and busy == [noah.profile_id]
    entries = read_entries(mode.klass.store, mia.profile_id)
    assert verify_ledger(entries, mini_content, now=NOW).state.balance == 150
    with pytest.raises(ProfileBusy):
        other = mode.klass.store.open(mia.profile_id, NOW)
        try:
            mode.approve(mia.profile_id, 1)
        finally:
            other.close()
