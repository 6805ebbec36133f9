"""The Markdown report (core/export/markdown): every part of the example in both languages, a
selection of parts, one concept as a handout, and a project whose every text is hostile rendered
by markdown-it-py: nothing a user wrote becomes HTML, a link, a heading, a list, a quote, a code
span or a table cell of its own, and the mermaid blocks keep every user text inside a label."""

from __future__ import annotations

import re
import typing

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pydantic import AfterValidator, BaseModel

from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.export import PARTS, export_report
from borgerspil_tui.core.export.md_escape import (
    BREAK_MARK,
    md_block,
    md_cell,
    md_inline,
)
from borgerspil_tui.core.export.mermaid import label_text
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import parse_project
from borgerspil_tui.core.text import check_line, check_text
from tests.conftest import EXAMPLE

METHOD = load_method(None)
PIECES = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
          "| a | b |", "*bold* _it_ `code`", "# head", "> quote", "- item", "+ plus", "1. one", "end",
          "A --> B; %% c", "[x]", "&amp; &#60;", "<https://evil.example>", "===", "    four", "\\*x\\"]
HOSTILE_TEXT = "\n".join(PIECES)
HOSTILE_LINE = " ".join(PIECES)
SHOWN = "\n".join(p.strip() for p in PIECES)
"""The hostile text as a reader sees it: each line without its leading spaces."""


def md() -> MarkdownIt:
    """The parser the brief names: CommonMark with tables, HTML allowed as GitHub allows it."""
    return MarkdownIt("commonmark").enable("table")


def example() -> Project:
    return parse_project(EXAMPLE.read_text("utf-8"), EXAMPLE)


def report(project: Project, lang: str = "en", **options: object) -> str:
    return export_report(project, method=METHOD, fmt="md", lang=lang, **options)  # type: ignore[arg-type]


