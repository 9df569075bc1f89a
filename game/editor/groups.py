"""A first guess at a species' card group from its taxonomy, for a new deck entry.

Only a guess: the editor is told where it came from. Where the taxonomy cannot decide (a plant
may be a tree or not) there is no guess.
"""

from __future__ import annotations

from collections.abc import Mapping

_RAYS = {"MYLIOBATIFORMES", "RAJIFORMES", "RHINOPRISTIFORMES", "TORPEDINIFORMES"}
_WHALES = {
    "BALAENIDAE",
    "BALAENOPTERIDAE",
    "ESCHRICHTIIDAE",
    "NEOBALAENIDAE",
    "PHYSETERIDAE",
    "KOGIIDAE",
    "ZIPHIIDAE",
    "MONODONTIDAE",
}
_DOLPHINS = {"DELPHINIDAE", "PHOCOENIDAE", "INIIDAE", "LIPOTIDAE", "PLATANISTIDAE", "PONTOPORIIDAE"}
_SEALS = {"PHOCIDAE", "OTARIIDAE", "ODOBENIDAE"}
_OTTERS = {"Enhydra", "Lutra", "Lontra", "Aonyx", "Pteronura", "Lutrogale", "Hydrictis"}
_SEABIRDS = {
    "PROCELLARIIFORMES",
    "LARIDAE",
    "SULIDAE",
    "FREGATIDAE",
    "PHAETHONTIDAE",
    "STERCORARIIDAE",
    "PHALACROCORACIDAE",
}
_FISH = {"ACTINOPTERYGII", "SARCOPTERYGII", "MYXINI", "CEPHALASPIDOMORPHI"}
# Eagles, hawks, kites, vultures and falcons, by order or by family (some checklists keep the
# harpy eagle in a family of its own); owls stay birds, the eagle drawing would not fit them.
_RAPTORS = {
    "ACCIPITRIFORMES",
    "FALCONIFORMES",
    "ACCIPITRIDAE",
    "HARPIIDAE",
    "PANDIONIDAE",
    "FALCONIDAE",
}
_SALAMANDERS = {"CAUDATA", "URODELA"}
# Bovidae are antelopes, goats and sheep (the hoofed-mammal drawing) except for the wild cattle.
_WILD_CATTLE = {"Bison", "Bos", "Bubalus", "Syncerus"}
_BY_FAMILY = {
    "FELIDAE": "cat",
    "URSIDAE": "bear",
    "RHINOCEROTIDAE": "rhino",
    "ELEPHANTIDAE": "elephant",
    "MANIDAE": "pangolin",
    "AILURIDAE": "red-panda",
    "PHASCOLARCTIDAE": "koala",
    "ERINACEIDAE": "hedgehog",
    "SCIURIDAE": "squirrel",
    "BRADYPODIDAE": "sloth",
    "CHOLOEPODIDAE": "sloth",
    "MEGALONYCHIDAE": "sloth",
    "CERVIDAE": "deer",
    "TAPIRIDAE": "tapir",
    "GIRAFFIDAE": "giraffid",
}


def guess_group(ranks: Mapping[str, str], genus: str) -> tuple[str | None, str]:
    """``(group, reason)``; the group is None when the taxonomy does not decide it."""
    klass = ranks.get("class", "").upper()
    order = ranks.get("order", "").upper()
    family = ranks.get("family", "").upper()
    phylum = ranks.get("phylum", "").upper()
    group = _animal_group(klass, order, family, phylum, genus)
    if group is None:
        return None, "not decided by the taxonomy"
    shown = " / ".join(r.capitalize() for r in (klass, order, family) if r)
    return group, f"guessed from the taxonomy ({shown or genus})"


def _animal_group(klass: str, order: str, family: str, phylum: str, genus: str) -> str | None:
    if klass == "CHONDRICHTHYES":
        if order in _RAYS:
            return "ray"
        return "fish" if order == "CHIMAERIFORMES" else "shark"
    if klass in _FISH:
        return "fish"
    if klass == "MAMMALIA":
        return _mammal(order, family, genus)
    if klass == "REPTILIA":
        return "turtle" if order == "TESTUDINES" else "reptile"
    if klass == "AMPHIBIA":
        return "salamander" if order in _SALAMANDERS else "amphibian"
    if klass == "AVES":
        if order == "SPHENISCIFORMES":
            return "penguin"
        if family == "ALCIDAE":
            return "auk"
        if order in _RAPTORS or family in _RAPTORS:
            return "raptor"
        if family == "THRESKIORNITHIDAE":
            return "ibis"
        return "seabird" if order in _SEABIRDS or family in _SEABIRDS else "bird"
    if klass == "ANTHOZOA":
        return "coral"
    if klass == "INSECTA":
        return "insect"
    if phylum == "ARTHROPODA":
        return "arthropod"
    if phylum == "MOLLUSCA":
        return "mollusc"
    return None


def _mammal(order: str, family: str, genus: str) -> str | None:
    if family in _BY_FAMILY:
        return _BY_FAMILY[family]
    if family == "BOVIDAE" and genus in _WILD_CATTLE:
        return "bovine"
    if family in _WHALES:
        return "whale"
    if family in _DOLPHINS:
        return "dolphin"
    if family in _SEALS:
        return "seal"
    if genus in _OTTERS:
        return "otter"
    if order == "PRIMATES":
        return "primate"
    if order == "SIRENIA":
        return "sea-cow"
    if order in ("PERISSODACTYLA", "CETARTIODACTYLA", "ARTIODACTYLA") and not family:
        return None  # whale, dolphin or hoofed mammal: the family decides
    if order in ("PERISSODACTYLA", "CETARTIODACTYLA", "ARTIODACTYLA"):
        return "ungulate"
    return "mammal" if order else None
