"""Classroom mode: a quiz or a case projected for a group, stepped through by keyboard or clicker."""

import json

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from helpers import check_page, describe


def record(page):
    raw = page.evaluate("localStorage.getItem('elearn:mini')")
    return json.loads(raw) if raw else {}


def inside_classroom(page) -> bool:
    return page.evaluate("!!document.activeElement.closest('.is-classroom') || document.activeElement === document.body")


def test_a_case_steps_through_by_keyboard_and_stores_nothing(browser, served_mini):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served_mini + "/oefenen/")
    case = page.locator('[data-elearn-quiz="v-case"]')
    opener = case.get_by_role("button", name="Klassikaal tonen")
    opener.focus()
    page.keyboard.press("Enter")
    status = page.locator(".elearn-classroom-status")
    expect(status).to_have_text("Casus, beslismoment 1")
    expect(case).to_have_attribute("aria-modal", "true")
    expect(case.get_by_text("Je ziet de plekken voor het eerst.")).to_be_visible()
    expect(case.get_by_text("Je twijfelt wat het betekent.")).to_be_hidden()
    expect(case.get_by_text("Goed want feiten vastleggen is stap 1.", exact=True)).to_be_hidden()

    page.keyboard.press("ArrowRight")  # reveal: every choice with its feedback, the best one marked
    expect(case.get_by_text("Goed want feiten vastleggen is stap 1.", exact=True)).to_be_visible()
    expect(case.get_by_text("Wegkijken laat het kind alleen.", exact=True)).to_be_visible()
    expect(case.locator(".elearn-choice.is-correct")).to_contain_text("goede keuze")
    page.keyboard.press(" ")  # on along the best choice
    expect(status).to_have_text("Casus, beslismoment 2")
    expect(case.get_by_text("Je ziet de plekken voor het eerst.")).to_be_hidden()
    expect(case.get_by_text("Je twijfelt wat het betekent.")).to_be_visible()

    page.keyboard.press(".")  # a clicker's "blank screen", Material's "next page": nothing happens
    assert page.url.endswith("/oefenen/")
    # The group picks the angry phone call (written second), by its number in the shuffled list.
    shown = case.locator('[data-node="c-twee"] .elearn-choice').evaluate_all("cs => cs.map(c => c.dataset.index)")
    page.keyboard.press(str(shown.index("1") + 1))
    expect(case.get_by_text("Een boos gesprek maakt het onveiliger.", exact=True)).to_be_visible()
    expect(case.get_by_text("Goed want overleggen is stap 2.", exact=True)).to_be_hidden()
    page.keyboard.press("PageDown")  # a presenter clicker
    expect(case.get_by_text("Goed want overleggen is stap 2.", exact=True)).to_be_visible()
    page.keyboard.press("PageDown")
    expect(status).to_have_text("Casus, beslismoment 3")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    expect(case.get_by_text("Uitkomst: Melding gedaan", exact=True)).to_be_visible()
    expect(status).to_have_text("Casus, uitkomst")
    expect(case.get_by_role("button", name="Einde: sluiten")).to_be_visible()

    # The rest of the page is out of reach, and Tab stays on the stage.
    assert page.locator(".md-header").evaluate("e => !!e.closest('[inert]')")
    for _ in range(12):
        page.keyboard.press("Tab")
        assert inside_classroom(page)

    axe = Axe()
    violations = check_page(axe, page)
    assert violations == [], describe(violations)

    page.keyboard.press("Escape")
    expect(page.locator(".is-classroom")).to_have_count(0)
    expect(opener).to_be_focused()
    assert not page.locator(".md-header").evaluate("e => !!e.closest('[inert]')")
    # The learner's view starts clean, and the classroom left nothing in the record.
    expect(case.get_by_text("Je ziet de plekken voor het eerst.")).to_be_visible()
    expect(case.get_by_text("Uitkomst: Melding gedaan", exact=True)).to_be_hidden()
    rec = record(page)
    assert rec["questions"] == {} and rec["quizzes"] == {}
    page.close()


