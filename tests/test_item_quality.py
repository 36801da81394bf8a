"""Item-writing checks: what lets a learner who knows nothing score is found and located."""

import json

import yaml

from helpers import REPO, edit, elearn
from elearn.build import check


def option(text, correct=False):
    return {"tekst": text, "goed": correct, "feedback": f"Uitleg bij '{text}'."}


def single(qid, prompt, right, *wrong, **extra):
    return {"id": qid, "type": "single", "vraag": prompt, "toetst": ["stap-een"], "bron": "bron-a",
            "opties": [option(right, True)] + [option(w) for w in wrong], **extra}


def multiple(qid, prompt, rights, wrongs, **extra):
    return {"id": qid, "type": "multiple", "vraag": prompt, "toetst": ["stap-een"], "bron": "bron-a",
            "opties": [option(r, True) for r in rights] + [option(w) for w in wrongs], **extra}


def truefalse(qid, prompt, answer):
    return {"id": qid, "type": "truefalse", "vraag": prompt, "toetst": ["stap-een"], "bron": "bron-a",
            "juist": answer, "feedback_waar": "Omdat het zo is.", "feedback_onwaar": "Omdat het anders is."}


def write_bank(root, questions, bank_id="bank-cues"):
    text = yaml.safe_dump({"id": bank_id, "titel": "Aanwijzingen", "vragen": questions}, allow_unicode=True,
                          sort_keys=False)
    path = root / "quizzes" / "vragen-extra.yml"  # after mini.yml: its questions are the later ones
    path.write_text(text, encoding="utf-8")
    return path


def findings(root, text):
    _, diagnostics = check(root)
    return [d for d in diagnostics if text in d.message]


def line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


LONG = "Je legt de feiten vast, los van wat je ervan denkt, met datum en bron erbij."


def test_right_option_that_is_always_the_longest_is_a_located_warning(mini):
    questions = [single(f"lang-{n}", f"Wat doe je eerst in situatie {n} op de groep?", LONG, "Je meldt.", "Je wacht.")
                 for n in range(3)]
    questions.append(single("kort-0", "Wie bel je bij direct gevaar voor een kind?", "112.", "Je buurvrouw, die altijd thuis is.",
                            "De wijkagent van vorig jaar."))
    path = write_bank(mini, questions)
    [warning] = findings(mini, "is het juiste antwoord het langste")
    assert warning.severity == "waarschuwing"
    assert warning.message.startswith("vragenbank 'bank-cues': bij 3 van de 4 meerkeuzevragen (75%)")
    assert "lang-0, lang-1, lang-2" in warning.hint and "kort-0" not in warning.hint
    assert warning.pos.file.endswith("quizzes/vragen-extra.yml") and warning.pos.line == line_of(path, "- id: lang-0")

    # One in four is no cue: the same bank with two questions that give nothing away.
    for n in (1, 2):
        questions[n] = single(f"lang-{n}", f"Wat doe je eerst in situatie {n} op de groep?", "Je legt het vast.",
                              "Je belt meteen de ouders op om te vragen hoe het zit.", "Je wacht.")
    write_bank(mini, questions)
    assert findings(mini, "is het juiste antwoord het langste") == []


def test_best_case_choice_that_is_always_the_longest_is_a_warning(mini):
    edit(mini / "quizzes" / "mini.yml", "{tekst: Je doet niets en kijkt de kat uit de boom.", "{tekst: Je doet niets.")
    edit(mini / "quizzes" / "mini.yml", "{tekst: Je belt de ouders boos op en eist uitleg.", "{tekst: Je belt boos.")
    [warning] = findings(mini, "beslismomenten in casussen")
    assert "bij 2 van de 3 beslismomenten in casussen (67%) is de beste keuze de langste" in warning.message
    assert warning.hint.endswith("(beslismomenten: v-case/c-een, v-case/c-twee)")


def test_true_false_keys_that_lean_one_way_are_a_warning(mini):
    questions = [truefalse(f"tf-{n}", f"Stelling {n}: de meldcode schrijft stap {n} voor.", n == 0) for n in range(5)]
    write_bank(mini, questions)
    [warning] = findings(mini, "waar/onwaar-stellingen")
    assert "1 van de 5 waar/onwaar-stellingen (20%) zijn waar" in warning.message
    assert "tussen 35% en 65%" in warning.hint
    questions[1]["juist"] = True
    write_bank(mini, questions)
    assert findings(mini, "waar/onwaar-stellingen") == []  # 2 of 5: 40%


