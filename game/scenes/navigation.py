"""The one place scenes go through to reach other scenes, and where actions with side effects run.

Scenes call ``ctx.nav`` (the :class:`game.scenes.routes.Routes` protocol); this module is the
only one that imports scene classes. Anything that changes the player's save happens here,
before the next scene is shown: opening a player verifies their ledger, and a reveal is paid
for and saved before its screen appears, so the screen only shows what already happened.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from game.context import GameContext
from game.saves.lock import ProfileBusy
from game.saves.meta import ProfileMeta
from game.saves.migrations import SaveError

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.core.ledger import LedgerEntry
    from game.core.quiz import Question
    from game.saves.teacher_mode import TeacherMode

# Each screen (and the rules behind it) is imported when it is first shown, not before the
# first frame: the player list needs none of them, and the game's content code is most of the
# time a start takes.

log = logging.getLogger("ecocards")

QUIZ_LENGTH = 5  # questions in one quiz

TEACHER_PAGES = {  # tab: (module, class) of game.scenes, imported when the page is opened
    "students": ("teacher_roster", "TeacherRosterScene"),
    "waiting": ("teacher_queue", "TeacherQueueScene"),
    "rules": ("teacher_rules", "TeacherRulesScene"),
    "data": ("teacher_data", "TeacherDataScene"),
}


class Navigator:
    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx
        ctx.routes = self

    @property
    def tr(self):  # type: ignore[no-untyped-def]
        return self.ctx.tr

    def back(self) -> None:
        self.ctx.manager.pop()

    # -- players -------------------------------------------------------------------------------

    def new_profile(self) -> None:
        from game.scenes.new_profile import NewProfileScene

        self.ctx.manager.push(NewProfileScene(self.ctx))

    def create_profile(self, name: str, picture: str = "") -> None:
        try:
            meta = self.ctx.store.create(name, self.ctx.now())
        except SaveError as exc:
            self.ctx.toast(self.tr.error(exc), error=True)
            return
        self._open(meta, instead=True)
        if picture and self.ctx.save is not None:
            self.ctx.save_settings(self.ctx.settings.changed(avatar=picture))

    def rename(self) -> None:
        from game.scenes.new_profile import NewProfileScene

        assert self.ctx.save is not None
        self.ctx.manager.push(NewProfileScene(self.ctx, renaming=self.ctx.save.meta))

    def rename_player(self, name: str, picture: str = "") -> None:
        ctx = self.ctx
        assert ctx.save is not None
        try:
            ctx.store.rename(ctx.save.meta.id, name, ctx.now(), save=ctx.save)
        except (ProfileBusy, SaveError) as exc:
            ctx.toast(self.tr.error(exc), error=True, seconds=6)
            return
        if picture and picture != ctx.settings.avatar:
            ctx.save_settings(ctx.settings.changed(avatar=picture))
        ctx.manager.pop()

    def open_profile(self, meta: ProfileMeta) -> None:
        self._open(meta, instead=False)

    def _open(self, meta: ProfileMeta, *, instead: bool) -> None:
        from game.core.verify import verify_ledger
        from game.scenes.home import HomeScene
        from game.scenes.notice import NoticeScene
        from game.scenes.reveal import RevealScene

        ctx = self.ctx
        try:
            ctx.save = ctx.store.open(meta.id, ctx.now())
        except (ProfileBusy, SaveError) as exc:
            ctx.toast(self.tr.error(exc), error=True, seconds=6)
            return
        ctx.load_settings()  # their language, sound and motion, from now on
        notes: list[str] = list(ctx.save.recovery_notes)
        heading = (
            self.tr("Your saved game was repaired")
            if notes
            else self.tr("Your saved game was checked")
        )
        if ctx.content is not None:
            # the class's rules (its actions, caps and back-dating), which its entries were
            # written under: the game's defaults would set aside what the teacher allowed
            settings = ctx.class_settings()
            verdict = verify_ledger(
                ctx.save.state.entries, ctx.content, now=ctx.now(), rules_at=settings.rules_at
            )
            ctx.save.adopt(verdict.state)
            for violation in verdict.violations:
                log.warning("player %s, %s", meta.id, violation)
            if verdict.set_aside:
                notes.append(self._set_aside_note(len(verdict.set_aside)))
            ctx.note_badges()
        home = HomeScene(ctx)
        if instead:
            ctx.manager.replace(home)
        else:
            ctx.manager.push(home)
        # cards paid for and never shown (the game was closed during a reveal): shown now,
        # the oldest first, before anything else
        for entry in reversed(ctx.views.unshown(ctx.state)):
            ctx.manager.push(RevealScene(ctx, entry))
        if notes:
            ctx.manager.push(NoticeScene(ctx, heading, notes))

    def _set_aside_note(self, count: int) -> str:
        return str(
            self.tr.plural(
                count,
                "{count} entry in this saved game breaks the game's rules (it may have "
                "been edited by hand). It was kept aside and does not count. A teacher "
                "can see it with the profiles tool.",
                "{count} entries in this saved game break the game's rules (they may "
                "have been edited by hand). They were kept aside and do not count. A "
                "teacher can see them with the profiles tool.",
            )
        )

    def leave_profile(self) -> None:
        self.ctx.close_profile()
        self.ctx.load_settings()  # back to this computer's defaults
        self.ctx.manager.pop()

    def settings(self) -> None:
        """The settings of the open player, or this computer's defaults with no player open."""
        from game.scenes.settings import SettingsScene

        self.ctx.manager.push(SettingsScene(self.ctx))

    # -- screens of an open player ------------------------------------------------------------

    def log_action(self) -> None:
        from game.scenes.log_action import LogActionScene

        self.ctx.manager.push(LogActionScene(self.ctx))

    def progress(self) -> None:
        from game.scenes.progress import ProgressScene

        self.ctx.manager.push(ProgressScene(self.ctx))

    def album(self, edition_id: str, focus: str | None = None, *, instead: bool = False) -> None:
        from game.scenes.album import AlbumScene

        scene = AlbumScene(self.ctx, edition_id, focus)
        if instead:
            self.ctx.manager.replace(scene)
        else:
            self.ctx.manager.push(scene)

    def card(self, species_id: str) -> None:
        from game.scenes.card import CardScene

        self.ctx.views.mark_viewed(species_id)
        self.ctx.manager.push(CardScene(self.ctx, species_id))

    def reveal(self, edition_id: str, *, instead: bool = False) -> None:
        from game.core import economy, reveals
        from game.scenes.reveal import RevealScene

        ctx = self.ctx
        assert ctx.content is not None
        if not ctx.class_settings().edition_on(edition_id):
            ctx.toast(self.tr("Your teacher has turned this edition off for now."), error=True)
            return
        try:
            entry = reveals.reveal(ctx.state, ctx.content, edition_id, ctx.rng, ctx.now())
        except economy.RuleError as exc:
            ctx.toast(self.tr.error(exc), error=True)
            return
        if not ctx.record(entry):
            return
        scene = RevealScene(ctx, entry)
        if instead:
            ctx.manager.replace(scene)
        else:
            ctx.manager.push(scene)

    def reveal_shown(self, entry: LedgerEntry) -> None:
        if self.ctx.save is not None:
            self.ctx.views.mark_shown(entry)

    def edition_complete(self, edition_id: str, *, instead: bool = False) -> None:
        from game.scenes.edition_complete import EditionCompleteScene

        scene = EditionCompleteScene(self.ctx, edition_id)
        if instead:
            self.ctx.manager.replace(scene)
        else:
            self.ctx.manager.push(scene)

    def notice(self, heading: str, lines: list[str]) -> None:
        from game.scenes.notice import NoticeScene

        self.ctx.manager.push(NoticeScene(self.ctx, heading, lines))

    # -- teacher mode and dialogs -----------------------------------------------------------------

    def teacher(self) -> None:
        from game.saves.teacher_mode import TeacherMode
        from game.scenes.teacher_pin import TeacherPinScene

        ctx = self.ctx
        if ctx.content is None:
            ctx.toast(self.tr("Teacher mode needs the decks, which could not be read."), error=True)
            return
        teacher = TeacherMode(ctx.store, ctx.content, clock=ctx.now)
        ctx.manager.push(TeacherPinScene(ctx, teacher))

    def teacher_inside(
        self, teacher: TeacherMode, tab: str = "students", *, instead: bool = True
    ) -> None:
        module, name = TEACHER_PAGES[tab]
        page = getattr(importlib.import_module(f"game.scenes.{module}"), name)
        scene = page(self.ctx, teacher)
        if instead:
            self.ctx.manager.replace(scene)
        else:
            self.ctx.manager.push(scene)

    def class_screen(self, *, instead: bool = False) -> None:
        from game.saves.atomic import CorruptFile
        from game.saves.class_data import read_class
        from game.scenes.class_screen import ClassScreenScene

        ctx = self.ctx
        if ctx.content is None:
            ctx.toast(
                self.tr("The class screen needs the decks, which could not be read."), error=True
            )
            return
        try:
            totals = read_class(ctx.klass, ctx.content, ctx.now())
            goal_name = ctx.klass.settings().goal_name
        except (SaveError, CorruptFile, OSError) as exc:
            ctx.toast(self.tr.error(exc), error=True, seconds=6)
            return
        scene = ClassScreenScene(ctx, totals, goal_name)
        if instead:
            ctx.manager.replace(scene)
        else:
            ctx.manager.push(scene)

    def quiz(self) -> None:
        from game.core.quiz import make_quiz
        from game.scenes.quiz import QuizScene

        ctx = self.ctx
        assert ctx.content is not None and ctx.save is not None
        questions = make_quiz(ctx.content, ctx.state.owned, ctx.tr, ctx.rng, count=QUIZ_LENGTH)
        if not questions:
            ctx.toast(self.tr("Reveal a card first: the quiz asks about your cards."), error=True)
            return
        ctx.manager.push(QuizScene(ctx, questions))

    def quiz_answer(self, question: Question, choice: int) -> LedgerEntry | None:
        from game.core.quiz import reward
        from game.core.quiz_answer import Answer
        from game.saves.teacher_mode import record_quiz

        ctx = self.ctx
        assert ctx.save is not None
        now = ctx.now()
        answer = Answer(now, question.species_id, question.kind, choice == question.answer)
        try:
            record_quiz(ctx.store, ctx.save, [answer])
        except SaveError as exc:
            ctx.toast(self.tr.error(exc), error=True, seconds=6)
        bonus = reward(ctx.state, question, choice, now)
        if bonus is None or not ctx.record(bonus):
            return None
        ctx.celebrate()
        return bonus

    def confirm(self, question: str, yes: Callable[[], object]) -> None:
        from game.scenes.dialogs import ConfirmScene

        self.ctx.manager.push(ConfirmScene(self.ctx, question, yes))

    def ask(
        self,
        question: str,
        answer: Callable[[str], object],
        *,
        initial: str = "",
        digits: bool = False,
        blank_ok: bool = False,
    ) -> None:
        from game.scenes.dialogs import AskScene

        self.ctx.manager.push(
            AskScene(self.ctx, question, answer, initial=initial, digits=digits, blank_ok=blank_ok)
        )

    def keys_help(self) -> None:
        from game.scenes.keys_help import KeysHelpScene

        if not isinstance(self.ctx.manager.top, KeysHelpScene):
            self.ctx.manager.push(KeysHelpScene(self.ctx))
