"""Item-writing checks: a test must measure what a learner knows, not how well they guess.

Each check looks for a cue that lets a learner who knows nothing score: the right option
that is always the longest, true/false keys that lean one way, multiple-response questions
that always have the same number of right options, the same question asked twice, and
"alle bovenstaande" options that only work in one order. The figures per bank go to
``elearn stats --json``; the problems become warnings (errors for "alle bovenstaande").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..mdtext import plain, visible_length, words
from ..quiz.model import Case, MultipleResponse, Question, QuestionBank, SingleChoice, TrueFalse, pinned

# The right option may be the longest by chance: with three or four options that happens
# in a quarter to a third of the questions. More often than that is a cue.
LONGEST_SHARE = 1 / 3
TRUE_SHARE = (0.35, 0.65)
MIN_JUDGED = 3  # fewer questions of a kind in a bank say nothing about a pattern
MIN_TRUEFALSE = 4  # with three, every split is below 35% or above 65%

# Options that point at other options: they only make sense in one order.
_REFERS = re.compile(
    r"^(?:(?:alle|geen\s+van)\s+(?:de\s+)?(?:bovenstaande|voorgaande|hierboven\s+genoemde|hiervoor\s+genoemde)"
    r"|(?:alle|geen\s+van\s+de)\s+(?:antwoorden|opties|mogelijkheden)\s+(?:hierboven|hiervoor)"
    r"|(?:antwoord(?:en)?\s+)?[a-e]\s+(?:en|én)\s+[a-e](?:\s|$|[.,:;])"
    r"|zowel\s+[a-e]\s+als\s+[a-e](?:\s|$|[.,:;])"
    r"|beide\s+(?:antwoorden|opties|bovenstaande)"
    r")",
    re.IGNORECASE,
)


def refers_to_others(text: str) -> bool:
    return bool(_REFERS.match(" ".join(plain(text).split())))


@dataclass
class BankQuality:
    """What a bank's questions give away, counted."""

    single: int = 0
    correct_longest: list[str] = field(default_factory=list)  # single-choice question ids
    decision_points: int = 0
    best_choice_longest: list[str] = field(default_factory=list)  # "case/situation" ids
    truefalse: int = 0
    keyed_true: int = 0
    multiple: int = 0
    correct_counts: Counter = field(default_factory=Counter)  # right options -> questions
    all_correct: list[str] = field(default_factory=list)  # multiple-response ids where every option is right
    duplicates: list[str] = field(default_factory=list)  # ids whose prompt repeats an earlier one
    refers: list[str] = field(default_factory=list)  # ids with an "alle bovenstaande" option

    def figures(self) -> dict:
        return {
            "single": self.single,
            "correct_longest": len(self.correct_longest),
            "correct_longest_share": _share(len(self.correct_longest), self.single),
            "decision_points": self.decision_points,
            "best_choice_longest": len(self.best_choice_longest),
            "best_choice_longest_share": _share(len(self.best_choice_longest), self.decision_points),
            "truefalse": self.truefalse,
            "keyed_true": self.keyed_true,
            "keyed_true_share": _share(self.keyed_true, self.truefalse),
            "multiple": self.multiple,
            "correct_options_per_multiple": {str(k): v for k, v in sorted(self.correct_counts.items())},
            "multiple_all_correct": len(self.all_correct),
            "duplicate_prompts": len(self.duplicates),
            "refers_to_other_options": len(self.refers),
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def strictly_longest(texts: list[str], index: int) -> bool:
    lengths = [visible_length(t) for t in texts]
    return all(lengths[index] > n for i, n in enumerate(lengths) if i != index)


def assess(banks: list[QuestionBank]) -> tuple[dict[str, BankQuality], list[Diagnostic]]:
    """Figures per bank id, and a diagnostic for every cue found."""
    quality: dict[str, BankQuality] = {}
    found: list[Diagnostic] = []
    for bank in banks:
        quality[bank.id] = q = BankQuality()
        for question in bank.questions:
            found += _count(q, question)
        found += _bank_warnings(bank, q)
    found += _duplicate_prompts(banks, quality)
    return quality, found


def _count(quality: BankQuality, q: Question) -> list[Diagnostic]:
    found = []
    if isinstance(q, (SingleChoice, MultipleResponse)):
        for index, option in enumerate(q.options):
            if not pinned(q) and refers_to_others(option.text):
                quality.refers.append(q.id)
                found.append(Diagnostic(
                    option.field_pos("text") or q.pos,
                    f"vraag '{q.id}': de optie '{option.text[:40]}' verwijst naar andere opties, maar de site "
                    "toont de opties in willekeurige volgorde",
                    "schrijf het antwoord voluit, of zet 'vaste_volgorde: true' bij de vraag als de opties "
                    "echt naar elkaar moeten verwijzen",
                ))
    if isinstance(q, SingleChoice):
        quality.single += 1
        right = next((i for i, o in enumerate(q.options) if o.correct), None)
        if right is not None and strictly_longest([o.text for o in q.options], right):
            quality.correct_longest.append(q.id)
    elif isinstance(q, MultipleResponse):
        quality.multiple += 1
        right = sum(o.correct for o in q.options)
        quality.correct_counts[right] += 1
        if right == len(q.options):
            quality.all_correct.append(q.id)
            found.append(Diagnostic(
                q.field_pos("options"),
                f"vraag '{q.id}': alle opties zijn goed, dus wie alles aankruist heeft alle punten",
                "voeg minstens één goed onderbouwde onjuiste optie toe",
                severity="waarschuwing",
            ))
    elif isinstance(q, TrueFalse):
        quality.truefalse += 1
        quality.keyed_true += q.answer
    elif isinstance(q, Case):
        for node in q.nodes:
            best = [i for i, c in enumerate(node.choices) if c.correct]
            if len(best) != 1:
                continue
            quality.decision_points += 1
            if strictly_longest([c.text for c in node.choices], best[0]):
                quality.best_choice_longest.append(f"{q.id}/{node.id}")
    return found


def _bank_warnings(bank: QuestionBank, q: BankQuality) -> list[Diagnostic]:
    found = []

    def pos():  # looked up only for a diagnostic: that reads the file's YAML again
        return bank.field_pos("questions") or bank.pos
    if q.single >= MIN_JUDGED and len(q.correct_longest) > LONGEST_SHARE * q.single:
        found.append(Diagnostic(
            pos(),
            f"vragenbank '{bank.id}': bij {len(q.correct_longest)} van de {q.single} meerkeuzevragen "
            f"({_percent(len(q.correct_longest), q.single)}) is het juiste antwoord het langste; "
            "wie gokt op het langste antwoord scoort dan te hoog",
            "maak afleiders even volledig als het juiste antwoord, of kort het juiste antwoord in "
            f"(vragen: {_ids(q.correct_longest)})",
            severity="waarschuwing",
        ))
    if q.decision_points >= MIN_JUDGED and len(q.best_choice_longest) > LONGEST_SHARE * q.decision_points:
        found.append(Diagnostic(
            pos(),
            f"vragenbank '{bank.id}': bij {len(q.best_choice_longest)} van de {q.decision_points} beslismomenten "
            f"in casussen ({_percent(len(q.best_choice_longest), q.decision_points)}) is de beste keuze de langste",
            "maak de andere keuzes even concreet, of de beste keuze korter "
            f"(beslismomenten: {_ids(q.best_choice_longest)})",
            severity="waarschuwing",
        ))
    if q.truefalse >= MIN_TRUEFALSE:
        share = q.keyed_true / q.truefalse
        if not TRUE_SHARE[0] <= share <= TRUE_SHARE[1]:
            found.append(Diagnostic(
                pos(),
                f"vragenbank '{bank.id}': {q.keyed_true} van de {q.truefalse} waar/onwaar-stellingen "
                f"({_percent(q.keyed_true, q.truefalse)}) zijn waar; wie steeds hetzelfde kiest, scoort dan te hoog",
                "zorg dat tussen 35% en 65% van de stellingen waar is: draai een paar stellingen om "
                "(en hun feedback mee)",
                severity="waarschuwing",
            ))
    if q.multiple >= MIN_JUDGED and len(q.correct_counts) == 1:
        (count, _), = q.correct_counts.items()
        found.append(Diagnostic(
            pos(),
            f"vragenbank '{bank.id}': alle {q.multiple} vragen met meer antwoorden hebben precies {count} "
            "juiste opties; dat aantal verraadt het antwoord",
            "wissel af: geef sommige vragen één juiste optie meer of minder",
            severity="waarschuwing",
        ))
    return found


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _ids(ids: list[str], shown: int = 6) -> str:
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" en nog {more}" if more > 0 else "")


