"""Pilot tests of the prioritisation matrix as a workshop sees it: every column on screen at
120×40, the title kept in view at 80×24, scoring a whole idea in four digits, sort and filter kept,
the 2×2 view's keys and axes, ideas → concept once, deleting an idea, clearing a score."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.method import Criterion, Localized, bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.core.storage import create_project_file
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.widgets.key_bar import KeyBar
from tests.app_helpers import HOSTILE, SIZE, goto, make_app

CRITERIA = ("importance", "feasibility", "strategic-match", "low-hanging-fruit")


def _project(tmp_path: Path, titles: list[str]) -> Path:
    path = tmp_path / "matrix.borgerspil.yaml"
    project = Project(schema_version=1, title="Matrix")
    project.create.ideas = [Idea(title=title) for title in titles]
    create_project_file(path, project)
    return path


def _lines(widget, first: int, last: int) -> list[str]:  # noqa: ANN001
    """What the widget draws on its lines ``first``..``last`` (as on screen, after scrolling)."""
    return [widget.render_line(y).text for y in range(first, last + 1)]


def _keys(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one(KeyBar).visual)


def _info(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one("#matrix-info").visual)


async def test_every_column_is_on_screen_at_120x40(example_copy: Path) -> None:
    for language, headers in (("da", ["#", "Idé", "Vægtet", "score", "Vigtighed", "×3", "Realiserbar", "×2",
                                      "Strategisk", "match ×1", "Lavthængende", "frugt ×1", "Prikker", "Valgt"]),
                              ("en", ["#", "Idea", "Weighted", "score", "Importance", "×3", "Feasibility", "×2",
                                      "Strategic", "match ×1", "Low-hanging", "fruit ×1", "Dots", "Chosen"])):
        app = make_app(example_copy, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await goto(pilot, "matrix")
            await pilot.pause()
            table = app.screen.query_one("#ideas")
            assert table.columns[next(k for k in table.columns if k.value == "title")].width >= 30
            drawn = "\n".join(_lines(table, 0, 3))
            for header in headers:
                assert header in drawn, (language, header)
            assert "…" not in "\n".join(_lines(table, 0, 1))  # no header is cut
            first_row = _lines(table, 2, 2)[0]
            # rank, the whole title, weighted score, the four scores, dots and chosen, all on screen
            assert first_row.split() == ["3", "Hjælpemiddeldepot", "i", "Borgerservice", "3.86", "5", "3", "4", "2",
                                         "5", "✓"]
            assert table.max_scroll_x == 0


async def test_the_title_and_score_stay_put_at_80x24(tmp_path: Path) -> None:
    long = "En meget lang idé om at borgerne selv kan bestille hjælpemidler på nettet og få dem bragt hjem"
    path = _project(tmp_path, ["Sms ved hvert skridt", long, HOSTILE])
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("g")  # guidance away: room for the rows
        table = app.screen.query_one("#ideas")
        await pilot.press("3", "4", "5", "2")
        assert table.fixed_columns == 3  # rank, title, weighted score
        for _ in range(8):
            await pilot.press("right")
        await pilot.pause()
        assert table.scroll_x > 0
        header, _, first = _lines(table, 0, 2)
        assert header.split()[:3] == ["#", "Idé", "Vægtet"] and "Valgt" in header
        assert first.split()[:5] == ["1", "Sms", "ved", "hvert", "skridt"] and "3.50" in first
        second = _lines(table, 3, 3)[0]
        assert "En meget lang idé" in second and "…" in second  # cut in the table…
        detail = str(app.screen.query_one("#idea-detail").visual)
        assert long in detail  # …whole under it
        await pilot.press("down")
        assert HOSTILE in str(app.screen.query_one("#idea-detail").visual)


async def test_four_digits_score_a_whole_idea(tmp_path: Path) -> None:
    path = _project(tmp_path, ["A", "B"])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("4", "5", "3", "2", "1", "2", "3", "4")
        first, second = app.session.project.create.ideas
        assert first.scores == dict(zip(CRITERIA, (4, 5, 3, 2)))
        assert second.scores == dict(zip(CRITERIA, (1, 2, 3, 4)))


async def test_four_digits_follow_the_rows_as_they_are_sorted(tmp_path: Path) -> None:
    path = _project(tmp_path, ["A", "B", "C"])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        table.move_cursor(column=2)  # the weighted score
        await pilot.press("o", "right")  # sorted by score: every digit re-sorts the rows
        await pilot.press("1", "1", "1", "1", "5", "5", "5", "5")
        scores = {idea.title: idea.scores for idea in app.session.project.create.ideas}
        assert scores == {"A": dict.fromkeys(CRITERIA, 1), "B": dict.fromkeys(CRITERIA, 5), "C": {}}


async def test_backspace_clears_one_score(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        assert "⌫ ryd point" in _keys(app)
        await pilot.press("backspace")
        ideas = app.session.project.create.ideas
        assert len(ideas) == 5
        assert ideas[0].scores == {"feasibility": 3, "strategic-match": 4, "low-hanging-fruit": 2}


async def test_sort_and_filter_are_kept_after_leaving(tmp_path: Path) -> None:
    path = _project(tmp_path, ["Sms ved hvert skridt", "Depot", "SMS til pårørende", "Skema", "Hjemmepleje",
                               "Påmindelse pr. sms"])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        assert "6 idéer" in _info(app)
        app.screen.query_one("#ideas").move_cursor(column=1)
        await pilot.press("o", "o")  # by title, reversed
        await pilot.press("slash", *"sms", "enter")
        assert "3 af 6 idéer" in _info(app)
        await pilot.press("0")
        assert app.screen.NAME == "overview"
        await goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        assert [str(table.get_row_at(r)[1]) for r in range(table.row_count)] == [
            "Sms ved hvert skridt", "SMS til pårørende", "Påmindelse pr. sms"]
        assert "3 af 6 idéer" in _info(app)
        await pilot.press("f2")
        await pilot.pause()
        assert "3 of 6 ideas" in _info(app)


async def test_two_by_two_shows_only_its_keys_and_digits_stay_on_the_screen(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        assert "point 1–5" in _keys(app) and "vandret akse" not in _keys(app)
        before = app.session.project.model_dump()
        await pilot.press("v")
        keys = _keys(app)
        assert "vandret akse" in keys and "lodret akse" in keys and "tabel/2×2" in keys
        for gone in ("point 1–5", "ryd point", "ny idé", "ret", "vælg", "sortér", "filtrér"):
            assert f" {gone} " not in f" {keys} ".replace("  ", " "), gone
        await pilot.press("1", "3", "backspace", "space", "n")
        assert app.screen.NAME == "matrix"
        assert app.session.project.model_dump() == before
        await pilot.press("v")
        assert "point 1–5" in _keys(app) and "vandret akse" not in _keys(app)


async def test_the_two_axes_are_never_the_same_criterion(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("v")
        names = {c.name("da") for c in app.method.criteria}
        seen = set()
        for key in "xxxxxyyyyyxyxy":
            await pilot.press(key)
            lines = str(app.screen.query_one("#plot").visual).splitlines()
            vertical = lines[0].strip().removeprefix("↑ ")
            horizontal = lines[-1].strip().removesuffix(" →")
            assert {vertical, horizontal} <= names
            assert vertical != horizontal, key
            seen.add((vertical, horizontal))
        assert len({h for _, h in seen}) == 4 and len({v for v, _ in seen}) == 4


async def test_k_makes_one_concept_and_clears_the_marks_as_one_step(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        create = app.session.project.create
        chosen = [i.id for i in create.ideas if i.chosen]
        assert len(chosen) == 3 and len(create.concepts) == 1
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.NAME == "concept-card"
        await goto(pilot, "matrix")
        await pilot.press("k")
        await pilot.pause()
        create = app.session.project.create
        assert app.screen.NAME == "matrix"
        assert len(create.concepts) == 2 and create.concepts[1].ideas == chosen
        assert not any(i.chosen for i in create.ideas)
        await pilot.press("ctrl+z")
        create = app.session.project.create
        assert len(create.concepts) == 1
        assert [i.id for i in create.ideas if i.chosen] == chosen


async def test_delete_removes_the_idea_and_its_links_and_undo_brings_them_back(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        before = app.session.project.model_dump()
        assert app.screen.current_id() == "idea-b7c8de"  # the depot: 5 dots, in the concept
        await pilot.press("delete")
        create = app.session.project.create
        assert [i.id for i in create.ideas] == ["idea-f9g2hj", "idea-k3m4np", "idea-q5r6st", "idea-u7v8wx"]
        assert all(v.idea != "idea-b7c8de" for v in create.votes) and len(create.votes) == 3
        assert create.concepts[0].ideas == ["idea-f9g2hj", "idea-k3m4np"]
        assert app.screen.query_one("#ideas").row_count == 4
        await pilot.press("ctrl+z")
        assert app.session.project.model_dump() == before
        assert app.screen.query_one("#ideas").row_count == 5


async def test_an_organisations_method_with_a_fifth_criterion(example_copy: Path) -> None:
    method = bundled_method()
    fifth = Criterion(id="citizen-value", name=Localized(da="Borgernes oplevede værdi", en="Value citizens feel"),
                      default_weight=1)
    method = method.model_copy(update={"criteria": [*method.criteria, fifth]})
    app = BorgerspilApp(method=method, settings=Settings(language="da"), language="da",
                        session=Session.open(example_copy), folder=example_copy.parent, autosave_delay=30,
                        watch_interval=3600, remember=False)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.pause()
        table = app.screen.query_one("#ideas")
        header = _lines(table, 0, 1)
        assert "Borgernes" in header[0] and "oplevede værdi ×1" in header[1]  # the method's own name
        await pilot.press("right", "right", "right", "right", "2")
        assert app.session.project.create.ideas[0].scores["citizen-value"] == 2


async def test_a_too_long_idea_stays_in_the_bar_with_the_reason(tmp_path: Path) -> None:
    path = _project(tmp_path, ["Første idé"])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("n")
        long_title = "x" * 600
        app.screen.query_one("#edit-input").value = long_title
        await pilot.press("enter")
        from borgerspil_tui.tui.widgets.edit_bar import EditBar

        bar = app.screen.query_one(EditBar)
        assert bar.is_open and bar.text == long_title
        assert "500" in bar.reason and "tegn" in bar.reason
        assert [idea.title for idea in app.session.project.create.ideas] == ["Første idé"]
        app.screen.query_one("#edit-input").value = "x" * 40
        await pilot.press("enter")
        assert [idea.title for idea in app.session.project.create.ideas] == ["Første idé", "x" * 40]