def test_multiple_response_with_always_the_same_number_of_right_options_is_a_warning(mini):
    questions = [multiple(f"mr-{n}", f"Welke signalen passen bij situatie {n} in de klas?", ["A", "B"], ["C", "D"])
                 for n in range(3)]
    write_bank(mini, questions)
    [warning] = findings(mini, "juiste opties")
    assert "alle 3 vragen met meer antwoorden hebben precies 2 juiste opties" in warning.message
    questions[2] = multiple("mr-2", "Welke signalen passen bij situatie 2 in de klas?", ["A"], ["C", "D"])
    write_bank(mini, questions)
    assert findings(mini, "juiste opties") == []


def test_every_option_right_is_a_warning(mini):
    write_bank(mini, [multiple("alles-goed", "Welke stappen kent de meldcode?", ["A", "B", "C"], [])])
    [warning] = findings(mini, "alle opties zijn goed")
    assert warning.pos.line == line_of(mini / "quizzes" / "vragen-extra.yml", "opties:") + 1  # the list


def test_a_repeated_prompt_anywhere_in_the_course_is_a_warning(mini):
    write_bank(mini, [single("zelfde", "Wat doe je in stap 1?", "Vastleggen.", "Melden.", "Wachten."),
                      single("bijna", "Welke stappen horen nu eigenlijk bij de meldcode?", "A.", "B.", "C.")])
    found = sorted(findings(mini, "vraag als"), key=lambda d: d.pos.line)
    assert [d.message for d in found] == [
        f"vraag 'zelfde' stelt dezelfde vraag als 'v-single' ({mini / 'quizzes' / 'mini.yml'}:5:5)",
        f"vraag 'bijna' stelt bijna dezelfde vraag als 'v-multiple' ({mini / 'quizzes' / 'mini.yml'}:18:5)",
    ]
    assert all(d.severity == "waarschuwing" and d.pos.file.endswith("vragen-extra.yml") for d in found)


def test_a_short_prompt_inside_a_longer_one_is_not_a_repeat(mini):
    write_bank(mini, [single("anders", "Wat doe je in stap 1 als de ouders weigeren mee te werken aan hulp?",
                             "Vastleggen.", "Melden.", "Wachten.")])
    assert findings(mini, "vraag als") == []


def test_all_of_the_above_is_an_error_unless_the_order_is_pinned(mini):
    bank = [single("bovenstaand", "Wie kan advies geven over een vermoeden?", "Alle bovenstaande antwoorden.",
                   "Veilig Thuis.", "De aandachtsfunctionaris.")]
    path = write_bank(mini, bank)
    [error] = findings(mini, "verwijst naar andere opties")
    assert error.is_error
    line = line_of(path, "Alle bovenstaande")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("Alle bovenstaande") + 1
    assert (error.pos.line, error.pos.col) == (line, column)
    assert "vaste_volgorde: true" in error.hint
    bank[0]["vaste_volgorde"] = True
    write_bank(mini, bank)
    assert findings(mini, "verwijst naar andere opties") == []
    _, diagnostics = check(mini)
    assert not any(d.is_error for d in diagnostics)


def test_stats_report_item_quality_per_bank(mini):
    write_bank(mini, [single(f"lang-{n}", f"Wat doe je eerst in situatie {n} op de groep?", LONG, "Je meldt.", "Je wacht.")
                      for n in range(3)] + [truefalse("tf-0", "Stelling: je meldt altijd meteen.", False)])
    result = elearn("stats", "--json", "--root", str(mini))
    figures = json.loads(result.stdout)["item_quality"]
    bank = figures["banks"]["bank-cues"]
    assert (bank["single"], bank["correct_longest"], bank["correct_longest_share"]) == (3, 3, 1.0)
    assert (bank["truefalse"], bank["keyed_true"]) == (1, 0)
    assert figures["course"]["single"] == 4  # with the mini bank's one


def test_the_real_course_gives_no_item_writing_warnings():
    """The rewrite's targets: no cue left for a guesser in any bank of the course."""
    _, diagnostics = check(REPO)
    cues = [d.format() for d in diagnostics
            if any(s in d.message for s in ("het langste", "waar/onwaar", "juiste opties", "vraag als", "andere opties",
                                            "alle opties"))]
    assert cues == []
    figures = json.loads(elearn("stats", "--json").stdout)["item_quality"]
    for bank_id, bank in figures["banks"].items():
        if bank["single"] >= 3:
            assert bank["correct_longest_share"] <= 0.30, bank_id
        if bank["decision_points"] >= 3:
            assert bank["best_choice_longest_share"] <= 0.30, bank_id
        if bank["multiple"] >= 3:
            assert len(bank["correct_options_per_multiple"]) > 1, bank_id
    course = figures["course"]
    assert 0.40 <= course["keyed_true_share"] <= 0.60
