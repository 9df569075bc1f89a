"""What every scene shares: content, saves, randomness, time, fonts and words."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from game.config import Config
from game.core.problems import ContentError, Problem
from game.i18n import Translator
from game.saves.atomic import CorruptFile
from game.saves.profiles import SaveError, SaveStore
from game.saves.settings import Settings, SettingsStore
from game.scenes.base import SceneManager
from game.scenes.routes import Routes
from game.ui.audio import Audio
from game.ui.resources import Resources

if TYPE_CHECKING:
    # The content code (pydantic models) is imported when the decks are loaded, after the
    # first frame: the player list is on screen sooner.
    from game.core import progress
    from game.core.classroom import ClassSettings
    from game.core.content import Content
    from game.core.ledger import LedgerEntry, PlayerState
    from game.display import Display
    from game.saves.classroom import ClassStore
    from game.saves.player import PlayerSave
    from game.saves.views import Views
    from game.ui.cards import CardRenderer

log = logging.getLogger("ecocards")


@dataclass
class Toast:
    message: str
    seconds_left: float
    error: bool = False


@dataclass
class GameContext:
    config: Config
    content: Content | None
    store: SaveStore
    rng: random.Random
    res: Resources
    tr: Translator
    manager: SceneManager
    clock: Callable[[], dt.datetime] = dt.datetime.now
    save: PlayerSave | None = None
    toasts: list[Toast] = field(default_factory=list)
    # Errors in the decks on disk while the game plays with the last decks that were valid.
    deck_problems: list[Problem] = field(default_factory=list)
    routes: Routes | None = None  # set by the App once the navigator exists
    audio: Audio | None = None
    new_badges: list[progress.Badge] = field(default_factory=list)  # not yet celebrated
    # the badges the open player had earned when last looked at, to notice new ones
    _badges: tuple[PlayerSave, set[str]] | None = field(default=None, repr=False)
    _klass: ClassStore | None = field(default=None, repr=False)
    display: Display | None = None  # set by the App (absent in tests of scenes alone)
    settings: Settings = field(default_factory=Settings)  # what the game plays with now
    # what the game was started with, under every saved setting (set on the first load)
    base_settings: Settings | None = None

    # -- settings ------------------------------------------------------------------------------

    @property
    def settings_store(self) -> SettingsStore:
        return SettingsStore(self.config.saves_dir)

    def load_settings(self) -> None:
        """Apply the open player's settings (or this computer's defaults with no player open);
        what the command line set wins for the whole session."""
        store, now = self.settings_store, self.now()
        if self.base_settings is None:
            config = self.config
            self.base_settings = Settings(
                lang=config.lang,
                reduced_motion=config.reduced_motion,
                volume=config.volume,
                mute=config.mute,
                fullscreen=config.fullscreen,
            )
        base = self.base_settings
        saved = (
            store.player(self.save.meta.id, now, base) if self.save else store.machine(now, base)
        )
        forced = {name: getattr(base, name) for name in self.config.forced}
        self.apply_settings(saved.changed(**forced))

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` at once: words, motion, sound and the window."""
        from game.core.languages import catalog_languages

        # the tags alone: the languages' own names (Babel's locale data) are not needed here
        if settings.lang not in catalog_languages(self.config.locale_dir):
            settings = settings.changed(lang=self.tr.lang)
        if settings.lang != self.tr.lang:
            self.tr = Translator.load(settings.lang, self.config.locale_dir)
            if self._cards_made:
                self.cards.use_translator(self.tr)
        self.config = replace(
            self.config,
            lang=settings.lang,
            reduced_motion=settings.reduced_motion,
            volume=settings.volume,
            mute=settings.mute,
            fullscreen=settings.fullscreen,
        )
        if self.audio is not None:
            self.audio.set_volume(settings.volume / 100)
            self.audio.muted = settings.mute
        if self.display is not None:
            self.display.set_fullscreen(settings.fullscreen)
        self._apply_look(settings)
        self.settings = settings

    def _apply_look(self, settings: Settings) -> None:
        """The palette and the text size; pictures drawn with the old ones are drawn again."""
        from game.ui import theme

        scale = settings.text_size / 100
        if theme.palette != settings.palette or self.res.text_scale != scale:
            theme.use_palette(settings.palette)
            self.res.text_scale = scale
            self.cards.clear()

    def save_settings(self, settings: Settings) -> bool:
        """Apply ``settings`` and keep them: for the open player, or as this computer's
        defaults with no player open. On failure tell the player and return False."""
        self.apply_settings(settings)
        try:
            if self.save is not None:
                self.settings_store.save_player(
                    self.save.meta.id, self.settings, self.now(), self.base_settings
                )
            else:
                self.settings_store.save_machine(self.settings, self.now(), self.base_settings)
        except OSError as exc:
            self.toast(
                self.tr("The settings could not be saved ({reason}).", reason=exc.strerror or exc),
                error=True,
                seconds=6,
            )
            return False
        return True

    @property
    def nav(self) -> Routes:
        """Where scenes go next (game.scenes.navigation.Navigator)."""
        assert self.routes is not None, "no navigator"
        return self.routes

    @property
    def lang(self) -> str:
        return self.tr.lang

    def now(self) -> dt.datetime:
        return self.clock()

    def toast(self, message: str, *, error: bool = False, seconds: float = 3.5) -> None:
        self.toasts.append(Toast(message, seconds, error))
        del self.toasts[:-3]

    def load_content(self) -> list[Problem]:
        """(Re)load the decks and return their problems (none when they loaded).

        On errors the content in use stays; with none in use yet (at start-up) the last decks
        that were valid are taken from the cache, so one broken species does not keep a class
        from playing. Either way ``deck_problems`` holds the errors until a reload succeeds."""
        from game.core.content import load_content, load_last_valid

        today = self.now().date()
        try:
            self.content = load_content(
                self.config.data_dir,
                self.config.assets_dir,
                cache_dir=self.config.cache_dir,
                today=today,
            )
        except ContentError as exc:
            if self.content is None:
                self.content = load_last_valid(self.config.cache_dir, self.config.assets_dir, today)
                self._clear_cards()
            self.deck_problems = exc.problems if self.content is not None else []
            return exc.problems
        self.deck_problems = []
        self._clear_cards()
        return []

    @cached_property
    def cards(self) -> CardRenderer:
        """The card painter, made when a card is first drawn: the player list shows none, and
        its module is left out of the first frame."""
        from game.ui.cards import CardRenderer

        return CardRenderer(self.res, self.tr)

    @property
    def _cards_made(self) -> bool:
        return "cards" in self.__dict__

    def _clear_cards(self) -> None:
        if self._cards_made:
            self.cards.clear()

    def begin_frame(self) -> None:
        """A new frame starts (the card painter's time budget with it, once there is one)."""
        if self._cards_made:
            self.cards.begin_frame()

    @property
    def state(self) -> PlayerState:
        """The open player's state (scenes that need it are only reachable with a profile)."""
        assert self.save is not None, "no profile is open"
        return self.save.state

    @property
    def views(self) -> Views:
        """What the open player has seen (reveals shown, cards opened)."""
        assert self.save is not None, "no profile is open"
        return self.save.views

    def record(self, entry: LedgerEntry) -> bool:
        """Save an entry the rules just applied; on failure tell the player and return False."""
        assert self.save is not None
        try:
            self.save.record(entry)
        except SaveError as exc:
            self.toast(self.tr.error(exc), error=True, seconds=8)
            return False
        self._notice_new_badges()
        return True

    def play(self, sound: str) -> None:
        if self.audio is not None:
            self.audio.play(sound)

    def _earned_badges(self) -> dict[str, progress.Badge]:
        from game.core import progress

        assert self.save is not None and self.content is not None
        summary = progress.summary(self.content, self.save.state, self.now().date())
        return {badge.id: badge for badge in summary.earned_badges}

    def note_badges(self) -> None:
        """Remember the badges the open player has, so that the next new one is noticed."""
        if self.save is not None and self.content is not None:
            self._badges = (self.save, set(self._earned_badges()))

    def _notice_new_badges(self) -> None:
        if self.save is None or self.content is None:
            return
        earned = self._earned_badges()
        if self._badges is not None and self._badges[0] is self.save:
            self.new_badges += [earned[key] for key in sorted(earned.keys() - self._badges[1])]
        self._badges = (self.save, set(earned))

    def celebrate(self, sound: str | None = None) -> None:
        """The moment an action's result is shown: ``sound``, or for a new badge a toast and
        the badge sound (for a finished edition, its own fanfare)."""
        new, self.new_badges = self.new_badges, []
        for badge in new:
            self.toast(self.tr("New badge: {name}!", name=self.tr(badge.name)), seconds=5)
        kinds = {badge.kind for badge in new}
        if "edition" in kinds:
            sound = "edition-complete"
        elif kinds:
            sound = sound or "badge"
        if sound:
            self.play(sound)

    # -- the class -------------------------------------------------------------------------------

    @property
    def klass(self) -> ClassStore:
        """The class of the saves folder: every player is one of its students."""
        from game.saves.classroom import ClassStore

        if self._klass is None or self._klass.store is not self.store:
            self._klass = ClassStore(self.store)
        return self._klass

    def class_settings(self) -> ClassSettings:
        """The teacher's settings, re-read when another PC changed them; the game's own rules
        when the class's file cannot be read (logged, so the teacher can find out why)."""
        try:
            return self.klass.settings()
        except (CorruptFile, SaveError, OSError) as exc:
            from game.core.classroom import ClassSettings

            log.warning("the class settings cannot be read (%s); the game's own rules apply", exc)
            return ClassSettings()

    def close_profile(self) -> None:
        if self.save is not None:
            self.save.close()
            self.save = None
