"""A polite guest in MkDocs' process: the build changes no process-wide state and starts no
process, and the plugin can be switched off."""

import gc
import os

import pytest

from helpers import edit, mkdocs_build

pytestmark = pytest.mark.build


def children() -> set[int]:
    """This process's child processes, as the kernel lists them (Playwright's driver too)."""
    found = set()
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        with open(f"/proc/{os.getpid()}/task/{task}/children") as f:
            found |= {int(pid) for pid in f.read().split()}
    return found


@pytest.mark.parametrize("command", [None, "build", "serve"])
def test_a_build_leaves_the_process_as_it_was(mini, tmp_path, command):
    """No garbage-collector switch, no frozen objects, no child: as `mkdocs build`, as `mkdocs
    serve` starts it, and as a program that calls MkDocs' build()."""
    enabled, frozen, before = gc.isenabled(), gc.get_freeze_count(), children()
    mkdocs_build(mini, tmp_path / "site", command=command)
    assert (gc.isenabled(), gc.get_freeze_count(), children()) == (enabled, frozen, before)


def test_disabled_the_plugin_leaves_a_plain_site(mini, tmp_path):
    edit(mini / "mkdocs.yml", "  - elearn\n", "  - elearn:\n      enabled: false\n")
    (mini / "content" / "index.md").write_text("# Welkom\n", encoding="utf-8")
    mkdocs_build(mini, tmp_path / "site", strict=False)
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Welkom" in home and "assets/elearn" not in home and not (tmp_path / "site" / "sw.js").exists()


def test_the_old_parallel_option_is_named_and_ignored(mini, tmp_path, caplog):
    edit(mini / "mkdocs.yml", "  - elearn\n", "  - elearn:\n      parallel: true\n")
    mkdocs_build(mini, tmp_path / "site", strict=False)
    assert any("'parallel' onder elearn doet niets meer" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "site" / "oefenen" / "index.html").exists()
