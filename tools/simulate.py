"""Balance check for editors and teachers: how long does each edition take to complete?

Simulates players logging a realistic random mix of the eco-actions in ``actions.yaml`` and
revealing whenever they can afford it (the assumptions are listed in
``game/core/simulation.py``), then reports per edition: species, total energy to complete,
reveals to complete (min/median/max; always the species count, since reveals never repeat),
days to complete (median and 90th percentile) and the published odds of the first reveal.

Usage::

    python tools/simulate.py [--data DIR] [--players N] [--seed S] [--json]
    python tools/simulate.py --strategy greedy [--data DIR] [--json]

``--strategy greedy`` plays the child who farms: every action at its cap, every day the rules
allow, back-dating included, revealing whenever possible; it prints the energy earned in the
first sitting and the day each edition is complete.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.config import ASSETS_DIR, DATA_DIR
from game.core.content import load_content
from game.core.problems import ContentError, summary
from game.core.simulation import EditionReport, GreedyReport, simulate, simulate_greedy


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def table(reports: dict[str, EditionReport], players: int, seed: int) -> str:
    head = (
        "edition",
        "species",
        "cost",
        "to complete",
        "reveals min/med/max",
        "days median",
        "days p90",
        "first reveal odds",
    )
    rows = [head]
    for edition_id, r in reports.items():
        rev = r.reveals_to_complete
        days = r.days_to_complete
        odds = ", ".join(f"{c} {p:.1%}" for c, p in r.first_reveal_odds.items())
        rows.append(
            (
                edition_id,
                str(r.species),
                f"{r.reveal_cost} g",
                f"{r.energy_to_complete} g",
                "/".join(_cell(rev and rev[k]) for k in ("min", "median", "max")),
                _cell(days and days["median"]),
                _cell(days and days["p90"]),
                odds or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"{players} simulated players, seed {seed}; each edition collected on its own.")
    stuck = {e: r.incomplete for e, r in reports.items() if r.incomplete}
    if stuck:
        lines.append(
            "Not complete after the longest simulated time: "
            + ", ".join(f"{e} ({n} players)" for e, n in stuck.items())
        )
    return "\n".join(lines)


def greedy_table(reports: dict[str, GreedyReport]) -> str:
    lines = []
    for edition_id, r in reports.items():
        done = "never" if r.complete_on_day is None else f"on day {r.complete_on_day}"
        lines.append(
            f"{edition_id}: first sitting {r.first_sitting_g:,} g; "
            f"{r.energy_to_complete:,} g to complete, complete {done}"
        )
    lines.append("")
    lines.append(
        "Greedy player: every action at its cap, every day the rules allow, "
        "back-dating included, revealing whenever possible."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        help="content folder with species.yaml, decks/ and actions.yaml",
    )
    parser.add_argument(
        "--assets",
        type=Path,
        default=ASSETS_DIR,
        help="assets folder, to check card art paths",
    )
    parser.add_argument("--players", type=int, default=200, help="simulated players")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same report")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--strategy",
        choices=("typical", "greedy"),
        default="typical",
        help="typical: a mix of everyday players; greedy: a child who farms",
    )
    args = parser.parse_args(argv)
    if args.players < 1:
        parser.error("--players must be at least 1")
    try:
        content = load_content(args.data, args.assets)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"simulate: {summary(exc.problems)}; fix the content in {args.data} first",
            file=sys.stderr,
        )
        return 1
    if args.strategy == "greedy":
        greedy = simulate_greedy(content, args.seed)
        if args.json:
            print(
                json.dumps(
                    {"strategy": "greedy", "editions": {e: r.to_dict() for e, r in greedy.items()}},
                    indent=2,
                )
            )
        else:
            print(greedy_table(greedy))
        return 0
    reports = simulate(content, args.players, args.seed)
    if args.json:
        out = {
            "players": args.players,
            "seed": args.seed,
            "editions": {e: r.to_dict() for e, r in reports.items()},
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(table(reports, args.players, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
