"""QTI 2.1 content package for Canvas, Blackboard and other LMSs.

Every type QTI can express: single and multiple choice and true/false as a
choiceInteraction, ordering as an orderInteraction, matching as a matchInteraction,
short answer as a textEntryInteraction. A branching case is left out, with a warning.
Per-answer feedback is modal feedback keyed by the chosen answer.

Response processing is written out, not a template, so that a strict engine scores it:
the correct response 1, anything else 0, every accepted short answer 1 whatever its
capitals; and it sets FEEDBACK so that every modal feedback can show.
"""

from __future__ import annotations

from lxml import etree

from ..course import Course
from ..mdtext import md_inline
from ..quiz.model import Case, Matching, MultipleResponse, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse
from .archive import zip_bytes

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _el(parent, tag, text=None, **attrs):
    node = etree.SubElement(parent, f"{{{QTI}}}{tag}", {k.rstrip("_"): str(v) for k, v in attrs.items()})
    if text is not None:
        _rich(node, text)
    return node


def _rich(node, markdown: str) -> None:
    """Markdown as the XHTML that QTI allows inside a prompt, a choice or feedback."""
    html = md_inline(markdown.strip())
    try:
        wrapper = etree.fromstring(f'<w xmlns="{QTI}">{html}</w>')
    except etree.XMLSyntaxError:
        node.text = markdown.strip()  # not well-formed as XML: the words, unformatted
        return
    node.text = wrapper.text
    for child in wrapper:
        node.append(child)


def _value(parent, tag, value: str, **attrs):
    """An element holding a value as it is: an identifier or an accepted answer is no Markdown."""
    node = _el(parent, tag, **attrs)
    node.text = value
    return node


