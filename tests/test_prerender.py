"""Quizzes rendered in a second process: the same pages, and never a child left behind."""

import gc
import logging
import os
import re
import subprocess
import sys
import time

import pytest

from helpers import REPO, edit, mkdocs_build
from elearn.build import prepare
from elearn import prerender
from elearn.prerender import Prerendered
from elearn_mkdocs.plugin import ElearnPlugin

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is what this file tests")


def course_and_directives(root):
    """The site, and every directive on its pages that names one of its quizzes, once each."""
    built = prepare(root)
    found = [d for on_page in built.site.directives.values() for d, _ in on_page if d.quiz_id in built.site.quizzes]
    return built.site, list(dict.fromkeys(found))


def children() -> set[int]:
    """This process's child processes, as the kernel lists them (Playwright's driver too)."""
    found = set()
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        with open(f"/proc/{os.getpid()}/task/{task}/children") as f:
            found |= {int(pid) for pid in f.read().split()}
    return found


@pytest.fixture
def others():
    """The children this process had before the test: a browser driver, a web server."""
    return children()


@pytest.fixture
def two_cores(monkeypatch):
    """A machine with a core to spare, whatever this one has."""
    monkeypatch.setattr(prerender, "cores", lambda: 2)


def test_directives_found_are_those_the_pages_name(mini):
    site, directives = course_and_directives(mini)
    assert len(directives) == len(set(directives))
    assert all(d.quiz_id in site.quizzes for d in directives)
    assert {d.kind for d in directives} >= {"quiz", "hand-out", "antwoorden"}


def test_the_child_renders_exactly_what_the_build_would(mini, two_cores, others):
    site, directives = course_and_directives(mini)
    quizzes = Prerendered(site, directives)
    assert quizzes._pid in children() - others
    for directive in directives:
        for sources_url in ("../../bronnen/", "../bronnen/?a=1&b=<2>"):
            assert quizzes.html(directive, sources_url) == site.quiz_html(directive, sources_url)
    assert len(quizzes._html) == len(directives)  # all from the child, none rendered here
    assert children() == others


def test_a_failing_child_costs_nothing_but_time(mini, two_cores, others, monkeypatch):
    site, directives = course_and_directives(mini)

    def broken(*args):
        raise RuntimeError("in the child")

    monkeypatch.setattr(site.quiz_renderer, "unplaced", broken)  # the child inherits it
    quizzes = Prerendered(site, directives)
    monkeypatch.undo()
    assert quizzes._pid is not None
    directive = directives[0]
    assert quizzes.html(directive, "../bronnen/") == site.quiz_html(directive, "../bronnen/")
    assert quizzes._html == {}  # rendered here instead
    assert children() == others


def test_a_build_that_stops_early_stops_the_child(mini, two_cores, others, monkeypatch):
    site, directives = course_and_directives(mini)
    monkeypatch.setattr(site.quiz_renderer, "unplaced", lambda *a: time.sleep(60))
    quizzes = Prerendered(site, directives)
    assert quizzes._pid in children() - others
    assert quizzes.close() is False
    assert children() == others


def test_a_hung_child_costs_seconds_not_the_build(mini, two_cores, others, monkeypatch):
    """Past its patience the build stops waiting, stops the child and renders the quiz itself."""
    site, directives = course_and_directives(mini)
    monkeypatch.setattr(site.quiz_renderer, "unplaced", lambda *a: time.sleep(60))
    quizzes = Prerendered(site, directives)
    monkeypatch.undo()
    monkeypatch.setattr(prerender, "PATIENCE", 0.3)
    assert quizzes._pid in children() - others
    directive = directives[0]
    assert quizzes.html(directive, "../bronnen/") == site.quiz_html(directive, "../bronnen/")
    assert quizzes.from_child == 0 and children() == others


def built_with(mini, tmp_path, caplog, command):
    caplog.set_level(logging.DEBUG)
    mkdocs_build(mini, tmp_path / "site", command=command)
    [taken] = [int(m[1]) for r in caplog.records if (m := re.search(r"quizzen: (\d+) uit het tweede proces", r.getMessage()))]
    return taken


@pytest.mark.build
@pytest.mark.parametrize("command", [None, "serve"])
def test_serve_and_programs_get_no_second_process(mini, tmp_path, two_cores, others, caplog, command):
    """`mkdocs serve` keeps a server's threads, and a program that calls MkDocs' build() may have
    its own: a child forked beside them may inherit a lock one of them held. Only `mkdocs build`
    forks, as MkDocs tells the plugin at start-up."""
    assert built_with(mini, tmp_path, caplog, command) == 0
    assert children() == others


@pytest.mark.build
def test_a_build_leaves_the_garbage_collector_as_it_was(mini, tmp_path):
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    mkdocs_build(mini, tmp_path / "site", command="build")
    assert (gc.isenabled(), gc.get_freeze_count()) == (enabled, frozen)


@pytest.mark.build
def test_disabled_the_plugin_leaves_a_plain_site(mini, tmp_path):
    edit(mini / "mkdocs.yml", "  - elearn\n", "  - elearn:\n      enabled: false\n")
    (mini / "content" / "index.md").write_text("# Welkom\n", encoding="utf-8")
    mkdocs_build(mini, tmp_path / "site", strict=False)
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Welkom" in home and "assets/elearn" not in home and not (tmp_path / "site" / "sw.js").exists()


def test_parallel_and_serial_builds_give_the_same_site(mini, tmp_path):
    """In fresh processes, as `mkdocs build` runs; only the option differs."""
    sites, taken = {}, {}
    edit(mini / "mkdocs.yml", "  - elearn\n", "  - elearn:\n      parallel: true\n")
    for parallel in ("true", "false"):
        edit(mini / "mkdocs.yml", "parallel: true", f"parallel: {parallel}")
        sites[parallel] = tmp_path / f"site-{parallel}"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--verbose", "--strict",
                                 "-f", str(mini / "mkdocs.yml"), "-d", str(sites[parallel])],
                                check=True, cwd=REPO, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        [taken[parallel]] = map(int, re.findall(r"quizzen: (\d+) uit het tweede proces", result.stderr))
    # The parallel build really took its quizzes from the child, wherever there is a core for it.
    assert (taken["true"] > 10) == (prerender.cores() > 1) and taken["false"] == 0
    files = {p.relative_to(sites["true"]) for p in sites["true"].rglob("*") if p.is_file()}
    assert files == {p.relative_to(sites["false"]) for p in sites["false"].rglob("*") if p.is_file()}
    quiz_pages = 0
    for name in files:
        a, b = (sites["true"] / name).read_bytes(), (sites["false"] / name).read_bytes()
        assert a == b, name
        quiz_pages += b"data-elearn-quiz=" in a
    assert quiz_pages >= 5


@pytest.mark.build
def test_a_build_takes_its_quizzes_from_the_child(mini, tmp_path, two_cores, others, caplog):
    taken = built_with(mini, tmp_path, caplog, "build")
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert taken == sum(len(re.findall(r'data-elearn-quiz="|class="elearn-paper ', html)) for html in pages) > 10
    assert children() == others


@pytest.mark.build
def test_a_build_that_fails_leaves_no_child(mini, tmp_path, two_cores, others, monkeypatch):
    def broken(self, output, page, config):
        raise RuntimeError("stuk")

    monkeypatch.setattr(ElearnPlugin, "on_post_page", broken)
    with pytest.raises(RuntimeError, match="stuk"):
        mkdocs_build(mini, tmp_path / "site", command="build")
    assert children() == others
