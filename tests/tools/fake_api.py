"""A local stand-in for the IUCN Red List API v4 and the GBIF species API.

A real HTTP server on 127.0.0.1 (random port) answering in the shapes that
``shared/IUCN_API.md`` records: the 2024 generation (no ``red_list_category_code`` on look-up
items, common-name language as an object) and the 2025 one, plus the failures the tools must
survive. Special genus names trigger the failures.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "tok-3f9a61c2-secret"  # a test asserts this never shows up in any output
SLOW_SECONDS = 1.5
RED_LIST_VERSION = "2025-2"
GLOBAL = [{"description": {"en": "Global"}, "code": "1"}]
EUROPE = [{"description": {"en": "Europe"}, "code": "2"}]


def _url(sis: int, aid: int) -> str:
    return f"https://www.iucnredlist.org/species/{sis}/{aid}"


def _item(
    sis: int,
    aid: int,
    year: str,
    *,
    latest: bool,
    scopes: list[Any] = GLOBAL,
    category: str | None = None,
    name: str = "",
) -> dict[str, Any]:
    """One entry of a look-up's ``assessments``; ``category`` only in the 2025 shape."""
    item: dict[str, Any] = {
        "year_published": year,
        "latest": latest,
        "sis_taxon_id": sis,
        "assessment_id": aid,
        "url": _url(sis, aid),
        "scopes": scopes,
    }
    if category is not None:
        item.update(
            {
                "red_list_category_code": category,
                "taxon_scientific_name": name,
                "possibly_extinct": False,
                "possibly_extinct_in_the_wild": False,
            }
        )
    return item


_TRENDS = {"increasing": "0", "decreasing": "1", "stable": "2", "unknown": "3"}
_CATEGORY_NAMES = {
    "EN": "Endangered",
    "CR": "Critically Endangered",
    "VU": "Vulnerable",
    "LC": "Least Concern",
    "EX": "Extinct",
    "LR/lc": "Lower Risk/least concern",
    "NT": "Near Threatened",
}


def _assessment(
    sis: int, aid: int, year: str, category: str, trend: str | None, criteria: str | None, name: str
) -> dict[str, Any]:
    return {
        "assessment_id": aid,
        "sis_taxon_id": sis,
        "year_published": year,
        "url": _url(sis, aid),
        "criteria": criteria,
        "citation": f"Someone, A. {year}. {name}. The IUCN Red List of Threatened Species "
        f"{year}: e.T{sis}A{aid}. https://dx.doi.org/10.2305/IUCN.UK.{year}.en",
        "red_list_category": {
            "version": "2.3" if "/" in category else "3.1",
            "description": {"en": _CATEGORY_NAMES.get(category, category)},
            "code": category,
        },
        "population_trend": None
        if trend is None
        else {"description": {"en": trend.capitalize()}, "code": _TRENDS[trend]},
        "taxon": {"sis_id": sis, "scientific_name": name},
    }


def _taxon(
    sis: int,
    name: str,
    common: list[tuple[str, str, bool]],
    *,
    shape: int,
    ranks: dict[str, str] | None = None,
) -> dict[str, Any]:
    genus, species = name.split()[:2]
    names = [
        {
            "main": main,
            "name": text,
            "language": {"code": lang, "description": {"en": lang}} if shape == 2024 else lang,
        }
        for text, lang, main in common
    ]
    return {
        "sis_id": sis,
        "scientific_name": name,
        "kingdom_name": "ANIMALIA",
        **(ranks or {}),
        "genus_name": genus,
        "species_name": species,
        "authority": "Test, 2000",
        "common_names": names,
    }


