"""A reveal grows with rarity: longer and grander for rarer cards, quiet for Lost species,
always skippable, and still with reduced motion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame
import pytest

from game.core.ledger import LedgerEntry, RevealInfo
from game.scenes.reveal import MOMENTS, RevealScene
from tests.scenes.driver import Driver

RISING = ["common", "uncommon", "rare", "very-rare", "legendary"]


def test_rarer_tiers_get_longer_moments_with_more_light() -> None:
    lengths = [MOMENTS[tier].length for tier in RISING]
    assert lengths == sorted(lengths) and len(set(lengths)) == len(lengths)
    rays = [MOMENTS[tier].rays for tier in RISING]
    assert rays == sorted(rays) and rays[-1] > 0


def test_a_lost_species_is_revealed_slowly_and_quietly() -> None:
    lost = MOMENTS["lost"]
    assert lost.wobble == 0 and lost.rays == 0 and lost.pulse == 0
    assert lost.flip > max(MOMENTS[tier].flip for tier in RISING)


def _reveal_of(game: Driver, tier: str) -> RevealScene:
    content = game.ctx.content
    species = next(s for s in content.species.values() if _tier(s.iucn.category) == tier)
    entry = LedgerEntry(
        seq=game.ctx.state.next_seq,
        kind="reveal",
        day=dt.date(2026, 11, 23),
        at=dt.datetime(2026, 11, 23, 15, 30),
        amount_g=-content.editions[species.edition].reveal_cost,
        reveal=RevealInfo(
            species_id=species.id,
            edition_id=species.edition,
            seed=1,
            tier=tier,
            chance=1.0,
            tier_odds={tier: 1.0},
            candidates=1,
        ),
    )
    scene = RevealScene(game.ctx, entry)
    game.ctx.manager.push(scene)
    game.frames(1)
    return scene


def _tier(category: str) -> str:
    from game.core.rarity import tier_of

    return tier_of(category).id


@pytest.mark.parametrize("tier", ["common", "legendary", "lost"])
def test_each_tier_plays_its_own_length_and_a_key_skips_it(tmp_path: Path, tier: str) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    scene = _reveal_of(game, tier)
    assert scene.timeline.duration == pytest.approx(MOMENTS[tier].length)
    game.frames(10)
    assert scene.animating
    game.key(pygame.K_SPACE)
    assert not scene.animating


def test_reduced_motion_shows_the_card_at_once(tmp_path: Path) -> None:
    game = Driver(tmp_path, reduced_motion=True)
    game.new_player("Mia")
    scene = _reveal_of(game, "legendary")
    assert not scene.animating
