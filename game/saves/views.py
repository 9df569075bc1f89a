"""What the player has seen: which paid reveals were shown, and which cards were opened.

Kept in its own small file beside the ledger, because it is not part of the truth: losing it
costs nothing but "new" markers. What matters is that a reveal paid for but never shown (the
game closed during the animation, or crashed) is shown the next time the player opens: the
ledger entry is written first, and this file only says a reveal was shown once it was.

A profile without the file (made before it existed, imported, or repaired) starts with every
reveal so far shown and every card so far opened, so nothing old comes back as new.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from game.core.ledger import LedgerEntry, PlayerState
from game.saves.atomic import CorruptFile, dump_json, read_json, write_atomic

VIEWS_FILE = "views.json"


@dataclass
class Views:
    folder: Path
    shown_through: int = 0  # every reveal with this sequence number or lower has been shown
    viewed: set[str] = field(default_factory=set)  # species ids whose card has been opened

    @classmethod
    def load(cls, folder: Path, state: PlayerState) -> Views:
        try:
            data = read_json(folder / VIEWS_FILE)
            views = cls(folder, int(data["shown_through"]), {str(s) for s in data["viewed"]})
        except (OSError, CorruptFile, ValueError, KeyError, TypeError, AttributeError):
            views = cls(folder, state.entries[-1].seq if state.entries else 0, set(state.owned))
            views.save()  # from now on, a reveal not marked shown is one that was not
        return views

    def unshown(self, state: PlayerState) -> list[LedgerEntry]:
        """Reveals paid for and not shown yet, oldest first."""
        return [
            e
            for e in state.entries
            if e.kind == "spent" and e.seq > self.shown_through and e.reveal is not None
        ]

    def new_cards(self, state: PlayerState) -> set[str]:
        """Cards owned and not opened yet."""
        return {sid for sid in state.owned if sid not in self.viewed}

    def mark_shown(self, entry: LedgerEntry) -> None:
        if entry.seq > self.shown_through:
            self.shown_through = entry.seq
            self.save()

    def mark_viewed(self, species_id: str) -> None:
        if species_id not in self.viewed:
            self.viewed.add(species_id)
            self.save()

    def save(self) -> None:
        data = {"shown_through": self.shown_through, "viewed": sorted(self.viewed)}
        with contextlib.suppress(OSError):  # only markers: a full disk must not stop the game
            write_atomic(self.folder / VIEWS_FILE, dump_json(data), durable=False)
