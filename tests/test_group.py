"""Group results: a trainer drops a group's exported progress files; everything happens in the browser."""

import csv
import io
import json
import random

import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from helpers import FIXTURES, check_page, describe

MINI = FIXTURES / "mini"
T = "2026-11-{:02d}T{:02d}:00:00.000Z"


def course():
    c = yaml.safe_load((MINI / "content" / "cursus.yml").read_text(encoding="utf-8"))
    bank = yaml.safe_load((MINI / "quizzes" / "mini.yml").read_text(encoding="utf-8"))
    module = c["modules"][0]
    questions = [(q["id"], q.get("titel") or q["vraag"]) for q in bank["vragen"]]
    return module, c["doelgroepen"][0], questions


def learners(rng, module, path, questions):
    """22 learners with varied progress, written as the dashboard's export writes them."""
    made = []
    for i in range(22):
        name = {0: "", 1: '<img src=x onerror="window.hacked=1">', 2: "=SOM(A1:A9)"}.get(i, f"Deelnemer {i:02d}")
        pages = {p: {"first": T.format(2, 9), "last": T.format(3, 9), "visits": 1}
                 for p in module["onderdelen"] if rng.random() < 0.7}
        answered = {}
        for qid, _ in questions:
            if rng.random() < 0.8:
                first = rng.choice([0, 0.5, 1, 1])
                entry = {"attempts": 2, "best": 1, "last": 1, "at": T.format(4, 10), "topics": []}
                if i % 7 == 3:
                    entry["last"] = first  # a file from before first answers were kept
                else:
                    entry["first"] = first
                answered[qid] = entry
        quizzes = {}
        if rng.random() < 0.8:
            best = rng.randrange(40, 101)
            quizzes["toets-module-een"] = {"attempts": 1, "best": best, "last": best, "passed": best >= 80,
                                           "at": T.format(5, 11)}
        made.append({"schema": 2, "course": "mini", "created": T.format(1, i), "updated": T.format(6, i),
                     "path": path["id"] if i % 5 else None, "name": name, "pages": pages, "questions": answered,
                     "quizzes": quizzes, "last": None})
    return made


def expected(records, files, module, path, questions):
    """The figures, computed here from the files and the course's YAML, not by the site's code."""
    rows = []
    for rec, file in zip(records, files):
        visited = sum(1 for p in module["onderdelen"] if p in rec["pages"])
        quiz = rec["quizzes"].get("toets-module-een")
        passed = bool(quiz and quiz["passed"])
        done = int(100 * (visited + passed) / (len(module["onderdelen"]) + 1) + 0.5)
        rows.append({
            "name": rec["name"] or file, "file": file, "path": path["titel"] if rec["path"] else "",
            "done": done if rec["path"] else None, "best": quiz["best"] if quiz else None, "passed": passed,
        })
    per_question = []
    for order, (qid, title) in enumerate(questions):
        answers = [r["questions"][qid] for r in records if qid in r["questions"]]
        right = sum(1 for a in answers if a.get("first", a["last"]) == 1)
        if answers:
            per_question.append({"id": qid, "title": title, "answered": len(answers), "right": right,
                                 "share": int(100 * right / len(answers) + 0.5), "order": order})
    missed = sorted((q for q in per_question if q["right"] < q["answered"]),
                    key=lambda q: (-(q["answered"] - q["right"]), q["right"] / q["answered"], q["order"]))[:5]
    return rows, per_question, missed


def drop(page, files):
    """A real drop event on the drop zone, with the files as a browser hands them over."""
    page.evaluate(
        """items => {
            const data = new DataTransfer();
            for (const [name, text] of items) data.items.add(new File([text], name, {type: "application/json"}));
            document.querySelector(".elearn-drop").dispatchEvent(
                new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }""",
        files,
    )


