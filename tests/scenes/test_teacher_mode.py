"""Teacher mode's screens, driven with real events: the PIN, the roster, the approval queue,
bonuses, class rules, retention and the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame
import pytest

from game.saves.class_data import read_entries
from game.saves.teacher import FREE_ATTEMPTS
from game.scenes.dialogs import AskScene, ConfirmScene
from game.scenes.notice import NoticeScene
from game.scenes.profiles import ProfilesScene
from game.scenes.teacher_pin import TeacherPinScene
from game.scenes.teacher_queue import TeacherQueueScene
from game.scenes.teacher_roster import TeacherRosterScene
from tests.scenes.class_setup import PIN, make_class, teacher_of
from tests.scenes.driver import NOW, Driver


@pytest.fixture
def game(tmp_path: Path) -> Driver:
    return Driver(tmp_path / "saves")


def type_pin(game: Driver, pin: str) -> None:
    game.type_text(pin)
    game.key(pygame.K_RETURN)


def set_pin(game: Driver) -> None:
    game.click("Teacher")
    type_pin(game, PIN)
    type_pin(game, PIN)
    assert isinstance(game.scene, TeacherRosterScene)


def test_first_use_sets_the_pin_typed_twice_and_opens_teacher_mode(game: Driver) -> None:
    game.click("Teacher")
    assert isinstance(game.scene, TeacherPinScene) and game.scene.setting
    type_pin(game, PIN)
    type_pin(game, PIN)
    assert isinstance(game.scene, TeacherRosterScene)
    assert teacher_of(game).unlock(PIN)


def test_two_different_pins_set_nothing(game: Driver) -> None:
    game.click("Teacher")
    type_pin(game, PIN)
    type_pin(game, "1357")
    assert isinstance(game.scene, TeacherPinScene) and game.scene.problem
    assert not teacher_of(game).pin_is_set()


def test_the_keypad_types_digits_shown_as_dots_only(game: Driver) -> None:
    game.click("Teacher")
    for digit in PIN:
        game.click(digit)
    scene = game.scene
    assert isinstance(scene, TeacherPinScene) and scene.pin == PIN
    labels = [b.label for b in scene.buttons.buttons]
    assert PIN not in labels and PIN not in scene.prompt


def test_unlock_with_the_right_pin(game: Driver) -> None:
    teacher_of(game).set_first_pin(PIN)
    game.click("Teacher")
    assert not game.scene.setting  # type: ignore[attr-defined]
    type_pin(game, PIN)
    assert isinstance(game.scene, TeacherRosterScene)


def test_wrong_pins_are_slowed_down_and_refused_while_waiting(game: Driver) -> None:
    teacher_of(game).set_first_pin(PIN)
    game.click("Teacher")
    for _ in range(FREE_ATTEMPTS):
        type_pin(game, "0000")
    scene = game.scene
    assert isinstance(scene, TeacherPinScene) and scene.wait > 0
    assert not game.button("OK").enabled
    type_pin(game, PIN)  # refused while slowed down, even when right
    assert isinstance(game.scene, TeacherPinScene)


def test_add_a_student_from_teacher_mode(game: Driver) -> None:
    set_pin(game)
    game.click("+ Add a student")
    assert isinstance(game.ctx.manager.top, AskScene)
    game.type_text("Lena")
    game.key(pygame.K_RETURN)
    assert [s.name for s in teacher_of(game).students()] == ["Lena"]


def test_a_malformed_roster_shows_every_line_and_imports_nothing(
    game: Driver, tmp_path: Path
) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,group\nMia,Blue\n,Green\nMia,Blue\n", encoding="utf-8")
    set_pin(game)
    game.click("Import a roster CSV")
    game.type_text(str(roster))
    game.key(pygame.K_RETURN)
    notice = game.ctx.manager.top
    assert isinstance(notice, NoticeScene)
    assert [line.split(": ")[0] for line in notice.lines] == [f"{roster}:3", f"{roster}:4"]
    assert teacher_of(game).students() == []


def test_delete_asks_first_and_no_keeps_the_student(game: Driver) -> None:
    make_class(game)
    set_pin(game)
    before = len(teacher_of(game).students())
    game.click("Delete")
    assert isinstance(game.ctx.manager.top, ConfirmScene)
    game.click("Cancel")
    assert len(teacher_of(game).students()) == before
    game.click("Delete")
    game.click("Yes")
    assert len(teacher_of(game).students()) == before - 1


def test_approve_a_waiting_action(game: Driver) -> None:
    teacher = make_class(game, waiting=1)
    set_pin(game)
    game.click("Waiting")
    assert isinstance(game.scene, TeacherQueueScene)
    first = game.scene.waiting[0]
    game.click("Approve")
    assert all(w.student != first.student for w in teacher.queue())
    entries = read_entries(game.ctx.store, first.student.profile_id)
    assert any(e.approves == first.entry.seq for e in entries)


def test_approve_all_empties_the_queue(game: Driver) -> None:
    teacher = make_class(game, waiting=1)
    set_pin(game)
    game.click("Waiting")
    game.click("Approve all")
    assert teacher.queue() == []
    assert teacher.class_totals().co2e_g > 0


def test_a_bonus_with_a_reason_to_one_student(game: Driver) -> None:
    make_class(game)
    set_pin(game)
    student = game.scene.students[0]  # type: ignore[attr-defined]
    game.click("Bonus")
    game.type_text("250")
    game.key(pygame.K_RETURN)
    game.type_text("Helped plant the school garden")
    game.key(pygame.K_RETURN)
    (bonus,) = [e for e in read_entries(game.ctx.store, student.profile_id) if e.kind == "bonus"]
    assert bonus.amount_g == 250 and "school garden" in (bonus.reason or "")


def test_class_rules_turn_the_approval_queue_on(game: Driver) -> None:
    set_pin(game)
    game.click("Class rules")
    game.click("× Off: actions count at once")
    assert teacher_of(game).settings().approval


def test_retention_asks_first_then_deletes_old_entries(game: Driver) -> None:
    teacher = make_class(game, waiting=1, at=NOW - dt.timedelta(days=95))
    set_pin(game)
    game.click("Bonus and data")
    game.click("Delete entries older than some months")
    game.type_text("1")
    game.key(pygame.K_RETURN)
    assert isinstance(game.ctx.manager.top, ConfirmScene)
    game.click("Yes")
    assert teacher.queue() == []
    for student in teacher.students():  # the old actions are gone from every ledger
        assert not any(e.action_id for e in read_entries(game.ctx.store, student.profile_id))


def test_the_report_is_written_into_prints(game: Driver) -> None:
    make_class(game)
    set_pin(game)
    game.click("Bonus and data")
    game.click("Write the class report and certificates")
    prints = game.ctx.config.saves_dir / "prints"
    day = NOW.date().isoformat()
    assert (prints / f"class-report-{day}.csv").read_text(encoding="utf-8").count("\n") > 1
    assert "<html" in (prints / f"class-report-{day}.html").read_text(encoding="utf-8")


def test_close_goes_back_to_the_player_list(game: Driver) -> None:
    set_pin(game)
    game.click("Close")
    assert isinstance(game.scene, ProfilesScene)


def test_the_class_goal_goes_up_on_the_rules_page(game: Driver) -> None:
    set_pin(game)
    game.click("Class rules")
    before = teacher_of(game).settings().goal_g
    game.click("+", 1)
    assert teacher_of(game).settings().goal_g > before


def test_a_damaged_pin_file_is_told_and_opens_nothing(game: Driver) -> None:
    pin_file = game.ctx.store.root / "class" / "pin.json"
    pin_file.parent.mkdir(parents=True, exist_ok=True)
    pin_file.write_text("{ not json", encoding="utf-8")
    game.click("Teacher")
    type_pin(game, PIN)
    scene = game.scene
    assert isinstance(scene, TeacherPinScene) and scene.problem


@pytest.mark.parametrize(
    ("name", "tab"),
    [("settings.json", "Class rules"), ("roster.json", "Students"), ("roster.json", "Waiting")],
)
def test_a_damaged_class_file_is_told_in_the_teachers_language(
    tmp_path: Path, name: str, tab: str
) -> None:
    game = Driver(tmp_path / "saves", lang="zh-Hans")
    make_class(game)
    tr = game.ctx.tr
    game.click(tr("Teacher"))
    for _ in range(2):
        type_pin(game, PIN)
    (game.ctx.store.root / "class" / name).write_text("{ not json", encoding="utf-8")
    if tab != "Students":
        game.click(tr(tab))
    else:  # the roster page is open already: leave it and come back
        game.click(tr("Waiting"))
        game.click(tr(tab))
    errors = [t.message for t in game.ctx.toasts if t.error]
    assert errors, "the damaged file was not told"
    for message in errors:
        assert "JSON" not in message and "Traceback" not in message
        assert "文件坏了" in message  # the catalog's words, not the English


def test_a_damaged_pin_file_is_told_in_the_teachers_language(tmp_path: Path) -> None:
    game = Driver(tmp_path / "saves", lang="zh-Hans")
    pin_file = game.ctx.store.root / "class" / "pin.json"
    pin_file.parent.mkdir(parents=True, exist_ok=True)
    pin_file.write_text('{"schema_version": 1}', encoding="utf-8")
    game.click(game.ctx.tr("Teacher"))
    type_pin(game, PIN)
    scene = game.scene
    assert isinstance(scene, TeacherPinScene)
    assert "教师密码文件坏了" in scene.problem and "KeyError" not in scene.problem
