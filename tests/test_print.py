"""Print: questions without JavaScript, hand-outs and answer keys as PDF, pages without navigation.

What we expect on paper is computed here from the question bank's YAML, not from our code.
"""

import logging
import re

import pytest
import yaml
from playwright.sync_api import expect
from pypdf import PdfReader

from helpers import FIXTURES, REPO, mkdocs_build


def test_questions_print_without_javascript(browser, served_mini, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_mini + "/oefenen/")
    page.emulate_media(media="print")
    for text in ["Wat doe je in stap 1?", "Signalen in kaart brengen.", "Welke stappen horen bij de meldcode?",
                 "Stelling: je moet elk vermoeden melden.", "Zet de stappen in volgorde.", "Wegen",
                 "Koppel elk begrip aan de uitleg.", "Welk nummer heeft Veilig Thuis?", "Casus Mini",
                 "Je ziet de plekken voor het eerst.", "Je noteert wat je ziet."]:
        expect(page.locator("article").get_by_text(text).first).to_be_visible()
    # Controls that need the script do not print; feedback does not give the answer away.
    expect(page.locator(".elearn-check").first).to_be_hidden()
    expect(page.get_by_text("Juist, in stap 1 leg je signalen vast.")).to_be_hidden()
    pdf = tmp_path / "oefenen.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 2
    context.close()


# --- hand-outs and answer keys ----------------------------------------------------------


