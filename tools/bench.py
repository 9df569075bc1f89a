"""What players feel, in figures: start-up, frame times, deck load, save cost and memory.

Every figure is measured on content this script generates itself (``make_synthetic_deck.py``) or
on the bundled deck, through the game's own code paths, each in a fresh process so that one
measurement does not warm another. Timings are the median (p50) and 95th percentile (p95) over
repeated runs or frames; ratios and memory are plain numbers.

Usage::

    python tools/bench.py            # the full run, as a table (a few minutes)
    python tools/bench.py --quick    # a shorter run with the same figures (under a minute)
    python tools/bench.py --json     # one JSON object instead of the table
    python tools/bench.py --classroom  # only the classroom figures (a class of 30, a year)

The figures, their JSON keys and their targets are listed in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecocards_tools import bench_feel

ROOT = Path(__file__).resolve().parent.parent

HEADLESS = {
    "SDL_VIDEODRIVER": "dummy",
    "SDL_AUDIODRIVER": "dummy",
    "PYGAME_HIDE_SUPPORT_PROMPT": "1",
}
FRAME_DT = 1 / 60
ALBUM_OWNED = 1000
OTHER_PROFILES = 40


@dataclass(frozen=True)
class Plan:
    startup_runs: int
    album_frames: int
    reveals: int
    cold_runs: int
    warm_runs: int
    log_sessions: int
    log_actions: int  # per session
    other_entries: int  # ledger entries each of the other profiles holds
    rss_frames: int
    class_runs: int


FULL = Plan(
    startup_runs=15,
    album_frames=600,
    reveals=8,
    cold_runs=5,
    warm_runs=15,
    log_sessions=6,
    log_actions=10,
    other_entries=1000,
    rss_frames=240,
    class_runs=5,
)
QUICK = Plan(
    startup_runs=3,
    album_frames=90,
    reveals=2,
    cold_runs=1,
    warm_runs=3,
    log_sessions=2,
    log_actions=5,
    other_entries=200,
    rss_frames=60,
    class_runs=1,
)


# --- small helpers ---------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def timing(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 3), "p95": round(percentile(values, 0.95), 3)}


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@contextlib.contextmanager
def no_fsync() -> Iterator[None]:
    """Setup only: build large histories without waiting for the disk on every entry.

    What is measured afterwards runs with the real ``os.fsync``; ``os.sync`` first puts the
    setup's files on the disk so the measurement does not compete with their write-back."""
    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real
        if hasattr(os, "sync"):
            os.sync()


@contextlib.contextmanager
def scratch_dir(work: Path) -> Iterator[Path]:
    """Setup only: a folder in memory (tmpfs) where there is one, else under ``work``."""
    shm = Path("/dev/shm")
    parent = shm if shm.is_dir() and os.access(shm, os.W_OK) else work
    work.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="ecocards-bench-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def months_back(now: dt.datetime, count: int) -> tuple[int, int]:
    index = now.year * 12 + now.month - 1 - count
    return index // 12, index % 12 + 1


def spread_over_year(now: dt.datetime, count: int, rng: random.Random) -> list[dt.datetime]:
    """``count`` moments, evenly shared by the 12 calendar months ending with this one."""
    moments = []
    for i in range(count):
        year, month = months_back(now, i % 12)
        last_day = now.day if (year, month) == (now.year, now.month) else 28
        moment = dt.datetime(
            year, month, rng.randint(1, last_day), rng.randint(8, 18), rng.randint(0, 59)
        )
        moments.append(min(moment, now))
    return sorted(moments)


