"""Progress that is never lost: the localStorage record, seen through the learner's pages."""

import json

import pytest
from playwright.sync_api import expect

from helpers import REPO, answer_quiz, check_page, describe, edit, mkdocs_build
from axe_playwright_python.sync_playwright import Axe


KEY = "elearn:meldcode-ghnt"


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def record(page):
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def dashboard_text(page, base):
    page.goto(f"{base}/voortgang/")
    dashboard = page.locator("[data-elearn-dashboard]")
    expect(dashboard.get_by_role("heading", name="Jouw leerpad")).to_be_visible()  # drawn by the script
    return dashboard.inner_text()


def test_progress_survives_reload_and_a_new_browser_session(browser, context, served_site, tmp_path):
    page = context.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").nth(2).click()  # JGZ-professional
    for uri in ["meldcode/", "meldcode/stap-1-signalen/", "meldcode/stap-2-overleggen/"]:
        page.goto(f"{served_site}/{uri}")
    page.goto(f"{served_site}/toetsen/module-afwegen/")
    answer_quiz(page, "toets-module-afwegen", right=True)
    expect(page.locator(".elearn-summary")).to_contain_text("Gehaald")
    page.reload()
    rec = record(page)
    assert rec["path"] == "jgz-professional"
    assert {"meldcode", "stap-1-signalen", "stap-2-overleggen", "toets-module-afwegen"} <= set(rec["pages"])
    assert rec["quizzes"]["toets-module-afwegen"]["passed"] is True
    assert rec["last"]["page"] == "toets-module-afwegen"
    before = dashboard_text(page, served_site)
    assert "JGZ-professional (zelfstudie)" in before and "✓ gehaald" in before
    assert "Verder waar je was: Toets: Afwegen, beslissen en de kindcheck" in before
    # Close the browser, come back three days later: the same storage, the same dashboard.
    storage = tmp_path / "state.json"
    context.storage_state(path=str(storage))
    later = browser.new_context(storage_state=str(storage))
    page = later.new_page()
    assert dashboard_text(page, served_site) == before
    # Checkmarks in the navigation, a progress bar per module on the home page.
    page.goto(served_site + "/")
    nav = page.locator("nav.md-nav--primary")
    expect(nav.locator("a", has_text="Stap 1: Signalen in kaart brengen").locator(".elearn-nav-mark")).to_have_count(1)
    expect(nav.locator("a", has_text="Stap 3: In gesprek").locator(".elearn-nav-mark")).to_have_count(0)
    bars = page.locator("[data-elearn-module] progress")
    assert bars.count() == len(page.evaluate("window.ELEARN_COURSE.modules")) == 11
    assert page.get_by_role("button", name="✓ Dit is jouw leerpad").count() == 1
    page.goto(f"{served_site}/meldcode/stap-1-signalen/")
    expect(page.locator(".md-nav--primary .elearn-nav-mark").first).to_be_attached()
    expect(page.locator(".md-nav--secondary .elearn-nav-mark")).to_have_count(0)  # not in the table of contents
    later.close()


def test_two_tabs_stay_in_step(context, served_site):
    first = context.new_page()
    first.goto(f"{served_site}/voortgang/")
    second = context.new_page()
    second.goto(f"{served_site}/meldcode/kindcheck/")
    expect(first.locator("[data-elearn-dashboard]")).to_contain_text("Verder waar je was: De kindcheck")
    second.goto(served_site + "/")
    second.get_by_role("button", name="Kies dit leerpad").first.click()
    expect(first.locator("[data-elearn-dashboard]")).to_contain_text("Leraar in opleiding")


def test_trainer_pages_are_no_course_work(context, served_site):
    page = context.new_page()
    page.goto(f"{served_site}/meldcode/kindcheck/")
    for uri in ["trainers/", "trainers/hand-outs/module-afwegen/", "trainers/antwoorden/module-afwegen/",
                "trainers/introductie-leraren/"]:
        page.goto(f"{served_site}/{uri}")
        expect(page.locator("article h1")).to_be_visible()
    rec = record(page)
    assert set(rec["pages"]) == {"kindcheck"} and rec["last"]["page"] == "kindcheck"
    expect(page.locator(".md-nav--primary .elearn-nav-mark")).to_have_count(1)  # the trainer pages have none
    assert dashboard_text(page, served_site).count("Verder waar je was: De kindcheck") == 1


