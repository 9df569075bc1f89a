"""Several PCs, one class: processes share one saves folder at the same time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.core.content import Content
from game.saves.class_data import read_class
from game.saves.classroom import ClassStore
from game.saves.profiles import SaveStore

ROOT = Path(__file__).resolve().parents[2]
PCS = 4
STUDENTS = 3


def test_several_pcs_share_one_class_folder(tmp_path: Path, mini_content: Content) -> None:
    saves = tmp_path / "server" / "saves"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.saves.class_worker", str(saves), str(pc), str(STUDENTS)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for pc in range(PCS)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    klass = ClassStore(SaveStore(saves))
    students = klass.students()
    # every student of every PC is there, with the group and archived flag its PC set
    mine = {pid: pc for pc, r in enumerate(results) for pid in r["mine"]}
    by_id = {s.profile_id: s for s in students}
    assert set(mine) <= set(by_id)
    for pid, pc in mine.items():
        assert by_id[pid].group == f"g{pc}"
    archived = {pid for pid in mine if by_id[pid].archived}
    assert len(archived) == PCS * (STUDENTS // 2)
    # a name two PCs add at the same moment goes to exactly one of them
    assert sum(r["won"] for r in results) == 1
    assert [s.name for s in students].count("Everyone wants this name") == 1
    # the settings are one PC's whole write, never a mix
    assert klass.settings().goal_g in {1000 * (pc + 1) for pc in range(PCS)}
    # the class totals add up every player's folder
    totals = read_class(klass, mini_content)
    assert totals.co2e_g == sum(r["earned"] for r in results)
    assert len(totals.rows) == PCS * STUDENTS + 1
