"""The resources (with totals and the budget) and "citizens along the way" in the Markdown and
HTML reports: the figures written for each language, hostile text shown literally, never read
as Markdown or HTML."""

from __future__ import annotations

import html5lib
import pytest

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import CitizenVoice, Resource
from tests.test_export_html import assert_self_contained, words
from tests.test_export_markdown import (
    HOSTILE_LINE,
    HOSTILE_TEXT,
    METHOD,
    PIECES,
    example,
    md,
)


def hostile() -> Project:
    project = example()
    milestone = project.insist.milestones[0]
    milestone.title = HOSTILE_LINE[:200]
    project.insist.resources.append(Resource(what=HOSTILE_LINE[:200], milestone=milestone.id, aspect="it",
                                             person_weeks=1.5, cost=1250.5))
    project.insist.citizen_input.append(CitizenVoice(what=HOSTILE_TEXT, when=HOSTILE_LINE[:200],
                                                     who=HOSTILE_LINE[:200]))
    return project


def test_the_example_shows_lines_totals_budget_and_citizens_in_both_languages() -> None:
    project = example()
    da = export_report(project, method=METHOD, fmt="md", lang="da")
    assert "### Ressourcer" in da and "### Borgerne undervejs" in da
    assert "| I alt |   |   | 11,5 | 223.000 kr. |" in da
    assert "| Depot indrettet | 3 | 85.000 kr. |" in da  # per milestone
    assert "| It-systemer | 4 | 120.000 kr. |" in da  # per aspect
    assert "**Budget:** 250\\.000 kr. · 27.000 kr. under budgettet" in da
    assert "| Ergoterapeuten |" in da
    en = export_report(project, method=METHOD, fmt="html", lang="en")
    text = words(html5lib.parse(en, namespaceHTMLElements=False))
    assert "DKK 223,000" in text and "DKK 27,000 under the budget" in text and "Citizens along the way" in text
    project.insist.resources, project.insist.citizen_input = [], []
    empty = export_report(project, method=METHOD, fmt="md", lang="da")
    assert "### Ressourcer" not in empty and "### Borgerne undervejs" not in empty


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_text_in_resources_and_citizens_is_never_read_as_markdown(lang: str) -> None:
    text = export_report(hostile(), method=METHOD, fmt="md", lang=lang)
    section = text[text.index("### " + ("Ressourcer" if lang == "da" else "Resources")):]
    tokens = md().parse(section)
    flat = [*tokens, *(child for t in tokens for child in (t.children or []))]
    assert not {t.type for t in flat} & {"html_block", "html_inline", "link_open", "image", "code_inline",
                                          "code_block", "hr", "blockquote_open", "bullet_list_open"}
    shown = words(html5lib.parse(md().render(section), namespaceHTMLElements=False))
    for piece in PIECES:
        assert piece.strip() in shown, piece
    assert ("1.250,5 kr." if lang == "da" else "DKK 1,250.5") in shown


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_text_in_resources_and_citizens_is_shown_literally_in_html(lang: str) -> None:
    text = export_report(hostile(), method=METHOD, fmt="html", lang=lang)
    assert_self_contained(text)
    shown = words(html5lib.parse(text, namespaceHTMLElements=False))
    for piece in PIECES:
        assert piece.strip() in shown, piece
    assert "<script>alert" not in text and "<img" not in text
