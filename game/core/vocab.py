"""Controlled vocabularies shared by the content models, the art and the badges."""

from __future__ import annotations

from typing import Literal, get_args

LANGS = ("en", "zh-Hans")

# IUCN Red List categories, most threatened first, with the Red List's own colours.
CATEGORIES = ("EX", "EW", "CR", "EN", "VU", "NT", "LC", "DD", "NE")
CATEGORY_NAMES = {
    "EX": {"en": "Extinct", "zh-Hans": "灭绝"},
    "EW": {"en": "Extinct in the Wild", "zh-Hans": "野外灭绝"},
    "CR": {"en": "Critically Endangered", "zh-Hans": "极危"},
    "EN": {"en": "Endangered", "zh-Hans": "濒危"},
    "VU": {"en": "Vulnerable", "zh-Hans": "易危"},
    "NT": {"en": "Near Threatened", "zh-Hans": "近危"},
    "LC": {"en": "Least Concern", "zh-Hans": "无危"},
    "DD": {"en": "Data Deficient", "zh-Hans": "数据缺乏"},
    "NE": {"en": "Not Evaluated", "zh-Hans": "未评估"},
}
CATEGORY_COLOURS = {
    "EX": "#000000", "EW": "#542344", "CR": "#D81E05", "EN": "#FC7F3F", "VU": "#F9E814",
    "NT": "#CCE226", "LC": "#60C659", "DD": "#D1D1C6", "NE": "#FFFFFF",
}
TRENDS = ("increasing", "decreasing", "stable", "unknown")

GROUPS = {
    "shark": {"en": "Sharks", "zh-Hans": "鲨鱼"},
    "ray": {"en": "Rays", "zh-Hans": "鳐与魟"},
    "fish": {"en": "Fish", "zh-Hans": "鱼类"},
    "turtle": {"en": "Turtles", "zh-Hans": "龟类"},
    "whale": {"en": "Whales", "zh-Hans": "鲸"},
    "dolphin": {"en": "Dolphins & porpoises", "zh-Hans": "海豚与鼠海豚"},
    "seal": {"en": "Seals & sea lions", "zh-Hans": "海豹与海狮"},
    "otter": {"en": "Otters", "zh-Hans": "水獭与海獭"},
    "sea-cow": {"en": "Sea cows", "zh-Hans": "海牛类"},
    "penguin": {"en": "Penguins", "zh-Hans": "企鹅"},
    "auk": {"en": "Auks & puffins", "zh-Hans": "海雀与海鹦"},
    "seabird": {"en": "Seabirds", "zh-Hans": "海鸟"},
    "bird": {"en": "Birds", "zh-Hans": "鸟类"},
    "raptor": {"en": "Birds of prey", "zh-Hans": "猛禽"},
    "ibis": {"en": "Ibises & spoonbills", "zh-Hans": "鹮与琵鹭"},
    "coral": {"en": "Corals", "zh-Hans": "珊瑚"},
    "arthropod": {"en": "Arthropods", "zh-Hans": "节肢动物"},
    "mollusc": {"en": "Molluscs", "zh-Hans": "软体动物"},
    "primate": {"en": "Primates", "zh-Hans": "灵长类"},
    "cat": {"en": "Wild cats", "zh-Hans": "野生猫科"},
    "bear": {"en": "Bears", "zh-Hans": "熊"},
    "elephant": {"en": "Elephants", "zh-Hans": "象"},
    "rhino": {"en": "Rhinos", "zh-Hans": "犀牛"},
    "ungulate": {"en": "Hoofed mammals", "zh-Hans": "有蹄类"},
    "deer": {"en": "Deer", "zh-Hans": "鹿"},
    "bovine": {"en": "Wild cattle & bison", "zh-Hans": "野牛"},
    "tapir": {"en": "Tapirs", "zh-Hans": "貘"},
    "giraffid": {"en": "Giraffes & okapis", "zh-Hans": "长颈鹿与霍加狓"},
    "pangolin": {"en": "Pangolins", "zh-Hans": "穿山甲"},
    "red-panda": {"en": "Red pandas", "zh-Hans": "小熊猫"},
    "koala": {"en": "Koalas", "zh-Hans": "考拉"},
    "sloth": {"en": "Sloths", "zh-Hans": "树懒"},
    "hedgehog": {"en": "Hedgehogs", "zh-Hans": "刺猬"},
    "squirrel": {"en": "Squirrels", "zh-Hans": "松鼠"},
    "mammal": {"en": "Other mammals", "zh-Hans": "其他哺乳动物"},
    "reptile": {"en": "Reptiles", "zh-Hans": "爬行动物"},
    "amphibian": {"en": "Amphibians", "zh-Hans": "两栖动物"},
    "salamander": {"en": "Salamanders & newts", "zh-Hans": "蝾螈与鲵"},
    "insect": {"en": "Insects", "zh-Hans": "昆虫"},
    "tree": {"en": "Trees", "zh-Hans": "树木"},
    "plant": {"en": "Plants", "zh-Hans": "植物"},
}