def inline_text(token) -> str:
    """The text an inline token shows (hard and soft breaks as newlines)."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            out.append("\n")
    return "".join(out)


def blocks_of(tokens, kind: str) -> list[str]:
    """The text inside each ``kind`` block (heading, blockquote, list_item, td …)."""
    found, depth, current = [], 0, []
    for token in tokens:
        if token.type == f"{kind}_open":
            depth += 1
            if depth == 1:
                current = []
        elif token.type == f"{kind}_close":
            depth -= 1
            if depth == 0:
                found.append("\n".join(current))
        elif depth and token.type == "inline":
            current.append(inline_text(token))
    return found


# -- the example ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_example_has_every_part_and_its_key_content(lang: str) -> None:
    project = example()
    text = report(project, lang)
    tokens = md().parse(text)
    headings = blocks_of(tokens, "heading")
    assert headings[0] == project.title
    for part in PARTS:
        assert tr(lang, f"report.md.part.{part}") in headings, part
    assert [h for h in headings if h in {tr(lang, f"report.md.part.{p}") for p in PARTS}] == \
        [tr(lang, f"report.md.part.{p}") for p in PARTS]  # in the method's order
    concept = project.create.concepts[0]
    assert concept.title in headings
    quotes = blocks_of(tokens, "blockquote")
    assert project.experience.observations[1].quotes[0] in quotes
    # the matrix: rows in rank order, the weights stated
    ranked = [r.idea.title for r in rank_ideas(project, METHOD)]
    cells = blocks_of(tokens, "td")
    titles_in_table = [c for c in cells if c in ranked]
    assert titles_in_table[:len(ranked)] == ranked
    weights = next(p for p in blocks_of(tokens, "paragraph") if p.startswith(tr(lang, "report.md.weights")))
    for criterion in METHOD.criteria:
        assert criterion.name(lang) in weights
    assert "```mermaid\nflowchart BT" in text and "quadrantChart" in text and "\ngantt\n" in text
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]


def test_dashed_links_and_evidence_in_the_tree() -> None:
    project = example()
    text = report(project, "en", parts=("tree",))
    uncertain = [n for n in project.focus.consequences[1].children if n.uncertain]
    assert uncertain and "-.->" in text

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.children)

    everything = [*walk(project.focus.causes), *walk(project.focus.consequences)]
    assert text.count(" -.-> ") == sum(n.uncertain for n in everything)
    assert text.count(" --> ") == sum(not n.uncertain for n in everything)
    # consequences point away from the problem (drawn above it), causes point at it (below)
    assert "  p0 --> n1\n" in text and re.search(r"  n\d+ (?:-->|-\.->) p0\n", text)
    assert "evidence#58; +1 −0" in text  # an insight supports the cause; the count is on its label
    assert tr("en", "report.md.part.matrix") not in text


def test_milestones_make_a_gantt_only_when_they_have_dates() -> None:
    project = example()
    assert "```mermaid\ngantt" in report(project, "en", parts=("milestones",))
    for milestone in project.insist.milestones:
        milestone.due = None
    text = report(project, "en", parts=("milestones",))
    assert "gantt" not in text and project.insist.milestones[0].title in text


def test_a_selection_of_parts_and_a_single_concept() -> None:
    project = example()
    text = report(project, "da", parts=("concepts", "votes"))
    headings = blocks_of(md().parse(text), "heading")
    parts = [h for h in headings if h in {tr("da", f"report.md.part.{p}") for p in PARTS}]
    assert parts == [tr("da", "report.md.part.votes"), tr("da", "report.md.part.concepts")]
    one = project.create.concepts[0]
    handout = report(project, "en", concept=one.id)
    headings = blocks_of(md().parse(handout), "heading")
    assert headings[:2] == [project.title, one.title]
    assert not {tr("en", f"report.md.part.{p}") for p in PARTS} & set(headings)
    assert one.difference in handout and "SUCCES" in headings


def test_a_redacted_report_says_so_and_an_empty_project_says_what_is_empty() -> None:
    text = report(example(), "en", redact=True)
    assert tr("en", "report.redacted_note")[:40] in text
    empty = report(Project(schema_version=1, title="Tom"), "da")
    headings = blocks_of(md().parse(empty), "heading")
    for part in PARTS:
        assert tr("da", f"report.md.part.{part}") in headings
    assert empty.count(tr("da", "report.md.empty")) >= 10


# -- hostile text everywhere -------------------------------------------------------------------
def _kind(annotation: object, metadata: list) -> str | None:
    """'text' or 'line' for a free-text type, else None."""
    for item in [*metadata, *getattr(annotation, "__metadata__", ())]:
        if isinstance(item, AfterValidator) and item.func is check_line:
            return "line"
        if isinstance(item, AfterValidator) and item.func is check_text:
            return "text"
    return None


def _hostile(kind: str) -> str:
    return HOSTILE_LINE if kind == "line" else HOSTILE_TEXT


def make_hostile(model: BaseModel) -> None:
    """Set every free-text field reachable from ``model`` (lists and maps too) to a hostile text."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        kind = _kind(field.annotation, field.metadata)
        args = typing.get_args(field.annotation)
        if kind is not None:
            setattr(model, name, _hostile(kind))
        elif isinstance(value, BaseModel):
            make_hostile(value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for item in value:
                make_hostile(item)
        elif isinstance(value, list) and args and _kind(args[0], []):
            setattr(model, name, [_hostile(_kind(args[0], [])) for _ in value] or [_hostile(_kind(args[0], []))])
        elif isinstance(value, dict) and len(args) == 2:
            if _kind(args[1], []):
                setattr(model, name, {key: _hostile(_kind(args[1], [])) for key in value})
            else:
                for item in value.values():
                    if isinstance(item, BaseModel):
                        make_hostile(item)


def hostile_project() -> Project:
    project = example().model_copy(deep=True)
    make_hostile(project)
    for concept in project.create.concepts:
        for rating in concept.succes.values():
            rating.quote = HOSTILE_TEXT
    return Project.model_validate(project.model_dump())


def test_the_hostile_project_really_is_hostile_everywhere() -> None:
    project = hostile_project()
    assert project.title == HOSTILE_LINE and project.focus.problem == HOSTILE_TEXT
    assert project.focus.causes[0].children[0].text == HOSTILE_TEXT
    assert all(q == HOSTILE_TEXT for o in project.experience.observations for q in o.quotes)
    assert all(t == HOSTILE_LINE for o in project.experience.observations for t in o.tags)
    assert set(project.insist.aspects.values()) == {HOSTILE_TEXT}
    assert project.create.concepts[0].requirements[0] == HOSTILE_TEXT


ALLOWED_ELEMENTS = {"html", "head", "body", "h1", "h2", "h3", "h4", "p", "ul", "li", "blockquote", "table",
                    "thead", "tbody", "tr", "th", "td", "strong", "em", "br", "pre", "code"}
OURS_IN_ITEMS = ("Date", "Where", "Who", "Dato", "Hvor", "Hvem")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_user_text_is_read_as_markdown_or_html(lang: str) -> None:
    project = hostile_project()
    text = report(project, lang)
    tokens = md().parse(text)
    flat = [*tokens, *(child for t in tokens for child in (t.children or []))]
    kinds = {t.type for t in flat}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline", "code_block", "hr"}
    assert {t.info for t in flat if t.type == "fence"} == {"mermaid"}
    # and as HTML (as a git host shows it): only the elements Markdown makes, no attribute of a user
    page = html5lib.parse(md().render(text), namespaceHTMLElements=False)
    for element in page.iter():
        assert element.tag in ALLOWED_ELEMENTS, element.tag
        assert set(element.attrib) <= {"class"}, element.attrib
    # every heading is ours or a user's one-line title, whole
    ours = {v[0 if lang == "da" else 1] for k, v in _texts().items()}
    for heading in blocks_of(tokens, "heading"):
        assert heading in ours or HOSTILE_LINE in heading or heading == "SUCCES" or re.fullmatch(
            r"(Observation|Indsigt|Insight) \d+( — .*)?", heading), heading
    # every quote is a whole quote: no "> quote" line of a user became one
    quotes = blocks_of(tokens, "blockquote")
    expected = sum(len(o.quotes) for o in project.experience.observations) + sum(
        1 for c in project.create.concepts for r in c.succes.values() if r.quote)
    assert quotes and len(quotes) == expected and set(quotes) == {SHOWN}
    # every list item holds a whole user text (or is one of our labelled facts)
    for item in blocks_of(tokens, "list_item"):
        assert SHOWN in item or HOSTILE_LINE in item or item.startswith(OURS_IN_ITEMS), item
    # table cells: a cell with user text holds all of it, on one line
    whole_text = SHOWN.replace("\n", BREAK_MARK)
    for cell in blocks_of(tokens, "td"):
        if "alert" in cell:
            assert whole_text in cell or HOSTILE_LINE in cell, cell
    # emphasis only in our labels, never around the user's *bold* or _it_
    for kind in ("em", "strong"):
        for inner in blocks_of([c for t in tokens for c in (t.children or [])], kind):
            assert inner not in ("bold", "it") and "alert" not in inner
    # the hostile text itself is there, literally
    paragraphs = blocks_of(tokens, "paragraph")
    assert SHOWN in paragraphs


def _texts() -> dict[str, tuple[str, str]]:
    from borgerspil_tui.core.i18n_texts import TEXTS

    return TEXTS


# -- mermaid -----------------------------------------------------------------------------------
LABEL = re.compile(r'"([^"\n]*)"')
ENTITY = re.compile(r"#[a-z0-9]+;")
FLOW_LINE = re.compile(r'  (?:(?:p0|n\d+)\[""\]|(?:p0|n\d+) (?:-->|-\.->) (?:p0|n\d+)|style p0 stroke-width:3px)')
QUAD_LINE = re.compile(r'  (?:title [^"\n]+|[xy]-axis "" --> ""|quadrant-[1-4] ""|"": \[[01]\.\d\d, [01]\.\d\d\])')
GANTT_TASK = re.compile(r"  \d+\. ([^:\n]*) :milestone, (?:done, )?m\d+, \d{4}-\d\d-\d\d, 0d")


def mermaid_blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in re.findall(r"```mermaid\n(.*?)\n```", text, re.DOTALL)]


