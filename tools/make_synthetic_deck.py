"""Write a synthetic deck of N species, shaped like the bundled one, for benchmarks and load tests.

The deck is made of invented species, but every entry has every field a real entry has (names,
range, facts and threats in English and Simplified Chinese, an IUCN block with year, trend,
criteria and URL, habitats, ``helped_by`` with reasons) and uses every IUCN category, so loading
and drawing it costs what a real deck of that size would. The eco-actions are the bundled
``data/actions.yaml``, copied. The written deck passes the game's loader with no errors.

Usage::

    python tools/make_synthetic_deck.py N [--out DIR] [--editions K] [--seed S] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

from game.config import ASSETS_DIR, DATA_DIR, LOCALE_DIR
from game.core.models import NAME_LIMITS
from game.core.vocab import CATEGORIES, GROUPS, HABITATS
from game.i18n import Translator

BUNDLED_ACTIONS = DATA_DIR / "actions.yaml"

OCEAN_GROUPS = (
    "shark",
    "ray",
    "fish",
    "turtle",
    "whale",
    "dolphin",
    "seal",
    "otter",
    "seabird",
    "coral",
    "arthropod",
    "mollusc",
)
OCEAN_HABITATS = (
    "open-ocean",
    "coral-reef",
    "coastal-waters",
    "deep-sea",
    "polar-seas",
    "kelp-forest",
    "seagrass-meadow",
    "mangrove",
    "estuary",
    "beach",
    "rocky-shore",
)
THEMES = (  # (id, English title, Chinese title, groups, habitats)
    ("ocean", "Ocean Edition", "海洋特别版", OCEAN_GROUPS, OCEAN_HABITATS),
    (
        "forest",
        "Forest Edition",
        "森林特别版",
        tuple(g for g in GROUPS if g not in OCEAN_GROUPS),
        tuple(h for h in HABITATS if h not in OCEAN_HABITATS),
    ),
)
COLOURS = (
    "spotted",
    "striped",
    "golden",
    "silver",
    "crested",
    "long-tailed",
    "dwarf",
    "giant",
    "painted",
    "hooded",
    "masked",
    "ringed",
    "banded",
    "ridged",
    "speckled",
    "pale",
)
PLACES = (
    "reef",
    "island",
    "mountain",
    "river",
    "coast",
    "valley",
    "lowland",
    "highland",
    "lagoon",
    "cloud",
    "delta",
    "canyon",
)
ZH_COLOURS = (
    "斑点",
    "条纹",
    "金色",
    "银色",
    "冠",
    "长尾",
    "小",
    "巨",
    "彩绘",
    "兜帽",
    "面具",
    "环纹",
    "带纹",
    "脊",
    "细斑",
    "淡色",
)
ZH_PLACES = ("礁", "岛", "山", "河", "海岸", "谷", "低地", "高地", "泻湖", "云雾", "三角洲", "峡谷")
SYLLABLES = (
    "ca",
    "ro",
    "ti",
    "lu",
    "me",
    "na",
    "so",
    "vi",
    "pe",
    "da",
    "qui",
    "ra",
    "no",
    "te",
    "mi",
    "la",
    "go",
    "sa",
    "phy",
    "chro",
    "thal",
    "den",
    "mor",
    "lep",
)
TRENDS = ("increasing", "decreasing", "stable", "unknown")
CRITERIA = ("A2bd", "A2cd+4cd", "B1ab(iii)", "C2a(i)", "A3c", "B2ab(ii,iii)")
FIRST_YEAR, LAST_YEAR = 2004, 2024


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def _latin(n: int, rng: random.Random, *, capital: bool) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(2))
    digits = []  # the index, spelt in syllables, keeps every name unique
    while True:
        n, rest = divmod(n, len(SYLLABLES))
        digits.append(SYLLABLES[rest])
        if n == 0:
            break
    word = word + "".join(digits) + rng.choice(("us", "a", "is", "um", "ensis"))
    return word.capitalize() if capital else word


def _action_ids(actions_file: Path) -> list[str]:
    import yaml

    data = yaml.load(actions_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return [a["id"] for a in data["actions"]]


def _species(
    i: int, edition: tuple, rng: random.Random, actions: list[str], chinese: Translator
) -> str:
    edition_id, _, _, groups, habitats = edition
    colour = rng.randrange(len(COLOURS))
    place = rng.randrange(len(PLACES))
    group = rng.choice(groups)
    noun_en = group
    noun_zh = chinese(GROUPS[group])
    # Names keep to the decks' limits; the index at the end keeps every one unique.
    suffix_en, suffix_zh = f" {i}", f"{i}号"
    name_en = f"{COLOURS[colour]} {PLACES[place]} {noun_en}".title()
    name_en = name_en[: NAME_LIMITS["en"] - len(suffix_en)].rstrip() + suffix_en
    name_zh = f"{ZH_COLOURS[colour]}{ZH_PLACES[place]}{noun_zh}"
    name_zh = name_zh[: NAME_LIMITS["zh-Hans"] - len(suffix_zh)] + suffix_zh
    slug = f"{COLOURS[colour]}-{PLACES[place]}-{group}-{i}"
    genus = _latin(i // 7, rng, capital=True)
    epithet = _latin(i, rng, capital=False)
    category = CATEGORIES[i % len(CATEGORIES)]
    trend = "unknown" if category in ("EX", "EW") else rng.choice(TRENDS)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    chosen = rng.sample(habitats, k=rng.randint(1, min(3, len(habitats))))
    helpers = rng.sample(actions, k=rng.randint(1, min(3, len(actions))))
    range_en = (
        f"Found along the {PLACES[place]}s of {rng.randint(2, 40)} countries, "
        "in warm and cool waters."
    )
    range_zh = f"分布在{rng.randint(2, 40)}个国家的{ZH_PLACES[place]}一带。"
    facts_en = (
        f"The {name_en.lower()} can live for {rng.randint(5, 80)} years and travels up to "
        f"{rng.randint(2, 900)} km in a season.",
        f"It eats small animals and plants, and helps keep its {PLACES[place]} home healthy "
        "for everyone else.",
        f"Scientists have counted about {rng.randint(100, 90000):,} of them, fewer than "
        f"{rng.randint(10, 60)} years ago.",
    )
    facts_zh = (
        f"{name_zh}能活{rng.randint(5, 80)}年，一个季节能游走{rng.randint(2, 900)}公里。",
        f"它吃小动物和植物，帮助保持{ZH_PLACES[place]}的家园健康。",
        f"科学家统计到大约{rng.randint(100, 90000)}只，比{rng.randint(10, 60)}年前少了。",
    )
    threats_en = (
        "Losing its home to farms and roads",
        "Plastic and other rubbish",
        "Warmer seasons from climate change",
    )
    threats_zh = ("栖息地被农田和道路占据", "塑料和其他垃圾", "气候变化带来的高温")
    lines = [
        f"  - id: {slug}",
        f"    edition: {edition_id}",
        f"    name: {{en: {_q(name_en)}, zh-Hans: {_q(name_zh)}}}",
        f"    scientific_name: {genus} {epithet}",
        f"    group: {group}",
        "    iucn:",
        f"      category: {category}",
        f"      year: {year}",
        f"      trend: {trend}",
    ]
    if category in ("CR", "EN", "VU"):
        lines.append(f"      criteria: {rng.choice(CRITERIA)}")
    lines += [
        f"      url: https://www.iucnredlist.org/species/{100000 + i}/{2000000 + i * 7}",
        f"    habitats: [{', '.join(chosen)}]",
        f"    range: {{en: {_q(range_en)}, zh-Hans: {_q(range_zh)}}}",
        "    facts:",
        "      en:",
        *(f"        - {_q(fact)}" for fact in facts_en),
        "      zh-Hans:",
        *(f"        - {_q(fact)}" for fact in facts_zh),
        "    threats:",
        f"      en: [{', '.join(_q(t) for t in threats_en)}]",
        f"      zh-Hans: [{', '.join(_q(t) for t in threats_zh)}]",
        "    helped_by:",
    ]
    for action in helpers:
        why_en = f"Every {action.replace('-', ' ')} means less pollution reaching its home."
        lines += [
            f"      - action: {action}",
            f"        why: {{en: {_q(why_en)}, zh-Hans: {_q('每做一次，它的家园就少一点污染。')}}}",
        ]
    return "\n".join(lines)


def write_deck(out: Path, count: int, *, editions: int = 2, seed: int = 1) -> Path:
    """Write ``species.yaml`` and ``actions.yaml`` of a synthetic deck into ``out``."""
    if count < 1:
        raise ValueError("the deck needs at least one species")
    if not 1 <= editions <= 9:
        raise ValueError("editions must be between 1 and 9")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    actions = _action_ids(BUNDLED_ACTIONS)
    themes = [THEMES[k % len(THEMES)] for k in range(editions)]
    themes = [
        (t[0] if k < len(THEMES) else f"{t[0]}-{k + 1}", *t[1:]) for k, t in enumerate(themes)
    ]
    parts = [
        "# yaml-language-server: $schema=species.schema.json",
        f"# A synthetic deck of {count} invented species, written by "
        "tools/make_synthetic_deck.py for benchmarks.",
        "",
        "editions:",
    ]
    for k, (edition_id, title_en, title_zh, _, _) in enumerate(themes):
        parts += [
            f"  - id: {edition_id}",
            f"    title: {{en: {_q(title_en)}, zh-Hans: {_q(title_zh)}}}",
            "    description:",
            f"      en: {_q(f'Meet the invented species of the {title_en} (number {k + 1}).')}",
            f"      zh-Hans: {_q(f'认识{title_zh}里的虚构物种（第{k + 1}套）。')}",
            "    reveal_cost: 500",
            "",
        ]
    parts.append("species:")
    chinese = Translator.load("zh-Hans", LOCALE_DIR)
    for i in range(count):
        parts.append(_species(i, themes[i % len(themes)], rng, actions, chinese))
        parts.append("")
    (out / "species.yaml").write_text("\n".join(parts), encoding="utf-8")
    shutil.copyfile(BUNDLED_ACTIONS, out / "actions.yaml")
    return out


def check(out: Path) -> int:
    """Load the deck with the game's loader; print its problems; 0 when it has no errors."""
    import datetime as dt

    from game.core.content import load_content
    from game.core.problems import ContentError, summary

    try:
        content = load_content(out, ASSETS_DIR, today=dt.date.today())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(summary(exc.problems), file=sys.stderr)
        return 1
    print(
        f"{out}: {len(content.species)} species in {len(content.editions)} editions, "
        f"{len(content.warnings)} warnings, no errors"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, metavar="N", help="how many species")
    parser.add_argument(
        "--out", type=Path, default=None, help="folder to write (default: ./synthetic-deck-N)"
    )
    parser.add_argument("--editions", type=int, default=2, help="how many editions (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="load the written deck with the game's loader and report problems",
    )
    args = parser.parse_args(argv)
    out = args.out or Path(f"synthetic-deck-{args.count}")
    try:
        write_deck(out, args.count, editions=args.editions, seed=args.seed)
    except (ValueError, OSError) as exc:
        print(f"make_synthetic_deck: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out / 'species.yaml'} ({args.count} species) and {out / 'actions.yaml'}")
    return check(out) if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
