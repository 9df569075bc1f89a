"""The class on disk: roster, settings, PIN, retention, deleting students."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from pathlib import Path

import pytest

from game.core.classroom import ClassSettings, RosterError
from game.core.ledger import PlayerState
from game.core.quiz_answer import Answer
from game.saves.class_data import (
    class_states,
    delete_old_entries,
    load_answers,
    read_entries,
    save_answers,
)
from game.saves.classroom import ClassStore
from game.saves.ledger_files import ledger_files
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore
from game.saves.teacher import PinWait, TeacherPin, delay_after

NOW = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def klass(tmp_path: Path) -> ClassStore:
    return ClassStore(SaveStore(tmp_path / "saves"))


def write(tmp_path: Path, text: str, name: str = "class.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_roster_import_adds_a_profile_per_student(klass: ClassStore, tmp_path: Path) -> None:
    added = klass.import_roster(write(tmp_path, "\ufeffname,group\nMia,Blue\nLéo,\n"), NOW)
    assert [(s.name, s.group) for s in added] == [("Mia", "Blue"), ("Léo", None)]
    assert {m.name for m in klass.store.list_profiles()} == {"Mia", "Léo"}


def test_malformed_roster_imports_nobody(klass: ClassStore, tmp_path: Path) -> None:
    with pytest.raises(RosterError) as raised:
        klass.import_roster(write(tmp_path, "name\nMia\n\nMIA\n"), NOW)
    assert raised.value.problems == [f"{tmp_path / 'class.csv'}:4: 'MIA' is already on line 2"]
    assert klass.students() == []


def test_roster_name_already_in_class_is_refused_whole(klass: ClassStore, tmp_path: Path) -> None:
    klass.add_student("Mia", NOW)
    with pytest.raises(RosterError) as raised:
        klass.import_roster(write(tmp_path, "name\nNoah\nmia\n"), NOW)
    assert raised.value.problems[0].endswith(":3: 'mia' is already in the class")
    assert [s.name for s in klass.students()] == ["Mia"]


def test_rename_archive_and_groups(klass: ClassStore) -> None:
    mia = klass.add_student("Mia", NOW, group="Blue")
    klass.add_student("Noah", NOW)
    with pytest.raises(SaveError):
        klass.rename_student(mia.profile_id, "noah", NOW)
    renamed = klass.rename_student(mia.profile_id, "Mila", NOW)
    assert renamed.name == "Mila" and renamed.group == "Blue"
    klass.add_student("Mia", NOW)  # the old name is free again
    klass.set_archived(mia.profile_id, True)
    assert "Mila" not in [s.name for s in klass.students(archived=False)]
    assert klass.student(mia.profile_id).archived


def test_roster_changed_by_another_pc_is_read_again(klass: ClassStore) -> None:
    mia = klass.add_student("Mia", NOW)
    other_pc = ClassStore(SaveStore(klass.store.root))
    assert other_pc.student(mia.profile_id).group is None
    klass.set_group(mia.profile_id, "Red")
    assert other_pc.student(mia.profile_id).group == "Red"
    other_pc.save_settings(ClassSettings(approval=True))
    assert klass.settings().approval


def test_delete_and_reset_remove_the_files(klass: ClassStore) -> None:
    mia = klass.add_student("Mia", NOW, group="Blue")
    folder = klass.store.folder(mia.profile_id)
    save = klass.store.open(mia.profile_id, NOW)
    save.close()
    fresh = klass.reset_student(mia.profile_id, NOW)
    assert not folder.exists() and fresh.name == "Mia" and fresh.group == "Blue"
    klass.delete_student(fresh.profile_id)
    assert klass.students() == [] and not klass.store.folder(fresh.profile_id).exists()


def test_delete_all_class_data_leaves_no_files(klass: ClassStore) -> None:
    klass.add_student("Mia", NOW)
    klass.save_settings(ClassSettings(goal_g=100_000))
    TeacherPin(klass.folder, iterations=1000).set_first("2468")
    (klass.store.root / "logs").mkdir()
    (klass.store.root / "logs" / "crash-1.log").write_text("Mia")
    klass.delete_all()
    root = klass.store.root
    assert [p for p in root.rglob("*") if p.is_file()] == []


def test_pin_is_stored_only_as_a_salted_hash(tmp_path: Path) -> None:
    pin = TeacherPin(tmp_path, iterations=1000)
    pin.set_first("2468")
    text = (tmp_path / "pin.json").read_text()
    assert "2468" not in text
    assert json.loads(text)["algorithm"] == "pbkdf2-hmac-sha256"
    assert pin.check("2468", NOW) and not pin.check("1357", NOW)
    other = TeacherPin(tmp_path / "other", iterations=1000)
    other.set_first("2468")
    assert (
        json.loads((tmp_path / "other" / "pin.json").read_text())["hash"]
        != json.loads(text)["hash"]
    )
    with pytest.raises(SaveError):
        pin.set_first("1111")


@pytest.mark.parametrize("bad", ["12", "abcd", "1234567890123", "１２３４"])
def test_pin_must_be_digits(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SaveError):
        TeacherPin(tmp_path, iterations=1000).set_first(bad)


def test_wrong_pins_slow_down_and_survive_a_restart(tmp_path: Path) -> None:
    pin = TeacherPin(tmp_path, iterations=1000)
    pin.set_first("2468")
    for _ in range(3):
        assert not pin.check("0000", NOW)
    first_wait = pin.wait(NOW)
    assert first_wait > 0
    restarted = TeacherPin(tmp_path, iterations=1000)
    with pytest.raises(PinWait):
        restarted.check("2468", NOW)  # even the right PIN waits
    later = NOW + dt.timedelta(seconds=first_wait)
    assert not restarted.check("0000", later)
    assert restarted.wait(later) > first_wait  # the delay grows
    much_later = later + dt.timedelta(hours=1)
    assert restarted.check("2468", much_later) and restarted.wait(much_later) == 0


def test_delay_doubles_up_to_a_limit() -> None:
    delays = [delay_after(n) for n in range(1, 30)]
    assert delays[:2] == [dt.timedelta(0)] * 2
    assert all(a <= b for a, b in itertools.pairwise(delays))
    assert delays[-1] == dt.timedelta(minutes=15)


def test_retention_really_deletes_old_entries(klass: ClassStore, mini_content: object) -> None:
    from game.core.economy import log_action

    student = klass.add_student("Mia", dt.datetime(2025, 9, 1))
    start = dt.datetime(2025, 9, 1, 8)
    for n in range(0, 200, 2):
        now = start + dt.timedelta(days=n)
        save = klass.store.open(student.profile_id, now)
        entry = log_action(
            save.state,
            mini_content.actions["cycle-instead-of-car"],
            2,
            day=now.date(),
            now=now,  # type: ignore[attr-defined]
        )
        save.record(entry)
        save.close()
    before = PlayerState.from_entries(read_entries(klass.store, student.profile_id))
    folder = klass.store.folder(student.profile_id)
    old_files = {p.name for p in ledger_files(folder)}
    today = (start + dt.timedelta(days=200)).date()
    deleted = delete_old_entries(klass.store, student.profile_id, 2, today)
    assert deleted > 0
    raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert b'"2025-09-03' not in raw  # gone from the ledger and from the backups
    assert {p.name for p in ledger_files(folder)} < old_files | {"ledger-2025-12.json"}
    after = class_states(klass.store)[student.profile_id]
    assert (after.balance, after.earned_total) == (before.balance, before.earned_total)
    save = klass.store.open(student.profile_id, dt.datetime.combine(today, dt.time(9)))
    assert save.recovery_notes == [] and save.state.balance == before.balance
    save.close()


def test_quiz_answers_are_saved_per_student(klass: ClassStore) -> None:
    mia = klass.add_student("Mia", NOW)
    answers = [Answer(NOW, "whale-shark", "habitat", True), Answer(NOW, "x", "trade", False)]
    save_answers(klass.store, mia.profile_id, answers)
    save_answers(klass.store, mia.profile_id, answers[:1])
    assert load_answers(klass.store, mia.profile_id) == [*answers, answers[0]]
    assert not os.path.exists(klass.store.folder("p-00000000") / "quiz.json")


def test_class_totals_follow_a_changed_ledger(klass: ClassStore, mini_content: object) -> None:
    from game.core.content import Content
    from game.core.economy import log_action
    from game.saves.class_data import SUMMARIES_FILE, read_class

    assert isinstance(mini_content, Content)
    mia = klass.add_student("Mia", NOW)
    klass.add_student("Noah", NOW)
    assert read_class(klass, mini_content).co2e_g == 0
    save = klass.store.open(mia.profile_id, NOW)
    entry = log_action(
        save.state, mini_content.actions["cycle-instead-of-car"], 2, day=NOW.date(), now=NOW
    )
    save.record(entry)
    save.close()
    assert read_class(klass, mini_content).co2e_g == entry.amount_g  # the cache is refreshed
    (klass.folder / SUMMARIES_FILE).write_text("{broken")
    assert read_class(klass, mini_content).co2e_g == entry.amount_g  # a bad cache is ignored


def test_settings_changed_within_the_same_tick_are_seen(klass: ClassStore) -> None:
    other_pc = ClassStore(SaveStore(klass.store.root))
    klass.save_settings(ClassSettings(goal_g=100_000))
    assert other_pc.settings().goal_g == 100_000
    path = klass.folder / "settings.json"
    stamp = path.stat().st_mtime_ns
    klass.save_settings(ClassSettings(goal_g=200_000))  # same size
    os.utime(path, ns=(stamp, stamp))  # and the same time, as on a coarse file system
    assert other_pc.settings().goal_g == 200_000


def test_damaged_settings_file_is_reported(klass: ClassStore) -> None:
    klass.folder.mkdir(parents=True)
    (klass.folder / "settings.json").write_text('{"schema_version": 1, "settings": {"goal_g": -5}}')
    from game.saves.class_errors import ClassFileDamaged

    with pytest.raises(ClassFileDamaged) as raised:
        klass.settings()
    assert "goal" in raised.value.reason  # the technical reason, for the log


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("settings.json", "{ not json"),
        ("settings.json", '{"schema_version": 1, "settings": {"caps": {"x": "many"}}}'),
        ("roster.json", '{"schema_version": 1, "students": ["Mia"]}'),
        ("roster.json", "\udcff".encode("utf-8", "surrogatepass").decode("latin-1")),
        ("pin.json", '{"schema_version": 1, "algorithm": "md5"}'),
        ("pin.json", "[]"),
    ],
)
def test_a_damaged_class_file_says_what_to_do_in_the_teachers_language(
    klass: ClassStore, name: str, text: str
) -> None:
    from game.config import LOCALE_DIR
    from game.core.messages import Message, message_of
    from game.i18n import Translator
    from game.saves.class_errors import ClassFileDamaged

    klass.folder.mkdir(parents=True)
    (klass.folder / name).write_text(text, encoding="latin-1")
    read = {
        "settings.json": klass.settings,
        "roster.json": klass.students,
        "pin.json": lambda: TeacherPin(klass.folder, iterations=1000).check("1234", NOW),
    }[name]
    with pytest.raises(ClassFileDamaged) as raised:
        read()
    assert isinstance(message_of(raised.value), Message)
    english = Translator.load("en", LOCALE_DIR).error(raised.value)
    chinese = Translator.load("zh-Hans", LOCALE_DIR).error(raised.value)
    assert chinese != english and name in chinese  # translated, naming the file for IT
    for technical in ("JSON", "schema", "Traceback", "Error", raised.value.reason):
        assert technical not in chinese.replace(str(klass.folder / name), "")


def test_new_settings_replace_a_damaged_file_kept_aside(klass: ClassStore) -> None:
    klass.folder.mkdir(parents=True)
    (klass.folder / "settings.json").write_text("{ not json")
    klass.save_settings(ClassSettings(goal_g=100_000))
    assert klass.settings().goal_g == 100_000
    (aside,) = klass.folder.glob("settings.json.damaged-*")
    assert aside.read_text() == "{ not json"


def test_a_group_is_tidied_bounded_and_cleared(klass: ClassStore) -> None:
    mia = klass.add_student("Mia", NOW)
    klass.set_group(mia.profile_id, "  Blue   team ")
    assert klass.student(mia.profile_id).group == "Blue team"
    with pytest.raises(SaveError):
        klass.set_group(mia.profile_id, "x" * 200)
    assert klass.student(mia.profile_id).group == "Blue team"
    klass.set_group(mia.profile_id, " ")
    assert klass.student(mia.profile_id).group is None


def test_a_new_student_with_a_bad_group_is_not_created(klass: ClassStore) -> None:
    with pytest.raises(SaveError):
        klass.add_student("Mia", NOW, "x" * 200)
    assert klass.students() == []


def tamper(klass: ClassStore, profile_id: str, mini_content: object) -> int:
    """An honest action, then a hand-edited ledger: that action inflated and a forged teacher's
    bonus added. Returns the honest action's CO2e."""
    from dataclasses import replace

    from game.core.content import Content
    from game.core.economy import log_action
    from game.core.ledger import LedgerEntry
    from game.saves.ledger_files import write_ledger

    assert isinstance(mini_content, Content)
    save = klass.store.open(profile_id, NOW)
    bike = mini_content.actions["cycle-instead-of-car"]
    honest = log_action(save.state, bike, 1, day=NOW.date(), now=NOW)
    save.record(honest)
    second = log_action(save.state, bike, 1, day=NOW.date(), now=NOW)
    save.record(second)
    save.close()
    forged = LedgerEntry(
        seq=3, kind="bonus", amount_g=90_000, at=NOW, day=NOW.date(), reason="teacher-x-trees"
    )
    folder = klass.store.folder(profile_id)
    for part in ledger_files(folder):
        part.unlink()
    write_ledger(folder, [honest, replace(second, amount_g=80_000), forged])
    return honest.amount_g