def words(text: str) -> str:
    """Text as it reads: Markdown marks gone, and one space wherever a line was broken.
    (List bullets are drawn, not written, so they never get in the way.)"""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", re.sub(r"[*`]", "", text)).strip()


def printed(page, url: str, path) -> list[str]:
    """The text of each page of the PDF that Chromium prints of ``url``."""
    page.goto(url)
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4")
    # A line may break after the hyphen in "KNMG-meldcode": that is no space.
    return [words(re.sub(r"(?<=\w-)\n", "", p.extract_text())) for p in PdfReader(path).pages]


def expected(bank_file):
    """From the bank's YAML: its module, every prompt, what only the key may say, and the
    texts that would give an answer away (feedback, explanations, debriefs)."""
    bank = yaml.safe_load(bank_file.read_text(encoding="utf-8"))
    prompts, answers, giveaways = [], [], []
    for q in bank["vragen"]:
        prompts.append(words(q["vraag"]))
        giveaways += [words(q[key]) for key in ("uitleg", "feedback_waar", "feedback_onwaar", "feedback_goed",
                                                 "feedback_fout") if key in q]
        kind = q["type"]
        if kind in ("single", "multiple"):
            # With the hand-out's letter before each answer: the options stand in a shuffled order.
            right = [re.escape(words(o["tekst"])) for o in q["opties"] if o.get("goed")]
            answers.append(re.compile(r"Juist antwoord: [A-Z]\. " + right[0]) if kind == "single" else
                           re.compile(r"Juiste antwoorden: (?:[A-Z]\. (?:" + "|".join(right) + r") ?){%d}" % len(right)))
            giveaways += [words(o["feedback"]) for o in q["opties"]]
        elif kind == "truefalse":
            answers.append("Juist antwoord: " + ("Waar" if q["juist"] else "Onwaar"))
        elif kind == "ordering":
            # each item in its place, with its feedback in between
            answers.append(re.compile("Juiste volgorde: " + " .*?".join(
                re.escape(f"{n}. {words(i['tekst'])}") for n, i in enumerate(q["items"], start=1))))
            giveaways += [words(i["feedback"]) for i in q["items"]]
        elif kind == "matching":
            answers += [re.compile(re.escape(f"{p['term']} → ") + r"[A-Z]\. " + re.escape(p["hoort_bij"]))
                        for p in q["paren"]]
            giveaways += [words(p["feedback"]) for p in q["paren"]]
        elif kind == "shortanswer":
            answers.append("Goed gerekend wordt: " + " of ".join(q["antwoorden"]))
        elif kind == "case":
            for node in q["situaties"]:
                right = [re.escape(words(c["tekst"])) for c in node["keuzes"] if c.get("goed")]
                answers.append(re.compile(("Beste keuze: " if len(right) == 1 else "Beste keuzes: ")
                                          + " / ".join(r"[A-Z]\. (?:" + "|".join(right) + ")" for _ in right)))
                giveaways += [words(c["feedback"]) for c in node["keuzes"]]
            giveaways += [words(o["tekst"]) for o in q["uitkomsten"]]
    return bank["module"], prompts, answers, giveaways


def found(answer, text: str) -> bool:
    return bool(answer.search(text)) if isinstance(answer, re.Pattern) else answer in text


@pytest.mark.parametrize("site, bank_file", [
    ("served_mini", FIXTURES / "mini" / "quizzes" / "mini.yml"),
    ("served_site", REPO / "quizzes" / "afwegen.yml"),  # a real module: 41 questions, 4 cases
])
def test_handout_and_answer_key_print_the_questions_and_only_the_key_the_answers(
        request, browser, tmp_path, site, bank_file):
    base = request.getfixturevalue(site)
    module, prompts, answers, giveaways = expected(bank_file)
    page = browser.new_page()
    handout_pages = printed(page, f"{base}/trainers/hand-outs/{module}/", tmp_path / "hand-out.pdf")
    key_pages = printed(page, f"{base}/trainers/antwoorden/{module}/", tmp_path / "antwoorden.pdf")
    page.close()
    handout, key = " ".join(handout_pages), " ".join(key_pages)

    assert [p for p in prompts if p not in handout] == []
    assert [p for p in prompts if p not in key] == []
    assert handout.index(prompts[0]) < handout.index(prompts[-1])  # in the bank's order
    assert [str(a) for a in answers if not found(a, key)] == []
    assert [str(a) for a in answers if found(a, handout)] == []
    assert [g for g in giveaways if g not in key] == []
    assert [g for g in giveaways if g in handout] == []
    for label in ("Juist antwoord", "Juiste", "Beste keuze", "Goed gerekend", "Uitleg", "Uitkomst"):
        assert label not in handout
    assert "Voor de trainer" in key_pages[0]
    assert "Antwoorden" not in handout_pages[0]  # no link to the key on the participant's paper
    # Every case starts on a new sheet.
    questions = yaml.safe_load(bank_file.read_text(encoding="utf-8"))["vragen"]
    cases = [f"Vraag {n}. {q['titel']}" for n, q in enumerate(questions, start=1) if q["type"] == "case"]
    assert cases and [c for c in cases if not any(p.startswith(c) for p in handout_pages)] == []


def test_handout_html_holds_no_answer_not_even_hidden(mini_site):
    """A participant may open the page: nothing in its HTML gives an answer away."""
    _, prompts, answers, giveaways = expected(FIXTURES / "mini" / "quizzes" / "mini.yml")
    html = (mini_site / "trainers" / "hand-outs" / "module-een" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    text = words(re.sub(r"<[^>]+>", " ", article))
    assert all(p in text for p in prompts)
    assert [g for g in giveaways if g in html] == []
    assert [str(a) for a in answers if found(a, text)] == []
    # No quiz data either: the script's JSON names the correct options.
    assert "elearn-data" not in html and "data-elearn-quiz" not in html and '"correct"' not in html
    # The short answer's accepted answers; only the helpline banner, outside the article,
    # names the number of Veilig Thuis (and it does not print).
    assert "0800 2000" not in html and "0800-2000" not in article
    # The ordering question's items are not in the right order.
    ordering = text.split("Zet de stappen in volgorde.")[1].split("Vraag 5")[0]
    assert all(item in ordering for item in ["Signalen", "Overleggen", "Wegen"])
    assert not ordering.index("Signalen") < ordering.index("Overleggen") < ordering.index("Wegen")


@pytest.mark.build
def test_trainer_section_lists_handouts_and_keys_without_session_plans(mini, tmp_path, caplog):
    site = tmp_path / "site"
    with caplog.at_level(logging.INFO):
        mkdocs_build(mini, site)
    index = (site / "trainers" / "index.html").read_text(encoding="utf-8")
    assert "Hand-outs en antwoorden" in index and "Sessieplannen" not in index
    assert 'href="hand-outs/module-een/">hand-out</a>' in index
    assert 'href="antwoorden/module-een/">antwoorden</a>' in index
    # The section is in the navigation, after the module; the index leads on to the
    # hand-outs and keys, so the learner's sidebar does not list two pages per module.
    home = (site / "index.html").read_text(encoding="utf-8")
    nav_titles = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', home)
    assert nav_titles.index("Toets: Module een") < nav_titles.index("Voor trainers")
    assert not [t for t in nav_titles if t.startswith(("Hand-out", "Antwoorden"))]
    assert "not included in the \"nav\"" not in caplog.text  # nothing for the author to worry about


# --- every page prints without the site around it ---------------------------------------


@pytest.mark.parametrize("uri", ["meldcode/stap-1-signalen/", "sectoren/onderwijs/"])
def test_content_and_route_pages_print_without_navigation(browser, served_site, tmp_path, uri):
    page = browser.new_page()
    page.goto(f"{served_site}/{uri}")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-top", ".md-content__button"]:
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    # A link to another page of the course is plain text on paper: no colour, no underline.
    citation = page.locator("article a.elearn-bron").first
    style = citation.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a.parentElement).color,"
                              " getComputedStyle(a).textDecorationLine]")
    assert style == ["rgb(0, 0, 0)", "rgb(0, 0, 0)", "none"]
    text = " ".join(printed(page, f"{served_site}/{uri}", tmp_path / "page.pdf"))
    title = page.locator("article h1").inner_text()
    assert text.startswith(title)  # nothing above the content
    for navigation in ["Voor trainers", "Mijn voortgang", "Naslag", "Zoeken", "Made with"]:
        assert navigation not in text
    page.close()


def test_external_links_print_their_address(browser, served_mini, served_site, tmp_path):
    page = browser.new_page()
    own = " ".join(printed(page, f"{served_mini}/eigen-pagina/", tmp_path / "eigen.pdf"))
    assert "Meer lezen: de meldcode uitgelegd (https://example.org/meldcode)." in own
    # Where the link text is the address already, it is printed once.
    sources = " ".join(printed(page, f"{served_site}/bronnen/", tmp_path / "bronnen.pdf"))
    assert "Website: https://" in sources and "(https://" not in sources
    page.close()
