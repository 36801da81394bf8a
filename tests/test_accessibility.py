"""WCAG 2.1 AA: axe-core on every page of the built site. Zero violations."""

from axe_playwright_python.sync_playwright import Axe

from helpers import answer_every_question, answer_quiz, check_page, describe

def test_every_page_has_no_wcag_aa_violations(browser, served_site, built_site):
    axe = Axe()
    page = browser.new_page()
    failures = {}
    for path in sorted(built_site.rglob("index.html")):
        uri = path.relative_to(built_site).as_posix().removesuffix("index.html")
        page.goto(f"{served_site}/{uri}")
        violations = check_page(axe, page)
        if violations:
            failures[uri or "/"] = describe(violations)
    page.close()
    assert failures == {}, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())


def test_quizzes_have_no_violations_when_answered_wrong_and_right(browser, served_mini):
    axe = Axe()
    page = browser.new_page()
    for right in (False, True):
        page.goto(f"{served_mini}/oefenen/")
        answer_every_question(page, right)
        assert page.locator(".elearn-feedback:visible").count() == 7
        violations = check_page(axe, page)
        assert violations == [], describe(violations)
    page.goto(f"{served_mini}/toetsen/module-een/")
    answer_every_question(page, right=False)
    assert page.locator(".elearn-summary:visible").count() == 1
    violations = check_page(axe, page)
    assert violations == [], describe(violations)
    page.close()


def test_progress_pages_have_no_violations_with_progress(browser, served_site):
    axe = Axe()
    page = browser.new_page()
    page.goto(served_site + "/")
    page.get_by_role("button", name="Kies dit leerpad").nth(2).click()
    page.goto(f"{served_site}/meldcode/kindcheck/")
    page.goto(f"{served_site}/toetsen/module-afwegen/")
    answer_quiz(page, "toets-module-afwegen", right=False)
    for uri in ["", "voortgang/", "voortgang/certificaat/", "meldcode/kindcheck/"]:
        page.goto(f"{served_site}/{uri}")
        page.locator(".elearn-nav-mark").first.wait_for()  # progress is drawn
        violations = check_page(axe, page)
        assert violations == [], f"{uri or '/'}: " + describe(violations)
    page.goto(f"{served_site}/voortgang/")
    page.get_by_role("button", name="Alles wissen").click()  # the confirmation state too
    violations = check_page(axe, page)
    assert violations == [], describe(violations)
    page.close()
