"""QTI 2.1 package, read back with lxml and compared with the question banks."""

import io
import zipfile

from lxml import etree

from helpers import REPO
from elearn.build import check
from elearn.export.qti import CP, QTI, to_qti
from elearn.mdtext import md_inline
from elearn.quiz.model import Case, Matching, MultipleResponse, Ordering, ShortAnswer, SingleChoice, TrueFalse

NS = {"q": QTI, "cp": CP}


def words(node):
    """The text a learner reads, whatever the markup."""
    return "".join(node.itertext()) if node is not None else None


def plain(markdown):
    from lxml import html

    return html.fromstring(f"<div>{md_inline(markdown.strip())}</div>").text_content()


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
        feedback = {f.get("identifier"): words(f) for f in item.findall("q:modalFeedback", NS)}
        if isinstance(q, (SingleChoice, MultipleResponse)):
            interaction = item.find(".//q:choiceInteraction", NS)
            assert interaction.get("maxChoices") == ("1" if isinstance(q, SingleChoice) else "0")
            assert words(interaction.find("q:prompt", NS)) == plain(q.prompt)
            choices = interaction.findall("q:simpleChoice", NS)
            assert [words(c) for c in choices] == [plain(o.text) for o in q.options]
            assert correct == [f"c{i}" for i, o in enumerate(q.options) if o.correct]
            assert [feedback[f"c{i}"] for i in range(len(q.options))] == [plain(o.feedback) for o in q.options]
        elif isinstance(q, TrueFalse):
            assert correct == ["waar" if q.answer else "onwaar"]
            assert (feedback["waar"], feedback["onwaar"]) == (plain(q.feedback_true), plain(q.feedback_false))
        elif isinstance(q, Ordering):
            interaction = item.find(".//q:orderInteraction", NS)
            assert [words(c) for c in interaction.findall("q:simpleChoice", NS)] == [plain(i.text) for i in q.items]
            assert correct == [f"i{n}" for n in range(len(q.items))]
        elif isinstance(q, Matching):
            sets = item.findall(".//q:matchInteraction/q:simpleMatchSet", NS)
            left = [words(c) for c in sets[0]]
            right = [words(c) for c in sets[1]]
            assert list(zip(left, right)) == [(plain(p.left), plain(p.right)) for p in q.pairs]
            assert correct == [f"l{n} r{n}" for n in range(len(q.pairs))]
        elif isinstance(q, ShortAnswer):
            keys = [e.get("mapKey") for e in item.findall(".//q:mapEntry", NS)]
            assert keys == [a.strip() for a in q.answers]
            assert all(e.get("caseSensitive") == "false" for e in item.findall(".//q:mapEntry", NS))
            assert (feedback["GOED"], feedback["FOUT"]) == (plain(q.feedback_correct), plain(q.feedback_wrong))
        if q.explanation:
            assert feedback["UITLEG"] == plain(q.explanation)
    # Markdown arrives as XHTML: bold stays bold.
    bold = [q for q in course.questions() if "**" in q.prompt and not isinstance(q, (Case, ShortAnswer))]
    assert bold
    item = etree.fromstring(archive.read(hrefs[bold[0].id]))
    assert item.find(".//q:prompt/q:strong", NS) is not None
