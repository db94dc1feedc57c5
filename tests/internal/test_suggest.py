"""Did-you-mean hints: useful for typos, silent for opaque ids, bounded in work.

The work is counted as the candidates handed to difflib, never timed.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Iterable

import pytest

import orgroles
from orgroles._internal.suggest import POOL, Suggester, did_you_mean, opaque

_get_close_matches = difflib.get_close_matches


class Compared:
    """Counts the candidates that difflib compares, through the suggest module."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.total = 0
        self.calls = 0

        def counting(word: str, pool: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
            pool = list(pool)
            self.total += len(pool)
            self.calls += 1
            return _get_close_matches(word, pool, n=n, cutoff=cutoff)

        monkeypatch.setattr(difflib, "get_close_matches", counting)


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> Compared:
    return Compared(monkeypatch)


def test_typos_get_their_hint() -> None:
    assert did_you_mean("ctoo", ["cto", "cpo", "ceo"]) == ["cto"]
    assert did_you_mean("Ana_Lima", ["ana-lima", "bo-berg"]) == ["ana-lima"]
    ids = [f"{a}-{b}" for a in ("ana", "bo", "chidi", "dana") for b in range(1_000)] + ["lead"]
    assert Suggester(ids).close("leed") == ["lead"]  # found through the index


@pytest.mark.parametrize("word", ["tm-6f80201b", "0042", "E-10023", "r123456", "6f80201b-aa"])
def test_opaque_ids_are_told_apart(word: str) -> None:
    assert opaque(word)


def test_long_words_get_no_hint_and_cost_nothing(compared: Compared) -> None:
    # F5's suggest_dos: 200 references of 500 characters among 5,000 such ids.
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789.=;"
    ids = ["a" + "".join(rng.choice(alphabet) for _ in range(499)) for _ in range(5_000)]
    for word in ids[:200]:
        assert did_you_mean(word + "x", ids) == []
    assert compared.total == 0


def test_a_word_among_a_million_compares_a_bounded_pool(compared: Compared) -> None:
    ids = [f"person-{i:07d}-x" for i in range(200_000)]
    suggester = Suggester(ids)
    for word in ("person-0000001-y", "qerson-0000001-x", "nobody"):
        suggester.close(word)
    assert compared.total <= 3 * POOL
    did_you_mean("person-0000001-y", ids)
    assert compared.total <= 4 * POOL


def test_a_check_spends_a_bounded_budget_on_hints(compared: Compared) -> None:
    # 20,000 roles with readable ids, and 333 references that name none of them.
    names = [
        f"{a}-{b}-{n}"
        for a in ("ana", "bo", "chidi")
        for b in ("lima", "berg")
        for n in range(3_334)
    ]
    lines = ["roles:"] + [f"  - {{id: {rid}}}" for rid in names]
    lines += [f"  - {{id: x{n}, reports_to: ghost-{n}-{'ab' * (n % 5)}}}" for n in range(333)]
    report = orgroles.loads("\n".join(lines) + "\n").check(select=["S002"])
    assert len(report) == 333
    assert compared.total <= 20_000  # 333 x 20,000 = 6.7 million before: 13 s


def test_opaque_references_get_no_hint(compared: Compared) -> None:
    lines = ["roles:"] + [f"  - {{id: tm-{n:08x}}}" for n in range(3_000)]
    lines += [f"  - {{id: x{n}, reports_to: tm-{n + 10:08x}0}}" for n in range(100)]
    report = orgroles.loads("\n".join(lines) + "\n").check(select=["S002"])
    assert len(report) == 100
    assert not any("did you mean" in v.message for v in report)
    assert compared.calls == 0


def test_gitlabs_unknown_managers_get_no_hint(compared: Compared) -> None:
    import warnings

    from tests.helpers import DATA

    with warnings.catch_warnings(record=True):
        org = orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")
    report = org.check(select=["S002"])
    assert len(report) >= 450
    assert not any("did you mean" in v.message for v in report)
    assert compared.total == 0
