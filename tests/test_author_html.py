"""The HTML policy for author text, one text at a time: what runs code or loads from elsewhere is
refused, however it is written; plain Markdown and the safe part of HTML pass."""

import pytest

from elearn.validate.author_html import check_page, problems_in_markdown

REFUSED = {
    "script": "Tekst <script>alert(1)</script>",
    "script in capitals": "<SCRIPT>alert(1)</SCRIPT>",
    "split script": "<scr<script>ipt>",
    "iframe": '<iframe src="https://example.org"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "style element": "<style>body{display:none}</style>",
    "svg onload": "<svg/onload=alert(1)>",
    "onerror": "<img src=x onerror=alert(1)>",
    "onerror in capitals": "<IMG SRC=x OnError=alert(1)>",
    "onclick on a link": '<a href="#" onclick="alert(1)">x</a>',
    "style that loads": '<span style="background:url(https://e.org/a.png)">x</span>',
    "javascript link (Markdown)": "[lees](javascript:alert(1))",
    "javascript link (reference)": "[x][1]\n\n[1]: javascript:alert(1)",
    "javascript with a tab entity": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data URL": "[klik](data:text/html,hallo)",
    "image from elsewhere": '<img src="https://example.org/a.png" alt="a">',
    "image from elsewhere, no scheme": '<img src="//example.org/a.png" alt="a">',
    "srcset from elsewhere": '<img src="a.png" srcset="a.png 1x, https://example.org/b.png 2x" alt="a">',
    "video from elsewhere": '<video src="https://example.org/a.mp4"></video>',
    "form": '<form action="https://example.org"><input name="x"></form>',
    "base": '<base href="https://example.org/">',
}

ALLOWED = {
    "plain": "Een gewone zin, met *nadruk* en **vet**.",
    "link elsewhere": "Lees [de wet](https://wetten.overheid.nl/).",
    "safe tags": "<b>vet</b>, <em>nadruk</em>, regel<br>na regel, <abbr title='Veilig Thuis'>VT</abbr>",
    "details": "<details><summary>Meer</summary>Tekst</details>",
    "image in the site": '<img src="../plaatje.png" alt="x">',
    "closed comment": "x <!-- opmerking --> y",
    "unclosed comment": "Tekst <!-- en de rest",  # Markdown escapes it
    "a lone <": "Tekst <img src=x onerror=alert(1)",  # Markdown escapes it: shown as text, never a tag
    "code span": "Schrijf `<script>` nooit in een vraag.",
    "ampersand": "Kinderen & ouders",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_what_runs_or_loads_is_refused(text):
    problems = problems_in_markdown(text)
    assert problems, text
    assert all(p.message and p.hint for p in problems)


@pytest.mark.parametrize("text", ALLOWED.values(), ids=ALLOWED.keys())
def test_markdown_and_safe_html_pass(text):
    assert problems_in_markdown(text) == []


def test_a_page_is_read_as_the_site_converts_it():
    page = "# Titel\n\nTekst.\n\n```html\n<script>alert(1)</script>\n```\n\nMeer: <iframe src='x'></iframe>\n"
    found = check_page(page, "content/p.md", "p.md", {"p.md"})
    assert [d.format() for d in found] == [
        "content/p.md:9:7: fout: <iframe> (een ingesloten pagina (iframe)) mag niet in de tekst van de cursus: het "
        "zou code laten lopen of iets van elders laden in de browser van elke leerling\n"
        "    tip: laat het weg; een link naar een andere site schrijf je als [tekst](https://...)"]


def test_a_link_to_a_missing_page_names_the_nearest():
    found = check_page("Zie [stap 1](meldcode/stap-een.md).\n", "content/p.md", "p.md",
                       {"p.md", "meldcode/stap-1.md"})
    assert len(found) == 1
    assert found[0].format() == ("content/p.md:1:14: fout: de link naar 'meldcode/stap-een.md' leidt nergens heen: "
                                 "de site heeft geen pagina 'meldcode/stap-een.md'\n"
                                 "    tip: bedoel je 'meldcode/stap-1.md'?")