def run_child(mode: str, *args: str, timeout: float = 1800) -> dict[str, Any]:
    """Run ``bench.py --child mode`` in a fresh process and return the JSON it printed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, *args]
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **HEADLESS},
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"bench child '{mode}' failed ({done.returncode}):\n{done.stderr}")
    return json.loads(lines[-1])


# --- save histories (plain Python: no pygame) ---------------------------------------------


def record(save: Any, entry: Any) -> None:
    save.state.apply(entry)
    save.record(entry)


def build_history(save: Any, content: Any, count: int, now: dt.datetime, seed: int) -> None:
    """A year of play: eco-actions, and a reveal now and then until the editions are complete."""
    from game.core import reveals
    from game.core.ledger import LedgerEntry

    rng = random.Random(seed)
    actions = list(content.actions.values())
    editions = list(content.editions)
    reveal_every = 10
    for i, at in enumerate(spread_over_year(now, count, rng)):
        state = save.state
        if i % reveal_every == reveal_every - 1:
            open_editions = [e for e in editions if reveals.candidates(content, e, state)]
            cost = min((content.editions[e].reveal_cost for e in open_editions), default=0)
            if open_editions and state.balance >= cost:
                edition = min(open_editions, key=lambda e: content.editions[e].reveal_cost)
                save.record(reveals.reveal(state, content, edition, rng, at))
                continue
        action = rng.choice(actions)
        record(
            save,
            LedgerEntry(
                seq=state.next_seq,
                kind="earned",
                amount_g=action.energy_g,
                at=at,
                day=at.date(),
                action_id=action.id,
                quantity=1.0,
            ),
        )


def clone_profile(store: Any, template: Path, name: str, now: dt.datetime) -> None:
    """A new profile (through the save API) holding a copy of the template's ledger files."""
    from game.saves import profiles

    meta = store.create(name, now)
    folder = store.profiles_dir / meta.id
    skip = {getattr(profiles, "PROFILE_FILE", "profile.json"), "lock"}
    for item in template.iterdir():
        if item.name in skip or item.name.startswith("."):
            continue
        if item.is_dir():
            shutil.copytree(item, folder / item.name)
        else:
            shutil.copy2(item, folder / item.name)


def child_log_action(args: argparse.Namespace) -> dict[str, Any]:
    from game.config import Config
    from game.core.content import load_content
    from game.core.ledger import LedgerEntry
    from game.saves.profiles import SaveStore

    work = Path(args.work)
    content = load_content(Config().data_dir, Config().assets_dir)
    now = dt.datetime.now().replace(microsecond=0)
    with scratch_dir(work) as scratch, no_fsync():  # setup: 41 profiles, long histories
        base = scratch / "others"
        store = SaveStore(base)
        template = store.create("Template", now)
        save = store.open(template.id, now)
        build_history(save, content, args.other_entries, now, seed=1)
        save.close()
        for i in range(OTHER_PROFILES):
            clone_profile(store, store.profiles_dir / template.id, f"Player {i + 1:02d}", now)
        store.delete(template.id)
        measured = {}
        for history in args.histories:
            built = scratch / f"saves-h{history}"
            shutil.copytree(base, built)
            store = SaveStore(built)
            meta = store.create("Measured", now)
            save = store.open(meta.id, now)
            build_history(save, content, history, now, seed=2)
            save.close()
            shutil.copytree(built, work / built.name)  # measured on the real disk
            measured[history] = meta.id
    actions = list(content.actions.values())
    result: dict[str, Any] = {}
    for history in args.histories:
        store = SaveStore(work / f"saves-h{history}")
        samples = []
        for session in range(args.sessions):
            save = store.open(measured[history], now)
            for k in range(args.actions):
                action = actions[(session * args.actions + k) % len(actions)]
                entry = LedgerEntry(
                    seq=save.state.next_seq,
                    kind="earned",
                    amount_g=action.energy_g,
                    at=now,
                    day=now.date(),
                    action_id=action.id,
                    quantity=1.0,
                )
                save.state.apply(entry)
                start = time.perf_counter()
                save.record(entry)
                samples.append((time.perf_counter() - start) * 1000)
            save.close()
        result[str(history)] = samples
    return result