def test_a_damaged_record_is_kept_aside_and_the_site_works(context, served_site):
    page = context.new_page()
    page.goto(served_site + "/")
    page.evaluate(f"localStorage.setItem('{KEY}', '{{\"schema\": 2, \"course\": ')")
    page.goto(f"{served_site}/meldcode/kindcheck/")
    expect(page.get_by_role("alert")).to_contain_text("beschadigd")
    keys = page.evaluate("Object.keys(localStorage)")
    backup = [k for k in keys if k.startswith(KEY + ":reservekopie:")]
    assert len(backup) == 1
    assert page.evaluate(f"localStorage.getItem('{backup[0]}')") == '{"schema": 2, "course": '
    assert record(page)["pages"]["kindcheck"]["visits"] == 1  # a clean record, working again


def test_without_storage_the_site_works_in_memory_and_says_so(browser, served_site):
    context = browser.new_context()
    context.add_init_script("""
        for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear'])
            Storage.prototype[name] = () => { throw new DOMException('geweigerd', 'SecurityError'); };
    """)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served_site}/toetsen/module-meldcode/")
    expect(page.get_by_role("alert")).to_contain_text("Je voortgang wordt niet bewaard")
    quiz = answer_quiz(page, "toets-module-meldcode", right=True)
    expect(quiz.locator(".elearn-summary")).to_contain_text("Je score")
    page.goto(f"{served_site}/voortgang/")
    expect(page.locator("[data-elearn-dashboard]")).to_be_visible()
    assert errors == []
    context.close()


def test_an_old_record_is_migrated(context, served_site):
    # A record as the first release wrote it (schema 1).
    old = {
        "v": 1, "course": "meldcode-ghnt", "started": "2026-09-01T08:00:00.000Z", "path": "trainer",
        "visited": {"meldcode": "2026-09-01T08:05:00.000Z", "kindcheck": "2026-09-02T10:00:00.000Z"},
        "scores": {"toets-module-afwegen": 90, "toets-module-meldcode": 50},
        "lastPage": "kindcheck",
    }
    page = context.new_page()
    page.goto(served_site + "/")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    text = dashboard_text(page, served_site)
    assert "Trainer" in text and "Verder waar je was: De kindcheck" in text
    assert "90% ✓ gehaald" in text and "50% ✗ nog niet gehaald" in text
    rec = record(page)
    assert rec["schema"] == 3 and rec["pages"]["meldcode"]["first"] == "2026-09-01T08:05:00.000Z"


def test_a_record_from_before_choices_were_kept_is_migrated_whole(context, served_site):
    """Schema 2 kept first answers but not the options chosen: all of it stays, and the old
    text is kept as a backup."""
    old = {
        "schema": 2, "course": "meldcode-ghnt", "created": "2026-10-01T08:00:00Z", "updated": "2026-10-02T08:00:00Z",
        "path": "jgz-professional", "name": "Anna", "last": {"page": "kindcheck", "at": "2026-10-02T08:00:00Z"},
        "pages": {"kindcheck": {"first": "2026-10-01T08:00:00Z", "last": "2026-10-02T08:00:00Z", "visits": 2}},
        "questions": {"af-tf-onterecht": {"attempts": 2, "best": 1, "last": 1, "first": 0, "at": "2026-10-02T08:00:00Z",
                                          "topics": ["afwegingskader"]}},
        "quizzes": {"toets-module-afwegen": {"attempts": 1, "best": 90, "last": 90, "passed": True,
                                             "at": "2026-10-02T08:00:00Z"}},
    }
    page = context.new_page()
    page.goto(served_site + "/")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    text = dashboard_text(page, served_site)
    assert "90% ✓ gehaald" in text and "Verder waar je was: De kindcheck" in text
    rec = record(page)
    assert rec["schema"] == 3 and rec["name"] == "Anna" and rec["path"] == "jgz-professional"
    assert rec["questions"]["af-tf-onterecht"] == {**old["questions"]["af-tf-onterecht"]}
    assert rec["pages"]["kindcheck"]["visits"] >= 2
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}:versie-2')")) == old


