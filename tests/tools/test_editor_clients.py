"""The IUCN and GBIF clients against a real local HTTP server (the real requests stack)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import game
from game.editor.gbif import GbifClient
from game.editor.iucn import IucnClient, SpeciesProblem, UnknownName
from game.editor.net import BadAnswer, JsonClient, Refused, Unauthorized, Unreachable
from game.editor.session import MAX_WAIT, make_session, retry_policy
from tests.tools.fake_api import TOKEN, FakeApi, serve, standard_api


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def iucn(
    api: FakeApi,
    *,
    token: str = TOKEN,
    base: str | None = None,
    cache: Path | None = None,
    **options: object,
) -> IucnClient:
    settings: dict[str, object] = {"timeout": 5.0}
    settings.update(options)
    session = make_session("test_tool", retries=3, backoff=0.0, cache=cache)
    client = JsonClient(
        session,
        base or api.iucn_base,
        service="IUCN Red List API",
        base_option="--api-base",
        headers={"Authorization": token},
        **settings,
    )  # type: ignore[arg-type]
    return IucnClient(client)


def gbif(api: FakeApi, **options: object) -> GbifClient:
    return GbifClient(
        JsonClient(
            make_session("test_tool"),
            api.gbif_base,
            service="GBIF species API",
            base_option="--gbif-base",
            **options,
        )
    )  # type: ignore[arg-type]


def test_2025_answer_takes_the_category_from_the_lookup(api: FakeApi) -> None:
    found = iucn(api).lookup("Rhincodon typus")
    status = found.status
    assert (status.category, status.year, status.trend, status.criteria) == (
        "EN",
        2016,
        "decreasing",
        "A2bd+4bd",
    )
    assert status.url == "https://www.iucnredlist.org/species/19488/2365291"
    assert found.taxon.common_name("eng") == "Whale Shark"


def test_2024_answer_takes_the_category_from_the_full_assessment(api: FakeApi) -> None:
    found = iucn(api).lookup("Phocoena sinus")
    assert found.status.category == "CR"
    assert found.status.year == 2017
    assert "/api/v4/assessment/50370296" in api.paths()
    assert found.taxon.common_name("eng") == "Vaquita"  # language given as an object


def test_latest_global_wins_over_a_latest_regional_assessment(api: FakeApi) -> None:
    status = iucn(api).lookup("Chelonia mydas").status
    assert (status.category, status.year, status.assessment_id) == ("LC", 2025, 283569)


def test_old_v23_category_is_mapped_with_a_note(api: FakeApi) -> None:
    status = iucn(api).lookup("Oldia leastconcern").status
    assert status.category == "LC"
    assert status.red_list_category == "LR/lc"
    assert any("LR/lc" in note for note in status.notes)


def test_species_with_only_regional_assessments_is_a_species_problem(api: FakeApi) -> None:
    with pytest.raises(SpeciesProblem, match=r"only regional.*Europe"):
        iucn(api).lookup("Regionalis europaea")


def test_unknown_name_is_a_json_404(api: FakeApi) -> None:
    with pytest.raises(UnknownName, match="does not know 'Rhincodon typos'"):
        iucn(api).lookup("Rhincodon typos")


def test_wrong_token_is_unauthorized(api: FakeApi) -> None:
    with pytest.raises(Unauthorized, match="401"):
        iucn(api, token="not-the-token").version()


def test_404_web_page_names_the_base_option(api: FakeApi) -> None:
    with pytest.raises(Refused, match=r"not an API address.*--api-base"):
        iucn(api, base=f"http://127.0.0.1:{api.port}/api/v3").version()


def test_rate_limited_answer_is_retried_then_succeeds(api: FakeApi) -> None:
    status = iucn(api).lookup("Ratelimited once").status
    assert status.category == "EN"
    assert api.hits["Ratelimited once"] == 2


def test_server_errors_are_retried_a_bounded_number_of_times(api: FakeApi) -> None:
    with pytest.raises(Unreachable, match="server error 500 after 4 attempts"):
        iucn(api).lookup("Servererror always")
    assert api.hits["Servererror always"] == 4


def test_retry_waits_never_exceed_the_bound() -> None:
    policy = retry_policy(retries=10, backoff=5.0)
    for _ in range(9):
        policy = policy.increment("GET", "/x", error=None, _pool=None, _stacktrace=None)
    assert policy.get_backoff_time() == MAX_WAIT
    assert policy.parse_retry_after("3600") == MAX_WAIT
    assert policy.parse_retry_after("2") == 2


@pytest.mark.parametrize("header", ["\u00b2", "2016\u00b2", "1e9", "-5", "soon"])
def test_a_retry_after_that_is_not_a_number_or_a_date_falls_back_to_the_backoff(
    header: str,
) -> None:
    assert retry_policy(retries=3, backoff=1.0).parse_retry_after(header) == 0


def test_client_errors_are_not_retried(api: FakeApi) -> None:
    with pytest.raises(Unauthorized):
        iucn(api, token="wrong").lookup("Rhincodon typus")
    assert len(api.paths("/api/v4/taxa")) == 1


def test_slow_answer_times_out_with_a_clear_message(api: FakeApi) -> None:
    with pytest.raises(Unreachable, match=r"no answer within 0.2 s"):
        iucn(api, timeout=0.2).lookup("Slowanswer later")


def test_malformed_json_is_a_bad_answer(api: FakeApi) -> None:
    with pytest.raises(BadAnswer, match="not valid JSON"):
        iucn(api).lookup("Malformed answer")


def test_connection_refused_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = iucn(FakeApi(port=port), base=f"http://127.0.0.1:{port}/api/v4")
    with pytest.raises(Unreachable, match=f"cannot connect to 127.0.0.1:{port}"):
        client.version()


def test_requests_carry_a_user_agent_with_tool_and_version(api: FakeApi) -> None:
    iucn(api).version()
    _, headers = api.requests[-1]
    assert f"EcoCards-test_tool/{game.__version__}" in headers["User-Agent"]


def test_the_token_is_never_sent_to_gbif(api: FakeApi) -> None:
    gbif(api).match("Rhincodon typus")
    _, headers = api.requests[-1]
    assert "Authorization" not in headers


def test_delay_is_kept_between_calls() -> None:
    sleeps = Sleeps()
    with serve(standard_api()) as running:
        client = iucn(running, delay=0.5, sleep=sleeps, clock=lambda: 100.0)
        client.version()
        client.version()
    assert sleeps.waits == [0.5]


def test_cached_answers_need_no_server(tmp_path: Path) -> None:
    with serve(standard_api()) as running:
        first = iucn(running, cache=tmp_path).lookup("Rhincodon typus")
        base = running.iucn_base
    again = iucn(FakeApi(), base=base, cache=tmp_path).lookup("Rhincodon typus")
    assert again == first
    assert not any(TOKEN.encode() in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_gbif_fuzzy_match_suggests_the_accepted_name(api: FakeApi) -> None:
    suggestion = gbif(api).match("Rhincodon typos").suggestion()
    assert suggestion is not None
    assert "did you mean 'Rhincodon typus'" in suggestion


def test_gbif_synonym_suggests_the_accepted_name(api: FakeApi) -> None:
    match = gbif(api).match("Balaena glacialis")
    assert match.suggested_name == "Eubalaena glacialis"
    assert "synonym" in (match.suggestion() or "")


def test_gbif_vernacular_names_are_paged_and_deduplicated(api: FakeApi) -> None:
    names = gbif(api).vernacular_names(2417522)
    assert names == {"eng": ["Whale Shark"], "zho": ["鲸鲨", "鯨鯊"]}
    assert len(api.paths("/v1/species/2417522/vernacularNames")) > 1
