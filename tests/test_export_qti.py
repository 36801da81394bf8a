"""QTI 2.1 package, read back with lxml and compared with the question banks."""

import io
import zipfile

from lxml import etree

from conftest import REPO
from elearn.build import check
from elearn.export_qti import CP, QTI, to_qti
from elearn.quizmodel import Case, Matching, MultipleResponse, Ordering, ShortAnswer, SingleChoice, TrueFalse

NS = {"q": QTI, "cp": CP}


def test_qti_package_round_trip():
    course, _ = check(REPO)
    data, count, warnings = to_qti(course)
    again, _, _ = to_qti(course)
    assert data == again  # the same input, the same bytes
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    resources = manifest.findall("cp:resources/cp:resource", NS)
    assert len(resources) == count == sum(1 for q in course.questions() if not isinstance(q, Case))
    hrefs = {r.get("identifier"): r.get("href") for r in resources}
    assert all(r.get("type") == "imsqti_item_xmlv2p1" for r in resources)
    for q in course.questions():
        if isinstance(q, Case):
            assert q.id not in hrefs and any(w.startswith(q.id + ":") for w in warnings)
            continue
        item = etree.fromstring(archive.read(hrefs[q.id]))
        assert item.get("identifier") == q.id
        correct = [v.text for v in item.findall("q:responseDeclaration/q:correctResponse/q:value", NS)]
        feedback = {f.get("identifier"): f.text for f in item.findall("q:modalFeedback", NS)}
        if isinstance(q, (SingleChoice, MultipleResponse)):
            interaction = item.find(".//q:choiceInteraction", NS)
            assert interaction.get("maxChoices") == ("1" if isinstance(q, SingleChoice) else "0")
            assert interaction.findtext("q:prompt", namespaces=NS) == q.prompt.strip()
            choices = interaction.findall("q:simpleChoice", NS)
            assert [c.text for c in choices] == [o.text.strip() for o in q.options]
            assert correct == [f"c{i}" for i, o in enumerate(q.options) if o.correct]
            assert [feedback[f"c{i}"] for i in range(len(q.options))] == [o.feedback.strip() for o in q.options]
        elif isinstance(q, TrueFalse):
            assert correct == ["waar" if q.answer else "onwaar"]
            assert (feedback["waar"], feedback["onwaar"]) == (q.feedback_true.strip(), q.feedback_false.strip())
        elif isinstance(q, Ordering):
            interaction = item.find(".//q:orderInteraction", NS)
            assert [c.text for c in interaction.findall("q:simpleChoice", NS)] == [i.text.strip() for i in q.items]
            assert correct == [f"i{n}" for n in range(len(q.items))]
        elif isinstance(q, Matching):
            sets = item.findall(".//q:matchInteraction/q:simpleMatchSet", NS)
            left = [c.text for c in sets[0]]
            right = [c.text for c in sets[1]]
            assert list(zip(left, right)) == [(p.left, p.right) for p in q.pairs]
            assert correct == [f"l{n} r{n}" for n in range(len(q.pairs))]
        elif isinstance(q, ShortAnswer):
            keys = [e.get("mapKey") for e in item.findall(".//q:mapEntry", NS)]
            assert keys == [a.strip() for a in q.answers]
            assert all(e.get("caseSensitive") == "false" for e in item.findall(".//q:mapEntry", NS))
            assert (feedback["GOED"], feedback["FOUT"]) == (q.feedback_correct.strip(), q.feedback_wrong.strip())
        if q.explanation:
            assert feedback["UITLEG"] == q.explanation.strip()