def test_changed_content_leaves_the_rest_of_the_record(context, served_site):
    page = context.new_page()
    page.goto(served_site + "/")
    rec = {
        "schema": 2, "course": "meldcode-ghnt", "created": "2026-10-01T08:00:00Z", "updated": "2026-10-01T08:00:00Z",
        "path": "jgz-professional", "name": "", "last": {"page": "een-hernoemde-pagina", "at": "2026-10-01T08:00:00Z"},
        "pages": {"kindcheck": {"first": "2026-10-01T08:00:00Z", "last": "2026-10-01T08:00:00Z", "visits": 2},
                  "een-hernoemde-pagina": {"first": "2026-10-01T08:00:00Z", "last": "2026-10-01T08:00:00Z", "visits": 1}},
        "questions": {"een-verwijderde-vraag": {"attempts": 1, "best": 0, "last": 0, "at": "2026-10-01T08:00:00Z"}},
        "quizzes": {},
    }
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(rec))})")
    text = dashboard_text(page, served_site)
    assert "Afwegen, beslissen en de kindcheck" in text and "1 van 2" in text
    kept = record(page)
    assert "een-hernoemde-pagina" in kept["pages"] and "een-verwijderde-vraag" in kept["questions"]


def import_file(page, path):
    page.locator("[data-elearn-dashboard] input[type=file]").set_input_files(str(path))
    return page.locator(".elearn-keep-status")


def test_export_reset_import_restores_the_same_dashboard(context, served_site, tmp_path):
    page = context.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").nth(1).click()
    page.goto(f"{served_site}/meldcode/stap-3-gesprek/")
    page.goto(f"{served_site}/toetsen/module-programma/")
    answer_quiz(page, "toets-module-programma", right=False)
    before = dashboard_text(page, served_site)
    # The weakest topics: pages that teach what went wrong, linked.
    weak = page.locator(".elearn-weak a")
    assert 1 <= weak.count() <= 5
    hrefs = weak.evaluate_all("links => links.map(a => a.href)")
    assert any("/programma/" in href for href in hrefs), hrefs
    assert not any("/voortgang/" in href or "/toetsen/" in href for href in hrefs), hrefs
    with page.expect_download() as download:
        page.get_by_role("button", name="Voortgang downloaden").click()
    exported = tmp_path / "voortgang.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["course"] == "meldcode-ghnt"
    page.get_by_role("button", name="Alles wissen").click()
    expect(page.locator(".elearn-keep-status")).to_contain_text("Weet je het zeker?")
    page.get_by_role("button", name="Ja, wis al mijn voortgang").click()
    assert "Je hebt nog geen leerpad gekozen" in page.locator("[data-elearn-dashboard]").inner_text()
    expect(import_file(page, exported)).to_contain_text("Ingeladen")
    assert dashboard_text(page, served_site) == before


@pytest.mark.parametrize("name, content, message", [
    ("script.json", None, "Ingeladen"),  # hostile text is kept as text, never run
    ("ander.json", {"schema": 2, "course": "een-andere-cursus"}, "hoort bij een andere cursus"),
    ("kapot.json", "{ dit is geen json", "geen voortgangsbestand"),
    ("groot.json", "x" * (10 * 1024 * 1024), "te groot"),
    ("leeg.json", {"schema": 99, "course": "meldcode-ghnt"}, "onbekende versie"),
])
def test_a_bad_or_hostile_import_changes_nothing(context, served_site, tmp_path, name, content, message):
    page = context.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").first.click()
    page.goto(f"{served_site}/voortgang/")
    before = record(page)
    if content is None:
        content = dict(before, name='<img src=x onerror="window.__pwned=1">', path="<script>window.__pwned=1</script>",
                       pages={"__proto__": {"first": "x"}, "kindcheck": {"first": "<b>", "last": "2026-01-01T00:00:00Z", "visits": 1}})
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    expect(import_file(page, path)).to_contain_text(message)
    assert page.evaluate("window.__pwned") is None
    after = record(page)
    if message == "Ingeladen":
        # Only what passes the checks came in; the name is text, an unknown path is dropped.
        assert after["path"] is None and "kindcheck" not in after["pages"] and "__proto__" not in after["pages"]
        page.goto(f"{served_site}/voortgang/certificaat/")
        assert page.locator("img").count() == 0
    else:
        assert after == before
    assert page.locator("[data-elearn-dashboard] img, [data-elearn-dashboard] script").count() == 0


