"""A learner who knows nothing fails the module tests; a learner who knows the answers passes.

Blind strategies play at least 200 attempts each, spread over every module test of the real
course, through the test's own controls. Each may pass at most 2% of its attempts and score
at most 45% on average; the key passes every time. The figures go in the README.
"""

import math
import statistics

import pytest

from helpers import KEY, STRATEGIES, play

ATTEMPTS = 200
MAX_PASSED = 0.02
MAX_MEAN = 45


@pytest.fixture(scope="module")
def tests(built_site):
    return sorted(p.parent.name for p in (built_site / "toetsen").glob("*/index.html"))


@pytest.fixture(scope="module")
def results(browser, served_site, tests):
    """strategy -> test -> [(percent, passed)], played once for all assertions below."""
    per_test = math.ceil(ATTEMPTS / len(tests))
    context = browser.new_context()
    page = context.new_page()
    played = {}
    for n, strategy in enumerate(STRATEGIES + (KEY,)):
        played[strategy] = {}
        for m, test in enumerate(tests):
            attempts = per_test if strategy != KEY else 3
            played[strategy][test] = play(page, f"{served_site}/toetsen/{test}/", strategy, attempts, seed=100 * n + m)
    context.close()
    print_table(played)
    return played


def print_table(played):
    print("\nstrategie      pogingen  gehaald  gemiddeld  hoogste")
    for strategy, by_test in played.items():
        scores = [s for runs in by_test.values() for s, _ in runs]
        passed = sum(p for runs in by_test.values() for _, p in runs)
        print(f"{strategy:<14} {len(scores):>8}  {passed:>7}  {statistics.mean(scores):>8.1f}%  {max(scores):>6}%")


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_a_blind_strategy_fails(results, tests, strategy):
    runs = [run for test in tests for run in results[strategy][test]]
    assert len(runs) >= ATTEMPTS
    assert all(results[strategy][test] for test in tests)  # spread over every module test
    passed = sum(p for _, p in runs)
    mean = statistics.mean(s for s, _ in runs)
    assert passed <= MAX_PASSED * len(runs), f"{strategy}: {passed} of {len(runs)} attempts passed"
    assert mean <= MAX_MEAN, f"{strategy}: {mean:.1f}% on average"


def test_the_key_passes_every_time(results, tests):
    runs = [run for test in tests for run in results[KEY][test]]
    assert runs and all(passed and score == 100 for score, passed in runs), runs
