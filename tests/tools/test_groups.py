"""The card group guessed from a species' taxonomy, for new deck entries."""

from __future__ import annotations

import pytest

from game.core.vocab import GROUPS
from game.editor.groups import guess_group


@pytest.mark.parametrize(
    ("ranks", "genus", "group"),
    [
        (
            {"class": "AVES", "order": "SPHENISCIFORMES", "family": "SPHENISCIDAE"},
            "Spheniscus",
            "penguin",
        ),
        ({"class": "AVES", "order": "CHARADRIIFORMES", "family": "ALCIDAE"}, "Fratercula", "auk"),
        (
            {"class": "AVES", "order": "PROCELLARIIFORMES", "family": "DIOMEDEIDAE"},
            "Diomedea",
            "seabird",
        ),
        (
            {"class": "AVES", "order": "ACCIPITRIFORMES", "family": "ACCIPITRIDAE"},
            "Harpia",
            "raptor",
        ),
        ({"class": "AVES", "order": "ACCIPITRIFORMES", "family": "HARPIIDAE"}, "Harpia", "raptor"),
        (
            {"class": "AVES", "order": "ACCIPITRIFORMES", "family": "ACCIPITRIDAE"},
            "Pithecophaga",
            "raptor",
        ),
        ({"class": "AVES", "order": "FALCONIFORMES", "family": "FALCONIDAE"}, "Falco", "raptor"),
        ({"class": "AVES", "order": "STRIGIFORMES", "family": "STRIGIDAE"}, "Bubo", "bird"),
        (
            {"class": "AVES", "order": "PELECANIFORMES", "family": "THRESKIORNITHIDAE"},
            "Nipponia",
            "ibis",
        ),
        ({"class": "AVES", "order": "PELECANIFORMES", "family": "ARDEIDAE"}, "Ardea", "bird"),
        ({"class": "AVES", "order": "PICIFORMES", "family": "PICIDAE"}, "Dendrocopos", "bird"),
        ({"class": "MAMMALIA", "order": "ARTIODACTYLA", "family": "CERVIDAE"}, "Alces", "deer"),
        ({"class": "MAMMALIA", "order": "ARTIODACTYLA", "family": "BOVIDAE"}, "Bison", "bovine"),
        ({"class": "MAMMALIA", "order": "ARTIODACTYLA", "family": "BOVIDAE"}, "Bos", "bovine"),
        ({"class": "MAMMALIA", "order": "ARTIODACTYLA", "family": "BOVIDAE"}, "Saiga", "ungulate"),
        (
            {"class": "MAMMALIA", "order": "PERISSODACTYLA", "family": "TAPIRIDAE"},
            "Tapirus",
            "tapir",
        ),
        (
            {"class": "MAMMALIA", "order": "ARTIODACTYLA", "family": "GIRAFFIDAE"},
            "Okapia",
            "giraffid",
        ),
        (
            {"class": "MAMMALIA", "order": "PERISSODACTYLA", "family": "EQUIDAE"},
            "Equus",
            "ungulate",
        ),
        (
            {"class": "AMPHIBIA", "order": "CAUDATA", "family": "CRYPTOBRANCHIDAE"},
            "Andrias",
            "salamander",
        ),
        (
            {"class": "AMPHIBIA", "order": "URODELA", "family": "SALAMANDRIDAE"},
            "Triturus",
            "salamander",
        ),
        ({"class": "AMPHIBIA", "order": "ANURA", "family": "BUFONIDAE"}, "Incilius", "amphibian"),
        ({"class": "MAMMALIA", "order": "SIRENIA", "family": "DUGONGIDAE"}, "Dugong", "sea-cow"),
        ({"class": "MAMMALIA", "order": "PILOSA", "family": "BRADYPODIDAE"}, "Bradypus", "sloth"),
        (
            {"class": "MAMMALIA", "order": "CARNIVORA", "family": "AILURIDAE"},
            "Ailurus",
            "red-panda",
        ),
        ({"class": "MAMMALIA", "order": "RODENTIA", "family": "SCIURIDAE"}, "Sciurus", "squirrel"),
        ({"class": "MAMMALIA", "order": "CARNIVORA", "family": "FELIDAE"}, "Panthera", "cat"),
        (
            {"class": "MAMMALIA", "order": "CETARTIODACTYLA", "family": "DELPHINIDAE"},
            "Orcinus",
            "dolphin",
        ),
        (
            {"class": "MAMMALIA", "order": "CHIROPTERA", "family": "PTEROPODIDAE"},
            "Pteropus",
            "mammal",
        ),
        ({"class": "CHONDRICHTHYES", "order": "ORECTOLOBIFORMES"}, "Rhincodon", "shark"),
    ],
)
def test_guesses(ranks: dict[str, str], genus: str, group: str) -> None:
    guessed, reason = guess_group(ranks, genus)
    assert guessed == group and guessed in GROUPS
    assert "taxonomy" in reason


def test_plants_are_left_to_the_editor() -> None:
    assert guess_group({"kingdom": "PLANTAE", "class": "MAGNOLIOPSIDA"}, "Metasequoia")[0] is None
