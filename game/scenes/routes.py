"""Where a scene can go: the one navigation place every scene reaches other scenes through.

Scenes know this protocol only; :class:`game.scenes.navigation.Navigator` implements it and is
the only module that imports scene classes, so scenes never import each other. Every method
that changes the player's save (opening a player, revealing a card) does it here, before the
next scene is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from game.saves.meta import ProfileMeta

if TYPE_CHECKING:  # the quiz and teacher mode load the content code: not before the first frame
    from game.core.ledger import LedgerEntry
    from game.core.quiz import Question
    from game.saves.teacher_mode import TeacherMode


class Routes(Protocol):
    def back(self) -> None:
        """Leave the current screen."""

    def new_profile(self) -> None: ...

    def create_profile(self, name: str, picture: str = "") -> None:
        """Make a player with their picture, open it, and show their home screen."""

    def rename(self) -> None:
        """The name screen again, to change the open player's name."""

    def rename_player(self, name: str, picture: str = "") -> None:
        """Give the open player ``name`` (and ``picture``) and go back; a refusal is a message
        and no change."""

    def open_profile(self, meta: ProfileMeta) -> None:
        """Open a player (verifying their ledger) and show their home screen."""

    def leave_profile(self) -> None:
        """Close the player and go back to the player list."""

    def settings(self) -> None:
        """The settings screen: the open player's, or this computer's with no player open."""

    def log_action(self) -> None: ...

    def progress(self) -> None: ...

    def album(self, edition_id: str, focus: str | None = None, *, instead: bool = False) -> None:
        """Show an edition's album; ``instead`` replaces the current screen."""

    def card(self, species_id: str) -> None:
        """Show a card up close (it is no longer new)."""

    def reveal(self, edition_id: str, *, instead: bool = False) -> None:
        """Pay for a card and show it; a refusal is a message and no screen change."""

    def reveal_shown(self, entry: LedgerEntry) -> None:
        """The reveal in ``entry`` was shown to the end: it will not be shown again."""

    def edition_complete(self, edition_id: str, *, instead: bool = False) -> None:
        """A finished edition's own screen: its cards, the energy, a certificate to print."""

    def notice(self, heading: str, lines: list[str]) -> None: ...

    def teacher(self) -> None:
        """Teacher mode: its PIN first (set on first use, then asked for)."""

    def teacher_inside(
        self, teacher: TeacherMode, tab: str = "students", *, instead: bool = True
    ) -> None:
        """A page of teacher mode, once the PIN was right (``tab``: students, waiting, rules,
        data); ``instead`` replaces the current screen."""

    def class_screen(self, *, instead: bool = False) -> None:
        """The class screen for a projector (the class's totals read now, from every player)."""

    def quiz(self) -> None:
        """A quiz about the open player's cards; a message when they have none yet."""

    def quiz_answer(self, question: Question, choice: int) -> LedgerEntry | None:
        """Save the open player's answer for the report, and the bonus a right one earns
        (returned; None for a wrong answer or once today's are used up)."""

    def confirm(self, question: str, yes: Callable[[], object]) -> None:
        """Ask first; ``yes`` runs only when the answer is yes."""

    def ask(
        self,
        question: str,
        answer: Callable[[str], object],
        *,
        initial: str = "",
        digits: bool = False,
        blank_ok: bool = False,
    ) -> None:
        """A line to type; ``answer`` gets it when it is confirmed (never empty, unless
        ``blank_ok``: then an empty line clears what it sets)."""

    def keys_help(self) -> None:
        """The page of keys over the current screen (F1 or ?)."""
