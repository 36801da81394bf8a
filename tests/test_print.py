"""Questions read and print without JavaScript."""

from playwright.sync_api import expect


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