def table_rows(page, caption):
    region = page.get_by_role("region", name=caption)
    return [[c.inner_text().strip() for c in row.locator("th, td").all()] for row in region.locator("tbody tr").all()]


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("\ufeff")  # a Dutch spreadsheet opens it as UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_group_results_from_25_files(browser, served_mini):
    module, path, questions = course()
    rng = random.Random(7)
    records = learners(rng, module, path, questions)
    names = [f"voortgang-{i:02d}.json" for i in range(len(records))]
    files = [[n, json.dumps(r, indent=2)] for n, r in zip(names, records)]
    broken = json.dumps(records[0])[:120]
    files.insert(5, ["kapot.json", broken])
    files.insert(11, ["oude-versie.json", json.dumps({**records[1], "schema": 7})])
    files.insert(17, ["andere-cursus.json", json.dumps({**records[2], "course": "een-andere-cursus"})])
    assert len(files) == 25

    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_mini + "/trainers/groepsresultaten/")
    drop(page, files)
    status = page.locator(".elearn-group-status")
    expect(status).to_have_text("25 bestanden gelezen: 22 meegenomen, 3 niet. In het overzicht: 22 deelnemers.")
    refused = [li.inner_text() for li in page.locator(".elearn-group-files li.is-wrong").all()]
    assert refused == [
        "✗ kapot.json: niet meegenomen, want dit is geen voortgangsbestand (geen geldige JSON).",
        "✗ oude-versie.json: niet meegenomen, want dit voortgangsbestand is beschadigd of van een onbekende versie.",
        "✗ andere-cursus.json: niet meegenomen, want dit bestand hoort bij een andere cursus (een-andere-cursus).",
    ]

    rows, per_question, missed = expected(records, names, module, path, questions)
    shown = table_rows(page, "Per deelnemer")
    assert shown == [
        [r["name"], r["file"], r["path"] or "geen leerpad gekozen", "—" if r["done"] is None else f"{r['done']}%",
         "—" if r["best"] is None else f"{r['best']}%" + (" ✓" if r["passed"] else "")]
        for r in rows
    ]
    # Names are text, never markup.
    assert page.evaluate("window.hacked") is None
    assert page.locator(".elearn-group-results img").count() == 0

    assert [row[:4] for row in table_rows(page, "Per vraag")] == [
        [q["title"], module["titel"], str(q["answered"]), f"{q['right']} ({q['share']}%)"] for q in per_question
    ]
    items = page.locator(".elearn-missed > li")
    expect(items).to_have_count(len(missed))
    for item, q in zip(items.all(), missed):
        text = item.inner_text()
        assert text.startswith(q["title"] + ": ")
        assert f"{q['answered'] - q['right']} van de {q['answered']} niet goed bij de eerste poging ({q['share']}% goed)" in text
        assert f"vraag={q['id']}" in item.get_by_role("link", name="Klassikaal bespreken").get_attribute("href")
    # Each most-missed link leads to its question, visible (a test page hides what it did not draw).
    hrefs = [item.get_by_role("link").first.get_attribute("href") for item in items.all()]
    other = browser.new_page()
    for href, q in zip(hrefs, missed):
        other.goto(href)
        expect(other.locator(f'[data-elearn-question="{q["id"]}"]:visible').first).to_be_visible()
    other.close()

    learners_csv = download(page, "Per deelnemer downloaden (CSV)")
    assert learners_csv[0] == ["naam", "bestand", "leerpad", "voltooid (%)", f"toets {module['titel']} (beste %)",
                               "toetsen gehaald"]
    assert learners_csv[1:] == [
        [("'" + r["name"]) if r["name"].startswith("=") else r["name"], r["file"], r["path"],
         "" if r["done"] is None else str(r["done"]), "" if r["best"] is None else str(r["best"]),
         str(int(r["passed"]))]
        for r in rows
    ]
    questions_csv = download(page, "Per vraag downloaden (CSV)")
    assert [row[:6] for row in questions_csv[1:]] == [
        [q["id"], q["title"], module["titel"], str(q["answered"]), str(q["right"]), str(q["share"])]
        for q in per_question
    ]

    violations = check_page(Axe(), page)
    assert violations == [], describe(violations)

    # A newer export of a learner already in the overview replaces the older one.
    newer = {**records[4], "updated": T.format(20, 0), "quizzes": {}}
    drop(page, [["later.json", json.dumps(newer)]])
    expect(status).to_contain_text("In het overzicht: 22 deelnemers (geen nieuwe).")
    row = next(r for r in table_rows(page, "Per deelnemer") if r[0] == records[4]["name"])
    assert row[1] == "later.json" and row[-1] == "—"

    # Nothing left the machine: only this site's own files were fetched.
    assert requests and all(u.startswith(served_mini) for u in requests)
    page.close()