def test_class_totals_count_only_entries_the_rules_accept(
    klass: ClassStore, mini_content: object
) -> None:
    from game.saves.class_data import read_class

    mia = klass.add_student("Mia", NOW)
    klass.add_student("Noah", NOW)
    honest = tamper(klass, mia.profile_id, mini_content)
    totals = read_class(klass, mini_content, NOW)  # type: ignore[arg-type]
    assert totals.co2e_g == honest
    assert totals.left_out == 2
    (row,) = [r for r in totals.rows if r.student.name == "Mia"]
    assert (row.left_out, row.energy_g) == (2, honest)
    again = read_class(ClassStore(SaveStore(klass.store.root)), mini_content, NOW)  # type: ignore[arg-type]
    assert (again.co2e_g, again.left_out) == (honest, 2)  # the same from the shared cache


def test_the_report_says_how_many_entries_were_left_out(
    klass: ClassStore, mini_content: object
) -> None:
    from game.config import LOCALE_DIR
    from game.i18n import Translator
    from game.reports.class_report import csv_text, html_text
    from game.saves.class_data import read_class

    mia = klass.add_student("Mia", NOW)
    tamper(klass, mia.profile_id, mini_content)
    totals = read_class(klass, mini_content, NOW)  # type: ignore[arg-type]
    page = html_text(totals, mini_content, Translator.load("en", LOCALE_DIR), today=NOW.date())  # type: ignore[arg-type]
    assert 'class="warn"' in page and "Mia (2)" in page
    header, line = csv_text(totals, mini_content).splitlines()  # type: ignore[arg-type]
    assert header.endswith("left_out_entries") and line.endswith(",2")