def child_prepare_album(args: argparse.Namespace) -> dict[str, Any]:
    """A profile holding ``--owned`` revealed cards, most of them in the biggest edition."""
    from game.config import Config
    from game.core.content import load_content
    from game.core.ledger import LedgerEntry, RevealInfo
    from game.core.rarity import tier_of
    from game.saves.profiles import SaveStore

    config = Config(data_dir=Path(args.deck), saves_dir=Path(args.saves))
    content = load_content(config.data_dir, config.assets_dir, cache_dir=config.cache_dir)
    edition = max(content.editions, key=lambda e: len(content.species_in(e)))
    rng = random.Random(3)
    shown = list(content.species_in(edition))
    rest = [s for s in content.species.values() if s.edition != edition]
    owned = rng.sample(shown, min(args.owned, len(shown)))
    owned += rng.sample(rest, min(args.owned - len(owned), len(rest)))
    now = dt.datetime.now().replace(microsecond=0)
    store = SaveStore(config.saves_dir)
    meta = store.create("Collector", now)
    with no_fsync():
        save = store.open(meta.id, now)
        costs = sum(content.editions[s.edition].reveal_cost for s in owned)
        first = now - dt.timedelta(days=366)
        record(
            save,
            LedgerEntry(
                seq=1,
                kind="bonus",
                amount_g=costs + 20_000,
                at=first,
                day=first.date(),
                reason="bench: a year of eco-actions",
            ),
        )
        # Written as older saves are (without the per-species odds) to keep this setup quick;
        # the album only needs to know which cards are owned.
        for i, (species, at) in enumerate(
            zip(owned, spread_over_year(now, len(owned), rng), strict=True)
        ):
            cost = content.editions[species.edition].reveal_cost
            info = RevealInfo(
                species_id=species.id,
                edition_id=species.edition,
                seed=i,
                tier=tier_of(species.iucn.category).id,
                chance=0.001,
                tier_odds={},
                candidates=len(shown) - i,
            )
            record(
                save,
                LedgerEntry(
                    seq=save.state.next_seq,
                    kind="spent",
                    amount_g=-cost,
                    at=at,
                    day=at.date(),
                    reveal=info,
                ),
            )
        save.close()
    return {"edition": edition, "profile": meta.id, "owned": len(owned), "members": len(shown)}


# --- frames (pygame, in the child processes only) --------------------------------------------


def start_app(deck: Path | None, saves: Path, seed: int = 1) -> Any:
    from game.app import App
    from game.config import Config

    config = Config(saves_dir=saves, seed=seed, **({"data_dir": deck} if deck else {}))
    app = App(config)
    app.start()
    app.load_decks()
    if app.ctx is None or app.ctx.content is None:
        raise RuntimeError("the game did not load its content")
    return app


def frame_timer(app: Any) -> Callable[[], float]:
    """Wrap the scene manager's update and draw; the returned function gives (and resets) the
    milliseconds they took since it was last called."""
    manager = app.ctx.manager
    spent = [0.0]

    def timed(method: Callable[..., None]) -> Callable[..., None]:
        def wrapper(*a: Any) -> None:
            start = time.perf_counter()
            try:
                method(*a)
            finally:
                spent[0] += time.perf_counter() - start

        return wrapper

    manager.update = timed(manager.update)
    manager.draw = timed(manager.draw)

    def take() -> float:
        ms, spent[0] = spent[0] * 1000, 0.0
        return ms

    return take


def child_album(args: argparse.Namespace) -> dict[str, Any]:
    import pygame

    from game.scenes.album import AlbumScene

    app = start_app(Path(args.deck), Path(args.saves))
    ctx = app.ctx
    ctx.save = ctx.store.open(args.profile, ctx.now())
    ctx.manager.push(AlbumScene(ctx, args.edition))
    take = frame_timer(app)
    app.step(FRAME_DT)
    opening = take()
    scene = ctx.manager.top
    frames = []
    direction = -1  # wheel down: the album scrolls towards its end
    for _ in range(args.frames):
        scroll = getattr(scene, "scroll_px", None)
        if scroll is not None and hasattr(scene, "max_scroll"):
            if scroll >= scene.max_scroll():
                direction = 1
            elif scroll <= 0:
                direction = -1
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL,
                x=0,
                y=direction,
                flipped=False,
                precise_x=0.0,
                precise_y=float(direction),
            )
        )
        app.step(FRAME_DT)
        frames.append(take())
    if ctx.manager.top is not scene:
        raise RuntimeError(f"the album was left for {type(ctx.manager.top).__name__}")
    app.shutdown()
    return {"frames": frames, "opening_ms": opening, "peak_rss_mb": peak_rss_mb()}