def test_files_can_also_be_chosen_with_the_file_picker(browser, served_mini, tmp_path):
    module, path, questions = course()
    record = learners(random.Random(1), module, path, questions)[5]
    file = tmp_path / "anna.json"
    file.write_text(json.dumps(record), encoding="utf-8")
    page = browser.new_page()
    page.goto(served_mini + "/trainers/groepsresultaten/")
    page.get_by_text("Bestanden kiezen").set_input_files(str(file))
    expect(page.locator(".elearn-group-status")).to_have_text(
        "1 bestand gelezen: 1 meegenomen, 0 niet. In het overzicht: 1 deelnemers.")
    assert table_rows(page, "Per deelnemer")[0][:2] == [record["name"], "anna.json"]
    page.get_by_role("button", name="Alles leegmaken").click()
    expect(page.get_by_text("Nog geen voortgangsbestanden ingelezen.")).to_be_visible()
    page.close()


def test_a_question_keeps_its_first_answer_for_the_group_overview(browser, served_mini):
    """The overview counts the first attempt: a retry after the feedback must not hide a wrong start."""
    from helpers import answer, quiz_data

    page = browser.new_page()
    page.goto(served_mini + "/oefenen/")
    quiz = page.locator('[data-elearn-quiz="v-single"]')
    question = quiz.locator(".elearn-question")
    data = quiz_data(quiz)["questions"]["v-single"]
    answer(question, data, right=False)
    question.get_by_role("button", name="Opnieuw proberen").click()
    answer(question, data, right=True)
    expect(question.locator(".elearn-verdict")).to_have_text("Goed!")
    page.reload()
    entry = json.loads(page.evaluate("localStorage.getItem('elearn:mini')"))["questions"]["v-single"]
    assert (entry["attempts"], entry["first"], entry["best"], entry["last"]) == (2, 0, 1, 1)
    # The options chosen at that first answer, by their written place, for the item analysis.
    assert len(entry["choice"]) == 1 and entry["choice"][0] in ("1", "2")
    page.close()


def test_every_question_link_leads_where_the_question_shows(built_site):
    """A test page hides what it did not draw: a question only a test holds is linked projected."""
    text = (built_site / "assets" / "elearn" / "vragen.js").read_text(encoding="utf-8")
    questions = json.loads(text.removeprefix("window.ELEARN_QUESTIONS = ").rstrip().removesuffix(";"))
    assert len(questions) >= 100
    for q in questions:
        page, _, anchor = q["url"].partition("#")
        assert anchor.startswith("oefen-") or f"klassikaal=toets-{q['module']}&vraag={q['id']}" in page, q
        assert anchor.startswith("oefen-") or (built_site / page.split("?")[0] / "index.html").exists()
    assert any("klassikaal=" in q["url"] for q in questions)  # the real course has test-only questions


# --- item analysis -------------------------------------------------------------------


def item_records():
    """26 learners, built so that each question shows one thing a trainer should see:
    v-single divides the strong from the weak (and one distractor is never chosen),
    v-truefalse is answered right by all but one, v-multiple is answered right by the
    weak and wrong by the strong, v-ordering is mixed and records no choice; the rest follows
    what the learner knows."""
    records = []
    for i in range(26):
        strong = i < 13
        questions = {
            "v-single": {"first": 1 if strong else 0, "choice": ["0"] if strong else ["1"]},
            "v-truefalse": {"first": 0 if i == 25 else 1, "choice": ["true"] if i == 25 else ["false"]},
            "v-multiple": {"first": 0 if strong else 1, "choice": ["0", "2"] if strong else ["0", "1"]},
            "v-ordering": {"first": [1, 0.5, 0, 1 / 3][i % 4]},
            # What the strong know and the weak do not: the rest of the course.
            "v-matching": {"first": 1 if strong else 0},
            "v-short": {"first": 1 if strong or i % 5 == 0 else 0},
            "v-case": {"first": 1 if strong else 1 / 3},
        }
        if i % 9 == 4:
            del questions["v-multiple"]  # not every learner drew every question
        for entry in questions.values():
            entry.update(attempts=1, best=entry["first"], last=entry["first"], at=T.format(4, 10), topics=[])
        records.append({"schema": 3, "course": "mini", "created": T.format(1, i), "updated": T.format(6, i),
                        "path": None, "name": f"Deelnemer {i:02d}", "pages": {}, "questions": questions,
                        "quizzes": {}, "last": None})
    return records


