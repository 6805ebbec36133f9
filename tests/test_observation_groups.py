"""Affinity grouping's core: tags in use, filling groups several at a time and by tag, a group
turned into one insight (one undo step), the filter, the board's columns cut to fit, the check."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core import observation_groups as og
from borgerspil_tui.core.checks.groups import group_problems
from borgerspil_tui.core.group_board import (
    cell_len,
    column_lines,
    columns,
    cut,
    first_shown,
    fit,
)
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Observation, ObservationGroup
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import create_project_file, load_project


def _project() -> Project:
    project = Project(schema_version=1, title="Grupper")
    project.experience.observations = [
        Observation(id="obs-aaaaaa", what="Ventetid i telefonen", tags=["ventetid", "telefon"]),
        Observation(id="obs-bbbbbb", what="Brevet var svært at læse", tags=["Breve"]),
        Observation(id="obs-cccccc", what="Ventede tre uger på svar", tags=[" Ventetid "]),
        Observation(id="obs-dddddd", what="Ringede fem gange", tags=["telefon"]),
    ]
    return project


def _session(tmp_path: Path, project: Project | None = None) -> Session:
    path = tmp_path / "g.borgerspil.yaml"
    create_project_file(path, project or _project())
    return Session.open(path)


def test_tags_in_use_count_each_tag_once_per_observation_case_and_spaces_aside() -> None:
    assert og.tags_in_use(_project()) == [("ventetid", 2), ("telefon", 2), ("Breve", 1)]
    assert [o.id for o in og.with_tag(_project(), "VENTETID")] == ["obs-aaaaaa", "obs-cccccc"]


def test_by_tag_makes_a_group_with_every_observation_carrying_it_then_fills_the_same_group(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes, group_id = og.by_tag(session.changes, "ventetid")
    session.apply("tag", changes)
    [group] = session.project.experience.groups
    assert group.id == group_id and group.name == "ventetid"
    assert group.observations == ["obs-aaaaaa", "obs-cccccc"]
    # A new observation with the tag: the same group is filled, no second one made.
    session.apply("obs", session.changes.add(("experience", "observations"),
                                             Observation(id="obs-eeeeee", what="Kø", tags=["Ventetid"])))
    changes, again = og.by_tag(session.changes, "Ventetid")
    session.apply("tag", changes)
    assert again == group_id and len(session.project.experience.groups) == 1
    assert session.project.experience.groups[0].observations == ["obs-aaaaaa", "obs-cccccc", "obs-eeeeee"]


def test_set_members_puts_several_in_and_takes_others_out_in_one_step(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes, group_id = og.new_group(session.changes, "Kontakt", ["obs-aaaaaa"])
    session.apply("new", changes)
    session.apply("fill", og.set_members(session.changes, group_id, ["obs-dddddd", "obs-bbbbbb"]))
    assert og.group_of(session.project, group_id).observations == ["obs-bbbbbb", "obs-dddddd"]
    session.undo()
    assert og.group_of(session.project, group_id).observations == ["obs-aaaaaa"]
    session.apply("add", og.add_members(session.changes, group_id, ["obs-dddddd", "obs-aaaaaa"]))
    assert og.group_of(session.project, group_id).observations == ["obs-aaaaaa", "obs-dddddd"]
    session.apply("out", og.take_out(session.changes, group_id, "obs-aaaaaa"))
    assert og.group_of(session.project, group_id).observations == ["obs-dddddd"]
    assert og.take_out(session.changes, group_id, "obs-aaaaaa") == []  # not in it: nothing to do


def test_an_observation_in_two_groups_counts_twice_and_is_not_ungrouped() -> None:
    project = _project()
    project.experience.groups = [ObservationGroup(id="group-aaaaaa", name="A", observations=["obs-aaaaaa"]),
                                 ObservationGroup(id="group-bbbbbb", name="B", observations=["obs-aaaaaa",
                                                                                             "obs-bbbbbb"])]
    assert og.membership(project) == {"obs-aaaaaa": 2, "obs-bbbbbb": 1}
    assert [o.id for o in og.ungrouped(project)] == ["obs-cccccc", "obs-dddddd"]
    board = columns(project, "da")
    assert [(c.key, len(c.items)) for c in board] == [("", 2), ("group-aaaaaa", 1), ("group-bbbbbb", 2)]
    assert board[2].items[0] == ("obs-aaaaaa", "Ventetid i telefonen", 2)


def test_a_group_becomes_one_insight_with_its_observations_and_one_undo_takes_both_back(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes, group_id = og.new_group(session.changes, "Ventetid", ["obs-aaaaaa", "obs-cccccc"])
    session.apply("new", changes)
    changes, insight_id = og.to_insight(session.changes, group_id, "Borgerne venter for længe")
    session.apply("insight", changes)
    [insight] = session.project.experience.insights
    assert insight.id == insight_id and insight.statement == "Borgerne venter for længe"
    assert insight.observations == ["obs-aaaaaa", "obs-cccccc"]
    assert og.group_of(session.project, group_id).insight == insight_id
    session.save()
    saved = load_project(session.path).project
    assert saved.experience.groups[0].insight == saved.experience.insights[0].id
    session.undo()
    assert session.project.experience.insights == []
    assert og.group_of(session.project, group_id).insight is None


def test_a_group_with_an_insight_updates_it_instead_of_making_a_second(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes, group_id = og.new_group(session.changes, "Ventetid", ["obs-aaaaaa"])
    session.apply("new", changes)
    session.apply("insight", og.to_insight(session.changes, group_id, "")[0])
    assert session.project.experience.insights[0].statement == "Ventetid"  # the group's name when none typed
    session.apply("fill", og.add_members(session.changes, group_id, ["obs-cccccc"]))
    changes, again = og.to_insight(session.changes, group_id, "Lang ventetid")
    session.apply("update", changes)
    [insight] = session.project.experience.insights
    assert insight.id == again and insight.statement == "Lang ventetid"
    assert insight.observations == ["obs-aaaaaa", "obs-cccccc"]
    session.apply("fill", og.add_members(session.changes, group_id, ["obs-dddddd"]))
    session.apply("update", og.update_insight(session.changes, group_id))
    assert session.project.experience.insights[0].observations == ["obs-aaaaaa", "obs-cccccc", "obs-dddddd"]


def test_deleting_a_group_keeps_its_observations_and_insight(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes, group_id = og.new_group(session.changes, "A", ["obs-aaaaaa"])
    session.apply("new", changes)
    session.apply("insight", og.to_insight(session.changes, group_id, "S")[0])
    session.apply("delete", session.changes.remove((*og.GROUPS, group_id)))
    assert session.project.experience.groups == [] and len(session.project.experience.insights) == 1
    assert len(session.project.experience.observations) == 4
    session.undo()
    assert og.group_of(session.project, group_id).insight == session.project.experience.insights[0].id


def test_the_filter_lets_through_only_the_tag_or_only_the_group() -> None:
    project = _project()
    project.experience.groups = [ObservationGroup(id="group-aaaaaa", name="A", observations=["obs-dddddd",
                                                                                             "obs-bbbbbb"]),
                                 ObservationGroup(id="group-bbbbbb", name="B", observations=["obs-aaaaaa"])]
    assert [o.id for o in og.filtered(project, og.Filter("group", "group-aaaaaa"))] == ["obs-bbbbbb", "obs-dddddd"]
    assert [o.id for o in og.filtered(project, og.Filter("group", "group-bbbbbb"))] == ["obs-aaaaaa"]
    assert [o.id for o in og.filtered(project, og.Filter("tag", "telefon"))] == ["obs-aaaaaa", "obs-dddddd"]
    assert og.filtered(project, og.Filter("group", "group-gone")) == []
    assert len(og.filtered(project, og.Filter())) == 4 and not og.Filter().on
    kinds = [(k, v) for k, v, _ in og.filter_options(project)]
    assert kinds == [("tag", "ventetid"), ("tag", "telefon"), ("tag", "Breve"), ("group", "group-aaaaaa"),
                     ("group", "group-bbbbbb")]


def test_texts_are_cut_to_one_line_by_terminal_cells() -> None:
    assert cut("kort", 10) == "kort"
    assert cut("to\nlinjer   her", 20) == "to linjer her"
    long = "x" * 300
    assert cut(long, 20) == "x" * 19 + "…" and cell_len(cut(long, 20)) == 20
    assert cell_len(cut("🎉" * 30, 11)) <= 11


def test_the_page_follows_the_cursor_and_columns_never_get_narrower_than_fits() -> None:
    assert fit(120, 13) == (4, 29) and fit(80, 13) == (3, 26) and fit(120, 2) == (2, 59)
    assert fit(10, 5)[0] == 1
    assert first_shown(0, 5, 4, 13) == 2 and first_shown(2, 1, 4, 13) == 1 and first_shown(0, 12, 4, 13) == 9


def test_a_long_column_shows_the_cursor_and_says_how_many_more() -> None:
    project = Project(schema_version=1, title="Mange")
    project.experience.observations = [Observation(id=f"obs-{i:06d}", what=f"o{i}") for i in range(30)]
    [loose] = columns(project, "en")
    lines = column_lines(loose, 20, 10, "en", cursor=25)
    items = [line.index for line in lines if line.kind == "item"]
    assert 25 in items and len(lines) == 10  # head, a blank line (as a group's insight), rule
    assert lines[-1].kind == "more" and "24 more" in lines[-1].text  # 6 of 30 shown
    assert all(cell_len(line.text) <= 20 for line in lines)


def test_check_names_many_observations_without_groups_and_groups_without_an_insight() -> None:
    method = bundled_method()
    project = Project(schema_version=1, title="Tjek")
    project.experience.observations = [Observation(what=f"o{i}") for i in range(9)]
    assert group_problems(project, method, "da") == []  # few observations: no nagging
    project.experience.observations.append(Observation(what="den tiende"))
    assert group_problems(project, method, "da") == ["10 observationer, men ingen grupper: grupper dem for at se "
                                                      "mønstrene"]
    assert "10 observations but no groups" in group_problems(project, method, "en")[0]
    project.experience.groups = [ObservationGroup(name="Ventetid [bold]x[/]"), ObservationGroup(name="Breve",
                                                                                                insight=None)]
    [line] = group_problems(project, method, "en")
    assert line == "2 groups without an insight yet: Ventetid [bold]x[/], Breve"


def test_the_check_is_what_the_overview_and_borgerspil_check_show_for_oplev() -> None:
    from borgerspil_tui.core.checks import tool_problems

    project = Project(schema_version=1, title="Tjek")
    project.experience.observations = [Observation(what=f"o{i}") for i in range(12)]
    assert tool_problems(project, bundled_method(), "experience", "en") == [
        "12 observations but no groups: group them to see the patterns"]
    project.experience.groups = [ObservationGroup(name=f"g{i}") for i in range(5)]
    assert tool_problems(project, bundled_method(), "experience", "da") == [
        "5 grupper uden indsigt endnu: g0, g1, g2, …"]
