"""How light the game is on the machine: idle processor time, the first frame against a floor,
how fast each screen opens, and frame times in a 1920x1080 window.

``tools/bench.py`` runs these with its other figures (``run``); each measurement runs in a fresh
process (``python tools/bench_feel.py --child NAME``), so one does not warm another.

- **idle_cpu_pct**: the real game (``main.py``) left alone on its first screen for a while; its
  processor time is read from ``/proc/<pid>/stat`` (user + system) and given as a percentage of
  one core. Under the dummy video driver, and under Xvfb when it is installed.
- **first_frame**: from starting the process to the first frame on screen, and the peak memory
  then, for the game and for a floor script run side by side (alternating) in the same run. The
  floor imports the same third-party libraries the game has loaded by its first frame (the game
  child reports them), opens a window and draws one frame with the bundled font.
- **screen_open_ms**: each screen's first update and draw with the bundled decks, reached the
  way a player reaches it (through ``ctx.nav``), in a game that has shown nothing else yet.
- **frame_ms_1080**: whole frames (events, update, draw, present) in a 1920x1080 window over a
  tour: the home screen, an album scrolled, a reveal, a finished edition, My progress.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

HEADLESS = {
    "SDL_VIDEODRIVER": "dummy",
    "SDL_AUDIODRIVER": "dummy",
    "PYGAME_HIDE_SUPPORT_PROMPT": "1",
}
FRAME_DT = 1 / 60
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Read from /proc (VmHWM), which starts again at
    exec: ``ru_maxrss`` keeps the parent's peak across it on Linux, so a child started from a
    large bench process would report the parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _timing(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 2), "p95": round(_p(values, 0.95), 2)}


# --- children (each in a fresh process) ------------------------------------------------------


def _third_party() -> list[str]:
    """Top-level third-party packages loaded so far (those that live in site-packages)."""
    names = set()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None) or ""
        if "site-packages" in path and "." not in name:
            names.add(name)
    return sorted(names)


def child_first_frame(args: argparse.Namespace) -> dict[str, Any]:
    from game.app import App
    from game.config import Config

    app = App(Config(saves_dir=Path(args.saves), seed=1, mute=True))
    app.start()
    app.step(FRAME_DT)  # the first frame, presented (the decks load at the start of the next)
    at, rss_mb, libraries = time.time(), _peak_rss_mb(), _third_party()
    start = time.perf_counter()
    app.step(FRAME_DT)  # the second frame: the decks loaded, the player list ready for input
    return {
        "at": at,
        "rss_mb": rss_mb,
        "libraries": libraries,
        "second_frame_ms": (time.perf_counter() - start) * 1000,
        "second_frame_rss_mb": _peak_rss_mb(),
    }


def child_floor(args: argparse.Namespace) -> dict[str, Any]:
    import importlib

    for name in args.libraries.split(","):
        if name:
            importlib.import_module(name)
    import pygame

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((1280, 720))
    font = pygame.font.Font(ROOT / "assets" / "fonts" / "NotoSansSC-Bold.ttf", 34)
    screen.fill((20, 70, 60))
    screen.blit(font.render("EcoCards", True, (255, 255, 255)), (32, 24))
    pygame.display.flip()
    return {"at": time.time(), "rss_mb": _peak_rss_mb()}


def _player(app: Any, cards: int) -> None:
    """Open a new player who owns ``cards`` cards (from the first edition) and every card of
    the second edition, so that every screen has something to show."""
    from game.core.ledger import LedgerEntry

    ctx = app.ctx
    meta = ctx.store.create("Bench", ctx.now())
    ctx.save = ctx.store.open(meta.id, ctx.now())
    content = ctx.content
    first, *rest = content.editions.values()
    last = rest[-1] if rest else first
    need = cards * first.reveal_cost + len(content.species_in(last.id)) * last.reveal_cost
    bonus = LedgerEntry(
        seq=ctx.state.next_seq,
        kind="bonus",
        amount_g=need,
        at=ctx.now(),
        day=ctx.now().date(),
        reason="bench",
    )
    ctx.state.apply(bonus)  # the rules apply an entry, then the save records it
    ctx.save.record(bonus)
    from game.core import reveals

    for edition, count in ((first, cards), (last, len(content.species_in(last.id)))):
        for _ in range(count):
            if reveals.progress(content, edition.id, ctx.state).complete:
                break
            entry = reveals.reveal(ctx.state, content, edition.id, ctx.rng, ctx.now())
            ctx.save.record(entry)
            ctx.views.mark_shown(entry)


def child_screens(args: argparse.Namespace) -> dict[str, Any]:
    from game.app import App
    from game.config import Config

    app = App(Config(saves_dir=Path(args.saves), seed=1, mute=True))
    app.start()
    app.load_decks()
    ctx = app.ctx
    manager = ctx.manager
    canvas = app.screen

    def first_frame(open_screen: Callable[[], None]) -> float:
        app.step(FRAME_DT)  # the screen below is on and settled
        open_screen()
        manager.apply_pending()
        ctx.begin_frame()
        start = time.perf_counter()
        manager.update(FRAME_DT)
        manager.draw(canvas)
        return (time.perf_counter() - start) * 1000

    def back() -> None:
        manager.pop()
        manager.apply_pending()

    times: dict[str, float] = {}
    times["player list"] = first_frame(lambda: None)  # the first screen, already on
    times["new player"] = first_frame(ctx.nav.new_profile)
    back()
    _player(app, args.owned)
    content = ctx.content
    first, *rest = content.editions.values()
    last = rest[-1] if rest else first
    from game.scenes.home import HomeScene

    times["home"] = first_frame(lambda: manager.push(HomeScene(ctx)))
    for name, route in (
        ("log an action", ctx.nav.log_action),
        ("my progress", ctx.nav.progress),
        (f"album {first.id}", lambda: ctx.nav.album(first.id)),
        (f"album {last.id} (complete)", lambda: ctx.nav.album(last.id)),
        ("card", lambda: ctx.nav.card(next(iter(ctx.state.owned)))),
        ("edition complete", lambda: ctx.nav.edition_complete(last.id)),
        ("keys", ctx.nav.keys_help),
        ("notice", lambda: ctx.nav.notice("Bench", ["A line", "Another line"])),
        ("reveal", lambda: ctx.nav.reveal(first.id)),
    ):
        times[name] = first_frame(route)
        back()
    app.shutdown()
    return {"open_ms": times}


def child_frames(args: argparse.Namespace) -> dict[str, Any]:
    import pygame

    from game.app import App
    from game.config import Config
    from game.scenes.home import HomeScene

    size = tuple(int(n) for n in args.size.split("x"))
    app = App(Config(saves_dir=Path(args.saves), seed=1, mute=True, window_size=size))  # type: ignore[arg-type]
    app.start()
    app.load_decks()
    ctx = app.ctx
    _player(app, args.owned)
    first, *rest = ctx.content.editions.values()
    last = rest[-1] if rest else first
    frames: list[float] = []

    def run(count: int, each: Callable[[int], None] | None = None) -> None:
        for n in range(count):
            if each is not None:
                each(n)
            start = time.perf_counter()
            app.step(FRAME_DT)
            frames.append((time.perf_counter() - start) * 1000)

    def wheel(n: int) -> None:
        step = -1 if (n // 40) % 2 == 0 else 1
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=step, flipped=False, precise_x=0.0, precise_y=float(step)
            )
        )

    ctx.manager.push(HomeScene(ctx))
    run(2)
    frames.clear()  # the screens' first frames are screen_open_ms' business
    run(args.frames)  # home, left alone
    for route, count, each in (
        (lambda: ctx.nav.album(first.id), args.frames * 2, wheel),
        (lambda: ctx.nav.reveal(first.id), 240, None),
        (lambda: ctx.nav.edition_complete(last.id), 150, None),
        (ctx.nav.progress, args.frames, wheel),
    ):
        route()
        run(2)  # opening frames: counted by screen_open_ms
        del frames[-2:]
        run(count, each)
        ctx.manager.pop()
        run(1)
        del frames[-1:]
    window = app.display.window.size if getattr(app.display, "window", None) else size
    app.shutdown()
    return {"frames": frames, "window": list(window)}


CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "first_frame": child_first_frame,
    "floor": child_floor,
    "screens": child_screens,
    "frames": child_frames,
}


# --- the parent ----------------------------------------------------------------------------


def _environment(work: Path, **extra: str) -> dict[str, str]:
    """The children's environment: headless, and with compiled bytecode kept (in the work
    folder), as an installed game has it. Without it every start compiles the game's sources
    again (about 0.1 s), which no player's start-up pays."""
    env = {**os.environ, **HEADLESS, "PYTHONPYCACHEPREFIX": str(work / "pycache"), **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(mode: str, work: Path, *args: str) -> tuple[dict[str, Any], float]:
    """Run a child and return its JSON and the wall-clock milliseconds until it printed it, or
    until the moment it reports as ``at`` (its ``time.time()``), when it does."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, *args]
    spawned, start = time.time(), time.perf_counter()
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=600, cwd=ROOT, env=_environment(work)
    )
    elapsed = (time.perf_counter() - start) * 1000
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"bench child '{mode}' failed ({done.returncode}):\n{done.stderr}")
    result = json.loads(lines[-1])
    if "at" in result:
        elapsed = (result["at"] - spawned) * 1000
    return result, elapsed


def first_frame(work: Path, runs: int) -> dict[str, Any]:
    """The game's first frame and the floor's, alternating, ``runs`` times each."""
    saves = work / "saves-first-frame"
    game_ms, game_mb, floor_ms, floor_mb = [], [], [], []
    second_ms, second_mb = [], []
    # a first run of each writes the content cache and the bytecode
    warm, _ = _child("first_frame", work, "--saves", str(saves))
    libraries = ",".join(warm["libraries"])
    _child("floor", work, "--libraries", libraries)
    for _ in range(runs):
        game, ms = _child("first_frame", work, "--saves", str(saves))
        game_ms.append(ms)
        game_mb.append(game["rss_mb"])
        second_ms.append(game["second_frame_ms"])
        second_mb.append(game["second_frame_rss_mb"])
        floor, ms = _child("floor", work, "--libraries", libraries)
        floor_ms.append(ms)
        floor_mb.append(floor["rss_mb"])
    return {
        "game_ms": _timing(game_ms),
        "floor_ms": _timing(floor_ms),
        "time_ratio": round(statistics.median(game_ms) / statistics.median(floor_ms), 2),
        "game_mb": round(statistics.median(game_mb), 1),
        "floor_mb": round(statistics.median(floor_mb), 1),
        "memory_ratio": round(statistics.median(game_mb) / statistics.median(floor_mb), 2),
        # the decks load at the start of the second frame, before any input is handled
        "second_frame_ms": _timing(second_ms),
        "second_frame_mb": round(statistics.median(second_mb), 1),
        "libraries": libraries.split(","),
    }


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)


def _xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """An Xvfb server on a free display (it picks the number), or None without Xvfb."""
    if shutil.which("Xvfb") is None:
        return None
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    if not number:
        server.kill()
        return None
    return server, f":{number}"


def idle_cpu(work: Path, seconds: float, settle: float = 4.0) -> dict[str, float | None]:
    """Percent of one core the game uses on its first screen, left alone for ``seconds``."""
    results: dict[str, float | None] = {}
    saves = work / "saves-idle"
    for driver in ("dummy", "xvfb"):
        env = _environment(work)
        server = None
        if driver == "xvfb":
            found = _xvfb()
            if found is None:
                results[driver] = None
                continue
            server, display = found
            env.update(SDL_VIDEODRIVER="x11", DISPLAY=display)
        game = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--saves", str(saves), "--mute"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(settle)  # start-up, then the loop notices nothing happens
            before, start = _cpu_ticks(game.pid), time.monotonic()
            time.sleep(seconds)
            used = (_cpu_ticks(game.pid) - before) / TICKS
            results[driver] = round(100 * used / (time.monotonic() - start), 2)
        finally:
            game.terminate()
            game.wait(10)
            if server is not None:
                server.terminate()
                server.wait(10)
    return results


def run(work: Path, *, quick: bool, say: Callable[[str], None]) -> dict[str, Any]:
    say("idle processor time (the game left alone)")
    idle = idle_cpu(work, 3.0 if quick else 10.0)
    say("first frame, game and floor side by side")
    first = first_frame(work, 3 if quick else 7)
    say("every screen's first frame")
    opens: dict[str, list[float]] = {}
    for n in range(1 if quick else 5):
        got, _ = _child(
            "screens", work, "--saves", str(work / f"saves-screens-{n}"), "--owned", "12"
        )
        for name, ms in got["open_ms"].items():
            opens.setdefault(name, []).append(ms)
    say("frames at 1920x1080")
    frames, _ = _child(
        "frames",
        work,
        "--saves",
        str(work / "saves-frames"),
        "--owned",
        "12",
        "--size",
        "1920x1080",
        "--frames",
        "30" if quick else "240",
    )
    screens = {name: _timing(values) for name, values in opens.items()}
    slowest = max(screens, key=lambda name: screens[name]["p50"])
    libraries = first.pop("libraries")
    return {
        "idle_cpu_pct": idle,
        "first_frame": first,
        "screen_open_ms": screens | {"slowest_p50": screens[slowest]["p50"]},
        "frame_ms_1080": _timing(frames["frames"]),
        "details": {
            "slowest_screen": slowest,
            "frames_1080": len(frames["frames"]),
            "window_1080": frames["window"],
            "floor_imports": libraries,
        },
    }


TARGETS: list[tuple[str, str, Callable[[dict[str, Any]], float | None], float]] = [
    ("idle_cpu_pct.dummy", "<= 5", lambda r: r["idle_cpu_pct"]["dummy"], 5),
    ("idle_cpu_pct.xvfb", "<= 5", lambda r: r["idle_cpu_pct"]["xvfb"], 5),
    ("first_frame.time_ratio", "<= 1.5", lambda r: r["first_frame"]["time_ratio"], 1.5),
    ("first_frame.memory_ratio", "<= 1.5", lambda r: r["first_frame"]["memory_ratio"], 1.5),
    ("screen_open_ms.slowest_p50", "<= 50", lambda r: r["screen_open_ms"]["slowest_p50"], 50),
    ("frame_ms_1080 p95", "<= 8", lambda r: r["frame_ms_1080"]["p95"], 8),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", choices=sorted(CHILDREN))
    parser.add_argument("--saves")
    parser.add_argument("--libraries", default="")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--owned", type=int, default=12)
    parser.add_argument("--frames", type=int, default=240)
    args = parser.parse_args(argv)
    if args.child:
        os.environ.update({k: v for k, v in HEADLESS.items() if k not in os.environ})
        print(json.dumps(CHILDREN[args.child](args)), flush=True)
        return 0
    work = Path(tempfile.mkdtemp(prefix="ecocards-feel-"))
    try:
        result = run(work, quick=args.quick, say=lambda m: print(f"... {m}", file=sys.stderr))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2))
    for name, target, get, limit in TARGETS:
        value = get(result)
        met = "?" if value is None else ("yes" if value <= limit else "NO")
        print(f"{name:<34} {target:>8} {value!s:>9} {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
