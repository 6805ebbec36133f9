"""The stakeholder analysis in the Markdown and HTML reports: every field and the grid's quadrant,
hostile text shown literally (core/export/stakeholder_report)."""

from __future__ import annotations

import html5lib
import pytest
from markdown_it import MarkdownIt

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE

METHOD = load_method(None)
HOSTILE = "<script>alert(1)</script> | a | b | [x](javascript:alert(1)) *bold* [bold]x[/] &amp;"
HOSTILE_TEXT = "# head\n> quote\n<img src=x onerror=alert(1)>"


def _project() -> Project:
    project = load_project(EXAMPLE).project
    project.insist.stakeholders = [
        Stakeholder(name="Ældrerådet", interest="Hurtig hjælp", influence=2, interest_level=5,
                    message="Vi lytter", contact="Projektlederen"),
        Stakeholder(name=HOSTILE, interest=HOSTILE_TEXT, influence=5, interest_level=4, message=HOSTILE_TEXT,
                    contact=HOSTILE),
        Stakeholder(name="Pressen", influence=4),
    ]
    return project


def _rows(table) -> list[list[str]]:
    return [["".join(td.itertext()) for td in tr.iter("td")] for tr in table.iter("tr") if tr.find("td") is not None]


def test_html_shows_every_field_and_the_quadrant_and_escapes_the_rest() -> None:
    text = export_report(_project(), method=METHOD, fmt="html", lang="en", parts=("milestones",))
    assert "<script>alert" not in text and "onerror=alert(1)>" not in text
    page = html5lib.parse(text, namespaceHTMLElements=False)
    assert not [e for e in page.iter() if e.tag in ("script", "img")]
    table = next(t for t in page.iter("table") if "".join(t.find("caption").itertext() if t.find("caption")
                                                            is not None else "") == "Stakeholders")
    assert ["".join(th.itertext()) for th in table.iter("th")] == [
        "Stakeholder", "Influence", "Interest", "Quadrant of the grid", "What they want", "Need to hear",
        "Who talks to them"]
    rows = _rows(table)
    assert rows[0] == ["Ældrerådet", "2", "5", "keep informed", "Hurtig hjælp", "Vi lytter", "Projektlederen"]
    assert rows[1] == [HOSTILE, "5", "4", "manage closely", HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE]
    assert rows[2][:4] == ["Pressen", "4", "", "not placed"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_shows_every_field_and_the_quadrant_and_no_user_text_becomes_markup(lang: str) -> None:
    text = export_report(_project(), method=METHOD, fmt="md", lang=lang, parts=("milestones",))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    kinds = {t.type for t in [*tokens, *(c for t in tokens for c in (t.children or []))]}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline"}
    cells = [t.content for t in tokens if t.type == "inline"]
    quadrants = {"da": ("hold informeret", "inddrag tæt", "ikke placeret"),
                 "en": ("keep informed", "manage closely", "not placed")}[lang]
    for expected in ("Ældrerådet", "Vi lytter", "Projektlederen", *quadrants):
        assert expected in cells, expected
    heading = {"da": "Interesse", "en": "Interest"}[lang]
    assert heading in cells and ("Felt i gitteret" if lang == "da" else "Quadrant of the grid") in cells
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    page = html5lib.parse(rendered, namespaceHTMLElements=False)
    shown = ["".join(td.itertext()) for td in page.iter("td")]
    assert HOSTILE in shown and not [e for e in page.iter() if e.tag in ("script", "img", "a")]


def test_no_stakeholders_no_table() -> None:
    project = _project()
    project.insist.stakeholders = []
    text = export_report(project, method=METHOD, fmt="md", lang="en", parts=("milestones",))
    assert "Quadrant of the grid" not in text
    assert "Quadrant of the grid" not in export_report(project, method=METHOD, fmt="html", lang="en")
