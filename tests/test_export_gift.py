"""GIFT for Moodle, read back by a third-party parser (gift-pegjs from the npm registry)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, edit, elearn
from elearn.build import check
from elearn.export.gift import to_gift
from elearn.quiz.model import Case, Matching, MultipleResponse, Ordering, ShortAnswer, SingleChoice, TrueFalse

@pytest.fixture(scope="session")
def gift_parser(node_modules):
    def parse(text: str) -> list:
        result = subprocess.run(["node", str(Path(__file__).parent / "gift_parse.js")], input=text, text=True,
                                capture_output=True, env={**os.environ, "NODE_PATH": str(node_modules)})
        assert result.returncode == 0, result.stderr[-2000:]
        return json.loads(result.stdout)

    return parse


def answer(text):
    # gift-pegjs 1.0.2 leaves its placeholder for an escaped colon in a match answer; the
    # GIFT we write escapes it as the format asks (\:), and Moodle reads it as ":".
    return text.replace("&&058;", ":")


def by_title(parsed):
    return {item["title"].split(" ", 1)[0]: item for item in parsed if item["type"] != "Category"}


def assert_round_trip(course, parsed):
    found = by_title(parsed)
    for bank in course.banks:
        for q in bank.questions:
            if isinstance(q, Case):
                assert q.id not in found
                continue
            item = found[q.id]
            expected_prompt = q.prompt.strip() + (" Koppel elke plaats aan het juiste onderdeel." if isinstance(q, Ordering) else "")
            assert item["stem"]["text"] == expected_prompt, q.id
            if isinstance(q, (SingleChoice, MultipleResponse)):
                assert item["type"] == "MC"
                assert [c["text"]["text"] for c in item["choices"]] == [o.text.strip() for o in q.options]
                assert [c["feedback"]["text"] for c in item["choices"]] == [o.feedback.strip() for o in q.options]
                if isinstance(q, SingleChoice):
                    assert [c["isCorrect"] for c in item["choices"]] == [o.correct for o in q.options]
                else:
                    weights = [c["weight"] for c in item["choices"]]
                    assert [w > 0 for w in weights] == [o.correct for o in q.options]
                    assert abs(sum(w for w in weights if w > 0) - 100) < 0.01
            elif isinstance(q, TrueFalse):
                assert item["type"] == "TF" and item["isTrue"] == q.answer
                wrong, right = (q.feedback_false, q.feedback_true) if q.answer else (q.feedback_true, q.feedback_false)
                assert (item["trueFeedback"]["text"], item["falseFeedback"]["text"]) == (wrong.strip(), right.strip())
            elif isinstance(q, Matching):
                assert item["type"] == "Matching"
                assert [(m["subquestion"]["text"], answer(m["subanswer"])) for m in item["matchPairs"]] == [
                    (p.left, p.right) for p in q.pairs]
            elif isinstance(q, Ordering):
                assert item["type"] == "Matching"
                assert [answer(m["subanswer"]) for m in item["matchPairs"]] == [i.text.strip() for i in q.items]
            elif isinstance(q, ShortAnswer):
                assert item["type"] == "Short"
                # The wrong-answer feedback rides on a catch-all answer (=%0%*, last), so only a
                # learner who answered wrong sees it; the general feedback is for everyone.
                *accepted, catch_all = item["choices"]
                assert [c["text"]["text"] for c in accepted] == [a.strip() for a in q.answers]
                assert all(c["feedback"]["text"] == q.feedback_correct.strip() and c["weight"] is None
                           for c in accepted)
                assert (catch_all["text"]["text"], catch_all["weight"]) == ("*", 0)
                assert catch_all["feedback"]["text"] == q.feedback_wrong.strip()
                general = (item["globalFeedback"] or {}).get("text") or ""
                assert q.feedback_wrong.strip() not in general
            if q.explanation:
                assert item["globalFeedback"]["text"].startswith(q.explanation.strip()), q.id


def test_the_whole_course_survives_a_third_party_parser(gift_parser):
    course, _ = check(REPO)
    text, count, warnings = to_gift(course)
    parsed = gift_parser(text)
    assert [i["title"] for i in parsed if i["type"] == "Category"] == [f"elearn/{b.title}" for b in course.banks]
    assert len(by_title(parsed)) == count == sum(1 for q in course.questions() if not isinstance(q, Case))
    assert_round_trip(course, parsed)
    cases = [q.id for q in course.questions() if isinstance(q, Case)]
    assert sorted(w.split(":")[0] for w in warnings if "casus" in w) == sorted(cases)


def test_special_characters_and_diacritics_survive(gift_parser, mini):
    tricky = "Wat betekent a = b ~ c # d {e} f: g \\\\ h? Één café, naïef, coördinatie."
    edit(mini / "quizzes" / "mini.yml", "vraag: Wat doe je in stap 1?", f'vraag: "{tricky}"')
    edit(mini / "quizzes" / "mini.yml", "feedback: Juist, in stap 1 leg je signalen vast.",
         'feedback: "Juist {ja}: 100% = goed # echt ~ zo."')
    course, diagnostics = check(mini)
    assert not [d for d in diagnostics if d.is_error]
    text, _, _ = to_gift(course)
    parsed = gift_parser(text)
    item = by_title(parsed)["v-single"]
    assert item["stem"]["text"] == tricky.replace("\\\\", "\\")
    assert item["choices"][0]["feedback"]["text"] == "Juist {ja}: 100% = goed # echt ~ zo."
    assert_round_trip(course, parsed)


def test_export_is_deterministic_and_never_half_written(tmp_path, mini):
    first, second = tmp_path / "a.gift", tmp_path / "b.gift"
    for target in (first, second):
        result = elearn("export", "gift", "-o", str(target))
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert "let op: " in result.stderr and "Geschreven:" in result.stdout
    # A broken course writes nothing, and leaves an existing file as it was.
    edit(mini / "quizzes" / "mini.yml", "toetst: [stap-een]", "toetst: [stap-eenn]")
    result = elearn("export", "gift", "-o", str(first), "--root", str(mini))
    assert result.returncode == 1 and "onbekende inhoud 'stap-eenn'" in result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.deel"))
