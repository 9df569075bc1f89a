"""The drawings of the species groups, one painter per group, in view-box units.

Each painter gets a :class:`~game.ui.silhouettes.Pen` and draws its animal with fills, mirrored
fills, tubes, strokes and dots (see ``game/ui/silhouettes.py`` for the path notation). ``SHAPES``
maps every group in ``game.core.vocab.GROUPS`` to its painter and view box.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pen draws; this module only says what to draw
    from game.ui.silhouettes import Pen

# -- the shapes (each faces left unless it is seen from above) -------------------------------


def _shark(p: Pen) -> None:
    p.fill(
        "3,31^ 12,24 28,20 38,19 47,3^ 53,19^ 68,22 81,27 97,6^ 89,29^ 95,44^ 81,33 "
        "66,35 62,35 64,41^ 57,36 46,37 40,37 31,48^ 29,38 17,37 7,34"
    )
    for x in (22, 25, 28):
        p.stroke(f"{x},27 {x - 1},31 {x - 1.5},34", 1.1)
    p.dot(12, 28, 1.6)
    p.stroke("6,34 11,35 15,34.5", 0.9)


def _ray(p: Pen) -> None:
    p.mirror("50,16 53,15 57,6^ 60,15 64,18 80,24 99,34^ 82,40 64,44 57,50 52,52 50,53")
    p.stroke("50,50 50,60 49,70", 1.4, detail=False)
    for side in (1, -1):
        p.dot(50 + side * 8, 18, 1.5)
        p.stroke(f"{50 + side * 13},28 {50 + side * 22},33 {50 + side * 28},38", 1.0)


def _fish(p: Pen) -> None:
    p.fill(
        "4,30 14,17 30,11 40,10 56,2^ 66,13 76,24 82,28^ 98,10^ 92,31^ 98,52^ 82,34^ "
        "74,39 64,48 56,56^ 50,50 36,51 16,46 5,35"
    )
    p.dot(17, 26, 2.6)
    p.dot(17.6, 25.4, 0.9, detail=False)
    p.stroke("30,19 33,30 30,41", 1.2)
    for x, y in ((44, 24), (44, 36), (54, 30), (40, 30)):
        p.stroke(f"{x},{y - 4} {x + 3},{y} {x},{y + 4}", 0.8)


def _turtle(p: Pen) -> None:
    p.mirror("50,4 55,6 57,13 55,20 50,21")  # head
    p.mirror("60,28 76,24 92,28 98,36^ 84,38 70,40 64,40")  # front flippers
    p.mirror("62,62 72,66 78,76^ 68,74 58,70")  # back flippers
    p.mirror("50,71 52,74 50,80^")  # tail
    p.ellipse(50, 46, 22, 27)
    p.ring(50, 46, 21.5, 26.5, 1.4)
    p.stroke("50,26 42,32 42,44 50,48 58,44 58,32 50,26", 1.3)
    p.stroke("42,44 43,58 50,64 57,58 58,44", 1.3)
    for side in (1, -1):
        p.stroke(f"{50 + side * 8},32 {50 + side * 18},28", 1.3)
        p.stroke(f"{50 + side * 8},45 {50 + side * 22},46", 1.3)
        p.stroke(f"{50 + side * 7},58 {50 + side * 17},65", 1.3)
        p.dot(50 + side * 3, 9, 1.2)


def _whale(p: Pen) -> None:
    p.fill(
        "3,38 12,30 28,26 50,26 66,29 71,25^ 75,31 84,36 95,24^ 93,37^ 99,47^ 86,42 "
        "72,44 56,48 44,50 48,60^ 36,51 22,51 9,47 3,42"
    )
    p.stroke("20,24 18,18 14,12", 2.2, detail=False)
    p.stroke("20,24 22,17 26,11", 2.2, detail=False)
    for x, y, r in ((11, 9, 2.2), (28, 8, 2.2), (19, 6, 2.0), (15, 14, 1.4), (25, 14, 1.4)):
        p.dot(x, y, r, detail=False)
    p.dot(17, 39, 1.6)
    p.stroke("4,41 12,42 20,42", 1.0)
    for i in range(4):
        p.stroke(
            f"{8 + i * 2},{45 + i * 1.2} {20 + i * 4},{46 + i * 1.1} {30 + i * 3},{47 + i * 0.8}",
            0.7,
        )


def _dolphin(p: Pen) -> None:
    p.fill("62,14 54,8 44,1^ 47,9 44,16")  # dorsal fin, swept back
    p.fill("56,27 52,41^ 66,28")  # flipper
    p.fill("12,46 0,38^ 6,50^ 2,60^ 14,52")  # flukes
    p.tube(
        "10,50 20,39 34,28 50,21 66,20 78,24 86,30 91,34", [2.0, 4.5, 8.0, 10.0, 9.5, 7.5, 5.0, 3.2]
    )
    p.tube("88,33 94,36 99,38", [2.6, 2.0, 1.5])
    p.dot(82, 27, 1.6)
    p.stroke("87,36 92,38 97,39", 0.8)


def _seal(p: Pen) -> None:
    p.fill(
        "3,27 7,20 14,15 22,16 28,22 32,30 46,36 64,40 80,44 90,45 99,38^ 95,48 99,57^ "
        "86,54 70,56 48,57 34,56 38,62^ 27,58 18,50 11,38 6,32"
    )
    p.dot(13, 21, 1.8)
    p.dot(4, 26, 0.9)
    for y in (27, 30):
        p.stroke(f"7,{y} 11,{y + 0.5}", 0.6)
    p.stroke("27,50 33,56", 1.0)


def _otter(p: Pen) -> None:
    p.tube("4,30 12,28 28,34 52,34 70,38 84,44 99,52", [3.0, 7.5, 9.5, 10.0, 6.5, 3.5, 1.2])
    p.dot(17, 22, 3.0, detail=False)
    for x, dx in ((24, -3), (32, 2), (58, -2), (66, 3)):
        p.tube(f"{x},40 {x},48 {x + dx},52", [4.0, 3.4, 3.0])
    p.dot(10, 26, 1.5)
    p.dot(3, 29.5, 1.1)
    p.stroke("5,33 10,33", 0.6)


def _sea_cow(p: Pen) -> None:  # a dugong grazing over seagrass
    heights = (11, 15, 9, 10, 14, 8, 12, 16, 9, 13, 9)
    for x, h in zip((3, 9, 15, 30, 40, 47, 62, 70, 77, 90, 96), heights, strict=True):
        p.tube(f"{x},64 {x + 1},{64 - h * 0.5} {x + 3.5},{64 - h}", [1.6, 1.3, 0.5])
    p.fill(
        "14,18 26,13 42,10 58,10 72,13 82,18 89,23 95,17 99,12^ 97,24 95,29^ 97,35 99,46^ "
        "94,41 88,35 80,36 66,41 50,44 34,45 22,44 16,45 10,48 5,48^ 2,44 2,36 4,28 8,22"
    )
    p.fill("24,38 26,48 32,52 38,50 38,41")
    p.dot(13, 24, 1.5)
    p.stroke("2.6,41 6,43.5 11,44", 0.9)
    for x, y in ((4.6, 33), (7.4, 35), (4.8, 37), (7.8, 31.6)):
        p.dot(x, y, 0.6)


def _penguin(p: Pen) -> None:
    p.fill(
        "36,6 46,10 49,20 50,32 56,46 60,62 58,78 52,90 58,96^ 46,96 40,93 30,96 18,96^ "
        "24,90 18,76 18,56 24,38 24,26 22,22 10,24^ 22,16 28,8"
    )
    p.fill("24,0 70,0 70,100 56,100 56,80 54,58 46,40 42,26 36,20 28,20 20,22 16,10", detail=True)
    p.fill("46,34 58,46 66,66 62,68 50,52", detail=False)
    p.stroke("46,34 58,46 66,66 62,68 50,52 46,34", 1.0)
    p.dot(31, 14, 2.2, detail=False)
    p.dot(30.5, 14, 1.1)
    p.fill("10,24^ 21,19 23,23", detail=True)
    p.fill("18,96^ 24,92 32,96^", detail=True)
    p.fill("40,96^ 48,92 58,96^", detail=True)


def _auk(p: Pen) -> None:  # a puffin: the great auk stood the same way, bill and all
    p.fill("34,90 30,98^ 44,98^ 41,90")
    p.fill("50,90 48,98^ 62,98^ 56,90")
    p.fill("60,82 70,92^ 58,90")
    p.fill("28,38 40,35 56,42 66,56 68,72 64,84 54,92 40,93 30,88 24,76 24,60 26,46")
    p.ellipse(37, 26, 14, 13)
    p.fill("26,14 16,18 8,24 3,31^ 12,34 26,38")
    p.fill(
        "18,0 80,0 80,100 66,100 64,80 60,60 54,46 48,36 49,26 45,17 38,13 30,13 24,11",
        detail=True,
    )
    p.tube("24,38 34,42 48,38", [2.6], detail=True)
    p.stroke("12,19 11,26 13,33", 1.0)
    p.stroke("18,16 17,26 18,36", 1.0)
    p.stroke("24.5,14 24.5,37", 1.2)
    p.dot(32, 23, 2.0)
    p.stroke("32,23 35,19", 0.7)
    p.stroke("34,25 40,28 46,29", 0.7)


def _seabird(p: Pen) -> None:  # an albatross gliding over the waves, seen from below
    p.stroke("4,56 10,52 16,56 22,52 28,56", 2.0, detail=False)
    p.stroke("72,56 78,52 84,56 90,52 96,56", 2.0, detail=False)
    p.mirror("50,18 58,17 68,15 80,14 91,16 99,21^ 90,25 76,28 62,32 50,33")
    p.ellipse(50, 27, 8, 13)
    p.fill("44,37 47,44 50,46 53,44 56,37")
    p.ellipse(50, 13, 7, 6.5)
    p.fill("45,8.6 36,10 28,12.5 26,16.5^ 29,15.5 36,16 45,17")
    for side in (1, -1):
        p.fill(
            f"{50 + side * 38},8^ {50 + side * 52},8^ {50 + side * 52},32^ {50 + side * 40},32^",
            detail=True,
        )
        p.stroke(f"{50 + side * 10},33.2 {50 + side * 24},29.6 {50 + side * 40},25.4", 2.2)
    p.dot(48, 11, 1.4)
    p.stroke("34,13 44,13", 0.6)


def _bird(p: Pen) -> None:
    p.stroke("4,70 40,68 72,70 98,66", 4.0, detail=False)
    p.fill(
        "30,14 38,12 45,18 48,28 60,38 76,46 98,58^ 94,62^ 74,56 64,58 52,58 38,54 28,44 "
        "25,34 24,24 20,22^ 12,22^ 20,18"
    )
    p.stroke("42,57 40,68", 1.6, detail=False)
    p.stroke("54,57 54,68", 1.6, detail=False)
    p.dot(32, 20, 1.8)
    p.stroke("36,32 46,40 62,46 76,50", 1.2)
    p.stroke("44,42 56,48 70,52", 1.0)

def _raptor(p: Pen) -> None:  # an eagle perched upright, crest raised, talons round a branch
    p.fill("42,72 54,72 62,96^ 50,99^ 40,96^")  # tail, hanging below the branch
    p.stroke("0,84 40,82 84,85", 4.0, detail=False)
    p.fill("30,26 46,24 58,32 64,46 66,60 62,72 52,80 40,82 30,76 26,62 25,46 26,34")
    p.fill("34,13 44,9^ 42,13 53,12^ 47,16 57,19^ 48,20 55,26^ 45,25 36,28")  # shaggy crest
    p.ellipse(30, 21, 12, 10.5)
    p.fill("21,15 13,15.5 7,19 4.5,24 5,30^ 8.5,26 13,26.5 21,28")  # hooked beak
    for x in (36, 48):  # feathered legs, then big curved talons
        p.tube(f"{x},70 {x},78", [4.5, 4.0])
        for dx in (-5, -1.5, 2):
            p.stroke(f"{x + dx},79 {x + dx - 3.5},82 {x + dx - 3},87", 2.6, detail=False)
    p.stroke("42,34 54,44 59,58 56,72", 1.3)
    p.stroke("50,58 54,70", 1.0)
    p.stroke("45,64 49,74", 1.0)
    p.dot(25, 19, 1.9)
    p.stroke("19,16 24,14.5 32,16", 1.5)  # the frowning brow
    p.stroke("8,22 14,23 21,24", 0.8)


def _ibis(p: Pen) -> None:  # a crested ibis: long curved bill, shaggy crest, long legs
    for leg in ("54,54 55,74 54,94", "62,54 65,74 68,94"):
        p.tube(leg, [2.2, 1.5, 1.4])
    p.stroke("48,95 54,94 60,95", 1.6, detail=False)
    p.stroke("62,95 68,94 74,95", 1.6, detail=False)
    p.fill("74,40 88,44 96,52^ 86,54 74,52")  # tail
    p.ellipse(62, 44, 20, 12, -6)
    p.tube("46,42 38,34 32,26 30,20", [6.0, 4.6, 4.0, 4.2])
    p.fill("32,14 42,10^ 39,16 47,17^ 40,21 45,25^ 36,24")  # crest
    p.ellipse(29, 18, 6.5, 6)
    p.tube("24,18 15,21 9,28 7,37", [2.0, 1.5, 1.1, 0.8])
    p.dot(27.5, 17, 1.3)
    p.stroke("23,19.5 26,20.5 29,20", 0.7)  # the edge of the bare red face
    p.stroke("50,40 62,44 76,44", 1.2)
    p.stroke("56,47 68,50 80,49", 1.0)


def _coral(p: Pen) -> None:
    branches = (
        "50,88 50,70 46,50 38,34 30,18",
        "46,52 58,38 64,22 62,8",
        "48,72 30,62 18,50 10,34",
        "30,61 24,44 24,28",
        "50,80 66,68 80,56 88,40",
        "74,61 80,46 76,30",
        "40,36 48,24 46,10",
        "58,38 72,30 82,18",
        "18,50 8,52 4,42",
        "62,22 70,14",
    )
    for i, branch in enumerate(branches):
        p.tube(branch, [7.0, 4.5, 3.5] if i == 0 else [4.5, 3.2], detail=False)
    p.fill("28,96^ 36,88 50,84 64,88 72,96^")
    for x, y in (
        (30, 20),
        (62, 10),
        (10, 36),
        (24, 30),
        (88, 42),
        (76, 32),
        (46, 12),
        (82, 20),
        (4, 44),
        (70, 15),
    ):
        p.dot(x, y + 2, 1.0)


def _arthropod(p: Pen) -> None:  # a crab
    for side in (1, -1):
        for i in range(3):
            x = 50 + side * (22 + i * 3)
            p.tube(
                f"{x},{50 + i * 6} {x + side * 14},{48 + i * 9} {x + side * 20},{62 + i * 8}",
                [2.6, 1.4],
            )
        p.tube(f"{50 + side * 20},38 {50 + side * 30},28 {50 + side * 32},18", [3.2, 4.0])
        p.fill(
            f"{50 + side * 28},20 {50 + side * 36},8 {50 + side * 42},8 {50 + side * 44},14^ "
            f"{50 + side * 38},14 {50 + side * 40},24 {50 + side * 34},26"
        )
        p.stroke(f"{50 + side * 8},34 {50 + side * 10},22", 1.6, detail=False)
        p.dot(50 + side * 10, 21, 2.6, detail=False)
        p.dot(50 + side * 10, 21, 1.2)
    p.ellipse(50, 48, 28, 18)
    p.stroke("38,56 44,60 50,61 56,60 62,56", 1.0)


def _mollusc(p: Pen) -> None:  # a scallop, the shell of a giant clam seen from the front
    outline = " ".join(
        f"{50 + 44 * math.cos(math.radians(a)) * (1 if i % 2 else 0.94):.1f},"
        f"{62 - 50 * math.sin(math.radians(a)) * (1 if i % 2 else 0.94):.1f}"
        for i, a in enumerate(range(0, 181, 15))
    )
    p.fill(f"{outline} 14,66 32,78^ 30,82^ 32,90^ 68,90^ 70,82^ 68,78^ 86,66")
    for a in range(15, 180, 15):
        x, y = 50 + 40 * math.cos(math.radians(a)), 62 - 46 * math.sin(math.radians(a))
        p.stroke(f"{50 + (x - 50) * 0.2:.1f},{82 + (y - 82) * 0.2:.1f} {x:.1f},{y:.1f}", 1.0)
    p.stroke("34,82 66,82", 1.0)


def _primate(p: Pen) -> None:
    p.tube("64,84 80,82 90,70 88,58 80,56 80,64", [3.0, 2.6, 2.2, 2.0])
    p.fill("34,44 50,40 64,46 70,62 68,84 60,94 40,94 32,84 30,62")
    p.tube("34,48 24,62 26,80 34,88", [5.5, 4.5, 4.0])
    p.tube("66,48 74,62 72,80 64,88", [5.5, 4.5, 4.0])
    p.ellipse(34, 92, 7, 4)
    p.ellipse(66, 92, 7, 4)
    for side in (1, -1):
        p.dot(50 + side * 18, 22, 7, detail=False)
        p.dot(50 + side * 18, 22, 3.6)
        p.dot(50 + side * 5, 22, 2.0)
    p.ellipse(50, 24, 17, 17)
    p.stroke("50,15 56,12 62,16 63,24 60,32 54,38 46,38 40,32 37,24 38,16 44,12 50,15", 1.1)
    for side in (1, -1):
        p.dot(50 + side * 5, 22, 2.0)
        p.dot(50 + side * 1.6, 29, 0.8)
    p.stroke("45,33 50,35 55,33", 0.9)
    p.stroke("50,62 50,84", 0.9)


def _cat(p: Pen) -> None:
    p.fill(
        "2,25 4,18 8,13 9,7^ 14,10 19,8^ 21,14 25,18 30,22 48,22 70,22 80,24 86,30 84,42 82,56 "
        "84,60^ 76,60^ 74,46 68,40 60,44 62,57 64,60^ 56,60^ 52,44 36,44 30,44 30,56 "
        "32,60^ 24,60^ 22,46 20,44 18,56 20,60^ 12,60^ 12,44 10,34 5,31 2,28"
    )
    p.tube("84,28 92,30 96,40 94,48 98,52", [2.6, 2.4, 2.2, 2.0, 2.4])
    for x in (36, 45, 54, 63, 72, 80):
        p.tube(f"{x},18 {x - 1},26 {x - 3},34", [2.2, 1.6, 0.3], detail=True)
    for x, y in ((91, 30), (96, 40), (95, 48)):
        p.stroke(f"{x - 2},{y - 2} {x + 2},{y + 2}", 1.6)
    p.stroke("20,16 22,22", 1.2)
    p.dot(11, 19, 1.5)
    p.dot(3.4, 24, 1.1)
    p.stroke("7,29 12,31", 0.6)


def _bear(p: Pen) -> None:
    p.fill(
        "2,28 6,22 12,18 12,13 15,10 19,11 21,15 26,16 34,12 48,10 66,12 80,16 90,24 94,34 "
        "92,44 88,60^ 76,60^ 76,50 70,46 62,48 62,60^ 50,60^ 50,48 36,48 36,60^ 24,60^ 24,46 "
        "22,44 18,60^ 8,60^ 10,40 12,34 4,32"
    )
    p.dot(14, 23, 1.5)
    p.dot(2.8, 28, 1.4)
    p.stroke("22,18 22,30 28,42", 0.9)


def _elephant(p: Pen) -> None:
    p.fill(
        "16,30 20,18 30,10 44,10 58,14 74,14 88,20 96,34 94,48 90,56 90,78^ 78,78^ 76,60 "
        "70,58 68,78^ 56,78^ 56,60 44,60 44,78^ 32,78^ 32,58 28,48 24,46 20,56 20,68 24,74^ "
        "14,74^ 12,66 12,52 13,40"
    )
    p.stroke("96,34 99,50", 1.2, detail=False)
    p.stroke("31,16 40,14 47,22 47,38 43,49 34,47 30,36 31,16", 1.4)
    p.dot(22, 26, 1.5)
    p.tube("24,40 18,46 12,46 8,42", [2.0, 1.6, 1.2], detail=True)
    p.tube("25,42 19,46 13,46 10,43", [1.0, 0.8, 0.6], detail=False)


def _rhino(p: Pen) -> None:
    p.fill(
        "4,34 2,28^ 7,16^ 12,26 16,24 18,18^ 22,22 28,20 32,12^ 36,18 46,14 64,14 80,16 "
        "92,24 96,36 92,48 90,60^ 78,60^ 76,52 68,50 64,60^ 52,60^ 52,50 38,50 38,60^ 26,60^ "
        "24,48 20,46 12,44 6,40"
    )
    p.dot(20, 28, 1.4)
    p.stroke("38,18 40,34 38,48", 1.0)
    p.stroke("70,16 72,32 70,50", 1.0)


def _ungulate(p: Pen) -> None:  # an antelope: any hoofed mammal without a group of its own
    p.ellipse(58, 52, 27, 12, -4)
    p.tube("38,50 30,38 24,28", [8.0, 5.5, 4.5])
    p.fill("4,34 8,28 16,23 24,20^ 27,24 30,30 28,34 20,36 10,38")
    p.fill("82,44 90,40^ 86,48")
    for x, knee, dx in ((38, 72, -1), (46, 72, 2), (72, 70, 4), (80, 70, 2)):
        p.tube(f"{x},56 {x + dx},{knee} {x},90", [3.6, 1.9, 1.5])
    p.fill("22,24 30,20^ 26,28")  # ear
    for dx in (0, 3.5):  # ridged horns sweeping back
        p.tube(f"{20 + dx},23 {21 + dx},14 {25 + dx},6 {30 + dx},3", [1.9, 1.6, 1.1, 0.6])
    for y in (18, 14, 10):
        p.stroke(f"{20.5},{y + 1} {23.5},{y}", 0.7)
    p.dot(17, 28, 1.4)
    p.dot(4.8, 34, 1.0)

def _deer(p: Pen) -> None:  # a moose: palmate antlers, hump, long drooping nose, a bell
    p.fill("34,40 42,28 54,27 68,31 80,33 88,38 90,48 86,56 72,60 52,60 40,58 33,50")
    p.fill("88,38 93,40^ 89,44")
    for x, knee, dx in ((40, 74, -1), (48, 74, 2), (74, 72, 3), (82, 72, 2)):
        p.tube(f"{x},56 {x + dx},{knee} {x},92", [4.2, 2.2, 1.8])
    p.tube("42,40 34,40 26,42", [9.5, 7.5])
    p.fill("28,36 20,36 13,42 7,50 4,58 7,62 12,61 18,56 25,50 30,44")
    p.tube("24,50 24,58 23,64", [2.6, 2.0, 1.6])  # the bell under the throat
    p.fill("29,38 38,34^ 33,42")  # ear
    p.tube("24,36 20,30", [2.2, 2.0])
    p.tube("27,36 31,30", [2.2, 2.0])
    p.fill("21,31 14,30 6,28 1,24^ 5,23 1,17^ 7,19 5,12^ 10,17 10,10^ 14,16 16,10^ 18,17 "
           "22,13^ 23,24")  # palmate antlers, one to each side
    p.fill("30,31 36,30 44,27 49,22^ 45,21 49,15^ 43,17 44,10^ 40,15 38,8^ 35,15 32,10^ "
           "30,16 28,13^ 27,24")
    p.dot(19, 42, 1.5)
    p.dot(6.2, 57, 1.2)
    p.stroke("34,48 38,42 44,38", 1.0)


def _bovine(p: Pen) -> None:  # a bison: shoulder hump, shaggy mane and beard, short horns
    for leg, r in (("34,48 34,58 34,64", 5.0), ("46,50 47,58 47,64", 4.6),
                   ("78,48 80,57 80,64", 4.4), ("87,46 89,56 90,64", 4.0)):
        p.tube(leg, [r, r * 0.85, r * 0.8])
    p.tube("92,28 97,38 97,46", [1.4, 1.1, 1.0])
    p.ellipse(97, 47, 2.0, 3.4)
    p.fill("22,28 28,14 38,6 50,6 60,13 74,17 86,19 93,26 95,36 91,46 80,51 60,51 44,53 "
           "30,52 22,46")
    p.fill("30,20 20,20 12,25 7,34 6,44 10,49 16,50 28,44 32,34")
    p.fill("12,46 13,56^ 17,53 19,60^ 22,53 26,57^ 28,44")  # beard
    p.tube("15,24 10,20 11,14", [2.6, 1.8, 1.0])
    p.dot(13, 31, 1.6)
    p.dot(7.4, 42, 1.2)
    for x, y in ((30, 14), (36, 9), (44, 9), (24, 24), (34, 24), (42, 18), (28, 34), (38, 32),
                 (32, 44), (42, 40), (48, 28)):
        p.stroke(f"{x},{y} {x + 1},{y + 4} {x},{y + 7}", 0.9)
    p.stroke("56,12 58,30 56,50", 1.0)


def _tapir(p: Pen) -> None:  # a Malayan tapir: long flexible snout, white saddle on a dark body
    legs = ("36,40 36,52 35,60", "46,42 47,52 47,60", "76,40 77,52 77,60", "86,38 88,50 88,60")
    for leg in legs:
        p.tube(leg, [5.2, 4.4, 4.2])
    p.fill("28,22 38,14 54,10 72,10 86,14 94,22 96,32 92,40 82,44 60,44 42,44 30,40 24,32")
    p.fill("32,20 24,18 16,22 12,28 13,35 20,38 28,40 34,36")
    p.tube("14,28 8,30 4,36 4,42", [4.6, 3.4, 2.4, 2.0])
    p.ellipse(27, 15, 3.6, 5.2, -20)
    p.fill("0,0 54,0 50,14 48,30 52,46 54,64^ 0,64^", detail=True)  # dark front half
    for leg in legs[2:]:  # dark hind legs below the saddle
        p.tube(leg.replace("76,40", "76,44").replace("86,38", "86,42"), [5.2, 4.4, 4.2],
               detail=True)
    p.ring(27, 15, 3.0, 4.6, 1.0)
    p.dot(19, 25, 1.4, detail=False)


def _giraffid(p: Pen) -> None:  # an okapi: a giraffe's head, zebra stripes on its legs
    p.tube("88,44 93,54 92,62", [1.2, 1.0, 1.6])
    for x, knee, dx in ((40, 78, -1), (48, 78, 2), (76, 78, 2), (84, 78, 1)):
        p.tube(f"{x},58 {x + dx},{knee} {x},96", [4.4, 2.4, 2.0])
    p.fill("38,42 48,36 64,38 80,42 90,48 88,58 80,64 60,64 46,64 38,58")
    p.tube("46,46 38,32 30,20", [9.0, 6.5, 5.0])
    p.fill("33,14 26,10 20,12 13,18 7,25 5,29 9,32 17,30 25,26 32,22")
    p.fill("30,14 39,7^ 35,17")  # ear
    p.tube("26,12 26,5", [1.4, 1.2])  # the short skin-covered horns
    p.dot(26, 5, 1.8, detail=False)
    for y in range(50, 96, 5):  # white stripes on dark legs, drawn as dark bands on white
        p.stroke(f"66,{y} 98,{y + 2}", 2.2)
    for y in range(68, 90, 5):
        p.stroke(f"30,{y} 54,{y + 1}", 2.0)
    p.dot(19, 19, 1.5)
    p.dot(6.4, 27, 1.0)


def _pangolin(p: Pen) -> None:
    p.fill(
        "2,40^ 8,35 14,31 22,20 34,12 46,10 58,13 70,20 82,28 92,36 99,46^ 88,45 76,41 "
        "66,40 64,44 64,48^ 55,48^ 53,40 36,40 34,48^ 25,48^ 24,40 16,40 8,42"
    )
    for row, (rx, ry, count) in enumerate(((42, 31, 9), (33, 23, 7), (24, 15, 4))):
        for i in range(count):
            a = math.radians(160 - (i + 0.5 * (row % 2)) * 130 / max(1, count - 1))
            x, y = 46 + rx * math.cos(a), 42 - ry * math.sin(a)
            arc = " ".join(
                f"{x + 4.5 * math.cos(b):.1f},{y + 4 * math.sin(b):.1f}"
                for b in (math.radians(d) for d in (10, 60, 90, 120, 170))
            )
            p.stroke(arc, 1.0)
    p.dot(10, 36.5, 1.2)


def _red_panda(p: Pen) -> None:
    p.stroke("0,76 40,74 100,77", 4.0, detail=False)
    legs = ("34,50 33,62 32,74", "44,54 46,64 46,74", "66,54 64,64 63,74", "74,50 76,62 76,74")
    for leg in legs:
        p.tube(leg, [4.5, 3.6, 3.4])
    p.tube("74,44 82,46 88,52 90,61 88,70", [7.5, 8.5, 8.5, 8.0, 6.0])
    p.fill("30,40 42,33 58,32 72,35 80,42 80,50 72,56 56,58 40,58 32,54 28,46")
    for leg in legs:  # dark legs, as the red panda has
        p.tube(leg, [4.5, 3.6, 3.4], detail=True)
    p.fill("6,30 4,20 8,12 14,12 20,18 20,26")
    p.fill("38,30 40,20 36,12 30,12 24,18 24,26")
    p.ellipse(22, 35, 17, 14)
    p.fill("9,24 8,17 11,15 15,17 16,22 12,26", detail=True)
    p.fill("35,24 36,17 33,15 29,17 28,22 32,26", detail=True)
    rings = ((80, 45, -0.2, 1), (88, 51, -0.8, 0.6), (90, 62, -1, 0), (88, 70, -1, -0.2))
    for cx, cy, ax, ay in rings:  # centre and direction of each dark band across the tail
        p.stroke(f"{cx - ax * 10},{cy - ay * 10} {cx + ax * 10},{cy + ay * 10}", 3.4)
    for side in (-1, 1):
        p.dot(22 + side * 6.5, 33, 2.1)
        p.tube(
            f"{22 + side * 6.5},35 {22 + side * 8.5},41 {22 + side * 4},47",
            [1.9, 1.7, 1.2],
            detail=True,
        )
    p.dot(22, 41, 2.3)
    p.stroke("19,45 22,46.5 25,45", 0.8)


def _koala(p: Pen) -> None:  # hugging a tree trunk
    p.fill("72,0 86,0 88,100^ 70,100^")
    p.stroke("79,4 78,30 80,60", 0.8)
    p.stroke("75,64 76,92", 0.8)
    p.ellipse(50, 66, 21, 26, 8)
    p.tube("40,84 56,92 72,88", [6, 5, 4.2])
    p.tube("58,50 68,48 76,46", [6, 5, 4.4])
    p.ellipse(38, 34, 19, 17)
    for cx, cy in ((18, 20), (58, 20)):  # fluffy ears with a ragged edge
        outline = " ".join(
            f"{cx + (12.5 if i % 2 else 11) * math.cos(i * math.pi / 8):.1f},"
            f"{cy + (12.5 if i % 2 else 11) * math.sin(i * math.pi / 8):.1f}"
            + ("^" if i % 2 else "")
            for i in range(16)
        )
        p.fill(outline)
        p.dot(cx + (3 if cx < 38 else -3), cy + 2, 4.0)
    p.ellipse(38, 38, 5.8, 8, detail=True)
    p.dot(29, 31, 1.8)
    p.dot(47, 31, 1.8)
    p.stroke("34,48 38,49.5 42,48", 0.8)
    for y in (42, 45, 48):
        p.stroke(f"76,{y - 1} 79,{y} 76,{y + 1}", 0.8)
    p.stroke("69,44 70,52", 0.8)


def _sloth(p: Pen) -> None:  # hanging under a branch by its hooked claws
    p.stroke("0,12 30,9 70,11 100,8", 6.0, detail=False)
    for x0, x1 in ((32, 24), (42, 36), (66, 66), (74, 80)):
        p.tube(f"{x0},34 {(x0 + x1) / 2},22 {x1},13", [5.0, 4.0, 3.2])
    p.fill(
        "26,32 36,27 52,26 68,27 80,31 84,38^ 78,44^ 74,42 70,48^ 64,45 58,50^ 52,46 "
        "46,50^ 40,45 34,48^ 30,42"
    )
    p.ellipse(20, 44, 13, 12)
    for x1 in (24, 36, 66, 80):
        for dx in (-2.2, 0, 2.2):
            x = x1 + dx
            p.stroke(f"{x},13 {x - 0.5},7.5 {x + 1.6},5.2 {x + 3},7.5", 1.1)
    for side in (-1, 1):  # the dark stripe through each eye
        p.tube(
            f"{20 + side * 3},42 {20 + side * 6.5},42.6 {20 + side * 10.5},44.5",
            [1.6, 2.4, 1.2],
            detail=True,
        )
    p.dot(20, 48, 2.0)
    p.stroke("16.5,51.5 20,53.2 23.5,51.5", 0.9)


def _hedgehog(p: Pen) -> None:
    spines = " ".join(
        f"{54 + 42 * r * math.cos(math.radians(a)):.1f},"
        f"{50 - 40 * r * math.sin(math.radians(a)):.1f}" + ("^" if i % 2 == 0 else "")
        for i, a in enumerate(range(150, 0, -5))
        for r in [1.0 if i % 2 == 0 else 0.88]
    )
    p.fill(f"2,46^ 10,40 18,33 {spines} 96,50 92,54 70,56 40,56 20,54 10,52 5,50")
    for x, dx in ((32, -2), (44, 2), (68, -2), (80, 2)):
        p.tube(f"{x},54 {x + dx},60", [3.0, 2.6])
    for a in range(140, 10, -10):
        for r, length in ((0.62, 0.2), (0.84, 0.14)):
            start, end = math.radians(a + (5 if r > 0.7 else 0)), math.radians(a - 2)
            x0, y0 = 54 + 42 * r * math.cos(start), 50 - 40 * r * math.sin(start)
            x1 = 54 + 42 * (r + length) * math.cos(end - 0.08)
            y1 = 50 - 40 * (r + length) * math.sin(end - 0.08)
            p.stroke(f"{x0:.1f},{y0:.1f} {x1:.1f},{y1:.1f}", 1.0)
    p.stroke("24,22 20,34 24,46 32,55", 1.1)
    p.dot(14, 40, 1.6)
    p.dot(3, 46, 1.8)
    p.stroke("19,33 21,30 23,33", 0.8)


def _squirrel(p: Pen) -> None:
    p.tube("54,92 72,88 86,72 88,52 80,30 70,20 62,22 66,34", [7, 10, 12, 12, 11, 8, 5])
    p.fill("22,40 28,32 40,34 52,46 58,62 60,80 58,92 40,94 30,88 30,70 26,56 20,52")
    p.fill("12,34 14,24 20,18 23,11^ 27,16 32,18 36,24 38,34 32,40 22,42 14,40")
    p.tube("32,60 26,68 22,72", [3.0, 2.4])
    p.ellipse(36, 92, 8, 3.5)
    p.dot(24, 26, 2.0)
    p.dot(12, 33, 1.3)


def _mammal(p: Pen) -> None:  # any four-legged mammal, on purpose no one in particular
    for x, dx in ((36, -2), (46, 2), (70, -2), (80, 2)):
        p.tube(f"{x},40 {x + dx / 2},50 {x + dx},60", [4.2, 3.4, 3.2])
    p.tube("82,30 92,28 99,20", [3.0, 2.2, 1.4])
    p.ellipse(58, 32, 27, 14)
    p.tube("38,28 28,24 22,22", [9.0, 8.0])
    p.ellipse(18, 24, 11, 9.5)
    p.ellipse(8, 28, 7, 5)
    p.ellipse(24, 13, 4, 6, 15)
    p.dot(24, 14, 2.0)
    p.dot(15, 21, 1.5)
    p.dot(2.6, 27, 1.3)
    p.stroke("4,31 9,32", 0.6)


def _reptile(p: Pen) -> None:  # a lizard seen from above
    legs = ("40,34 30,30 26,22", "56,34 66,30 70,22", "40,58 30,62 26,72", "56,60 66,66 68,76")
    for leg in legs:
        p.tube(leg, [3.2, 2.4, 1.8])
        x, y = map(float, leg.split()[-1].split(","))
        for dx, dy in ((-3, -2), (0, -3.5), (3, -2)):
            p.stroke(f"{x},{y} {x + dx},{y + (dy if y < 50 else -dy)}", 1.6, detail=False)
    p.tube(
        "48,4 48,14 48,26 48,44 50,62 56,74 68,82 80,80 86,70 80,62",
        [5.0, 6.0, 5.5, 8.0, 6.5, 4.5, 3.2, 2.2, 1.4, 0.8],
    )
    p.dot(45, 9, 1.3)
    p.dot(51, 9, 1.3)
    for y in (34, 42, 50):
        p.stroke(f"44,{y} 48,{y + 2} 52,{y}", 0.9)


def _amphibian(p: Pen) -> None:  # a frog seen from above
    for side in (1, -1):

        def x(v: float, side: int = side) -> float:
            return 50 + side * v

        p.tube(f"{x(10)},66 {x(30)},60 {x(36)},76 {x(24)},86 {x(30)},94", [6.0, 5.0, 3.6, 2.6, 2.0])
        p.tube(f"{x(14)},40 {x(26)},44 {x(32)},32 {x(34)},24", [4.0, 3.0, 2.4, 2.0])
        for dx, dy in ((-5, 2), (0, 3), (5, 1)):
            p.dot(x(30 + dx * side * side), 94 + dy, 2.2, detail=False)
            p.dot(x(34 + dx / 1.5), 22 - abs(dx) / 2, 2.0, detail=False)
    p.mirror("50,12 58,14 66,22 68,36 66,54 60,68 50,72")
    for side in (1, -1):
        p.dot(50 + side * 11, 17, 6.5, detail=False)
        p.dot(50 + side * 11, 17, 3.4)
        p.dot(50 + side * 9.8, 15.6, 1.0, detail=False)
    p.stroke("40,26 50,29 60,26", 1.0)
    for xx, y in ((45, 42), (56, 50), (46, 58)):
        p.dot(xx, y, 2.2)

def _salamander(p: Pen) -> None:  # a giant salamander from the side: flat head, paddle tail
    for x, dx in ((27, -5), (37, 4), (60, -5), (70, 4)):
        p.tube(f"{x},30 {x + dx * 0.6},36 {x + dx * 1.4},40", [3.8, 3.0, 2.6])
        for t in (-2.6, 0, 2.6):
            p.dot(x + dx * 1.4 + t, 41, 1.4, detail=False)
    p.fill("56,24 72,21 88,19 99,18^ 90,27 74,33 56,34")  # the flattened tail
    p.tube("22,27 36,26 50,27 62,28", [7.5, 8.0, 7.5, 6.0])
    p.fill("3,29 6,23 13,20 22,20 30,23 30,33 20,35 10,34 4,32")
    p.dot(12, 23.5, 1.3)
    p.stroke("4,30 12,31 20,30", 0.9)
    p.stroke("24,34 34,35 44,34 54,34.5 62,33", 1.0)  # the wrinkled skin fold
    for x, y in ((30, 24), (40, 23), (48, 28), (58, 25), (70, 25), (80, 23), (38, 30), (22, 26)):
        p.dot(x, y, 1.4)


def _insect(p: Pen) -> None:  # a butterfly
    p.mirror("50,30 58,22 74,8 90,4 98,10 96,24 88,36 72,44 54,46 50,46")
    p.mirror("50,48 56,48 74,52 86,62 86,76 76,86 64,84 56,72 50,66")
    p.tube("50,22 50,40 50,70", [3.0, 3.2, 1.8])
    for side in (1, -1):
        p.stroke(f"{50 + side},22 {50 + side * 5},12 {50 + side * 10},5", 1.0, detail=False)
        p.dot(50 + side * 10.5, 4.5, 1.8, detail=False)
        p.dot(50 + side * 32, 18, 4.5)
        p.dot(50 + side * 22, 34, 3.0)
        p.dot(50 + side * 24, 70, 4.0)
        p.stroke(f"{50 + side * 4},34 {50 + side * 30},28 {50 + side * 44},18", 0.8)
    p.dot(50, 20, 3.2)


def _tree(p: Pen) -> None:
    p.fill("44,96^ 46,86 47,66 46,52 54,52 53,66 54,86 56,96^")
    p.tube("50,64 42,54 34,48", [2.6, 1.6])
    p.tube("50,60 60,50 66,44", [2.4, 1.4])
    for x, y, r in (
        (50, 24, 20),
        (32, 34, 16),
        (68, 34, 16),
        (24, 46, 11),
        (76, 46, 11),
        (40, 48, 13),
        (60, 48, 13),
        (38, 16, 12),
        (62, 16, 12),
    ):
        p.dot(x, y, r, detail=False)
    p.stroke("26,40 32,44 38,44", 1.0)
    p.stroke("62,28 68,30 72,28", 1.0)
    p.stroke("44,14 50,12 56,14", 1.0)


def _plant(p: Pen) -> None:  # an arum flower, like the titan arum
    p.tube("50,96 50,70 50,56", [2.4, 2.0])
    p.fill("50,82 40,74 26,68 14,66 20,74 32,80 48,84")
    p.fill("50,76 62,66 76,58 88,56 82,66 68,74 52,80")
    p.fill("50,62 36,52 28,36 30,18 38,28 46,30 50,30")
    p.fill("50,62 64,52 72,36 70,18 62,28 54,30 50,30")
    p.tube("50,52 50,26 50,4", [5.0, 4.5, 3.0])
    p.stroke("50,60 34,42 32,26", 1.0)
    p.stroke("50,60 66,42 68,26", 1.0)
    p.stroke("48,83 34,76 22,70", 0.8)
    p.stroke("52,79 66,70 82,60", 0.8)


def _paw(p: Pen) -> None:
    p.fill("50,48 62,52 72,64 72,76 62,82 50,80 38,82 28,76 28,64 38,52")
    for x, y, rx, ry, a in (
        (24, 40, 8, 10, -20),
        (40, 24, 8, 11, -8),
        (60, 24, 8, 11, 8),
        (76, 40, 8, 10, 20),
    ):
        p.ellipse(x, y, rx, ry, a)


Painter = Callable[["Pen"], None]

SHAPES: dict[str, tuple[Painter, tuple[float, float]]] = {
    "shark": (_shark, (100, 50)),
    "ray": (_ray, (100, 72)),
    "fish": (_fish, (100, 58)),
    "turtle": (_turtle, (100, 82)),
    "whale": (_whale, (100, 62)),
    "dolphin": (_dolphin, (100, 60)),
    "seal": (_seal, (100, 64)),
    "otter": (_otter, (100, 60)),
    "sea-cow": (_sea_cow, (100, 64)),
    "penguin": (_penguin, (70, 100)),
    "auk": (_auk, (80, 100)),
    "seabird": (_seabird, (100, 58)),
    "bird": (_bird, (100, 76)),
    "raptor": (_raptor, (84, 100)),
    "ibis": (_ibis, (100, 100)),
    "coral": (_coral, (92, 100)),
    "arthropod": (_arthropod, (100, 90)),
    "mollusc": (_mollusc, (100, 92)),
    "primate": (_primate, (100, 100)),
    "cat": (_cat, (100, 62)),
    "bear": (_bear, (100, 62)),
    "elephant": (_elephant, (100, 80)),
    "rhino": (_rhino, (100, 62)),
    "ungulate": (_ungulate, (100, 92)),
    "deer": (_deer, (100, 94)),
    "bovine": (_bovine, (100, 66)),
    "tapir": (_tapir, (100, 62)),
    "giraffid": (_giraffid, (100, 98)),
    "pangolin": (_pangolin, (100, 50)),
    "red-panda": (_red_panda, (100, 80)),
    "koala": (_koala, (100, 100)),
    "sloth": (_sloth, (100, 60)),
    "hedgehog": (_hedgehog, (100, 64)),
    "squirrel": (_squirrel, (100, 100)),
    "mammal": (_mammal, (100, 64)),
    "reptile": (_reptile, (100, 88)),
    "amphibian": (_amphibian, (100, 96)),
    "salamander": (_salamander, (100, 44)),
    "insect": (_insect, (100, 90)),
    "tree": (_tree, (100, 100)),
    "plant": (_plant, (100, 100)),
}
FALLBACK: tuple[Painter, tuple[float, float]] = (_paw, (100, 90))
