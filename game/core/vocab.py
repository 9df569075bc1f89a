"""Controlled vocabularies shared by the content models, the art and the badges.

Names are English, marked with ``N_`` for the translators' catalog and translated where they are
shown (``tr(CATEGORY_NAMES[code])``); ids are permanent slugs.
"""

from __future__ import annotations

from typing import Literal, get_args

from game.core.messages import N_, N_plural

# IUCN Red List categories, most threatened first, with the Red List's own colours.
CATEGORIES = ("EX", "EW", "CR", "EN", "VU", "NT", "LC", "DD", "NE")
CATEGORY_NAMES = {
    "EX": N_("Extinct"),
    "EW": N_("Extinct in the Wild"),
    "CR": N_("Critically Endangered"),
    "EN": N_("Endangered"),
    "VU": N_("Vulnerable"),
    "NT": N_("Near Threatened"),
    "LC": N_("Least Concern"),
    "DD": N_("Data Deficient"),
    "NE": N_("Not Evaluated"),
}
CATEGORY_COLOURS = {
    "EX": "#000000",
    "EW": "#542344",
    "CR": "#D81E05",
    "EN": "#FC7F3F",
    "VU": "#F9E814",
    "NT": "#CCE226",
    "LC": "#60C659",
    "DD": "#D1D1C6",
    "NE": "#FFFFFF",
}
TRENDS = ("increasing", "decreasing", "stable", "unknown")

GROUPS = {
    "shark": N_("Sharks"),
    "ray": N_("Rays"),
    "fish": N_("Fish"),
    "turtle": N_("Turtles"),
    "whale": N_("Whales"),
    "dolphin": N_("Dolphins & porpoises"),
    "seal": N_("Seals & sea lions"),
    "otter": N_("Otters"),
    "sea-cow": N_("Sea cows"),
    "penguin": N_("Penguins"),
    "auk": N_("Auks & puffins"),
    "seabird": N_("Seabirds"),
    "bird": N_("Birds"),
    "raptor": N_("Birds of prey"),
    "ibis": N_("Ibises & spoonbills"),
    "coral": N_("Corals"),
    "arthropod": N_("Arthropods"),
    "mollusc": N_("Molluscs"),
    "primate": N_("Primates"),
    "cat": N_("Wild cats"),
    "bear": N_("Bears"),
    "elephant": N_("Elephants"),
    "rhino": N_("Rhinos"),
    "ungulate": N_("Hoofed mammals"),
    "deer": N_("Deer"),
    "bovine": N_("Wild cattle & bison"),
    "tapir": N_("Tapirs"),
    "giraffid": N_("Giraffes & okapis"),
    "pangolin": N_("Pangolins"),
    "red-panda": N_("Red pandas"),
    "koala": N_("Koalas"),
    "sloth": N_("Sloths"),
    "hedgehog": N_("Hedgehogs"),
    "squirrel": N_("Squirrels"),
    "mammal": N_("Other mammals"),
    "reptile": N_("Reptiles"),
    "amphibian": N_("Amphibians"),
    "salamander": N_("Salamanders & newts"),
    "insect": N_("Insects"),
    "tree": N_("Trees"),
    "plant": N_("Plants"),
}

HABITATS = {
    "open-ocean": N_("open ocean"),
    "coral-reef": N_("coral reef"),
    "coastal-waters": N_("coastal waters"),
    "deep-sea": N_("deep sea"),
    "polar-seas": N_("polar seas"),
    "kelp-forest": N_("kelp forest"),
    "seagrass-meadow": N_("seagrass meadow"),
    "mangrove": N_("mangrove"),
    "estuary": N_("estuary"),
    "beach": N_("beach"),
    "rocky-shore": N_("rocky shore"),
    "river": N_("river"),
    "lake": N_("lake"),
    "wetland": N_("wetland"),
    "tropical-rainforest": N_("tropical rainforest"),
    "temperate-forest": N_("temperate forest"),
    "bamboo-forest": N_("bamboo forest"),
    "mountain-forest": N_("mountain forest"),
    "boreal-forest": N_("boreal forest"),
    "dry-forest": N_("dry forest"),
    "woodland": N_("woodland"),
    "grassland": N_("grassland"),
    "savanna": N_("savanna"),
    "desert": N_("desert"),
    "island": N_("island"),
    "cave": N_("cave"),
}

# The one copy of the action enums: game.core.models types Action with these Literals.
ActionCategory = Literal["transport", "waste", "food", "energy", "water", "shopping"]
ActionUnit = Literal["km", "trip", "item", "meal", "kg", "load", "shower", "day"]
ActionIcon = Literal[
    "walk",
    "bike",
    "bus",
    "train",
    "bag",
    "bottle",
    "cup",
    "leaf",
    "plate",
    "can",
    "paper",
    "shirt",
    "sun",
    "drop",
    "plug",
]
ACTION_CATEGORIES: tuple[str, ...] = get_args(ActionCategory)
ACTION_UNITS: tuple[str, ...] = get_args(ActionUnit)
ACTION_ICONS: tuple[str, ...] = get_args(ActionIcon)
# A unit after "per" ("170 g per km"), and an amount of it, with its plural ("3 meals").
UNIT_NAMES = {
    "km": N_("km"),
    "trip": N_("trip"),
    "item": N_("item"),
    "meal": N_("meal"),
    "kg": N_("kg"),
    "load": N_("load"),
    "shower": N_("shower"),
    "day": N_("day"),
}
UNIT_AMOUNTS = {
    "km": N_plural("{count} km", "{count} km"),
    "trip": N_plural("{count} trip", "{count} trips"),
    "item": N_plural("{count} item", "{count} items"),
    "meal": N_plural("{count} meal", "{count} meals"),
    "kg": N_plural("{count} kg", "{count} kg"),
    "load": N_plural("{count} load", "{count} loads"),
    "shower": N_plural("{count} shower", "{count} showers"),
    "day": N_plural("{count} day", "{count} days"),
}

# What each Red List category says about a species, in words a child can follow (after the
# IUCN Red List Categories and Criteria, version 3.1); the screens translate them with tr().
CATEGORY_MEANINGS = {
    "EX": N_("There are none left: the last one has died."),
    "EW": N_("It survives only in zoos, gardens or places people look after, not in the wild."),
    "CR": N_("It faces an extremely high risk of disappearing from the wild."),
    "EN": N_("It faces a very high risk of disappearing from the wild."),
    "VU": N_("It faces a high risk of disappearing from the wild."),
    "NT": N_("It is close to becoming threatened."),
    "LC": N_("It is not threatened today, but it still needs healthy places to live."),
    "DD": N_("Scientists do not yet know enough to say how much danger it is in."),
    "NE": N_("Its risk has not been assessed yet."),
}
