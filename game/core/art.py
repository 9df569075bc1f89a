"""Which picture a card shows: the species' own art, or the generic picture of its group.

Art is data: SVG (or PNG) files under ``assets/``, named by each species' ``art:`` field. A
species without art, or whose file is missing at run time, shows the generic picture of its
group from ``assets/art/groups/``. Plain Python: the validator uses it without pygame.
"""

from __future__ import annotations

ART_SUFFIXES = (".svg", ".png")
GROUP_ART_DIR = "art/groups"
FALLBACK_ART = "fallback"

# Every group in vocab.GROUPS, to the generic picture that stands for it. Several groups share a
# picture: it says "a bird" or "a hoofed mammal", not which one.
GROUP_ART: dict[str, str] = {
    "shark": "shark",
    "ray": "ray",
    "fish": "fish",
    "turtle": "turtle",
    "whale": "whale",
    "dolphin": "dolphin",
    "seal": "seal",
    "otter": "mammal",
    "sea-cow": "seal",
    "penguin": "penguin",
    "auk": "bird",
    "seabird": "bird",
    "bird": "bird",
    "raptor": "raptor",
    "ibis": "bird",
    "coral": "coral",
    "arthropod": "insect",
    "mollusc": "mollusc",
    "primate": "primate",
    "cat": "cat",
    "bear": "bear",
    "elephant": "elephant",
    "rhino": "hoofed",
    "ungulate": "hoofed",
    "deer": "hoofed",
    "bovine": "hoofed",
    "tapir": "hoofed",
    "giraffid": "hoofed",
    "pangolin": "mammal",
    "red-panda": "mammal",
    "koala": "mammal",
    "sloth": "mammal",
    "hedgehog": "mammal",
    "squirrel": "mammal",
    "mammal": "mammal",
    "reptile": "reptile",
    "amphibian": "amphibian",
    "salamander": "amphibian",
    "insect": "insect",
    "tree": "tree",
    "plant": "plant",
}


def group_art(group: str) -> str:
    """The generic picture of ``group`` (the neutral fallback for an unknown group), as a path
    relative to ``assets/``."""
    return f"{GROUP_ART_DIR}/{GROUP_ART.get(group, FALLBACK_ART)}.svg"


def fallback_art() -> str:
    return f"{GROUP_ART_DIR}/{FALLBACK_ART}.svg"


def species_art(species_id: str) -> str:
    """Where a species' own picture goes by convention (its ``art:`` line names it)."""
    return f"art/{species_id}.svg"