@dataclass
class FakeApi:
    """What the server knows; tests may change it before the tool runs."""

    port: int = 0
    taxa: dict[str, dict[str, Any]] = field(default_factory=dict)
    assessments: dict[int, dict[str, Any]] = field(default_factory=dict)
    matches: dict[str, dict[str, Any]] = field(default_factory=dict)
    species: dict[int, dict[str, Any]] = field(default_factory=dict)
    vernacular: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    sent: Counter[str] = field(default_factory=Counter)  # body bytes a hostile answer got out
    # Genus name -> how to answer a look-up of it (see hostile_api.py).
    special: dict[str, Callable[[Any, str], None]] = field(default_factory=dict)

    @property
    def iucn_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v4"

    @property
    def gbif_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def add(
        self,
        name: str,
        sis: int,
        items: list[dict[str, Any]],
        details: list[dict[str, Any]],
        common: Sequence[tuple[str, str, bool]] = (),
        *,
        shape: int = 2025,
        ranks: dict[str, str] | None = None,
    ) -> None:
        genus, species = name.split()[:2]
        self.taxa[f"{genus} {species}"] = {
            "taxon": _taxon(sis, name, list(common), shape=shape, ranks=ranks),
            "assessments": items,
            "params": {"genus_name": genus, "species_name": species},
        }
        for detail in details:
            self.assessments[detail["assessment_id"]] = detail

    def paths(self, prefix: str = "") -> list[str]:
        return [p for p, _ in self.requests if p.startswith(prefix)]


def standard_api() -> FakeApi:
    """Answers for the species of ``tests/fixtures/mini`` and a few more."""
    api = FakeApi()
    shark = "Rhincodon typus"
    api.add(
        shark,
        19488,  # 2025 shape, matches the mini deck
        [
            _item(19488, 2365291, "2016", latest=True, category="EN", name=shark),
            _item(19488, 9827, "2005", latest=False, category="VU", name=shark),
        ],
        [_assessment(19488, 2365291, "2016", "EN", "decreasing", "A2bd+4bd", shark)],
        [("Whale Shark", "eng", True), ("Requin baleine", "fre", False)],
        ranks={"class_name": "CHONDRICHTHYES", "order_name": "ORECTOLOBIFORMES"},
    )
    vaquita = "Phocoena sinus"
    api.add(
        vaquita,
        17028,  # 2024 shape: the category only comes with the full assessment
        [_item(17028, 50370296, "2017", latest=True)],
        [_assessment(17028, 50370296, "2017", "CR", "decreasing", "A3d", vaquita)],
        [("Vaquita", "eng", True)],
        shape=2024,
    )
    turtle = "Chelonia mydas"
    api.add(
        turtle,
        4615,  # a Europe and a Global assessment, both "latest"
        [
            _item(4615, 999001, "2024", latest=True, scopes=EUROPE, category="EN", name=turtle),
            _item(4615, 283569, "2025", latest=True, category="LC", name=turtle),
            _item(4615, 11037468, "2004", latest=False, category="EN", name=turtle),
        ],
        [
            _assessment(4615, 999001, "2024", "EN", "decreasing", "A2bd", turtle),
            _assessment(4615, 283569, "2025", "LC", "increasing", None, turtle),
        ],
        [("Green Turtle", "eng", True)],
    )
    panda = "Ailuropoda melanoleuca"
    api.add(
        panda,
        712,
        [_item(712, 121745669, "2016", latest=True, category="VU", name=panda)],
        [_assessment(712, 121745669, "2016", "VU", "increasing", "C2a(i)", panda)],
    )
    tiger = "Panthera tigris"
    api.add(
        tiger,
        15955,
        [_item(15955, 214862019, "2022", latest=True, category="EN", name=tiger)],
        [_assessment(15955, 214862019, "2022", "EN", "increasing", "A2abcd", tiger)],
    )
    pigeon = "Ectopistes migratorius"
    api.add(
        pigeon,
        22690733,
        [_item(22690733, 152593137, "2019", latest=True, category="EX", name=pigeon)],
        [_assessment(22690733, 152593137, "2019", "EX", None, None, pigeon)],
    )
    old = "Oldia leastconcern"
    api.add(
        old,
        555,
        [_item(555, 5550, "1996", latest=True)],  # an old v2.3 category
        [_assessment(555, 5550, "1996", "LR/lc", "unknown", None, old)],
        shape=2024,
    )
    hawksbill = "Eretmochelys imbricata"
    api.add(
        hawksbill,
        8005,
        [_item(8005, 12306, "2008", latest=True)],
        [_assessment(8005, 12306, "2008", "CR", "decreasing", "A2bd", hawksbill)],
        [("Hawksbill Turtle", "eng", True), ("Carey", "spa", False)],
        shape=2024,
        ranks={"class_name": "REPTILIA", "order_name": "TESTUDINES"},
    )
    europe_only = "Regionalis europaea"
    api.add(
        europe_only,
        777,
        [_item(777, 7770, "2015", latest=True, scopes=EUROPE, category="VU", name=europe_only)],
        [],
    )

    api.matches.update(
        {
            shark: {
                "usageKey": 2417522,
                "scientificName": "Rhincodon typus (Smith, 1828)",
                "canonicalName": shark,
                "rank": "SPECIES",
                "status": "ACCEPTED",
                "confidence": 99,
                "matchType": "EXACT",
                "kingdom": "Animalia",
                "synonym": False,
            },
            "Rhincodon typos": {
                "usageKey": 2417522,
                "scientificName": "Rhincodon typus",
                "canonicalName": shark,
                "rank": "SPECIES",
                "status": "ACCEPTED",
                "confidence": 94,
                "matchType": "FUZZY",
                "synonym": False,
            },
            "Balaena glacialis": {
                "usageKey": 7190978,
                "scientificName": "Balaena glacialis Müller",
                "canonicalName": "Balaena glacialis",
                "rank": "SPECIES",
                "status": "SYNONYM",
                "confidence": 98,
                "matchType": "EXACT",
                "synonym": True,
                "acceptedUsageKey": 2440719,
            },
            hawksbill: {
                "usageKey": 2340564,
                "canonicalName": hawksbill,
                "rank": "SPECIES",
                "status": "ACCEPTED",
                "confidence": 99,
                "matchType": "EXACT",
                "synonym": False,
            },
        }
    )
    for name, answer in api.taxa.items():  # every known species is an exact GBIF match
        api.matches.setdefault(
            name,
            {
                "usageKey": 9_000_000 + answer["taxon"]["sis_id"],
                "canonicalName": name,
                "rank": "SPECIES",
                "status": "ACCEPTED",
                "confidence": 99,
                "matchType": "EXACT",
                "synonym": False,
            },
        )
    api.species[2440719] = {
        "key": 2440719,
        "canonicalName": "Eubalaena glacialis",
        "scientificName": "Eubalaena glacialis (Müller, 1776)",
    }
    api.vernacular[2417522] = [
        {"vernacularName": "Whale Shark", "language": "eng", "source": "a"},
        {"vernacularName": "whale shark", "language": "eng", "source": "b"},
        {"vernacularName": "Requin-baleine", "language": "fra", "source": "c"},
        {"vernacularName": "鲸鲨", "language": "zho", "source": "d"},
        {"vernacularName": "", "language": "", "source": "e"},
        {"vernacularName": "鲸鲨", "language": "zho", "source": "f"},
        {"vernacularName": "鯨鯊", "language": "zho", "source": "g"},
    ]
    api.vernacular[2340564] = [
        {"vernacularName": "Hawksbill Sea Turtle", "language": "eng"},
        {"vernacularName": "玳瑁", "language": "zho"},
    ]
    return api


