"""After the day, what the room wrote and nobody reviewed: the workshop summary keeps the texts of
the post-its still waiting (who typed them, in which activity; the first 50, then "and N more"),
never a hidden one's; the summary screen shows them as written, and the report's workshop part
(Markdown and HTML) escapes them as every other text, in both languages; a redacted report hides
the name typed on the phone."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.export.md_escape import md_item
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.workshop import Activity, PostIt, Workshop
from borgerspil_tui.core.storage import save_project
from borgerspil_tui.core.workshop_summary import WAITING_SHOWN, summarise
from borgerspil_tui.core.workshop_summary_words import waiting_head, waiting_lines
from tests.app_helpers import SIZE, goto, make_app, screen_text

SENT = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
MARKUP = "[bold]x[/] [link=x]klik[/link] <script>alert(1)</script> *fed* | rør"
"""A post-it a participant typed that is markup in every place it could land."""


def _project(waiting: int = 3) -> Project:
    """A day with two brainstorms: the hostile post-it waits in the first, an anonymous one in the
    second, one whose activity was deleted, then ``waiting - 3`` more; one taken in, one hidden."""
    postits = [PostIt(id="postit-hostile", activity="activity-one", text=MARKUP, author="[red]Mette[/red]", sent=SENT),
               PostIt(id="postit-taken", activity="activity-one", text="Taget ind", author="Bo", sent=SENT,
                      state="accepted"),
               PostIt(id="postit-hidden", activity="activity-two", text="HEMMELIG tekst", author="Zelda", sent=SENT,
                      state="hidden"),
               PostIt(id="postit-anon", activity="activity-two", text="Ring op", author="", sent=SENT),
               PostIt(id="postit-gone", activity=None, text="Fra en slettet", author="Cai", sent=SENT)]
    postits += [PostIt(id=f"postit-more{n:03d}", activity="activity-two", text=f"Nummer {n}", author="Dan",
                       sent=SENT) for n in range(waiting - 3)]
    project = Project(schema_version=1, title="Værksted")
    project.workshops = [Workshop(id="workshop-dag", title="Idédag", agenda=[
        Activity(id="activity-one", title="Brainstorm 1", target="ideas"),
        Activity(id="activity-two", title="Brainstorm 2", target="ideas")], postits=postits)]
    return project


def test_the_summary_keeps_the_waiting_texts_in_order_never_a_hidden_one() -> None:
    summary = summarise(_project(), _project().workshops[0])
    assert [(w.text, w.author, w.activity) for w in summary.waiting] == [
        (MARKUP, "[red]Mette[/red]", "Brainstorm 1"), ("Ring op", "", "Brainstorm 2"), ("Fra en slettet", "Cai", None)]
    assert summary.waiting_more == 0
    assert waiting_head(summary, "da") == "Post-its fra telefoner, som ingen har gennemgået (3)"
    assert waiting_lines(summary, "da") == [f"{MARKUP} — [red]Mette[/red] · Brainstorm 1",
                                            "Ring op — anonym · Brainstorm 2",
                                            "Fra en slettet — Cai · (aktiviteten er slettet)"]
    assert waiting_lines(summary, "en")[1:] == ["Ring op — anonymous · Brainstorm 2",
                                                "Fra en slettet — Cai · (the activity was deleted)"]
    assert not any("HEMMELIG" in line or "Taget ind" in line for line in waiting_lines(summary, "en"))


def test_the_first_50_are_shown_and_the_rest_counted() -> None:
    project = _project(waiting=WAITING_SHOWN + 12)
    summary = summarise(project, project.workshops[0])
    assert len(summary.waiting) == WAITING_SHOWN and summary.waiting_more == 12
    assert summary.waiting[-1].text == f"Nummer {WAITING_SHOWN - 4}"  # the first 50 in the order they came
    assert waiting_lines(summary, "da")[-1] == "… og 12 mere"
    assert waiting_lines(summary, "en")[-1] == "… and 12 more"
    assert waiting_head(summary, "en") == f"Post-its from phones nobody reviewed ({WAITING_SHOWN + 12})"
    empty = Project(schema_version=1, title="x", workshops=[Workshop(id="workshop-tom", title="Tom")])
    assert waiting_head(summarise(empty, empty.workshops[0]), "da") == ""  # nothing waits: no heading


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_markdown_report_escapes_them_as_every_other_text(lang: str) -> None:
    project = _project(waiting=WAITING_SHOWN + 2)
    report = export_report(project, method=bundled_method(), fmt="md", lang=lang, parts=("workshops",))
    summary = summarise(project, project.workshops[0])
    assert "#### " + waiting_head(summary, lang) in report
    first = waiting_lines(summary, lang)[0]
    assert md_item(first) in report
    assert "\\[bold\\]x\\[/\\]" in report and "\\<script\\>" in report and "\\*fed\\* \\| rør" in report
    assert "<script>" not in report and "[link=x]" not in report  # never markup, never a link
    assert ("… og 2 mere" if lang == "da" else "… and 2 more") in report
    assert "HEMMELIG" not in report and "Zelda" not in report  # hidden: never in the report


@pytest.mark.parametrize("redact", [False, True])
def test_the_html_report_escapes_them_and_a_redacted_one_hides_the_names(redact: bool) -> None:
    project = _project()
    report = export_report(project, method=bundled_method(), fmt="html", lang="da", parts=("workshops",),
                           redact=redact)
    assert "<script>alert(1)</script>" not in report
    assert html.escape(MARKUP, quote=False) in report
    assert "Post-its fra telefoner, som ingen har gennemgået (3)" in report
    assert "HEMMELIG" not in report
    assert ("Mette" in report) is not redact and ("Cai" in report) is not redact
    if redact:
        assert "— [skjult] · Brainstorm 1" in report and "Ring op — anonym · Brainstorm 2" in report


async def test_the_summary_screen_shows_them_as_written(tmp_path: Path) -> None:
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, _project(waiting=WAITING_SHOWN + 5))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop-summary")
        text = screen_text(app)
        assert "Post-its fra telefoner, som ingen har gennemgået (55)" in text
        assert f"  • {MARKUP} — [red]Mette[/red] · Brainstorm 1" in text  # as typed: no bold, no link
        assert "  • Fra en slettet — Cai · (aktiviteten er slettet)" in text
        assert "  • … og 5 mere" in text and "Nummer 46" in text and "Nummer 47" not in text
        assert "HEMMELIG" not in text
        await pilot.press("f2")
        await pilot.pause()
        text = screen_text(app)
        assert "Post-its from phones nobody reviewed (55)" in text and "  • … and 5 more" in text
        assert f"  • {MARKUP} — [red]Mette[/red] · Brainstorm 1" in text
