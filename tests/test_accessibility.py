"""WCAG 2.1 AA: axe-core on every page of the built site. Zero violations."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def describe(violations):
    return "\n".join(
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )


def test_every_page_has_no_wcag_aa_violations(browser, served_site, built_site):
    axe = Axe()
    page = browser.new_page()
    failures = {}
    for path in sorted(built_site.rglob("index.html")):
        uri = path.relative_to(built_site).as_posix().removesuffix("index.html")
        page.goto(f"{served_site}/{uri}")
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        if violations:
            failures[uri or "/"] = describe(violations)
    page.close()
    assert failures == {}, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