def child_reveal(args: argparse.Namespace) -> dict[str, Any]:
    from game.core.ledger import LedgerEntry

    saves = Path(args.saves)
    app = start_app(None, saves)
    ctx = app.ctx
    content = ctx.content
    edition = next(iter(content.editions))
    meta = ctx.store.create("Revealer", ctx.now())
    ctx.save = ctx.store.open(meta.id, ctx.now())
    cost = content.editions[edition].reveal_cost
    record(
        ctx.save,
        LedgerEntry(
            seq=1,
            kind="bonus",
            amount_g=cost * (args.reveals + 1),
            at=ctx.now(),
            day=ctx.now().date(),
            reason="bench",
        ),
    )
    take = frame_timer(app)
    frames = []
    for _ in range(args.reveals):
        ctx.nav.reveal(edition)  # pays, saves, then shows the reveal screen
        for _ in range(600):  # the animation lasts about two seconds
            app.step(FRAME_DT)
            frames.append(take())
            if not getattr(ctx.manager.top, "animating", False):
                break
        ctx.manager.pop()
        app.step(FRAME_DT)
        take()
    app.shutdown()
    return {"frames": frames}


def child_deck_load(args: argparse.Namespace) -> dict[str, Any]:
    import gc

    import yaml

    from game.config import Config
    from game.core.content import load_content

    deck = Path(args.deck)
    assets = Config().assets_dir
    files = [deck / "species.yaml", *sorted((deck / "decks").glob("*.yaml")), deck / "actions.yaml"]
    today = dt.date.today()
    cold, floor, warm = [], [], []
    cache = Path(args.work) / "cache-0"
    for run in range(args.runs):
        gc.collect()
        start = time.perf_counter()
        for path in files:
            if path.exists():
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        floor.append((time.perf_counter() - start) * 1000)
        gc.collect()
        cache = Path(args.work) / f"cache-{run}"
        start = time.perf_counter()
        load_content(deck, assets, cache_dir=cache, today=today)
        cold.append((time.perf_counter() - start) * 1000)
    for _ in range(args.warm_runs):
        gc.collect()
        start = time.perf_counter()
        load_content(deck, assets, cache_dir=cache, today=today)
        warm.append((time.perf_counter() - start) * 1000)
    return {"cold": cold, "floor": floor, "warm": warm}


def child_classroom(args: argparse.Namespace) -> dict[str, Any]:
    from bench_classroom import measure

    return measure(Path(args.work), args.runs)


CHILDREN = {
    "classroom": child_classroom,
    "log_action": child_log_action,
    "prepare_album": child_prepare_album,
    "album": child_album,
    "reveal": child_reveal,
    "deck_load": child_deck_load,
}


# --- start-up ----------------------------------------------------------------------------------

STARTUP_DRIVER = """
import sys, time
from pathlib import Path
from game.app import App
from game.config import Config
app = App(Config(saves_dir=Path({saves!r})))
app.start()
app.step(1 / 60)
print(repr(time.time()), flush=True)
app.shutdown()
"""