class _Handler(BaseHTTPRequestHandler):
    api: FakeApi

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, content_type: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        with contextlib.suppress(OSError):  # the client may have given up (timeout test)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.api.requests.append((self.path, dict(self.headers.items())))
        if parts.path.startswith("/api/v4/"):
            self._iucn(parts.path.removeprefix("/api/v4"), query)
        elif parts.path.startswith("/v1/"):
            self._gbif(parts.path.removeprefix("/v1"), query)
        else:
            self._not_a_route()

    def _not_a_route(self) -> None:
        self._send(
            404,
            b"<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>",
            "text/html; charset=utf-8",
        )

    def _iucn(self, path: str, query: dict[str, str]) -> None:
        if self.headers.get("Authorization") not in (TOKEN, f"Bearer {TOKEN}"):
            self._send(401, {"error": "Unauthorized"})
            return
        if path == "/information/red_list_version":
            self._send(200, {"red_list_version": RED_LIST_VERSION})
        elif path == "/taxa/scientific_name":
            self._lookup(query.get("genus_name", ""), query.get("species_name", ""))
        elif path.startswith("/assessment/") and path.rsplit("/", 1)[-1].isdigit():
            found = self.api.assessments.get(int(path.rsplit("/", 1)[-1]))
            self._send(200, found) if found else self._send(404, {"error": "Not found"})
        else:
            self._not_a_route()

    def _lookup(self, genus: str, species: str) -> None:
        name = f"{genus} {species}"
        self.api.hits[name] += 1
        if genus == "Servererror":
            self._send(500, b"<html>Internal Server Error</html>", "text/html")
        elif genus == "Ratelimited" and self.api.hits[name] == 1:
            self._send(429, {"error": "Too Many Requests"})
        elif genus == "Ratelimited":
            self._send(200, self.api.taxa["Rhincodon typus"])
        elif genus == "Slowanswer":
            time.sleep(SLOW_SECONDS)
            self._send(200, self.api.taxa["Rhincodon typus"])
        elif genus == "Malformed":
            self._send(200, b'{"taxon": {"sis_id": 1, ', "application/json")
        elif genus in self.api.special:
            self.api.special[genus](self, name)
        elif name in self.api.taxa:
            self._send(200, self.api.taxa[name])
        else:
            self._send(404, {"error": "Not found"})

    def _gbif(self, path: str, query: dict[str, str]) -> None:
        segments = path.strip("/").split("/")
        if path == "/species/match":
            self._send(
                200,
                self.api.matches.get(
                    query.get("name", ""),
                    {"confidence": 100, "matchType": "NONE", "synonym": False},
                ),
            )
        elif len(segments) == 3 and segments[2] == "vernacularNames" and segments[1].isdigit():
            names = self.api.vernacular.get(int(segments[1]), [])
            offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 20)), 3)
            page = names[offset : offset + limit]
            self._send(
                200,
                {
                    "offset": offset,
                    "limit": limit,
                    "results": page,
                    "endOfRecords": offset + limit >= len(names),
                },
            )
        elif len(segments) == 2 and segments[1].isdigit() and int(segments[1]) in self.api.species:
            self._send(200, self.api.species[int(segments[1])])
        else:
            self._send(404, {"error": "Not found"})