def _declarations(item, cardinality: str, base_type: str, correct: list[str]):
    response = _el(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    values = _el(response, "correctResponse")
    for value in correct:
        _value(values, "value", value)
    return response


def _outcomes(item):
    _el(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    # Multiple, so the feedback on an answer and the explanation can show together.
    _el(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")


def _score(parent, value: str):
    _value(_el(parent, "setOutcomeValue", identifier="SCORE"), "baseValue", value, baseType="float")


def _feedback(parent, shown: list[str], chosen: bool):
    """FEEDBACK := the chosen answers (each names its own feedback) and the feedback in shown.

    Always wrapped in <multiple>: a single-choice RESPONSE is a single value, and a strict
    engine refuses to set a single value into a multiple outcome."""
    container = _el(_el(parent, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
    if chosen:
        _el(container, "variable", identifier="RESPONSE")
    for ident in shown:
        _value(container, "baseValue", ident, baseType="identifier")


def _processing(item, q: Question, shown: list[str]):
    """Score 1 for the correct response, else 0; then set FEEDBACK so each modalFeedback can show."""
    processing = _el(item, "responseProcessing")
    condition = _el(processing, "responseCondition")
    right, wrong = _el(condition, "responseIf"), _el(condition, "responseElse")
    if isinstance(q, ShortAnswer):
        # Every accepted answer, whatever its capitals. Not <mapResponse/>: engines that
        # predate mapEntry's caseSensitive (pyslet among them) would score "AMK" 0 for "amk".
        either = _el(right, "or")
        for accepted in q.answers:
            match = _el(either, "stringMatch", caseSensitive="false")
            _el(match, "variable", identifier="RESPONSE")
            _value(match, "baseValue", accepted.strip(), baseType="string")
    else:
        # All or nothing, a multiple response included: every right option and no wrong one.
        match = _el(right, "match")
        _el(match, "variable", identifier="RESPONSE")
        _el(match, "correct", identifier="RESPONSE")
    _score(right, "1")
    _score(wrong, "0")
    if isinstance(q, ShortAnswer):
        _feedback(right, ["GOED", *shown], chosen=False)
        _feedback(wrong, ["FOUT", *shown], chosen=False)
    else:
        _feedback(processing, shown, chosen=isinstance(q, (SingleChoice, MultipleResponse, TrueFalse)))


def _item(q: Question) -> etree._Element:
    item = etree.Element(f"{{{QTI}}}assessmentItem", nsmap={None: QTI, "xsi": XSI})
    item.set(f"{{{XSI}}}schemaLocation", f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
    item.set("identifier", q.id)
    item.set("title", q.title or q.id)
    item.set("adaptive", "false")
    item.set("timeDependent", "false")
    feedback: list[tuple[str, str]] = []
    if isinstance(q, (SingleChoice, MultipleResponse, TrueFalse)):
        if isinstance(q, TrueFalse):
            choices = [("waar", "Waar", q.answer, q.feedback_true), ("onwaar", "Onwaar", not q.answer, q.feedback_false)]
        else:
            choices = [(f"c{i}", o.text, o.correct, o.feedback) for i, o in enumerate(q.options)]
        single = not isinstance(q, MultipleResponse)
        _declarations(item, "single" if single else "multiple", "identifier", [c[0] for c in choices if c[2]])
        _outcomes(item)
        body = _el(item, "itemBody")
        # The engine shows the options in a random order, as the site does; waar/onwaar stay put.
        shuffle = not isinstance(q, TrueFalse) and not q.pinned
        interaction = _el(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle=str(shuffle).lower(),
                          maxChoices=1 if single else 0)
        _el(interaction, "prompt", q.prompt)
        for ident, text, _, fb in choices:
            _el(interaction, "simpleChoice", text, identifier=ident)
            feedback.append((ident, fb))
    elif isinstance(q, Ordering):
        _declarations(item, "ordered", "identifier", [f"i{n}" for n in range(len(q.items))])
        _outcomes(item)
        interaction = _el(_el(item, "itemBody"), "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
        _el(interaction, "prompt", q.prompt)
        for n, entry in enumerate(q.items):
            _el(interaction, "simpleChoice", entry.text, identifier=f"i{n}")
        feedback.append(("ALGEMEEN", " ".join(entry.feedback for entry in q.items)))
    elif isinstance(q, Matching):
        _declarations(item, "multiple", "directedPair", [f"l{n} r{n}" for n in range(len(q.pairs))])
        _outcomes(item)
        interaction = _el(_el(item, "itemBody"), "matchInteraction", responseIdentifier="RESPONSE",
                          shuffle=str(not q.pinned).lower(),
                          maxAssociations=len(q.pairs))
        _el(interaction, "prompt", q.prompt)
        left, right = _el(interaction, "simpleMatchSet"), _el(interaction, "simpleMatchSet")
        for n, pair in enumerate(q.pairs):
            _el(left, "simpleAssociableChoice", pair.left, identifier=f"l{n}", matchMax=1)
            _el(right, "simpleAssociableChoice", pair.right, identifier=f"r{n}", matchMax=1)
        feedback.append(("ALGEMEEN", " ".join(p.feedback for p in q.pairs)))
    elif isinstance(q, ShortAnswer):
        response = _declarations(item, "single", "string", [q.answers[0].strip()])
        mapping = _el(response, "mapping", defaultValue=0)
        for accepted in q.answers:
            _el(mapping, "mapEntry", mapKey=accepted.strip(), mappedValue=1, caseSensitive="false")
        _outcomes(item)
        body = _el(item, "itemBody")
        _el(body, "p", q.prompt)
        _el(_el(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength=30)
        feedback += [("GOED", q.feedback_correct), ("FOUT", q.feedback_wrong)]
    if q.explanation:
        feedback.append(("UITLEG", q.explanation))
    # Shown after every attempt, right or wrong: the general feedback and the explanation.
    _processing(item, q, [ident for ident, _ in feedback if ident in ("ALGEMEEN", "UITLEG")])
    for ident, text in feedback:
        _el(item, "modalFeedback", text, outcomeIdentifier="FEEDBACK", identifier=ident, showHide="show")
    return item


def to_qti(course: Course) -> tuple[bytes, int, list[str]]:
    """A QTI 2.1 content package (zip): one item per question and a manifest."""
    manifest = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP}, identifier=f"elearn-{course.course.id}")
    # The QTI 2.1 packaging profile of IMS CP: how an LMS knows this is a QTI 2.1 package.
    metadata = etree.SubElement(manifest, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.0.0"
    etree.SubElement(manifest, f"{{{CP}}}organizations")
    resources = etree.SubElement(manifest, f"{{{CP}}}resources")
    files: dict[str, bytes] = {}
    warnings = []
    for bank in course.banks:
        for q in bank.questions:
            if isinstance(q, Case):
                warnings.append(f"{q.id}: een casus met beslismomenten is geen QTI-vraagsoort; overgeslagen")
                continue
            href = f"items/{q.id}.xml"
            files[href] = etree.tostring(_item(q), xml_declaration=True, encoding="UTF-8", pretty_print=True)
            resource = etree.SubElement(resources, f"{{{CP}}}resource", identifier=q.id,
                                        type="imsqti_item_xmlv2p1", href=href)
            etree.SubElement(resource, f"{{{CP}}}file", href=href)
    package = {"imsmanifest.xml": etree.tostring(manifest, xml_declaration=True, encoding="UTF-8",
                                                 pretty_print=True)} | files
    return zip_bytes(package), len(files), warnings