def measure_startup(saves: Path, runs: int) -> list[float]:
    """From spawning ``python`` to the end of the first frame (``App.start`` + one ``step``)."""
    from game.saves.profiles import SaveStore

    store = SaveStore(saves)
    now = dt.datetime.now()
    for i in range(OTHER_PROFILES):  # a classroom's profile picker
        store.create(f"Pupil {i + 1:02d}", now)
    code = STARTUP_DRIVER.format(saves=str(saves))
    env = {**os.environ, **HEADLESS}
    samples = []
    for run in range(runs + 1):  # the first run fills the content cache and the bytecode cache
        start = time.time()
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the start-up driver failed:\n{done.stderr}")
        first_frame = float(done.stdout.strip().splitlines()[-1])
        if run:
            samples.append((first_frame - start) * 1000)
    return samples


# --- the run -----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    found: dict[str, Any] = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pygame; print(pygame.version.ver); "
            "print('.'.join(map(str, pygame.get_sdl_version())))",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **HEADLESS},
        timeout=60,
    )
    if hasattr(os, "getloadavg"):  # other work on the machine makes every figure noisier
        found["load_average"] = [round(x, 2) for x in os.getloadavg()]
    lines = probe.stdout.split()
    if len(lines) >= 2:
        found["pygame_ce"], found["sdl"] = lines[0], lines[1]
    return found


def run(
    plan: Plan, species: int, history: int, work: Path, say: Callable[[str], None]
) -> dict[str, Any]:
    from ecocards_tools.make_synthetic_deck import write_deck

    from game.config import Config

    bundled = ROOT / "data"
    say(f"writing a synthetic deck of {species} species")
    deck = write_deck(work / "deck10k", species)

    say("deck load (cold, floor, warm)")
    load = run_child(
        "deck_load",
        "--deck",
        str(deck),
        "--work",
        str(work / "load"),
        "--runs",
        str(plan.cold_runs),
        "--warm-runs",
        str(plan.warm_runs),
    )
    small = run_child(
        "deck_load",
        "--deck",
        str(bundled),
        "--work",
        str(work / "load-bundled"),
        "--runs",
        str(max(3, plan.cold_runs)),
        "--warm-runs",
        str(plan.warm_runs),
    )

    say("logging an action at 100 and 10,000 ledger entries")
    log = run_child(
        "log_action",
        "--work",
        str(work / "log"),
        "--histories",
        "100",
        str(history),
        "--other-entries",
        str(plan.other_entries),
        "--sessions",
        str(plan.log_sessions),
        "--actions",
        str(plan.log_actions),
    )

    say("start-up")
    startup = measure_startup(work / "saves-startup", plan.startup_runs)

    albums = {}
    rss = None
    for tag, source in (("bundled", bundled), ("deck10k", deck)):
        say(f"album frames ({tag})")
        saves = work / f"saves-album-{tag}"
        if tag == "deck10k":  # the deck-load runs left a warm cache: spare a cold load here
            shutil.copytree(
                work / "load" / f"cache-{plan.cold_runs - 1}", Config(saves_dir=saves).cache_dir
            )
        prepared = run_child(
            "prepare_album",
            "--deck",
            str(source),
            "--saves",
            str(saves),
            "--owned",
            str(ALBUM_OWNED),
        )
        common = [
            "--deck",
            str(source),
            "--edition",
            prepared["edition"],
            "--profile",
            prepared["profile"],
        ]
        if tag == "deck10k":  # memory: a cold content cache, as after a deck change
            say("peak memory (10k deck, cold cache, album)")
            cold_saves = work / "saves-album-rss"
            shutil.copytree(saves, cold_saves, ignore=shutil.ignore_patterns("cache"))
            rss = run_child(
                "album", *common, "--saves", str(cold_saves), "--frames", str(plan.rss_frames)
            )["peak_rss_mb"]
        albums[tag] = {
            **prepared,
            **run_child(
                "album", *common, "--saves", str(saves), "--frames", str(plan.album_frames)
            ),
        }

    say("reveal animation frames")
    reveal = run_child(
        "reveal", "--saves", str(work / "saves-reveal"), "--reveals", str(plan.reveals)
    )

    say("classroom: a class of 30 with a school year of history")
    klass = classroom(plan, work)
    feel = bench_feel.run(work / "feel", quick=plan is QUICK, say=say)
    feel_details = feel.pop("details")

    h100, h10k = timing(log["100"]), timing(log[str(history)])
    cold, floor, warm = timing(load["cold"]), timing(load["floor"]), timing(load["warm"])
    return {
        "startup_ms": timing(startup),
        "album_frame_ms": {tag: timing(a["frames"]) for tag, a in albums.items()},
        "reveal_frame_ms": timing(reveal["frames"]),
        "deck_load_ms": {
            "cold": cold,
            "floor": floor,
            "warm": warm,
            "cold_over_floor": round(cold["p50"] / floor["p50"], 3),
            "bundled_cold": timing(small["cold"]),
            "bundled_warm": timing(small["warm"]),
        },
        "log_action_ms": {"h100": h100, "h10k": h10k, "ratio": round(h10k["p50"] / h100["p50"], 3)},
        "peak_rss_mb": round(rss, 1) if rss is not None else None,
        **classroom_figures(klass),
        **feel,
        "details": {
            "classroom": {k: klass[k] for k in ("students", "entries", "certificates")},
            **feel_details,
            "species": species,
            "history": history,
            "album": {
                tag: {k: a[k] for k in ("edition", "owned", "members")}
                | {
                    "opening_ms": round(a["opening_ms"], 2),
                    "frames": len(a["frames"]),
                    "peak_rss_mb_warm_cache": a["peak_rss_mb"],
                }
                for tag, a in albums.items()
            },
            "reveal_frames": len(reveal["frames"]),
            "log_samples": len(log["100"]),
            "other_profiles": OTHER_PROFILES,
            "other_entries": plan.other_entries,
        },
    }