def test_a_class_rule_changes_what_the_totals_accept(
    klass: ClassStore, mini_content: object
) -> None:
    from game.saves.class_data import read_class

    mia = klass.add_student("Mia", NOW)
    honest = tamper(klass, mia.profile_id, mini_content)
    assert read_class(klass, mini_content, NOW).co2e_g == honest  # type: ignore[arg-type]
    # a rule in force since before the entries were written (not a change made after them)
    since = NOW - dt.timedelta(days=1)
    klass.save_settings(ClassSettings(allowed_actions=frozenset({"no-such-action"})), since)
    totals = read_class(klass, mini_content, NOW)  # type: ignore[arg-type]
    assert (totals.co2e_g, totals.left_out) == (0, 3)  # not the summary cached before


def test_a_cap_changed_after_the_entries_keeps_the_class_totals(
    klass: ClassStore, mini_content: object
) -> None:
    from game.saves.class_data import read_class

    mia = klass.add_student("Mia", NOW)
    honest = tamper(klass, mia.profile_id, mini_content)
    later = NOW + dt.timedelta(hours=2)
    klass.save_settings(ClassSettings(caps={"cycle-instead-of-car": 100}), later)
    totals = read_class(klass, mini_content, later)  # type: ignore[arg-type]
    assert (totals.co2e_g, totals.left_out) == (honest, 2)


def test_saving_a_changed_cap_keeps_the_rules_before_it(klass: ClassStore) -> None:
    klass.save_settings(ClassSettings(goal_g=100_000), NOW)
    klass.save_settings(ClassSettings(goal_g=100_000, caps={"bike": 50}), NOW)
    later = NOW + dt.timedelta(hours=1)
    klass.save_settings(ClassSettings(goal_g=200_000, caps={"bike": 50}), later)
    settings = ClassStore(SaveStore(klass.store.root)).settings()
    assert [p.until for p in settings.past_rules] == [NOW]
    assert settings.rules_at(NOW - dt.timedelta(minutes=1)).caps is None
    assert settings.rules_at(later).caps == {"bike": 50}
