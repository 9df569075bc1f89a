"""Smoke test of the benchmark: ``--quick --json`` runs and prints every figure.

It never asserts on a timing (a benchmark is not a test); a small synthetic deck and history keep
it short.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TIMINGS = [
    "startup_ms",
    "album_frame_ms.bundled",
    "album_frame_ms.deck10k",
    "reveal_frame_ms",
    "deck_load_ms.cold",
    "deck_load_ms.floor",
    "deck_load_ms.warm",
    "log_action_ms.h100",
    "log_action_ms.h10k",
    "class_totals_ms",
    "class_totals_warm_ms",
    "class_report_ms",
    "certificates_30_ms",
    "first_frame.game_ms",
    "first_frame.floor_ms",
    "screen_open_ms.home",
    "screen_open_ms.edition complete",
    "frame_ms_1080",
]
NUMBERS = [
    "deck_load_ms.cold_over_floor",
    "log_action_ms.ratio",
    "peak_rss_mb",
    "idle_cpu_pct.dummy",
    "first_frame.time_ratio",
    "first_frame.memory_ratio",
    "screen_open_ms.slowest_p50",
]


def lookup(data: dict, dotted: str) -> object:
    for part in dotted.split("."):
        assert isinstance(data, dict) and part in data, f"missing key {dotted}"
        data = data[part]
    return data


def test_quick_json_prints_every_key(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "bench.py"),
            "--quick",
            "--json",
            "--species",
            "300",
            "--history",
            "600",
            "--keep",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    for key in TIMINGS:
        value = lookup(result, key)
        assert isinstance(value, dict) and set(value) >= {"p50", "p95"}, key
        assert all(isinstance(value[q], float | int) for q in ("p50", "p95")), key
    for key in NUMBERS:
        assert isinstance(lookup(result, key), float | int), key