HABITATS = {
    "open-ocean": {"en": "open ocean", "zh-Hans": "远洋"},
    "coral-reef": {"en": "coral reef", "zh-Hans": "珊瑚礁"},
    "coastal-waters": {"en": "coastal waters", "zh-Hans": "近海"},
    "deep-sea": {"en": "deep sea", "zh-Hans": "深海"},
    "polar-seas": {"en": "polar seas", "zh-Hans": "极地海洋"},
    "kelp-forest": {"en": "kelp forest", "zh-Hans": "海藻林"},
    "seagrass-meadow": {"en": "seagrass meadow", "zh-Hans": "海草床"},
    "mangrove": {"en": "mangrove", "zh-Hans": "红树林"},
    "estuary": {"en": "estuary", "zh-Hans": "河口"},
    "beach": {"en": "beach", "zh-Hans": "沙滩"},
    "rocky-shore": {"en": "rocky shore", "zh-Hans": "岩岸"},
    "river": {"en": "river", "zh-Hans": "河流"},
    "lake": {"en": "lake", "zh-Hans": "湖泊"},
    "wetland": {"en": "wetland", "zh-Hans": "湿地"},
    "tropical-rainforest": {"en": "tropical rainforest", "zh-Hans": "热带雨林"},
    "temperate-forest": {"en": "temperate forest", "zh-Hans": "温带森林"},
    "bamboo-forest": {"en": "bamboo forest", "zh-Hans": "竹林"},
    "mountain-forest": {"en": "mountain forest", "zh-Hans": "山地森林"},
    "boreal-forest": {"en": "boreal forest", "zh-Hans": "北方针叶林"},
    "dry-forest": {"en": "dry forest", "zh-Hans": "干旱森林"},
    "woodland": {"en": "woodland", "zh-Hans": "林地"},
    "grassland": {"en": "grassland", "zh-Hans": "草原"},
    "savanna": {"en": "savanna", "zh-Hans": "稀树草原"},
    "desert": {"en": "desert", "zh-Hans": "荒漠"},
    "island": {"en": "island", "zh-Hans": "海岛"},
    "cave": {"en": "cave", "zh-Hans": "洞穴"},
}

# The one copy of the action enums: game.core.models types Action with these Literals.
ActionCategory = Literal["transport", "waste", "food", "energy", "water", "shopping"]
ActionUnit = Literal["km", "trip", "item", "meal", "kg", "load", "shower", "day"]
ActionIcon = Literal[
    "walk", "bike", "bus", "train", "bag", "bottle", "cup", "leaf", "plate", "can", "paper",
    "shirt", "sun", "drop", "plug",
]
ACTION_CATEGORIES: tuple[str, ...] = get_args(ActionCategory)
ACTION_UNITS: tuple[str, ...] = get_args(ActionUnit)
ACTION_ICONS: tuple[str, ...] = get_args(ActionIcon)

# What each Red List category says about a species, in words a child can follow (after the
# IUCN Red List Categories and Criteria, version 3.1); the screens translate them with t().
CATEGORY_MEANINGS = {
    "EX": "There are none left: the last one has died.",
    "EW": "It survives only in zoos, gardens or places people look after, not in the wild.",
    "CR": "It faces an extremely high risk of disappearing from the wild.",
    "EN": "It faces a very high risk of disappearing from the wild.",
    "VU": "It faces a high risk of disappearing from the wild.",
    "NT": "It is close to becoming threatened.",
    "LC": "It is not threatened today, but it still needs healthy places to live.",
    "DD": "Scientists do not yet know enough to say how much danger it is in.",
    "NE": "Its risk has not been assessed yet.",
}