@contextlib.contextmanager
def serve(api: FakeApi) -> Iterator[FakeApi]:
    handler = type("Handler", (_Handler,), {"api": api})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    api.port = server.server_address[1]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"

SPECIES_TEMPLATE = """\
  - id: {id}
    edition: ocean
    name: {name}
    scientific_name: {scientific}
    group: shark
    iucn: {{category: EN, year: 2016, trend: decreasing, url: "https://www.iucnredlist.org/"}}
    facts: {{en: [A test fact.], zh-Hans: [一个测试事实。]}}
"""


def write_deck(
    folder: Path,
    species: list[tuple[str, str]],
    *,
    name: str = "{en: Test Species, zh-Hans: 测试物种}",
) -> Path:
    """A data folder with one edition and the given (id, scientific name) species."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MINI / "actions.yaml", folder / "actions.yaml")
    entries = "".join(SPECIES_TEMPLATE.format(id=i, scientific=s, name=name) for i, s in species)
    (folder / "species.yaml").write_text(
        "editions:\n  - id: ocean\n    title: {en: Ocean, zh-Hans: 海洋}\n    reveal_cost: 60\n"
        f"species:\n{entries}",
        encoding="utf-8",
    )
    return folder


def copy_mini(folder: Path) -> Path:
    shutil.copytree(MINI, folder)
    return folder


def run_tool(
    main: Any,
    args: list[str],
    api: FakeApi | None,
    *,
    token: str | None = TOKEN,
    extra_env: dict[str, str] | None = None,
) -> tuple[int, str, str]:
    """Run a tool's ``main`` in-process against ``api``: (exit code, stdout, stderr).

    Fast network settings come first, so that options in ``args`` override them."""
    import io

    out, err = io.StringIO(), io.StringIO()
    network = ["--delay", "0", "--backoff", "0", "--timeout", "5"]
    if api is not None:
        network += ["--api-base", api.iucn_base, "--gbif-base", api.gbif_base]
    environ = {"IUCN_API_TOKEN": token} if token is not None else {}
    environ.update(extra_env or {})
    code = main([*network, *args], stdout=out, stderr=err, environ=environ)
    return code, out.getvalue(), err.getvalue()
