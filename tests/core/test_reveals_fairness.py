"""The published odds are true: 100,000 seeded first reveals against a chi-square test.

The p-value comes from the chi-square distribution's survival function, the regularized upper
incomplete gamma function Q(k/2, x/2), computed here with the classic series and continued
fraction (Numerical Recipes, 6.2), so scipy is not needed.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter

import pytest

from game.core.content import Content
from game.core.economy import grant_bonus
from game.core.ledger import PlayerState
from game.core.reveals import first_odds, reveal

DRAWS = 100_000
NOW = dt.datetime(2026, 11, 23, 16, 0)


def _lower_series(a: float, x: float) -> float:
    """P(a, x) by its power series; converges fast for x < a + 1."""
    term = total = 1.0 / a
    n = a
    for _ in range(1000):
        n += 1
        term *= x / n
        total += term
        if abs(term) < abs(total) * 1e-15:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _upper_fraction(a: float, x: float) -> float:
    """Q(a, x) by its continued fraction (modified Lentz); converges fast for x >= a + 1."""
    tiny = 1e-300
    b = x + 1.0 - a
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 1000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        step = d * c
        h *= step
        if abs(step - 1.0) < 1e-15:
            break
    return h * math.exp(-x + a * math.log(x) - math.lgamma(a))


def chi2_sf(statistic: float, dof: int) -> float:
    """P(X >= statistic) for a chi-square variable X with ``dof`` degrees of freedom."""
    a, x = dof / 2.0, statistic / 2.0
    if x <= 0:
        return 1.0
    if x < a + 1.0:
        return 1.0 - _lower_series(a, x)
    return _upper_fraction(a, x)


def chi_square(observed: Counter[str], expected: dict[str, float], n: int) -> tuple[float, int]:
    """The statistic and its degrees of freedom, over the outcomes with a non-zero probability."""
    cells = {k: p for k, p in expected.items() if p > 0}
    statistic = sum((observed[k] - n * p) ** 2 / (n * p) for k, p in cells.items())
    return statistic, len(cells) - 1


# Reference survival values, as scipy.stats.chi2.sf(statistic, dof) gives them.
REFERENCE = [
    (0.5, 1, 0.47950012218695337),
    (3.0, 2, 0.22313016014842982),
    (7.8, 3, 0.050331097859853326),
    (20.0, 5, 0.0012497305630313773),
    (1.0, 10, 0.9998278843700441),
    (40.0, 8, 3.203719780476998e-06),
]


@pytest.mark.parametrize(("statistic", "dof", "expected"), REFERENCE)
def test_the_chi_square_p_value_is_right(statistic: float, dof: int, expected: float) -> None:
    if dof == 2:  # exact: the chi-square with 2 degrees of freedom is exponential
        assert math.isclose(chi2_sf(statistic, dof), math.exp(-statistic / 2), rel_tol=1e-12)
    assert math.isclose(chi2_sf(statistic, dof), expected, rel_tol=1e-9)


def test_the_chi_square_p_value_matches_critical_values() -> None:
    # 0.1 % critical values of the chi-square distribution (any statistics table).
    for dof, critical in {1: 10.828, 2: 13.816, 3: 16.266, 4: 18.467, 5: 20.515}.items():
        assert math.isclose(chi2_sf(critical, dof), 0.001, rel_tol=1e-3)


def test_observed_tiers_of_first_reveals_match_the_published_odds(mini_content: Content) -> None:
    # The fixture edition whose first reveal spreads over the most tiers.
    edition_id = max(
        mini_content.editions,
        key=lambda e: sum(1 for p in first_odds(mini_content, e).tiers.values() if p > 0),
    )
    published = first_odds(mini_content, edition_id)
    cost = mini_content.editions[edition_id].reveal_cost
    start = PlayerState()
    grant_bonus(start, cost, "test", NOW)
    tiers: Counter[str] = Counter()
    species: Counter[str] = Counter()
    for seed in range(DRAWS):
        state = PlayerState.from_entries(start.entries)
        info = reveal(state, mini_content, edition_id, random.Random(seed), NOW).reveal
        assert info is not None
        tiers[info.tier] += 1
        species[info.species_id] += 1

    statistic, dof = chi_square(tiers, published.tiers, DRAWS)
    assert dof >= 1
    assert chi2_sf(statistic, dof) > 0.001, (statistic, dof, dict(tiers), published.tiers)
    statistic, dof = chi_square(species, published.species, DRAWS)
    assert chi2_sf(statistic, dof) > 0.001, (statistic, dof, dict(species), published.species)


def test_a_biased_draw_would_be_caught() -> None:
    # The test has teeth: a coin that lands heads 51 % of the time fails it over 100,000 throws.
    rng = random.Random(0)
    observed = Counter("heads" if rng.random() < 0.51 else "tails" for _ in range(DRAWS))
    statistic, dof = chi_square(observed, {"heads": 0.5, "tails": 0.5}, DRAWS)
    assert chi2_sf(statistic, dof) < 0.001
