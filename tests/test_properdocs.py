"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs.

MkDocs 1.x has no maintainer, and Material for MkDocs reaches end of life in May 2027.
ProperDocs builds this site today with the same output as MkDocs apart from the generator tag;
these tests keep it that way. Each generator builds the course with its own command line, as an
author would run it, and every file of the two builds is compared byte for byte, after only
what names the generator is set aside (see ``normalised``).

The adapter runs unchanged under both: ProperDocs makes ``mkdocs.*`` imports find its own modules
(plugins/elearn_mkdocs/__init__.py says what else it needs).
"""

import io
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from elearn.publish.pwa import WORKER, precache
from helpers import FIXTURES, REPO, edit

pytestmark = pytest.mark.build

BIN = Path(sys.executable).parent
GENERATORS = ("mkdocs", "properdocs")

# Both builds get one fixed build date. MkDocs and ProperDocs write the date into sitemap.xml
# (<lastmod>) and the time into sitemap.xml.gz's header, and both take it from SOURCE_DATE_EPOCH
# when it is set: two builds on either side of midnight would differ there otherwise. With it,
# nothing of the date has to be normalised.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}

# Material writes `mkdocs-{{ mkdocs_version }}` into every page; ProperDocs sets that variable to
# "ProperDocs <version>". The exact tag each build must carry, and what both become.
GENERATOR_TAG = {
    name: f'<meta name="generator" content="mkdocs-{made_by}, mkdocs-material-{version("mkdocs-material")}">'.encode()
    for name, made_by in (("mkdocs", version("mkdocs")), ("properdocs", f"ProperDocs {version('properdocs')}"))
}
ANY_GENERATOR_TAG = b'<meta name="generator"'
SET_ASIDE_TAG = b'<meta name="generator" content="GENERATOR">'

# Run the elearn command line as on a machine with ProperDocs and without MkDocs: `import mkdocs`
# fails, so the adapter has to bring in ProperDocs' alias itself.
ELEARN_WITHOUT_MKDOCS = (
    "import sys; sys.modules['mkdocs'] = None; sys.argv[0] = 'elearn'; "
    "from elearn.cli import main; main()"
)


def build(generator: str, config: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    """``<generator> build`` from this environment, as an author runs it."""
    return subprocess.run([str(BIN / generator), "build", *options, "-f", str(config), "-d", str(site)],
                          cwd=config.parent, env=ENV, capture_output=True, text=True)


def built(generator: str, config: Path, site: Path) -> Path:
    result = build(generator, config, site, "--strict", "-q")
    assert result.returncode == 0, f"{generator} build failed:\n{result.stderr}"
    return site


def normalised(files: dict[str, bytes], generator: str, site: Path | None = None) -> dict[str, bytes]:
    """``files`` (path -> content) of one build, with set aside only what differs by generator:

    1. Material's generator tag in each page: it names the generator and its version. Each tag a
       page has must be exactly the one of ``generator`` (one at most), so nothing else is hidden.
    2. The service worker's VERSION: a hash over every other file of the site, so the tags of
       (1) change it. It must be the hash of this build's own files, recomputed here with the
       plugin's own function; with every file compared below, an equal hash adds nothing.
    """
    tag, out = GENERATOR_TAG[generator], {}
    for rel, data in files.items():
        if rel.endswith(".html"):
            tags = data.count(ANY_GENERATOR_TAG)
            assert tags <= 1 and data.count(tag) == tags, f"{rel}: a generator tag other than {tag!r}"
            data = data.replace(tag, SET_ASIDE_TAG)
        elif rel == WORKER and site is not None:
            hash_of_files = precache(site).version.encode()
            assert data.count(b'VERSION="%s"' % hash_of_files) == 1, f"{WORKER}: VERSION is not {hash_of_files!r}"
            data = data.replace(hash_of_files, b"VERSION")
        out[rel] = data
    assert SET_ASIDE_TAG in out["index.html"], "the home page names no generator: the comparison is not what it says"
    return out


def folder(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def archive(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist() if not name.endswith("/")}


def differences(by_mkdocs: dict[str, bytes], by_properdocs: dict[str, bytes]) -> list[str]:
    return ([f"only MkDocs made {rel}" for rel in sorted(by_mkdocs.keys() - by_properdocs.keys())]
            + [f"only ProperDocs made {rel}" for rel in sorted(by_properdocs.keys() - by_mkdocs.keys())]
            + [f"{rel} differs" for rel in sorted(by_mkdocs.keys() & by_properdocs.keys())
               if by_mkdocs[rel] != by_properdocs[rel]])


def mini_course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    return root / "mkdocs.yml"


@pytest.mark.parametrize("course", ["mini", "real"])
def test_properdocs_builds_the_same_site_as_mkdocs(course, tmp_path):
    config = REPO / "mkdocs.yml" if course == "real" else mini_course(tmp_path)
    sites = {g: built(g, config, tmp_path / g) for g in GENERATORS}
    by = {g: normalised(folder(site), g, site) for g, site in sites.items()}
    assert sum(rel.endswith(".html") for rel in by["mkdocs"]) >= 20 and WORKER in by["mkdocs"]
    assert differences(by["mkdocs"], by["properdocs"]) == []


def test_the_file_variant_builds_under_properdocs_alone(tmp_path):
    """The offline zip (and so the SCORM package, made the same way) is built through the
    generator's Python API, not its command line: without MkDocs installed it runs on ProperDocs."""
    config = mini_course(tmp_path)
    export = ["export", "offline", "--config", str(config), "-o"]
    zips = {g: tmp_path / f"{g}.zip" for g in GENERATORS}
    runs = {"mkdocs": [str(BIN / "elearn"), *export, str(zips["mkdocs"])],
            "properdocs": [sys.executable, "-c", ELEARN_WITHOUT_MKDOCS, *export, str(zips["properdocs"])]}
    for generator, command in runs.items():
        result = subprocess.run(command, cwd=config.parent, env=ENV, capture_output=True, text=True)
        assert result.returncode == 0, f"{generator}: {result.stderr}"
    by = {g: normalised(archive(path), g) for g, path in zips.items()}
    assert sum(rel.endswith(".html") for rel in by["mkdocs"]) >= 20
    assert differences(by["mkdocs"], by["properdocs"]) == []


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_warning_fails_a_strict_build_and_keeps_the_last_good_site(generator, tmp_path):
    """ProperDocs counts a strict build's warnings on its own logger, not on MkDocs': the build that
    fails must leave site/ as it was there too, also under -q (which hides warnings)."""
    config = mini_course(tmp_path)
    site = built(generator, config, tmp_path / "site")
    before = folder(site)
    # A source no page cites: a warning of ours, through the generator's plugin logger.
    edit(config.parent / "content" / "bronnen.yml", "  - id: bron-b\n", "  - id: bron-x\n    titel: X\n  - id: bron-b\n")
    for options in (["--strict"], ["--strict", "-q"]):
        result = build(generator, config, site, *options)
        assert result.returncode != 0, f"{generator} build {' '.join(options)} passed with a warning"
        assert "bron 'bron-x' wordt nergens gebruikt" in result.stderr
        assert folder(site) == before, f"{generator} build {' '.join(options)} changed the last good site"
    assert sorted(p.name for p in site.parent.iterdir()) == ["course", "site"], "a half-built folder was left"
