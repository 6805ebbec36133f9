"""The fishbones in the report: a nested list per bone in the Markdown (markdown-it-py), titled
lists in the HTML (html5lib), hostile text shown as text and never as markup or HTML."""

from __future__ import annotations

import html5lib
import pytest
from markdown_it import MarkdownIt

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone
from borgerspil_tui.core.storage import parse_project
from tests.conftest import EXAMPLE

METHOD = load_method(None)
CATEGORY = "<script>alert(1)</script> [bold]x[/] | a | # head"
ITEM = "[x](javascript:alert(1)) *bold* `code`\n- not a list"
HEAD = '"><img src=x onerror=alert(1)> > quote'
LONG = "Borgeren venter " * 13  # about 200 characters


def _project() -> Project:
    project = parse_project(EXAMPLE.read_text("utf-8"), EXAMPLE)
    idea = project.create.ideas[0].id
    project.create.fishbones = [
        Fishbone(kind="causes", head=HEAD, bones=[
            Bone(category=CATEGORY, items=[BoneItem(text=ITEM), BoneItem(text=LONG.strip())]),
            Bone(category="Tomt ben")]),
        Fishbone(kind="solutions", bones=[Bone(category="IT", items=[BoneItem(text="Én indgang", linked=idea)])]),
    ]
    return project


def _lists(tokens) -> list[list[str]]:  # noqa: ANN001
    """The text of each list item, per bullet list, nesting flattened."""
    found: list[list[str]] = []
    for token in tokens:
        if token.type == "bullet_list_open":
            found.append([])
        elif token.type == "inline" and found:
            found[-1].append("".join(c.content if c.type in ("text", "code_inline") else "\n"
                                     for c in token.children or [] if c.type in ("text", "code_inline", "hardbreak", "softbreak")))
    return found


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_a_nested_list_per_bone_and_hostile_text_as_text(lang: str) -> None:
    text = export_report(_project(), method=METHOD, fmt="md", lang=lang, parts=("matrix",))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in children if c.type in ("html_inline", "link_open", "code_inline")]
    assert not [t for t in tokens if t.type == "html_block"]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    fishbone_title = "Fiskeben" if lang == "da" else "Fishbones"
    assert headings.index(fishbone_title) < next(i for i, h in enumerate(headings) if "matri" in h.lower())
    over = "Fiskeben over årsager" if lang == "da" else "Fishbone over causes"
    assert any(h.startswith(over) and "img src=x" in h for h in headings)
    problem = " ".join(parse_project(EXAMPLE.read_text("utf-8")).focus.problem.split())
    assert any(problem[:30] in h for h in headings)  # an empty head is the problem statement
    items = [i for group in _lists(tokens) for i in group]
    assert CATEGORY in items and ITEM in items and LONG.strip() in items
    assert ("Én indgang (sendt videre)" if lang == "da" else "Én indgang (sent on)") in items
    assert ("(ingen punkter)" if lang == "da" else "(no items)") in items
    # the bone's items are nested under it
    nested = [t.level for t in tokens if t.type == "bullet_list_open"]
    assert 0 in nested and max(nested) > 0


def test_html_titled_lists_and_nothing_runs() -> None:
    page = export_report(_project(), method=METHOD, fmt="html", lang="da", parts=("matrix",))
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert not [e for e in tree.iter() if e.tag in ("script", "img")]
    words = "".join(tree.itertext())
    assert HEAD in words and CATEGORY in words and ITEM in words
    lists = [["".join(li.itertext()) for li in ul.iter("li")] for ul in tree.iter("ul")]
    assert [ITEM, LONG.strip()] in lists and ["Én indgang (sendt videre)"] in lists and ["(ingen punkter)"] in lists
    titles = ["".join(h.itertext()) for h in tree.iter("h3")]
    assert CATEGORY in titles and "Tomt ben" in titles


def test_no_fishbone_no_heading() -> None:
    project = _project()
    project.create.fishbones = []
    text = export_report(project, method=METHOD, fmt="md", lang="da", parts=("matrix",))
    assert "Fiskeben" not in text
    page = export_report(project, method=METHOD, fmt="html", lang="da", parts=("matrix",))
    assert "Fiskeben over" not in page