def test_a_test_is_projected_one_question_at_a_time(browser, served_mini):
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    page.goto(served_mini + "/toetsen/module-een/?klassikaal=toets-module-een")
    quiz = page.locator('[data-elearn-quiz="toets-module-een"]')
    status = page.locator(".elearn-classroom-status")
    expect(status).to_have_text("Vraag 1 van 4")  # the test draws 4 of its 7
    seen = []
    for n in range(1, 5):
        stage = quiz.locator(".elearn-question:visible")
        expect(stage).to_have_count(1)
        seen.append(stage.get_attribute("data-elearn-question"))
        feedback = stage.locator(".elearn-feedback")
        if stage.get_attribute("data-elearn-type") != "case":
            expect(feedback).to_be_hidden()
            expect(stage.locator(".elearn-number")).to_have_text(f"Vraag {n}.")
            page.keyboard.press("ArrowRight")  # reveal
            expect(feedback).to_be_visible()
            expect(stage.locator(".elearn-source")).to_be_visible()
            if stage.get_attribute("data-elearn-type") in ("single", "multiple", "truefalse", "ordering", "matching"):
                expect(stage.locator(".is-correct").first).to_be_visible()
        else:
            while quiz.locator(".elearn-case-outcome:visible").count() == 0:
                page.keyboard.press("ArrowRight")
        if n < 4:
            page.keyboard.press("ArrowRight")
            expect(status).to_contain_text(f"Vraag {n + 1} van 4")
    expect(page.get_by_role("button", name="Einde: sluiten")).to_be_visible()
    assert len(set(seen)) == 4
    page.keyboard.press("ArrowLeft")
    expect(status).to_contain_text("Vraag 3 van 4")
    page.keyboard.press("Home")
    expect(status).to_contain_text("Vraag 1 van 4")
    page.keyboard.press("Escape")
    expect(page.locator(".is-classroom")).to_have_count(0)
    assert "klassikaal" not in page.url  # a reload shows the learner's page
    rec = record(page)
    assert rec["questions"] == {} and rec["quizzes"] == {}
    # A learner's own test has no classroom button: closing one would start the attempt afresh.
    expect(quiz.get_by_role("button", name="Klassikaal tonen")).to_have_count(0)
    page.close()


def test_showing_the_answer_keeps_the_groups_choice(browser, served_mini):
    page = browser.new_page()
    page.goto(served_mini + "/oefenen/")
    quiz = page.locator('[data-elearn-quiz="v-multiple"]')
    quiz.get_by_role("button", name="Klassikaal tonen").click()
    expect(page.locator(".elearn-classroom-status")).to_have_text("Vraag 1 van 1")
    data = json.loads(quiz.locator("script").first.text_content())[0]["questions"]["v-multiple"]
    # The number keys follow the options as shown, in their shuffled order.
    shown = [int(i) for i in quiz.locator(".elearn-option").evaluate_all("os => os.map(o => o.dataset.index)")]
    wrong = next(place for place, i in enumerate(shown) if i not in data["correct"])
    page.keyboard.press(str(wrong + 1))  # the group's answer, picked with a number key
    page.keyboard.press(" ")
    options = quiz.locator(".elearn-option")
    expect(options.nth(wrong)).to_contain_text("niet juist (gekozen)")
    assert options.nth(wrong).locator("input").is_checked()
    for place, i in enumerate(shown):
        if i in data["correct"]:
            expect(options.nth(place).locator(".elearn-mark")).to_have_text("✓ juist antwoord")
    page.keyboard.press("ArrowRight")  # past the last question: the projection closes
    expect(page.locator(".is-classroom")).to_have_count(0)
    page.close()


def test_a_session_plan_opens_one_question_for_the_group(browser, served_site, built_site):
    plan = (built_site / "trainers" / "meldcode-in-de-praktijk" / "index.html").read_text(encoding="utf-8")
    assert "?klassikaal=toets-module-afwegen&amp;vraag=af-casus-bakker" in plan
    page = browser.new_page()
    page.goto(served_site + "/trainers/meldcode-in-de-praktijk/")
    page.locator('a[href*="vraag=af-casus-bakker"]').first.click()
    expect(page.locator(".elearn-classroom-status")).to_have_text("Casus, beslismoment 1")
    expect(page.locator(".is-classroom .elearn-case-title:visible")).to_have_text("Casus gezin Bakker (wijkteam)")
    page.close()
