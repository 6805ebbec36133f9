"""The report's workshop part (core/export md_workshop, html_workshop): the same summary as the
screen, last in the report; hostile texts read back literally from the Markdown (markdown-it-py)
and the HTML (html5lib); a redacted report names no participant."""

from __future__ import annotations

import datetime as dt
import time

import html5lib
import pytest

from borgerspil_tui.core.export import PARTS, export_report
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Idea
from borgerspil_tui.core.model.experience import Insight
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    RoundTotal,
    VoteRound,
    Workshop,
)
from tests.test_export_markdown import ALLOWED_ELEMENTS, blocks_of, md

METHOD = load_method(None)
LINE = "<script>alert(1)</script> [link=x]klik[/link] | a | `kode` *fed* _it_ &amp; <b>x</b>"
TEXT = "# heading\n" + LINE + "\n> citat\n- punkt\n1. et"
SHOWN = TEXT
"""How a reader sees TEXT (each line kept, nothing interpreted)."""
NAMES = ("Anna Holmgaard", "Bo Bergstrøm")


def utc(hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 5, 1, hour, minute, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def copenhagen(monkeypatch: pytest.MonkeyPatch):
    """The report is in the computer's local time: Copenhagen's here (summer: UTC+2)."""
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def project(line: str = "Dag 1", text: str = "Lang ventetid") -> Project:
    """A workshop with a log, captured items credited to people, notes and a round; ``line`` and
    ``text`` go into every one-line and every free text of it."""
    p = Project(schema_version=1, title="Ventetid")
    p.readiness.team = [TeamMember(id="person-anna", name=NAMES[0])]
    p.create.guests = [Guest(id="guest-bo", name=NAMES[1])]
    p.focus.causes = [TreeNode(id="node-c1", text=text, said_by="person-anna")]
    p.experience.insights = [Insight(id="insight-i1", statement=text, said_by="guest-bo")]
    p.create.ideas = [Idea(id="idea-a", title=line, said_by="guest-bo"), Idea(id="idea-b", title="Sms")]
    p.workshops = [Workshop(
        id="workshop-w1", title=line, date=dt.date(2026, 5, 1), place=line, participants=["person-anna", "guest-bo"],
        agenda=[Activity(id="activity-tree", title=line, minutes=30, target="causes"),
                Activity(id="activity-brain", title="Brainstorm", minutes=15, target="ideas"),
                Activity(id="activity-pause", title="Pause", minutes=10)],
        log=[ActivityLog(activity="activity-tree", started=utc(7, 0), ended=utc(7, 37), notes=text,
                         captured=["node-c1", "insight-i1"]),
             ActivityLog(activity="activity-brain", started=utc(7, 37), ended=utc(7, 49), captured=["idea-a", "idea-b"])],
        rounds=[VoteRound(id="round-r1", activity="activity-brain", voters=2, dots_per_person=2,
                          totals=[RoundTotal(idea="idea-b", dots=1), RoundTotal(idea="idea-a", dots=3)])])]
    return p


def report(p: Project, fmt: str, lang: str = "da", **options: object) -> str:
    return export_report(p, method=METHOD, fmt=fmt, lang=lang, **options)  # type: ignore[arg-type]


def test_the_part_is_last_and_shows_the_summary_in_local_time() -> None:
    assert PARTS[-1] == "workshops"
    text = report(project(), "md", parts=("workshops",))
    tokens = md().parse(text)
    assert blocks_of(tokens, "heading")[1:] == [
        "Workshopdage", "Dag 1", "Indfanget under Dag 1", "Indfanget under Brainstorm", "Prikrunder"]
    cells = blocks_of(tokens, "td")
    assert ["Dag 1", "30 min", "09:00–09:37", "+7 min over tiden", "2"] == cells[:5]
    assert ["Pause", "10 min", "—", "ikke holdt", ""] == cells[10:15]
    assert ["1", "Dag 1", "3", "█" * 20, "2", "Sms", "1", "█" * 7] == cells[15:]
    items = blocks_of(tokens, "list_item")
    assert "Årsag: Lang ventetid — sagt af Anna Holmgaard" in items and "Idé: Sms" in items
    assert "Indfanget i alt: 1 årsag, 1 indsigt, 2 idéer" in items
    page = report(project(), "html", lang="en", parts=("workshops",))
    words = "".join(html5lib.parse(page, namespaceHTMLElements=False).itertext())
    for expected in ("Workshop days", "09:00–09:37", "+7 min overrun", "Cause: Lang ventetid — said by Anna Holmgaard",
                     "Round 1 · during Brainstorm · named · 2 dots per person", "█" * 20):
        assert expected in words, expected


def test_no_workshop_says_the_part_is_empty() -> None:
    empty = Project(schema_version=1, title="Tom")
    text = report(empty, "md", parts=("workshops",))
    assert "## Workshopdage" in text and tr("da", "report.md.empty") in text
    page = report(empty, "html", parts=("workshops",))
    assert tr("da", "report.html.part.workshops") in page and tr("da", "report.html.empty") in page


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_markdown_is_never_read_as_markdown_or_html(lang: str) -> None:
    text = report(project(LINE, TEXT), "md", lang, parts=("workshops",))
    tokens = md().parse(text)
    flat = [*tokens, *(child for t in tokens for child in (t.children or []))]
    assert not {t.type for t in flat} & {"html_block", "html_inline", "link_open", "image", "code_inline",
                                         "code_block", "hr", "blockquote_open", "ordered_list_open", "fence"}
    page = html5lib.parse(md().render(text), namespaceHTMLElements=False)
    for element in page.iter():
        assert element.tag in ALLOWED_ELEMENTS - {"blockquote", "pre", "code"}, element.tag
        assert set(element.attrib) <= {"class"}, element.attrib
    headings = blocks_of(tokens, "heading")
    assert LINE in headings and tr(lang, "summary.captured_in", activity=LINE) in headings
    assert not [h for h in headings if h.startswith("heading")]  # the user's "# heading" is no heading
    items = blocks_of(tokens, "list_item")
    kind = tr(lang, "summary.kind.cause")
    assert f"{kind}: {SHOWN} — {tr(lang, 'summary.said_by', name=NAMES[0])}" in items
    cells = blocks_of(tokens, "td")
    assert cells.count(LINE) == 2  # the activity and the idea: each whole in its own cell, | and all
    paragraphs = blocks_of(tokens, "paragraph")
    assert any(p.endswith(SHOWN) for p in paragraphs)  # the notes, every line literally
    assert any(f"{tr(lang, 'summary.place')}:" in p and LINE in p for p in paragraphs)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_html_is_shown_literally(lang: str) -> None:
    page = report(project(LINE, TEXT), "html", lang, parts=("workshops",))
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert not tree.findall(".//script") and not tree.findall(".//b") and not tree.findall(".//a")
    for element in tree.iter():
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.attrib
    cells = ["".join(td.itertext()) for td in tree.iter("td")]
    assert cells.count(LINE) == 2
    items = ["".join(li.itertext()) for li in tree.iter("li")]
    assert f"{tr(lang, 'summary.kind.cause')}: {TEXT} — {tr(lang, 'summary.said_by', name=NAMES[0])}" in items
    assert tr(lang, "summary.captured_in", activity=LINE) in ["".join(h.itertext()) for h in tree.iter("h3")]
    assert TEXT in ["".join(dd.itertext()) for dd in tree.iter("dd")]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_redacted_report_names_no_participant(fmt: str, lang: str) -> None:
    plain = report(project(), fmt, lang)
    assert all(name in plain for name in NAMES)
    hidden = report(project(), fmt, lang, redact=True)
    assert not [name for name in NAMES if name in hidden]
    hidden_word = tr(lang, "report.hidden")
    said = tr(lang, "summary.said_by", name=hidden_word)
    assert said in hidden or said.replace("[", "\\[").replace("]", "\\]") in hidden
    assert hidden_word in hidden.replace("\\[", "[").replace("\\]", "]")
