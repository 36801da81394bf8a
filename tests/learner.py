"""A learner in the browser: answers questions the way a person would, right or wrong."""

import json


def quiz_data(quiz):
    """The quiz's own answer data, as the page carries it."""
    return json.loads(quiz.locator("script").first.text_content())[0]


def answer(question, data, right):
    """Answer one question through its controls; ``data`` is its entry in the quiz data."""
    kind = question.get_attribute("data-elearn-type")
    if kind == "case":
        while question.locator(".elearn-case-outcome:visible").count() == 0:
            node = question.locator(".elearn-case-node:visible").last
            choices = data["nodes"][node.get_attribute("data-node")]
            pick = next((i for i, (_, good) in enumerate(choices) if good == right), 0)
            # The choices stand in a shuffled order: find the one written at ``pick``.
            node.locator(f'.elearn-choice[data-index="{pick}"] .elearn-choice-button').click()
        return
    if kind in ("single", "multiple"):
        for option in question.locator("input").all():
            if (int(option.get_attribute("value")) in data["correct"]) == right:  # its written place
                option.check()
        if not right and not any(i.is_checked() for i in question.locator("input").all()):
            question.locator("input").first.check()
    elif kind == "truefalse":
        value = "true" if data["correct"] == right else "false"
        question.locator(f'input[value="{value}"]').check()
    elif kind == "ordering":
        for _ in range(data["count"] ** 2):
            order = question.locator(".elearn-order-item").evaluate_all("xs => xs.map(x => +x.dataset.index)")
            wrong = [p for p in range(1, len(order)) if order[p] < order[p - 1]]
            if not right:
                if order != list(range(len(order))):
                    break
                question.locator(".elearn-order-item").nth(1).locator(".elearn-move").first.click()
                break
            if not wrong:
                break
            question.locator(".elearn-order-item").nth(wrong[0]).locator(".elearn-move").first.click()
    elif kind == "matching":
        selects = question.locator("select").all()
        for i, select in enumerate(selects):
            select.select_option(value=str(i if right else (i + 1) % len(selects)))
    elif kind == "shortanswer":
        question.locator("input").fill(data["accepted"][0] if right else "geen idee")
    question.get_by_role("button", name="Controleer").click()


def answer_quiz(page, quiz_id, right=True):
    """Answer every question that is shown in quiz ``quiz_id``."""
    quiz = page.locator(f'[data-elearn-quiz="{quiz_id}"]')
    data = quiz_data(quiz)
    for question in quiz.locator(".elearn-question:visible").all():
        answer(question, data["questions"][question.get_attribute("data-elearn-question")], right)
    return quiz
