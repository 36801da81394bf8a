"""Every question type in a real browser: wrong with explanation, right with a score, keyboard only."""

import pytest
from playwright.sync_api import expect

PAGE = "oefenen/"


@pytest.fixture
def page(browser, served_mini):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served_mini + "/" + PAGE)
    yield page
    assert errors == []
    context.close()


def question(page, qid):
    return page.locator(f'[data-elearn-question="{qid}"]')


def live(page, qid):
    """The quiz's ARIA live region, which screen readers announce."""
    region = page.locator(f'[data-elearn-quiz="{qid}"] .elearn-live')
    assert region.get_attribute("aria-live") == "polite"
    return region


def tab_to(page, css, limit=60):
    """Press Tab until the focused element matches ``css``: keyboard only."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(css) => document.activeElement && document.activeElement.matches(css)", css):
            return
    raise AssertionError(f"Tab never reached {css}")


def summary(page, qid):
    return page.locator(f'[data-elearn-quiz="{qid}"] .elearn-summary')


# --- per type: wrong answer explained, right answer scored ---------------------


def test_single_wrong_then_right(page):
    q = question(page, "v-single")
    q.get_by_label("Direct melden.").check()
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Niet goed."
    assert q.get_by_text("Nee, melden is een besluit in stap 5.", exact=True).is_visible()
    assert q.get_by_text("✗ niet juist").is_visible()
    expect(live(page, "v-single")).to_contain_text("Niet goed. Nee, melden is een besluit in stap 5.")
    # The focus moves to the feedback, so a screen reader reads it next.
    assert page.evaluate("document.activeElement.classList.contains('elearn-feedback')")
    q.get_by_role("button", name="Opnieuw proberen").click()
    q.get_by_label("Signalen in kaart brengen.").check()
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Goed!"
    assert q.get_by_text("Juist, in stap 1 leg je signalen vast.", exact=True).is_visible()
    assert summary(page, "v-single").inner_text().startswith("Je score: 1 van 1 (100%)")


def test_single_show_correct_answer(page):
    q = question(page, "v-single")
    q.get_by_label("Niets doen.").check()
    q.get_by_role("button", name="Controleer").click()
    q.get_by_role("button", name="Toon het juiste antwoord").click()
    assert q.get_by_label("Signalen in kaart brengen.").is_checked()
    assert q.get_by_text("✓ juist antwoord").is_visible()


def test_multiple_gives_partial_credit(page):
    q = question(page, "v-multiple")
    q.get_by_label("Overleggen.").check()
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Gedeeltelijk goed: 50% van de punten."
    assert q.get_by_text("De meldcode heeft vijf stappen.", exact=True).is_visible()  # general feedback
    expect(live(page, "v-multiple")).to_contain_text("Gedeeltelijk goed")
    assert summary(page, "v-multiple").inner_text().startswith("Je score: 0,5 van 1 (50%)")
    q.get_by_role("button", name="Opnieuw proberen").click()
    q.get_by_label("Overleggen.").check()
    q.get_by_label("Gesprek.").check()
    q.get_by_label("Straffen.").check()
    q.get_by_role("button", name="Controleer").click()
    # A wrong choice cancels a right one.
    assert q.locator(".elearn-verdict").inner_text() == "Gedeeltelijk goed: 50% van de punten."
    assert q.get_by_text("Nee, straffen hoort niet bij de meldcode.", exact=True).is_visible()


def test_truefalse_explains_both_ways(page):
    q = question(page, "v-truefalse")
    q.get_by_label("Waar", exact=True).check()
    q.get_by_role("button", name="Controleer").click()
    assert q.get_by_text("Nee, de meldcode is een stappenplan, geen meldplicht.", exact=True).is_visible()
    expect(live(page, "v-truefalse")).to_contain_text("Niet goed.")
    q.get_by_role("button", name="Opnieuw proberen").click()
    q.get_by_label("Onwaar").check()
    q.get_by_role("button", name="Controleer").click()
    assert q.get_by_text("Klopt, de meldcode is een stappenplan.", exact=True).is_visible()
    assert summary(page, "v-truefalse").inner_text().startswith("Je score: 1 van 1 (100%)")


def order_of(q):
    return q.locator(".elearn-order-item").evaluate_all("items => items.map(i => +i.dataset.index)")


def put_in_order(q):
    # Bubble the items into place with the up buttons only.
    for _ in range(6):
        order = order_of(q)
        for position in range(1, len(order)):
            if order[position] < order[position - 1]:
                q.locator(".elearn-order-item").nth(position).locator(".elearn-move").first.click()
                break
        else:
            return


def test_ordering_wrong_then_right(page):
    q = question(page, "v-ordering")
    assert order_of(q) != [0, 1, 2], "the page must not show the answer"
    q.get_by_role("button", name="Controleer").click()
    assert "Niet goed" in q.locator(".elearn-verdict").inner_text() or "Gedeeltelijk" in q.locator(".elearn-verdict").inner_text()
    assert q.get_by_text("hoort op plaats", exact=False).first.is_visible()
    assert q.get_by_text("Je begint met signalen.", exact=True).is_visible()
    q.get_by_role("button", name="Opnieuw proberen").click()
    put_in_order(q)
    assert order_of(q) == [0, 1, 2]
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Goed!"
    assert summary(page, "v-ordering").inner_text().startswith("Je score: 1 van 1 (100%)")


def test_matching_wrong_then_right(page):
    q = question(page, "v-matching")
    selects = q.locator("select")
    for i in range(3):
        selects.nth(i).select_option(label="Naar Veilig Thuis")
    q.get_by_role("button", name="Controleer").click()
    assert "Gedeeltelijk goed" in q.locator(".elearn-verdict").inner_text()
    assert q.get_by_text("Advies is raad vragen.", exact=True).is_visible()
    q.get_by_role("button", name="Opnieuw proberen").click()
    for i, answer in enumerate(["Naar Veilig Thuis", "Vragen om raad", "Zijn er kinderen?"]):
        selects.nth(i).select_option(label=answer)
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Goed!"


def test_shortanswer_ignores_case_and_spaces(page):
    q = question(page, "v-short")
    field = q.get_by_label("Je antwoord")
    field.fill("112")
    field.press("Enter")
    assert q.get_by_text("Het nummer is 0800-2000.", exact=True).is_visible()
    expect(live(page, "v-short")).to_contain_text("Niet goed.")
    q.get_by_role("button", name="Opnieuw proberen").click()
    field.fill("  0800   2000 ")
    q.get_by_role("button", name="Controleer").click()
    assert q.locator(".elearn-verdict").inner_text() == "Goed!"
    assert q.get_by_text("Klopt, 0800-2000.", exact=True).is_visible()


def test_case_walks_to_an_outcome_with_feedback_on_every_choice(page):
    q = question(page, "v-case")
    assert q.locator(".elearn-case-node:visible").count() == 1
    assert q.locator(".elearn-case-outcome:visible").count() == 0
    q.get_by_role("button", name="Je noteert wat je ziet.").click()
    assert q.get_by_text("Goed want feiten vastleggen is stap 1.", exact=True).is_visible()
    q.get_by_role("button", name="Je belt de ouders boos op en eist uitleg.").click()
    assert q.get_by_text("Een boos gesprek maakt het onveiliger.", exact=True).is_visible()
    expect(live(page, "v-case")).to_contain_text("Minder goede keuze")
    q.get_by_role("button", name="Je meldt bij Veilig Thuis.").click()
    outcome = q.locator(".elearn-case-outcome:visible")
    assert "Uitkomst: Melding gedaan" in outcome.inner_text()
    assert "Stap 5: Beslissen" in outcome.inner_text() and "afwegingsvraag 2" in outcome.inner_text()
    assert "2 van de 3 keer de beste stap" in q.locator(".elearn-verdict").inner_text()
    assert summary(page, "v-case").inner_text().startswith("Je score: 0,7 van 1 (67%)")
    q.get_by_role("button", name="Casus opnieuw spelen").click()
    assert q.locator(".elearn-case-node:visible").count() == 1


# --- keyboard only: from Tab to result -----------------------------------------


def check_by_keyboard(page, qid):
    tab_to(page, f'[data-elearn-question="{qid}"] .elearn-check')
    page.keyboard.press("Enter")
    return question(page, qid).locator(".elearn-verdict").inner_text()


def focused(page, css) -> bool:
    return page.evaluate("(css) => document.activeElement.matches(css)", css)


def test_keyboard_single(page):
    # Into the radio group, then the arrow keys move and choose, as in any radio group; the
    # options stand in a random order, so the right one (written first) can be anywhere.
    tab_to(page, '[data-elearn-question="v-single"] input')
    for _ in range(4):
        if focused(page, '[data-elearn-question="v-single"] input[value="0"]'):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # chooses the focused option, also the first one
    assert check_by_keyboard(page, "v-single") == "Goed!"


def test_keyboard_multiple(page):
    # Every checkbox is a stop of its own: tick the two right ones on the way past.
    tab_to(page, '[data-elearn-question="v-multiple"] input')
    for _ in range(3):
        if focused(page, 'input[value="0"], input[value="1"]'):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert check_by_keyboard(page, "v-multiple") == "Goed!"


def test_keyboard_truefalse(page):
    tab_to(page, '[data-elearn-question="v-truefalse"] input')
    page.keyboard.press("ArrowDown")  # from Waar to Onwaar
    assert check_by_keyboard(page, "v-truefalse") == "Goed!"


def test_keyboard_ordering(page):
    q = question(page, "v-ordering")
    for _ in range(6):
        order = order_of(q)
        wrong = next((p for p in range(1, len(order)) if order[p] < order[p - 1]), None)
        if wrong is None:
            break
        index = order[wrong]
        tab_to(page, f'[data-elearn-question="v-ordering"] .elearn-order-item[data-index="{index}"] .elearn-move')
        page.keyboard.press("Enter")
        # The focus stays on the moved item's button, so the next press moves it again.
        assert page.evaluate("document.activeElement.closest('.elearn-order-item').dataset.index") == str(index)
        page.keyboard.press("Shift+Tab")  # leave, so the next tab walk starts fresh
    assert order_of(q) == [0, 1, 2]
    assert check_by_keyboard(page, "v-ordering") == "Goed!"


def test_keyboard_matching(page):
    q = question(page, "v-matching")
    for i, answer in enumerate(["Naar Veilig Thuis", "Vragen om raad", "Zijn er kinderen?"]):
        tab_to(page, f'[data-elearn-question="v-matching"] select[name$="-{i}"]')
        options = q.locator("select").nth(i).locator("option").all_inner_texts()
        for _ in range(options.index(answer)):
            page.keyboard.press("ArrowDown")
    assert check_by_keyboard(page, "v-matching") == "Goed!"


def test_keyboard_shortanswer(page):
    tab_to(page, '[data-elearn-question="v-short"] input')
    page.keyboard.type("0800-2000")
    page.keyboard.press("Enter")
    assert question(page, "v-short").locator(".elearn-verdict").inner_text() == "Goed!"


def test_keyboard_case(page):
    for text in ["Je noteert wat je ziet.", "Je overlegt met de aandachtsfunctionaris.", "Je meldt bij Veilig Thuis."]:
        tab_to(page, '[data-elearn-question="v-case"] .elearn-choice-button:not([disabled])')
        while page.evaluate("document.activeElement.textContent.trim()") != text:
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    verdict = question(page, "v-case").locator(".elearn-verdict").inner_text()
    assert "3 van de 3 keer de beste stap" in verdict


# --- tests: a fresh draw from the pool, mastery -----------------------------------


def test_module_test_draws_from_the_pool_and_redraws_on_retry(browser, served_mini):
    page = browser.new_page()
    page.goto(served_mini + "/toetsen/module-een/")
    quiz = page.locator('[data-elearn-quiz="toets-module-een"]')
    assert quiz.locator(".elearn-question").count() == 7
    drawn = set()
    for attempt in range(6):
        visible = quiz.locator(".elearn-question:visible")
        assert visible.count() == 4
        ids = tuple(visible.evaluate_all("qs => qs.map(q => q.dataset.elearnQuestion)"))
        drawn.add(ids)
        numbers = visible.locator(".elearn-number").all_inner_texts()
        assert numbers == ["Vraag 1.", "Vraag 2.", "Vraag 3.", "Vraag 4."][: len(numbers)]
        # Answer everything wrong or empty-proof: pick something and check.
        for i in range(4):
            q = visible.nth(i)
            kind = q.get_attribute("data-elearn-type")
            if kind in ("single", "multiple", "truefalse"):
                q.locator("input").last.check()
            elif kind == "matching":
                for s in q.locator("select").all():
                    s.select_option(index=1)
            elif kind == "shortanswer":
                q.locator("input").fill("nee")
            if kind == "case":
                while q.locator(".elearn-case-outcome:visible").count() == 0:
                    q.locator(".elearn-case-node:visible .elearn-choice-button:not([disabled])").last.click()
            else:
                q.get_by_role("button", name="Controleer").click()
                assert q.get_by_role("button", name="Opnieuw proberen").count() == 0  # no per-question retry in a test
        text = quiz.locator(".elearn-summary").inner_text()
        assert "Nog niet gehaald: je hebt 80% nodig." in text or "Gehaald" in text
        quiz.get_by_role("button", name="Opnieuw, met nieuwe vragen").click()
    assert len(drawn) > 1, "a retry must draw afresh"
    page.close()


@pytest.mark.build
def test_quizzes_work_after_instant_navigation(browser, mini, tmp_path):
    """Material's instant navigation swaps pages without a load event; quizzes must still work."""
    from helpers import edit, mkdocs_build, serving

    site = tmp_path / "site"
    with serving(site) as url:
        # Instant navigation only follows links the sitemap (built from site_url) knows.
        edit(mini / "mkdocs.yml", "site_name: Mini-cursus\n", f"site_name: Mini-cursus\nsite_url: {url}/\n")
        edit(mini / "mkdocs.yml", "  font: false\n", "  font: false\n  features:\n    - navigation.instant\n")
        mkdocs_build(mini, site)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/")
        page.evaluate("window.__sameDocument = true")
        page.locator("article").get_by_role("link", name="Oefenen", exact=True).click()
        page.wait_for_url("**/oefenen/")
        assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
        q = question(page, "v-single")
        q.get_by_label("Signalen in kaart brengen.").check()
        q.get_by_role("button", name="Controleer").click()
        expect(q.locator(".elearn-verdict")).to_have_text("Goed!")
        assert errors == []  # Material re-runs inline scripts: our data must be harmless as code
        page.close()
