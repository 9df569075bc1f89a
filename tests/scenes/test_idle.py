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


def test_the_idle_loop_polls_slowly_and_draws_twice_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = Driver(tmp_path)
    driver.wait(5)
    _quiet(driver)
    app = driver.app
    ticks: list[int] = []
    steps: list[float] = []

    class FakeClock:  # each poll takes 50 ms
        def tick(self, fps: int = 0) -> int:
            ticks.append(fps)
            return 50

    real_step = app.step

    def counting_step(dt_s: float) -> None:
        steps.append(dt_s)
        real_step(dt_s)
        if len(steps) == 3:
            app.running = False

    monkeypatch.setattr(app, "pg_clock", FakeClock())
    monkeypatch.setattr(app, "step", counting_step)
    monkeypatch.setattr(app, "start", lambda: None)  # started by the driver already
    assert app.run() == 0
    polls_per_frame = round(app_module.IDLE_FRAME_S / 0.05)  # 50 ms a poll
    assert set(ticks) == {app_module.IDLE_POLLS_PER_S}
    assert 3 * polls_per_frame <= len(ticks) <= 3 * (polls_per_frame + 1)  # + float rounding
    assert len(steps) == 3


def test_input_during_an_idle_wait_is_handled_on_the_next_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = Driver(tmp_path)
    driver.wait(5)
    _quiet(driver)
    app = driver.app
    ticks: list[int] = []

    class FakeClock:
        def tick(self, fps: int = 0) -> int:
            ticks.append(fps)
            if len(ticks) == 2:  # a key is pressed while the loop sleeps
                driver.post(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0)
            return 50

    def step_once(dt_s: float) -> None:
        app.running = False

    monkeypatch.setattr(app, "pg_clock", FakeClock())
    monkeypatch.setattr(app, "step", step_once)
    monkeypatch.setattr(app, "start", lambda: None)
    app.run()
    assert len(ticks) == 2  # the frame came at the poll that saw the key, not half a second later