def classroom(plan: Plan, work: Path) -> dict[str, Any]:
    return run_child("classroom", "--work", str(work / "classroom"), "--runs", str(plan.class_runs))


def classroom_figures(klass: dict[str, Any]) -> dict[str, Any]:
    return {
        "class_totals_ms": timing(klass["class_totals_ms"]),
        "class_totals_warm_ms": timing(klass["class_totals_warm_ms"]),
        "class_report_ms": timing(klass["report_ms"]),
        "certificates_30_ms": timing(klass["certificates_ms"]),
    }


CLASS_TARGETS: list[tuple[str, str, Callable[[dict[str, Any]], float | None], float]] = [
    ("class_totals_ms p50", "<= 1000", lambda r: r["class_totals_ms"]["p50"], 1000),
    ("class_report_ms p50", "<= 2000", lambda r: r["class_report_ms"]["p50"], 2000),
    ("certificates_30_ms p50", "<= 10000", lambda r: r["certificates_30_ms"]["p50"], 10000),
]

TARGETS: list[tuple[str, str, Callable[[dict[str, Any]], float | None], float]] = [
    ("startup_ms p50", "<= 1000", lambda r: r["startup_ms"]["p50"], 1000),
    ("album_frame_ms.bundled p50", "<= 4", lambda r: r["album_frame_ms"]["bundled"]["p50"], 4),
    (
        "album_frame_ms.deck10k p95",
        "<= 16.7",
        lambda r: r["album_frame_ms"]["deck10k"]["p95"],
        16.7,
    ),
    (
        "details.album.bundled.opening_ms",
        "<= 50",
        lambda r: r["details"]["album"]["bundled"]["opening_ms"],
        50,
    ),
    ("deck_load_ms.cold_over_floor", "<= 1.5", lambda r: r["deck_load_ms"]["cold_over_floor"], 1.5),
    (
        "deck_load_ms.warm p50 / floor p50",
        "<= 0.10",
        lambda r: r["deck_load_ms"]["warm"]["p50"] / r["deck_load_ms"]["floor"]["p50"],
        0.10,
    ),
    ("log_action_ms.h10k p50", "<= 5", lambda r: r["log_action_ms"]["h10k"]["p50"], 5),
    ("log_action_ms.ratio", "<= 2", lambda r: r["log_action_ms"]["ratio"], 2),
    ("peak_rss_mb", "<= 250", lambda r: r["peak_rss_mb"], 250),
    *CLASS_TARGETS,
    *bench_feel.TARGETS,  # idle, first frame, screens opening, frames at 1920x1080
]