# --- the same question twice ------------------------------------------------------

# Two prompts ask the same when most of their words are shared (Jaccard), or when a prompt
# of some length is wholly contained in another ("..." and "... Geef een getal.").
SAME_WORDS = 0.75
CONTAINED = 0.95
CONTAINED_MIN_WORDS = 8
COMMON_WORD = 50  # prompts a word may be in and still lead to a comparison (more in a large course)


def near_duplicate(a: frozenset, b: frozenset) -> bool:
    shared = len(a & b)
    if shared >= SAME_WORDS * len(a | b):
        return True
    smaller = min(len(a), len(b))
    return smaller >= CONTAINED_MIN_WORDS and shared >= CONTAINED * smaller


def _duplicate_prompts(banks: list[QuestionBank], quality: dict[str, BankQuality]) -> list[Diagnostic]:
    """Prompts that repeat an earlier prompt, word for word or nearly.

    Not compared pair by pair, which a course of tens of thousands of questions could not
    afford: both tests above need the smaller prompt to share at least 75% of its words
    with the other, so it must share one of its rarest quarter (plus one). Only prompts
    that hold one of those words, and only through words that are not common, are compared:
    two prompts alike in their common words alone are not found."""
    questions = [q for bank in banks for q in bank.questions]
    bank_ids = [bank.id for bank in banks for _ in bank.questions]
    # Each prompt's words as a tuple, and sets only for a comparison: the collector stops
    # tracking a tuple of texts, where ten thousand sets (or tuples that hold a question) would
    # each count towards its next full collection.
    prompt_words = [tuple(set(words(q.prompt))) for q in questions]
    frequency = Counter(w for ws in prompt_words for w in ws)
    # A word in many prompts ("je", "de", "wat") tells no two apart, and comparing every prompt
    # that holds one with every other would cost the square of the course: only words at most
    # this common lead to a comparison; a word in one prompt leads to none.
    common = max(COMMON_WORD, len(questions) // 100)
    holding: dict[str, list[int]] = defaultdict(list)
    for n, ws in enumerate(prompt_words):
        for w in ws:
            if 1 < frequency[w] <= common:
                holding[w].append(n)
    first_match: dict[int, int] = {}
    for n, ws in enumerate(prompt_words):
        if holding.keys().isdisjoint(ws):
            continue  # no word that leads to another prompt
        # The rarest quarter (plus one) of the prompt's words, of which only the uncommon lead on;
        # those come first in the order of rarity, so they are the first few uncommon words.
        uncommon = sorted((frequency[w], w) for w in ws if frequency[w] <= common)
        these = frozenset(ws)
        for _, w in uncommon[: len(ws) - int(SAME_WORDS * len(ws)) + 1]:
            for m in holding.get(w, ()):
                if m != n:
                    later, earlier = max(n, m), min(n, m)
                    if earlier < first_match.get(later, later) and near_duplicate(these, frozenset(prompt_words[m])):
                        first_match[later] = earlier
    found = []
    for later, earlier in sorted(first_match.items()):
        bank_id, q, other = bank_ids[later], questions[later], questions[earlier]
        same = set(prompt_words[later]) == set(prompt_words[earlier])
        quality[bank_id].duplicates.append(q.id)
        where = f" ({other.pos})" if other.pos else ""
        found.append(Diagnostic(
            q.field_pos("prompt"),
            f"vraag '{q.id}' stelt {'dezelfde' if same else 'bijna dezelfde'} vraag als "
            f"'{other.id}'{where}",
            "schrap een van de twee, of laat deze vraag iets anders toetsen (een toepassing in plaats van "
            "dezelfde feitenvraag)",
            severity="waarschuwing",
        ))
    return found


def course_figures(quality: dict[str, BankQuality]) -> dict:
    """The whole course's figures: what the README quotes."""
    total = BankQuality()
    for q in quality.values():
        total.single += q.single
        total.correct_longest += q.correct_longest
        total.decision_points += q.decision_points
        total.best_choice_longest += q.best_choice_longest
        total.truefalse += q.truefalse
        total.keyed_true += q.keyed_true
        total.multiple += q.multiple
        total.correct_counts.update(q.correct_counts)
        total.all_correct += q.all_correct
        total.duplicates += q.duplicates
        total.refers += q.refers
    return total.figures()

