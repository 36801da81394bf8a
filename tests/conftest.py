import contextlib
import os
import subprocess
import sys
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def elearn(*args, cwd=REPO, check=False) -> subprocess.CompletedProcess:
    """The `elearn` command as an author runs it, from this environment."""
    return subprocess.run([str(Path(sys.executable).parent / "elearn"), *args], cwd=cwd, capture_output=True,
                          text=True, check=check)


def mkdocs_build(root: Path, site_dir: Path, strict: bool = True) -> None:
    """A real MkDocs build of the course at ``root``, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.fixture
def mini(tmp_path) -> Path:
    """A copy of the small valid course, free to break."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve ``directory`` on a loopback port, as a static web server would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@contextlib.contextmanager
def serving(directory: Path):
    server, url = serve(directory)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


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
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


NODE_DIR = Path(__file__).parent / ".node"
NPM_PACKAGES = ["gift-pegjs@1.0.2", "scorm-again@3.4.3"]  # third-party readers the exports must satisfy


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