@pytest.mark.build
def test_progress_works_from_disk(browser, tmp_path):
    """The same flow from file://: the built site opened by double-clicking index.html."""
    root = tmp_path / "course"
    import shutil

    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "bench", "tests", "*.egg-info"))
    edit(root / "mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nuse_directory_urls: false\n")
    site = tmp_path / "site"
    mkdocs_build(root, site)
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.get_by_role("button", name="Kies dit leerpad").nth(2).click()
    page.locator("article").get_by_role("link", name="De kindcheck", exact=True).click()
    assert page.url.endswith("meldcode/kindcheck.html")
    page.goto((site / "toetsen" / "module-afwegen.html").as_uri())
    answer_quiz(page, "toets-module-afwegen", right=True)
    page.reload()
    page.goto((site / "voortgang" / "index.html").as_uri())
    expect(page.get_by_role("heading", name="Jouw leerpad")).to_be_visible()
    text = page.locator("[data-elearn-dashboard]").inner_text()
    assert "JGZ-professional (zelfstudie)" in text and "✓ gehaald" in text
    assert "Verder waar je was: Toets: Afwegen, beslissen en de kindcheck" in text
    page.locator("[data-elearn-dashboard]").get_by_role("link", name="Toets: Afwegen, beslissen en de kindcheck").click()
    assert page.url.endswith("toetsen/module-afwegen.html")
    context.close()


def test_a_learner_completes_the_jgz_path_and_prints_a_certificate(context, served_site, tmp_path):
    page = context.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").nth(2).click()
    course = page.evaluate("window.ELEARN_COURSE")
    path = next(p for p in course["paths"] if p["id"] == "jgz-professional")
    for module_id in path["modules"]:
        module = next(m for m in course["modules"] if m["id"] == module_id)
        for page_id in module["pages"]:
            page.goto(f"{served_site}/{course['pages'][page_id]['url']}")
        page.goto(f"{served_site}/{course['pages']['toets-' + module_id]['url']}")
        quiz = answer_quiz(page, module["test"], right=True)
        expect(quiz.locator(".elearn-summary")).to_contain_text("Gehaald")
    text = dashboard_text(page, served_site)
    assert "JGZ-professional (zelfstudie): 100% klaar." in text
    assert "Je hebt dit leerpad afgerond." in text
    page.get_by_role("link", name="Maak je certificaat").click()
    page.get_by_label("Je naam op het certificaat").fill("Fatma de Vries")
    certificate = page.get_by_role("region", name="Certificaat")
    expect(certificate).to_contain_text("Fatma de Vries")
    expect(certificate).to_contain_text("heeft het leerpad “JGZ-professional (zelfstudie)” afgerond op")
    expect(certificate).to_contain_text("De meldcode in vijf stappen: toets 100%")
    violations = check_page(Axe(), page)
    assert violations == [], describe(violations)
    page.reload()  # the name is kept, locally
    expect(page.get_by_label("Je naam op het certificaat")).to_have_value("Fatma de Vries")
    page.emulate_media(media="print")
    expect(page.get_by_role("region", name="Certificaat")).to_be_visible()
    for hidden in [".md-header", ".md-sidebar--primary", ".md-banner", "label.elearn-name-label"]:
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = tmp_path / "certificaat.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_dashboard_fits_a_phone_and_keeps_module_names_whole(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").first.click()
    dashboard_text(page, served_site)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing to scroll sideways
    names = page.locator("table.elearn-modules td:first-child a")
    assert names.count() == 11
    for i in range(names.count()):
        # A word never breaks inside: every line holds whole words, so the widest word fits.
        widths = names.nth(i).evaluate("""a => {
            const words = a.textContent.split(/\\s+/), probe = document.createElement('span');
            a.parentNode.appendChild(probe);
            const widest = Math.max(...words.map(w => { probe.textContent = w; return probe.offsetWidth; }));
            probe.remove();
            return [widest, a.parentNode.clientWidth];
        }""")
        assert widths[0] <= widths[1], (names.nth(i).inner_text(), widths)
    context.close()
