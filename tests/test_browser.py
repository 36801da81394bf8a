"""The built site in a real browser, served from loopback: privacy and keyboard."""

from urllib.parse import urlparse

from helpers import answer_every_question

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def test_every_page_renders_and_no_request_leaves_loopback(browser, served_site, built_site):
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append((r.method, r.url)))
    page = context.new_page()
    uris = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(uris) >= 15
    for uri in uris:
        response = page.goto(f"{served_site}/{uri.removesuffix('index.html')}")
        assert response.ok, uri
        banner = page.locator(".md-banner")
        assert banner.is_visible(), uri
        assert "0800-2000" in banner.inner_text()
        assert page.locator("h1").count() == 1, uri
    # Search runs in the browser too.
    page.locator("input.md-search__input").fill("kindcheck")
    page.locator(".md-search-result__item").first.wait_for()
    # Answering questions sends nothing anywhere.
    page.goto(f"{served_site}/toetsen/module-afwegen/")
    answer_every_question(page, right=False)
    foreign = [u for _, u in requests if urlparse(u).scheme in ("http", "https") and urlparse(u).hostname not in LOOPBACK]
    assert foreign == []
    assert {method for method, _ in requests} == {"GET"}, "no learner data may be sent"
    assert context.cookies() == []
    context.close()


def test_privacy_statement_says_what_is_stored_and_how_to_remove_it(browser, served_site):
    page = browser.new_page()
    page.goto(f"{served_site}/privacy/")
    text = page.locator("article").inner_text()
    for phrase in ["Geen cookies", "Geen verzoeken naar andere servers", "localStorage", "Hoe je alles verwijdert"]:
        assert phrase in text
    page.close()


def focus_walk(page, key, limit=400):
    """Press ``key`` repeatedly; return the focused elements in order, one lap of the page."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        info = page.evaluate(
            """() => { const e = document.activeElement;
                 if (!e || e === document.body) return null;
                 if (!e.dataset.walkId) e.dataset.walkId = String(Math.random());
                 return e.dataset.walkId; }"""
        )
        if info is None or (seen and info == seen[0]):
            break  # left the document or came round again: focus is not trapped
        assert not (seen and info == seen[-1]), "focus is stuck on one element"
        seen.append(info)
    else:
        raise AssertionError("Tab never left the page: a focus trap")
    return seen


CONTROLS = "article :is(a[href], button, input, select, textarea, [tabindex='0']):visible"
# [group key, reached?] per enabled control; radios share their group's key.
CONTROL_KEYS = """els => els.filter(e => !e.disabled).map((e, i) =>
    [e.type === 'radio' ? 'radio:' + e.name : 'el:' + i, !!e.dataset.ATTR])"""


def test_keyboard_walk_through_a_full_module_reaches_every_control(browser, served_site):
    page = browser.new_page()
    for uri in ["meldcode/afwegingskader/", "meldcode/kindcheck/", "toetsen/module-afwegen/"]:
        page.goto(f"{served_site}/{uri}")
        focus_walk(page, "Tab")
        # A radio group is one Tab stop; the arrow keys move within it.
        controls = page.locator(CONTROLS).evaluate_all(CONTROL_KEYS.replace("ATTR", "walkId"))
        reached = {key for key, hit in controls if hit}
        missing = [key for key, hit in controls if key not in reached]
        assert controls and not missing, f"{uri}: {len(missing)} of {len(controls)} controls not reached by Tab"
        page.evaluate("document.querySelectorAll('[data-walk-id]').forEach(e => delete e.dataset.walkId)")
        focus_walk(page, "Shift+Tab")
        controls = page.locator(CONTROLS).evaluate_all(CONTROL_KEYS.replace("ATTR", "walkId"))
        reached = {key for key, hit in controls if hit}
        missing = [key for key, hit in controls if key not in reached]
        assert not missing, f"{uri}: Shift+Tab misses {missing[:5]}"
    page.close()