def verdicts(
    result: dict[str, Any],
    targets: list[tuple[str, str, Callable[[dict[str, Any]], float | None], float]] = TARGETS,
) -> list[dict[str, Any]]:
    found = []
    for name, target, get, limit in targets:
        value = get(result)
        found.append(
            {
                "figure": name,
                "target": target,
                "value": None if value is None else round(value, 3),
                "met": None if value is None else value <= limit,
            }
        )
    return found


def table(result: dict[str, Any]) -> str:
    rows = [("figure", "p50", "p95")]

    def add(name: str, value: Any) -> None:
        if isinstance(value, dict) and "p50" in value:
            rows.append((name, f"{value['p50']:.2f}", f"{value['p95']:.2f}"))
        elif isinstance(value, dict):
            for key, inner in value.items():
                add(f"{name}.{key}", inner)
        else:
            rows.append((name, "-" if value is None else f"{value:g}", ""))

    for key, value in result.items():
        if key not in ("details", "machine", "targets"):
            add(key, value)
    lines = [_row(rows[0]), _row(("-" * 34, "-" * 9, "-" * 9))]
    lines += [_row(r) for r in rows[1:]]
    lines += ["", _row(("target", "value", "met")), _row(("-" * 34, "-" * 9, "-" * 9))]
    for v in result["targets"]:
        met = "?" if v["met"] is None else ("yes" if v["met"] else "NO")
        lines.append(_row((f"{v['figure']} {v['target']}", f"{v['value']}", met)))
    m = result["machine"]
    lines += [
        "",
        f"{m.get('cores')} cores, Python {m.get('python')}, pygame-ce "
        f"{m.get('pygame_ce')}, SDL {m.get('sdl')}, {m.get('platform')}",
    ]
    return "\n".join(lines)


def _row(cells: tuple[str, str, str]) -> str:
    return f"{cells[0]:<42} {cells[1]:>9} {cells[2]:>9}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a shorter run, same figures")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--classroom", action="store_true", help="only the classroom figures (class of 30)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="do the work in this folder and keep it (decks, saves)",
    )
    # Not for players: a smaller synthetic deck (the smoke test) and the child processes.
    parser.add_argument("--species", type=int, default=10_000, help=argparse.SUPPRESS)
    parser.add_argument("--history", type=int, default=10_000, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    for name in ("--deck", "--saves", "--work", "--edition", "--profile"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    for name in (
        "--owned",
        "--frames",
        "--reveals",
        "--runs",
        "--warm-runs",
        "--sessions",
        "--actions",
        "--other-entries",
    ):
        parser.add_argument(name, type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--histories", type=int, nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        os.environ.update(HEADLESS)
        print(json.dumps(CHILDREN[args.child](args)))
        return 0

    def say(message: str) -> None:
        if not args.json:
            print(f"... {message}", file=sys.stderr, flush=True)

    plan = QUICK if args.quick else FULL
    work = args.keep or Path(tempfile.mkdtemp(prefix="ecocards-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    try:
        if args.classroom:
            say("classroom: a class of 30 with a school year of history")
            klass = classroom(plan, work)
            result = {
                **classroom_figures(klass),
                "details": {k: klass[k] for k in ("students", "entries", "certificates")},
            }
        else:
            result = run(plan, args.species, args.history, work, say)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    result["machine"] = machine()
    result["machine"]["load_average_at_start"] = load_before
    result["targets"] = verdicts(result, CLASS_TARGETS if args.classroom else TARGETS)
    result["details"]["seconds"] = round(time.perf_counter() - started, 1)
    result["details"]["quick"] = args.quick
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