def item_statistics(records):
    """By hand: share right at the first attempt, item-rest correlation, choices per option."""
    import statistics

    found = {}
    for qid in ("v-single", "v-multiple", "v-truefalse", "v-ordering"):
        xs, rest, answered, right, chosen = [], [], 0, 0, {}
        for rec in records:
            if qid not in rec["questions"]:
                continue
            x = rec["questions"][qid]["first"]
            others = [a["first"] for q, a in rec["questions"].items() if q != qid]
            answered += 1
            right += x == 1
            xs.append(x)
            rest.append(sum(others) / len(others))
            for key in rec["questions"][qid].get("choice", []):
                chosen[key] = chosen.get(key, 0) + 1
        found[qid] = {"answered": answered, "right": right, "share": round(100 * right / answered),
                      "r": statistics.correlation(xs, rest), "chosen": chosen}
    return found


def test_item_analysis_from_26_files(browser, served_mini):
    records = item_records()
    expected_figures = item_statistics(records)
    # What these numbers are, worked out on paper for the two clearest questions.
    assert expected_figures["v-single"]["share"] == 50 and expected_figures["v-single"]["chosen"] == {"0": 13, "1": 13}
    assert expected_figures["v-truefalse"]["share"] == 96  # 25 of 26
    assert expected_figures["v-single"]["r"] > 0.5 and expected_figures["v-multiple"]["r"] < 0

    page = browser.new_page(accept_downloads=True)
    page.goto(served_mini + "/trainers/groepsresultaten/")
    drop(page, [[f"deelnemer-{i:02d}.json", json.dumps(r)] for i, r in enumerate(records)])
    expect(page.locator(".elearn-group-status")).to_contain_text("26 meegenomen")
    options = {q["id"]: q["options"] for q in page.evaluate("window.ELEARN_QUESTIONS")}

    def choices(qid):
        if not options[qid]:
            return "—"
        counts = expected_figures[qid]["chosen"]
        return " · ".join(
            f"{label if options[qid][0][0] == 'true' else chr(65 + n)} {counts.get(key, 0)}{' ✓' if right else ''}"
            for n, (key, label, right) in enumerate(options[qid]))

    rows = {row[0]: row for row in table_rows(page, "Per vraag")}
    titles = {qid: title for qid, title in course()[2]}
    for qid, figures in expected_figures.items():
        row = rows[titles[qid]]
        assert row[2:6] == [str(figures["answered"]), f"{figures['right']} ({figures['share']}%)",
                            f"{figures['r']:.2f}".replace(".", ","), choices(qid)], qid
    # The flags, by the thresholds the page explains: 90% right, r below 0.1, a distractor unchosen.
    assert rows[titles["v-single"]][6] == "afleider nooit gekozen"
    truefalse_r = expected_figures["v-truefalse"]["r"]
    assert rows[titles["v-truefalse"]][6] == "te makkelijk" + (", onderscheidt niet" if truefalse_r < 0.1 else "")
    assert rows[titles["v-multiple"]][6] == "onderscheidt niet"
    assert rows[titles["v-ordering"]][6] == "—"

    # Each flag in words, with a link to the question.
    flagged = page.locator(".elearn-flagged > li")
    expect(flagged).to_have_count(3)
    texts = flagged.all_inner_texts()
    never = next(label for key, label, right in options["v-single"] if key == "2")
    assert any(t.startswith(titles["v-single"]) and f"afleider nooit gekozen: “{never}”" in t for t in texts)
    assert any("te makkelijk (96% goed bij de eerste poging)" in t for t in texts)
    r_multiple = f"{expected_figures['v-multiple']['r']:.2f}".replace(".", ",")
    assert any(f"onderscheidt niet (r = {r_multiple})" in t for t in texts)
    assert all(li.get_by_role("link").count() == 1 for li in flagged.all())

    rows_csv = download(page, "Per vraag downloaden (CSV)")
    assert rows_csv[0][6:] == ["onderscheidend vermogen (r)", "gekozen (eerste poging)", "signalen"]
    single = next(r for r in rows_csv if r[0] == "v-single")
    assert single[6:] == [f"{expected_figures['v-single']['r']:.2f}".replace(".", ","), choices("v-single"),
                          "afleider nooit gekozen"]
    page.close()
