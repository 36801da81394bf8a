"""Fixtures: built sites, a server for them, Chromium, and the npm readers. Everything else the
tests share is in helpers.py."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, FIXTURES, NPM_PACKAGES, REPO, mkdocs_build, serving

NODE_DIR = Path(__file__).parent / ".node"

# The two slow kinds of test, so that `make test-fast` can leave them out: a test that drives
# Chromium, and one that runs a whole MkDocs build (directly, or through a fixture below).
BROWSER_FIXTURES = {"browser"}
BUILD_FIXTURES = {"built_site", "mini_site", "pinned_site", "package", "unzipped"}


def pytest_collection_modifyitems(items):
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if needs & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


@pytest.fixture
def mini(tmp_path) -> Path:
    """A copy of the small valid course, free to break."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real course of this repository, built once with --strict."""
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(REPO, site)
    return site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The small fixture course (one question of every type), built once."""
    root = tmp_path_factory.mktemp("mini") / "course"
    shutil.copytree(FIXTURES / "mini", root)
    site = root.parent / "site"
    mkdocs_build(root, site)
    return site


@pytest.fixture(scope="session")
def served_site(built_site):
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def served_mini(mini_site):
    with serving(mini_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. In CI a missing browser fails the run."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} ontbreekt; .ci/run moet het Debian-pakket chromium installeren")
        pytest.skip(f"{CHROMIUM} ontbreekt (installeer het Debian-pakket chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """Packages from the npm registry that the export tests check against."""
    import shutil as _shutil

    if not _shutil.which("node") or not _shutil.which("npm"):
        if os.environ.get("CI") == "true":
            pytest.fail("node en npm ontbreken; ze zijn nodig voor de exporttests")
        pytest.skip("node en npm ontbreken")
    modules = NODE_DIR / "node_modules"
    if not all((modules / spec.rsplit("@", 1)[0]).exists() for spec in NPM_PACKAGES):
        NODE_DIR.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--no-save", "--silent", "--prefix", str(NODE_DIR), *NPM_PACKAGES],
                        check=True)
    return modules
