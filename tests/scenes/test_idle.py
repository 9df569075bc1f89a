"""An idle screen waits for input instead of redrawing sixty times a second."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest

from game import app as app_module
from game.scenes.reveal import RevealScene
from tests.scenes.driver import Driver


def _quiet(driver: Driver) -> None:
    driver.app._last_input = time.monotonic() - app_module.IDLE_AFTER_S - 1


def test_a_still_screen_with_no_input_for_a_while_is_idle(tmp_path: Path) -> None:
    driver = Driver(tmp_path)
    driver.new_player("Mia")
    driver.wait(5)  # toasts and counters settle
    _quiet(driver)
    assert driver.app._idle()


def test_input_wakes_the_loop_at_once(tmp_path: Path) -> None:
    driver = Driver(tmp_path)
    _quiet(driver)
    driver.post(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t", scancode=0)
    driver.frames(1)
    assert not driver.app._idle()


def test_a_toast_or_an_animation_keeps_the_full_frame_rate(tmp_path: Path) -> None:
    driver = Driver(tmp_path)
    driver.new_player("Mia")
    driver.wait(5)
    _quiet(driver)
    driver.ctx.toast("Hello")
    assert not driver.app._idle()
    driver.ctx.toasts.clear()
    driver.ctx.state.balance += 10  # the energy counter rolls towards the new value
    assert not driver.app._idle()


def test_the_reveal_animation_is_never_slowed(tmp_path: Path) -> None:
    driver = Driver(tmp_path)
    driver.new_player("Mia")
    edition = next(iter(driver.ctx.content.editions.values()))
    driver.ctx.state.balance += edition.reveal_cost
    driver.ctx.nav.reveal(edition.id)
    driver.frames(2)
    assert isinstance(driver.ctx.manager.top, RevealScene)
    _quiet(driver)
    assert not driver.app._idle()


def test_the_idle_loop_sleeps_in_the_event_wait_and_a_quit_ends_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = Driver(tmp_path)
    driver.wait(5)
    _quiet(driver)
    waits: list[int] = []
    real_wait = pygame.event.wait

    def counting_wait(timeout: int = 0) -> pygame.event.Event:
        waits.append(timeout)
        if len(waits) == 3:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
        return real_wait(timeout)

    monkeypatch.setattr(pygame.event, "wait", counting_wait)
    monkeypatch.setattr(driver.app, "start", lambda: None)  # started by the driver already
    assert driver.app.run() == 0  # the QUIT posted during the third wait ends the loop
    assert waits == [app_module.IDLE_FRAME_MS] * 3
