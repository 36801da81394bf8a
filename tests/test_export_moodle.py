"""Moodle XML, parsed back with lxml and compared with the question banks."""

from lxml import etree

from helpers import REPO, elearn
from elearn.build import check
from elearn.export.moodle import to_moodle_xml
from elearn.quiz.model import Case, Matching, MultipleResponse, Ordering, ShortAnswer, SingleChoice, TrueFalse


def text(node, path):
    return node.findtext(path + "/text")


def test_moodle_xml_round_trip_of_the_whole_course():
    course, _ = check(REPO)
    data, count, warnings = to_moodle_xml(course)
    quiz = etree.fromstring(data)
    assert quiz.tag == "quiz"
    categories = [text(q, "category") for q in quiz.findall("question[@type='category']")]
    assert categories == [f"$course$/top/elearn/{b.title}" for b in course.banks]
    found = {q.findtext("idnumber"): q for q in quiz.findall("question") if q.get("type") != "category"}
    assert len(found) == count == sum(1 for q in course.questions() if not isinstance(q, Case))
    for q in course.questions():
        if isinstance(q, Case):
            assert q.id not in found and any(w.startswith(q.id + ":") for w in warnings)
            continue
        node = found[q.id]
        assert node.find("questiontext").get("format") == "markdown"
        if q.explanation:
            assert text(node, "generalfeedback").startswith(q.explanation.strip())
        answers = node.findall("answer")
        if isinstance(q, (SingleChoice, MultipleResponse)):
            assert node.get("type") == "multichoice"
            assert node.findtext("single") == ("true" if isinstance(q, SingleChoice) else "false")
            assert [text(a, ".") for a in answers] == [o.text.strip() for o in q.options]
            assert [text(a, "feedback") for a in answers] == [o.feedback.strip() for o in q.options]
            fractions = [float(a.get("fraction")) for a in answers]
            assert [f > 0 for f in fractions] == [o.correct for o in q.options]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01
        elif isinstance(q, TrueFalse):
            assert node.get("type") == "truefalse"
            by_value = {text(a, "."): a for a in answers}
            assert by_value["true" if q.answer else "false"].get("fraction") == "100"
            assert text(by_value["true"], "feedback") == q.feedback_true.strip()
            assert text(by_value["false"], "feedback") == q.feedback_false.strip()
        elif isinstance(q, (Matching, Ordering)):
            assert node.get("type") == "matching"
            pairs = [(text(s, "."), text(s, "answer")) for s in node.findall("subquestion")]
            expected = ([(p.left, p.right) for p in q.pairs] if isinstance(q, Matching)
                        else [(f"Plaats {n}", i.text.strip()) for n, i in enumerate(q.items, start=1)])
            assert pairs == expected
        elif isinstance(q, ShortAnswer):
            assert node.get("type") == "shortanswer" and node.findtext("usecase") == "0"
            # The wrong-answer feedback rides on a catch-all answer (* at 0%, last), so only a
            # learner who answered wrong sees it; the general feedback is for everyone.
            assert [(text(a, "."), a.get("fraction")) for a in answers] == [
                (a.strip(), "100") for a in q.answers] + [("*", "0")]
            assert [text(a, "feedback") for a in answers] == [q.feedback_correct.strip()] * len(q.answers) + [
                q.feedback_wrong.strip()]
            assert text(node, "generalfeedback") == (q.explanation or "").strip()
            assert q.feedback_wrong.strip() not in text(node, "generalfeedback")


def test_moodle_export_is_deterministic(tmp_path):
    outputs = []
    for name in ("a.xml", "b.xml"):
        result = elearn("export", "moodle-xml", "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert "Geschreven:" in result.stdout and "overgeslagen" in result.stderr
