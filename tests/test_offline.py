"""Offline both ways: a service worker for the hosted site, and a zip for file://."""

import contextlib
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from helpers import (REPO, answer_every_question, answer_quiz, edit, elearn, mkdocs_build, package_links, serving,
                     trainer_files)

PAGES = ["programma/", "programma/eerder-en-beter-in-beeld/", "programma/specifieke-groepen/", "meldcode/",
         "meldcode/stap-1-signalen/", "meldcode/stap-3-gesprek/", "meldcode/afwegingskader/", "meldcode/kindcheck/",
         "begrippen/", "bronnen/", "toetsen/module-afwegen/", "voortgang/"]


def copy_course(tmp_path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "bench", "tests", "*.egg-info"))
    return root


@pytest.mark.build
def test_hosted_site_works_offline_and_offers_a_new_version(browser, tmp_path):
    root = copy_course(tmp_path)
    site = tmp_path / "site"
    mkdocs_build(root, site)
    context = browser.new_context()
    hosts = set()
    context.on("request", lambda r: hosts.add(urlparse(r.url).hostname))
    with serving(site) as url, contextlib.closing(context):
        page = context.new_page()
        page.goto(url + "/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        context.set_offline(True)
        for uri in PAGES:
            page.goto(f"{url}/{uri}")
            expect(page.locator("h1")).to_have_count(1)
        page.goto(f"{url}/toetsen/module-afwegen/")
        answer_quiz(page, "toets-module-afwegen", right=True)
        page.reload()
        page.goto(f"{url}/voortgang/")
        expect(page.locator("[data-elearn-dashboard]")).to_contain_text("✓ gehaald")
        # A new build with changed content: the learner is told, and chooses when.
        edit(root / "content" / "cursus.yml", "In deze training leer je", "In deze vernieuwde training leer je")
        mkdocs_build(root, site)
        context.set_offline(False)
        page.goto(url + "/")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        prompt = page.get_by_role("button", name="Nieuwe versie beschikbaar — herladen")
        expect(prompt).to_be_visible(timeout=15000)
        expect(page.locator("article")).not_to_contain_text("vernieuwde")  # nothing changes before the choice
        prompt.click()
        expect(page.locator("article")).to_contain_text("In deze vernieuwde training leer je", timeout=15000)
        assert hosts <= {"127.0.0.1"}, hosts


@pytest.mark.build
def test_manifest_makes_the_site_installable(built_site):
    import json

    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "nl" and manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#4051b5" and manifest["name"] == "Meldcode en Geweld hoort nergens thuis"
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        assert data.startswith(b"\x89PNG") and icon["sizes"] in ("192x192", "512x512")
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    for must in ['"./"', '"meldcode/kindcheck/"', '"search/search_index.json"', '"assets/elearn/elearn.js"']:
        assert must in worker
    assert 'rel="manifest"' in (built_site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("zip")
    target = tmp / "cursus-offline.zip"
    result = elearn("export", "offline", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Geschreven:" in result.stdout
    out = tmp / "usb"
    zipfile.ZipFile(target).extractall(out)
    return target, out


@pytest.mark.build
def test_zip_is_deterministic_and_has_no_worker(unzipped, tmp_path):
    target, out = unzipped
    again = tmp_path / "again.zip"
    elearn("export", "offline", "-o", str(again), check=True)
    assert again.read_bytes() == target.read_bytes()
    assert not (out / "sw.js").exists() and not (out / "manifest.webmanifest").exists()
    assert (out / "meldcode" / "kindcheck.html").exists() and (out / "search" / "search_index.js").exists()
    shim = (out / "assets" / "elearn" / "iframe-worker-shim.js").read_bytes()
    assert shim == (REPO / "src" / "elearn" / "vendor" / "iframe-worker" / "shim.js").read_bytes()
    assert "unpkg.com" not in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_exports_write_nothing_beside_the_authors_files(mini, tmp_path):
    """MkDocs runs in the CLI's process for the variant, into a folder of its own: no variant
    mkdocs.yml next to the author's, no site/ folder, no second MkDocs program."""
    before = sorted(p.relative_to(mini) for p in mini.rglob("*"))
    for kind in ("offline", "scorm"):
        result = elearn("export", kind, "-o", str(tmp_path / f"{kind}.zip"), cwd=mini)
        assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(mini) for p in mini.rglob("*")) == before


@pytest.mark.build
def test_a_variant_that_does_not_build_says_why_and_writes_nothing(mini, tmp_path):
    (mini / "content" / "kapot.md").write_text("# Kapot\n\n[een link](bestaat-niet.md)\n", encoding="utf-8")
    target = tmp_path / "cursus.zip"
    result = elearn("export", "offline", "-o", str(target), cwd=mini)
    assert result.returncode == 1 and not target.exists()
    assert "bestaat-niet.md" in result.stderr and "Geen zip gemaakt" in result.stderr
    assert "Traceback" not in result.stderr


def test_zip_works_from_disk_with_no_network(browser, unzipped):
    _, out = unzipped
    context = browser.new_context()
    foreign = []

    def only_disk(route):
        if route.request.url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_disk)
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    page.get_by_role("button", name="Kies dit leerpad").nth(2).click()
    # Through the course the way a learner does: the "next" link at the foot of each page.
    seen = []
    for _ in range(12):
        page.locator("a.md-footer__link--next").click()
        expect(page.locator("h1")).to_have_count(1)
        assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
        seen.append(page.url)
    assert len(set(seen)) == 12
    # Every question type, answered from disk.
    page.goto((out / "meldcode" / "afwegingskader.html").as_uri())
    kinds = set(page.locator("[data-elearn-type]").evaluate_all("qs => qs.map(q => q.dataset.elearnType)"))
    assert kinds == {"single", "multiple", "truefalse", "ordering", "matching", "shortanswer", "case"}
    answer_every_question(page, right=False)
    expect(page.locator(".elearn-feedback:visible")).to_have_count(page.locator(".elearn-question").count())
    # Search from disk, with the vendored iframe-worker.
    page.goto((out / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    results = page.locator(".md-search-result__item")
    for _ in range(6):  # the index loads in a worker; a query typed before it is ready is typed again
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").type("vertrouwensinspecteur")
        try:
            results.first.wait_for(timeout=5000)
            break
        except Exception:
            continue
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("ertrouwensinspecteur")
    page.goto((out / "toetsen" / "module-afwegen.html").as_uri())
    answer_quiz(page, "toets-module-afwegen", right=True)
    page.reload()
    page.goto((out / "voortgang" / "index.html").as_uri())
    expect(page.locator("[data-elearn-dashboard]")).to_contain_text("✓ gehaald")
    # Classroom mode loads from disk too, when it is first used (the button is on every question).
    page.goto((out / "toetsen" / "module-afwegen.html").as_uri() + "?klassikaal=toets-module-afwegen&vraag=af-casus-bakker")
    expect(page.locator(".elearn-classroom-status")).to_have_text("Casus, beslismoment 1")
    assert foreign == []
    context.close()


@pytest.mark.build
def test_learners_zip_holds_no_trainer_material_and_links_to_none(unzipped):
    target, out = unzipped
    archive = zipfile.ZipFile(target)
    names = set(archive.namelist())
    assert trainer_files(names) == []
    links = package_links(archive)
    assert len({page for page, _, _ in links}) > 30  # every page was read
    assert [link for link in links if "trainers/" in link[2]] == []
    assert [link for link in links if link[2] not in names] == []  # and no other dead link either
    assert not re.search(r">\s*Voor trainers\s*<", (out / "index.html").read_text(encoding="utf-8"))  # the menu
    assert "trainers/" not in (out / "search" / "search_index.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def trainers_zip(tmp_path_factory):
    target = tmp_path_factory.mktemp("zip") / "cursus-trainers.zip"
    result = elearn("export", "offline", "--trainers", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "voor trainers, met hand-outs en antwoordsleutels" in result.stdout
    return target


@pytest.mark.build
def test_trainers_zip_carries_keys_hand_outs_and_group_results(trainers_zip, unzipped):
    archive = zipfile.ZipFile(trainers_zip)
    names = set(archive.namelist())
    for module in ("module-meldcode", "module-afwegen", "module-sector-jgz"):
        assert {f"trainers/antwoorden/{module}.html", f"trainers/hand-outs/{module}.html"} <= names
    assert {"trainers/index.html", "trainers/groepsresultaten.html", "assets/elearn/vragen.js"} <= names
    assert set(zipfile.ZipFile(unzipped[0]).namelist()) < names  # the learners' zip, and more
    links = package_links(archive)
    assert [link for link in links if link[2] not in names] == []
    assert ("index.html", "trainers/index.html") in {(page, target) for page, _, target in links}
    assert re.search(r">\s*Voor trainers\s*<", archive.read("index.html").decode("utf-8"))


@pytest.mark.build
def test_what_an_author_puts_under_trainers_stays_with_the_trainers(mini, tmp_path):
    (mini / "content" / "trainers").mkdir()
    (mini / "content" / "trainers" / "draaiboek.md").write_text("# Draaiboek\n\nAlleen voor trainers.\n",
                                                                 encoding="utf-8")
    (mini / "content" / "trainers" / "sleutel.txt").write_text("A, C, B\n", encoding="utf-8")
    names = {}
    for who, option in (("learners", []), ("trainers", ["--trainers"])):
        target = tmp_path / f"{who}.zip"
        result = elearn("export", "offline", *option, "-o", str(target), cwd=mini)
        assert result.returncode == 0, result.stderr
        names[who] = set(zipfile.ZipFile(target).namelist())
    own = {"trainers/draaiboek.html", "trainers/sleutel.txt"}
    assert own | {"trainers/antwoorden/module-een.html"} <= names["trainers"]
    assert trainer_files(names["learners"]) == [] and "oefenen.html" in names["learners"]


def test_trainers_zip_runs_group_results_from_disk(browser, trainers_zip, tmp_path):
    zipfile.ZipFile(trainers_zip).extractall(tmp_path / "usb")
    page = browser.new_page()
    page.goto((tmp_path / "usb" / "trainers" / "groepsresultaten.html").as_uri())
    expect(page.get_by_text("Nog geen voortgangsbestanden ingelezen.")).to_be_visible()
    page.goto((tmp_path / "usb" / "trainers" / "antwoorden" / "module-afwegen.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Antwoorden")
    page.close()


@pytest.mark.build
def test_a_page_that_loads_from_another_host_fails_the_build(mini, tmp_path, caplog):
    """The net after the pages are written: what no check of the content sees (here a theme
    override of the author's own) still stops the build, and the last good site stays."""
    from mkdocs.exceptions import Abort

    site = tmp_path / "site"
    mkdocs_build(mini, site)
    (site / "marker.txt").write_text("vorige site", encoding="utf-8")
    (mini / "overrides" / "partials").mkdir(parents=True)
    (mini / "overrides" / "partials" / "copyright.html").write_text(
        '<img src="https://cdn.example.org/logo.png" alt="logo"> <a href="https://example.org">link</a>\n',
        encoding="utf-8")
    edit(mini / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    with pytest.raises(Abort):
        mkdocs_build(mini, site, command="build")
    assert "index.md: https://cdn.example.org/logo.png" in caplog.text
    assert "https://example.org," not in caplog.text  # a link a learner may click is no load
    assert (site / "marker.txt").read_text(encoding="utf-8") == "vorige site"


def test_external_resources_are_found_and_links_are_not():
    from elearn.privacy import external_resources

    html = (
        '<p><a href="https://www.nji.nl">bron</a></p><script src="https://cdn.x/a.js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css"><img srcset="a.png 1x, https://i.x/b.png 2x">'
        '<style>p{color:red} @font-face{src:url(https://f.x/a.woff)}</style>'
        '<div style="background:url(//b.x/i.png)"></div><script src="../assets/a.js"></script>'
        '<script>var site = "https://x.nl/"; // a comment</script><link rel="canonical" href="https://site/">'
    )
    assert external_resources(html) == [
        "https://cdn.x/a.js", "//fonts.googleapis.com/css", "https://i.x/b.png", "https://f.x/a.woff", "//b.x/i.png",
    ]
