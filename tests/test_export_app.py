"""The app's *Eksportér rapport* / *Export report*: from the palette, a dialog chooses the format
(and redaction); the report is written next to the project with what is typed in an open edit bar,
and a notice says where, any title shown as it is written."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from borgerspil_tui.core.storage import dump_project, load_project
from borgerspil_tui.tui.screens.choice import ChoiceScreen
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, notices, palette_to, until


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The Markdown renderer replaced by one that records its arguments and returns the project as JSON."""
    calls: list[dict] = []

    def render(project, *, method, lang, parts, concept, redacted):
        calls.append({"lang": lang, "parts": parts, "concept": concept, "redacted": redacted})
        return project.model_dump_json()

    module = types.ModuleType("borgerspil_tui.core.export.markdown")
    module.render_markdown = render  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return calls


def toast_texts(app) -> list[str]:
    """The notices on screen, as shown."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_palette_export_writes_html_next_to_the_project_with_typed_text(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy)
    sent = notices(app, monkeypatch)
    report = example_copy.with_name("hjaelpemidler.html")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n", *"Kirsten Vang")  # typed in the edit bar, no Enter
        await palette_to(pilot, "Eksportér rapport")
        assert isinstance(app.screen, ChoiceScreen)
        assert "hjaelpemidler.md" in str(app.screen.message) and "hjaelpemidler.html" in str(app.screen.message)
        assert app.session.project.readiness.team[-1].name == "Kirsten Vang"  # committed before the dialog
        await pilot.press("down", "enter")  # HTML
        await until(pilot, lambda: report.exists())
        await until(pilot, lambda: bool(sent))
        assert not isinstance(app.screen, ChoiceScreen)
    page = report.read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "Kirsten Vang" in page
    assert sent == [f"Rapporten om Hurtigere hjælp til hjælpemidler i Vestby Kommune er skrevet til {report}"]
    assert "Kirsten Vang" not in example_copy.read_text("utf-8")  # the export saves nothing itself


async def test_redacted_markdown_in_english_from_the_palette(example_copy: Path, recorder: list[dict],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy, language="en")
    sent = notices(app, monkeypatch)
    report = example_copy.with_name("hjaelpemidler.md")
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "Export report")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "down", "enter")  # Markdown, redacted
        await until(pilot, lambda: report.exists())
    assert recorder == [{"lang": "en", "parts": recorder[0]["parts"], "concept": None, "redacted": True}]
    text = report.read_text("utf-8")
    assert "[hidden]" in text and "Mette Holm" not in text and "Kvinde, 82 år, bor alene" not in text
    assert sent == [f"The report on Hurtigere hjælp til hjælpemidler i Vestby Kommune was written to {report}"]


async def test_escape_in_the_dialog_writes_nothing(example_copy: Path, recorder: list[dict]) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "Eksportér")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert not recorder and sorted(p.name for p in example_copy.parent.iterdir()) == ["hjaelpemidler.borgerspil.yaml"]


async def test_a_hostile_title_is_shown_literally_in_the_notice(tmp_path: Path, recorder: list[dict],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import EXAMPLE

    project = load_project(EXAMPLE).project.model_copy(update={"title": HOSTILE})
    path = tmp_path / "[b]fed[-b].borgerspil.yaml"
    path.write_text(dump_project(project), "utf-8")
    app = make_app(path)
    sent = notices(app, monkeypatch)
    report = tmp_path / "[b]fed[-b].md"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await palette_to(pilot, "Eksportér rapport")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # Markdown
        await until(pilot, lambda: report.exists())
        await until(pilot, lambda: any("er skrevet til" in text for text in toast_texts(app)))
        shown = next(text for text in toast_texts(app) if "er skrevet til" in text)
        assert HOSTILE in shown and str(report) in shown
        assert app.is_running  # [@click=app.quit] was not a link that ran
    assert sent == [f"Rapporten om {HOSTILE} er skrevet til {report}"]


async def test_a_write_that_fails_is_said_and_the_app_goes_on(example_copy: Path, recorder: list[dict],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = example_copy.with_name("hjaelpemidler.md")
    blocker.mkdir()  # a folder where the report would go
    app = make_app(example_copy, language="en")
    sent = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "Export report")
        await pilot.press("enter")
        await until(pilot, lambda: bool(sent))
        assert app.is_running
    assert sent[0].startswith(f"The report was not written to {blocker}: ")
