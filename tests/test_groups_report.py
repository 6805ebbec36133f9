"""The groups of observations in the report (core/export md_groups, html_groups): each group with
its observations and the insight it became; hostile names and texts read back literally from the
Markdown (markdown-it-py) and the HTML (html5lib)."""

from __future__ import annotations

import html5lib
import pytest
from markdown_it import MarkdownIt

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Insight, Observation, ObservationGroup

METHOD = load_method(None)
NAME = "<script>alert(1)</script> [bold]x[/] | a | # head"
WHAT = "[x](javascript:alert(1)) *bold* `code`"
STATEMENT = '"><img src=x onerror=alert(1)> > quote'


def _project() -> Project:
    project = Project(schema_version=1, title="Rapport")
    project.experience.observations = [Observation(id="obs-aaaaaa", what=WHAT),
                                       Observation(id="obs-bbbbbb", what="Ventede tre uger"),
                                       Observation(id="obs-cccccc", what="Ikke i nogen gruppe")]
    project.experience.insights = [Insight(id="insight-aaaaaa", statement=STATEMENT,
                                           observations=["obs-aaaaaa", "obs-bbbbbb"])]
    project.experience.groups = [
        ObservationGroup(id="group-aaaaaa", name=NAME, observations=["obs-aaaaaa", "obs-bbbbbb"],
                         insight="insight-aaaaaa"),
        ObservationGroup(id="group-bbbbbb", name="Tom gruppe"),
    ]
    return project


def _inline_texts(tokens) -> list[str]:
    return ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_lists_each_group_its_observations_and_insight_literally(lang: str) -> None:
    text = export_report(_project(), method=METHOD, fmt="md", lang=lang, parts=("observations",))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    flat = [*tokens, *(c for t in tokens for c in (t.children or []))]
    assert not {t.type for t in flat} & {"html_block", "html_inline", "link_open", "image", "code_inline",
                                         "table_open", "blockquote_open"}
    inline = _inline_texts(tokens)
    group = "Gruppe" if lang == "da" else "Group"
    assert f"{group}: {NAME}" in inline
    assert any(line.endswith(WHAT) and line.startswith("Observation 1") for line in inline)
    became = "Blev til indsigten" if lang == "da" else "Became the insight"
    assert any(became in line and STATEMENT in line for line in inline)
    assert any(line in ("2 observationer", "2 observations") for line in inline)
    assert any(line in ("0 observationer", "0 observations") for line in inline)
    # Groups come before the insights, after the observations.
    heading, insights = ("Grupper af observationer", "### Indsigter") if lang == "da" else \
        ("Groups of observations", "### Insights")
    assert text.index("Observation 3") < text.index(heading) < text.index(insights)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_html_lists_each_group_escaped(lang: str) -> None:
    page = export_report(_project(), method=METHOD, fmt="html", lang=lang, parts=("observations",))
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert not [e for e in tree.iter() if e.tag in ("script", "img")]
    words = "".join(tree.itertext())
    assert f"{NAME} (2)" in words and "Tom gruppe (0)" in words
    assert STATEMENT in words and WHAT in words
    lists = [["".join(li.itertext()) for li in ul.iter("li")] for ul in tree.iter("ul")]
    assert [WHAT, "Ventede tre uger"] in lists  # the group's observations, not the ungrouped one


def test_no_groups_no_section() -> None:
    project = _project()
    project.experience.groups = []
    text = export_report(project, method=METHOD, fmt="md", lang="en", parts=("observations",))
    assert "Groups of observations" not in text
    page = export_report(project, method=METHOD, fmt="html", lang="en", parts=("observations",))
    assert "Groups of observations" not in page