def _clean_label(inside: str) -> None:
    assert "%%" not in inside and '"' not in inside
    bare = ENTITY.sub("", inside)
    assert not set(bare) & set('<>[](){};:%#|`"'), inside


@pytest.mark.parametrize("lang", ["da", "en"])
def test_mermaid_keeps_user_text_inside_quoted_labels(lang: str) -> None:
    text = report(hostile_project(), lang)
    blocks = mermaid_blocks(text)
    assert [b[0] for b in blocks] == ["flowchart BT", "quadrantChart", "gantt"]
    for block in blocks:
        for line in block[1:]:
            for inside in LABEL.findall(line):
                _clean_label(inside)
            skeleton = LABEL.sub('""', line)
            assert skeleton.count("[") == skeleton.count("]") and skeleton.count("(") == skeleton.count(")")
            if block[0] == "flowchart BT":
                assert FLOW_LINE.fullmatch(skeleton), line  # every node label quoted, nothing after it
            elif block[0] == "quadrantChart":
                assert QUAD_LINE.fullmatch(skeleton), line
                if line.startswith("  title "):
                    _clean_label(line[len("  title "):])
            elif line.startswith("  title "):
                _clean_label(line[len("  title "):])
            elif line != "  dateFormat YYYY-MM-DD":
                match = GANTT_TASK.fullmatch(line)
                assert match, line
                _clean_label(match.group(1))
    diagrams = "\n".join("\n".join(block) for block in blocks)
    assert "alert#40;1#41;" in diagrams and "alert(1)" not in diagrams  # brackets became entity codes
    assert label_text("A --> B; %% c\nend") == "A --#gt; B#59; #37;#37; c end"


# -- the escaping itself, for any text ---------------------------------------------------------
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs"),
                       include_characters=" \n", exclude_characters="\ufeff\x85")
pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(_CHARS, max_size=12)), max_size=5).map("".join)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_any_text_reads_back_literally(text: str) -> None:
    lines = _lines(text)
    if not lines:
        return
    tokens = md().parse(md_block(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert inline_text(tokens[1]) == "\n".join(lines)
    table = md().parse(f"| h |\n| --- |\n| {md_cell(text)} |\n")
    assert blocks_of(table, "td") == [BREAK_MARK.join(lines)]
    heading = md().parse("## " + md_inline(text) + "\n")
    assert blocks_of(heading, "heading") == [BREAK_MARK.join(lines)]
