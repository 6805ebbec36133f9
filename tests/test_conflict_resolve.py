"""Resolving recorded conflicts (core/conflict_resolve): each kind × each choice on the example
with conflicts written in by hand; the value after, the conflict gone, one undo step bringing
both back, and the file without ``conflicts:`` once the last one is resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from borgerspil_tui.core.conflict_resolve import (
    Unresolvable,
    conflict_choices,
    describe_side,
    resolve,
    resolved_label,
    still_there,
)
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project, save_project

IDEA = "idea-k3m4np"
TITLE = "Hurtigspor for enkle sager"


def title_conflict(**values: object) -> Conflict:
    return Conflict(id="conflict-title1", where=f"create.ideas.{IDEA}.title", kind="text",
                    about="Idé «Hurtigspor»: titel", base="Hurtigt spor", ours=TITLE, theirs="Hurtigspor", **values)


def with_conflicts(path: Path, *conflicts: Conflict) -> Session:
    """The file at ``path`` with ``conflicts`` recorded (the project already holds ours), opened."""
    project = load_project(path).project
    project.conflicts = list(conflicts)
    save_project(path, project, force=True)
    return Session.open(path)


def choose(session: Session, conflict: Conflict, choice: str, text: str | None = None) -> None:
    session.apply(resolved_label(conflict, "da"), resolve(session.changes, conflict, choice, text))  # type: ignore[arg-type]


def idea(session: Session, idea_id: str = IDEA):
    return next(i for i in session.project.create.ideas if i.id == idea_id)


def saved_text(session: Session) -> str:
    assert session.save()
    return session.path.read_text(encoding="utf-8")


# -- text ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("choice", "text", "expected"), [
    ("ours", None, TITLE),
    ("theirs", None, "Hurtigspor"),
    ("edit", "Hurtigspor til enkle sager", "Hurtigspor til enkle sager"),
    ("both", None, f"{TITLE} / Hurtigspor"),  # a title is one line
])
def test_a_title_conflict_each_choice(example_copy: Path, choice: str, text: str | None, expected: str) -> None:
    conflict = title_conflict()
    session = with_conflicts(example_copy, conflict)
    before = session.project.model_dump()
    choose(session, conflict, choice, text)
    assert idea(session).title == expected
    assert session.project.conflicts == []
    assert "conflicts:" not in saved_text(session)
    assert load_project(example_copy).project.create.ideas[2].title == expected
    assert session.undo() == "Konflikt løst: Idé «Hurtigspor»: titel"
    assert session.project.model_dump() == before  # one step: the value and the conflict are back
    assert not session.can_undo


def test_both_texts_of_a_description_are_kept_with_a_blank_line(example_copy: Path) -> None:
    conflict = Conflict(where=f"create.ideas.{IDEA}.description", kind="text", about="beskrivelse",
                        ours="Én sagsbehandler tager alle enkle sager dagligt.", theirs="To om ugen.")
    session = with_conflicts(example_copy, conflict)
    choose(session, conflict, "both")
    assert idea(session).description == "Én sagsbehandler tager alle enkle sager dagligt.\n\nTo om ugen."


def test_a_tree_node_text_is_found_by_its_id_however_deep(example_copy: Path) -> None:
    conflict = Conflict(where="focus.causes.node-g5h6jk.text", kind="text", about="Årsag",
                        ours="Skemaet er svært at forstå for ældre borgere", theirs="Skemaet er svært")
    session = with_conflicts(example_copy, conflict)
    choose(session, conflict, "theirs")
    assert session.project.focus.causes[0].children[0].text == "Skemaet er svært"
    assert session.project.conflicts == []


# -- values -------------------------------------------------------------------------------------
def test_a_weight_theirs_and_an_absent_key(example_copy: Path) -> None:
    number = Conflict(id="conflict-weight1", where="create.weights.importance", kind="value", about="Vægt",
                      base="2", ours="3", theirs="5")
    session = with_conflicts(example_copy, number)
    assert conflict_choices(number) == ["ours", "theirs", "edit"]
    with pytest.raises(Unresolvable):
        resolve(session.changes, number, "both")
    choose(session, number, "theirs")
    assert session.project.create.weights["importance"] == 5
    session.undo()
    assert session.project.create.weights["importance"] == 3 and session.project.conflicts == [number]
    gone = number.model_copy(update={"theirs": None})
    choose(session, gone.model_copy(update={"id": number.id}), "theirs")
    assert "importance" not in session.project.create.weights
    assert session.project.conflicts == []


def test_a_score_edit_and_ours(example_copy: Path) -> None:
    conflict = Conflict(where=f"create.ideas.{IDEA}.scores.importance", kind="value", about="Score",
                        ours="5", theirs="2")
    session = with_conflicts(example_copy, conflict)
    choose(session, conflict, "edit", "4")
    assert idea(session).scores["importance"] == 4
    session.undo()
    choose(session, conflict, "ours")
    assert idea(session).scores["importance"] == 5
    assert session.project.conflicts == []
    assert session.undo_steps()[-1].changes[-1].at == ("conflicts",)  # the ours step only removed the conflict


def test_a_field_value_and_an_answer(example_copy: Path) -> None:
    dots = Conflict(id="conflict-dots11", where="create.dots_per_person", kind="value", ours="3", theirs="4")
    answer = Conflict(id="conflict-answer", where="checklists.create-fun.answer", kind="value",
                      ours='"yes"', theirs='"partly"')
    session = with_conflicts(example_copy, dots, answer)
    choose(session, dots, "theirs")
    assert session.project.create.dots_per_person == 4
    assert "conflicts:" in saved_text(session)  # one is left
    choose(session, answer, "theirs")
    assert session.project.checklists["create-fun"].answer == "partly"
    assert session.project.conflicts == []
    assert "conflicts:" not in saved_text(session)


def test_both_lists_of_ids_are_ours_then_theirs_extra(example_copy: Path) -> None:
    where = "create.concepts.concept-c3d4ef.ideas"
    conflict = Conflict(where=where, kind="value", base='["idea-b7c8de"]', ours='["idea-b7c8de", "idea-q5r6st"]',
                        theirs='["idea-f9g2hj", "idea-b7c8de"]')
    session = with_conflicts(example_copy, conflict)
    assert "both" in conflict_choices(conflict)
    choose(session, conflict, "both")
    assert session.project.create.concepts[0].ideas == ["idea-b7c8de", "idea-q5r6st", "idea-f9g2hj"]
    assert describe_side(conflict, "theirs", "da", session.project) == \
        "Sms ved hvert skridt i sagen, Hjælpemiddeldepot i Borgerservice"


# -- items --------------------------------------------------------------------------------------
def item_conflict(session_path: Path, *, deleted: str) -> Conflict:
    project = load_project(session_path).project
    data = json.dumps(next(i for i in project.create.ideas if i.id == "idea-q5r6st").model_dump(mode="json"))
    return Conflict(where="create.ideas.idea-q5r6st", kind="item", about="Idé «Skema»",
                    base=data, ours=None if deleted == "ours" else data, theirs=None if deleted == "theirs" else data)


def test_an_item_theirs_deleted_choosing_theirs_removes_it_and_its_votes(example_copy: Path) -> None:
    conflict = item_conflict(example_copy, deleted="theirs")
    session = with_conflicts(example_copy, conflict)
    before = session.project.model_dump()
    assert describe_side(conflict, "theirs", "da") == "(slettet)"
    assert describe_side(conflict, "ours", "en") == "Skema i almindeligt dansk"
    choose(session, conflict, "theirs")
    project = session.project
    assert "idea-q5r6st" not in {i.id for i in project.create.ideas}
    assert all(v.idea != "idea-q5r6st" for v in project.create.votes)
    assert project.conflicts == []
    session.undo()
    assert session.project.model_dump() == before


def test_an_item_ours_deleted_choosing_theirs_keeps_their_version(example_copy: Path) -> None:
    conflict = item_conflict(example_copy, deleted="ours")
    changed = json.loads(conflict.theirs or "")
    changed["title"] = "Skema på dansk"
    conflict = conflict.model_copy(update={"theirs": json.dumps(changed)})
    session = with_conflicts(example_copy, conflict)
    choose(session, conflict, "theirs")
    assert idea(session, "idea-q5r6st").title == "Skema på dansk"
    session.undo()
    choose(session, conflict, "ours")
    assert "idea-q5r6st" not in {i.id for i in session.project.create.ideas}
    assert session.project.conflicts == []


# -- parents ------------------------------------------------------------------------------------
def test_a_node_moved_two_ways(example_copy: Path) -> None:
    conflict = Conflict(where="focus.causes.node-g5h6jk", kind="parent", about="Årsag «Skemaet»",
                        base="node-a2s4df", ours="node-a2s4df", theirs="node-q2r3st")
    session = with_conflicts(example_copy, conflict)
    assert describe_side(conflict, "theirs", "da", session.project) == "Alle sager får samme grundige behandling"
    assert conflict_choices(conflict) == ["ours", "theirs"]
    choose(session, conflict, "theirs")
    causes = session.project.focus.causes
    assert [c.id for c in causes[1].children] == ["node-u4v5wx", "node-g5h6jk"]
    assert [c.id for c in causes[0].children] == ["node-l7m8np"]
    session.undo()
    top = conflict.model_copy(update={"theirs": ""})
    assert describe_side(top, "theirs", "en") == "(top of the branch)"
    choose(session, top, "theirs")
    assert session.project.focus.causes[-1].id == "node-g5h6jk"
    session.undo()
    choose(session, conflict, "ours")  # already there: only the conflict goes
    assert [c.id for c in session.project.focus.causes[0].children] == ["node-g5h6jk", "node-l7m8np"]
    assert session.project.conflicts == []


# -- gone since ---------------------------------------------------------------------------------
def test_a_conflict_about_an_item_deleted_since_only_goes_away(example_copy: Path) -> None:
    conflict = Conflict(where="create.ideas.idea-zzzzzz.title", kind="text", ours="a", theirs="b")
    node = Conflict(where="focus.causes.node-zzzzzz.text", kind="text", ours="a", theirs="b")
    session = with_conflicts(example_copy, conflict, node)
    before = session.project.model_copy(deep=True)
    assert not still_there(session.changes, conflict) and not still_there(session.changes, node)
    assert still_there(session.changes, title_conflict())
    choose(session, conflict, "theirs")
    choose(session, node, "edit", "c")
    assert session.project.conflicts == []
    assert session.project.create == before.create and session.project.focus == before.focus


# -- validate -----------------------------------------------------------------------------------
def test_validate_reports_each_unresolved_conflict_with_its_line_and_fails(
        example_copy: Path, capsys: pytest.CaptureFixture) -> None:
    from borgerspil_tui.cli import main

    conflict = item_conflict(example_copy, deleted="theirs")
    session = with_conflicts(example_copy, title_conflict(), conflict)
    lines = example_copy.read_text(encoding="utf-8").splitlines()
    first = lines.index("conflicts:") + 2  # "  - id: …" of conflicts[0]
    assert main(["validate", str(example_copy), "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{example_copy}:{first}:5: conflicts[0]: unresolved conflict at Idé «Hurtigspor»: titel: "
        f"ours «{TITLE}» / theirs «Hurtigspor» (choose in the app on the Conflicts screen)",
        f"{example_copy}:{lines.index('    where: create.ideas.idea-q5r6st')}:5: conflicts[1]: unresolved conflict at "
        "Idé «Skema»: ours «Skema i almindeligt dansk» / theirs (deleted) (choose in the app on the Conflicts screen)",
    ]
    assert main(["validate", str(example_copy), "--lang", "da"]) == 1
    assert "uløst konflikt ved Idé «Skema»: vores «Skema i almindeligt dansk» / deres (slettet)" in capsys.readouterr().err
    for resolved in session.project.conflicts[:]:
        choose(session, resolved, "ours")
    assert session.save()
    assert main(["validate", str(example_copy), "--lang", "en"]) == 0


# -- conflicts as the merge records them ---------------------------------------------------------
def test_conflicts_from_a_real_merge_resolve_one_by_one(example_copy: Path) -> None:
    from borgerspil_tui.core.merge import merge_projects

    base = load_project(example_copy).project
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.create.ideas[2].title, theirs.create.ideas[2].title = "Hurtigspor A", "Hurtigspor B"
    ours.create.weights["importance"], theirs.create.weights["importance"] = 4, 5
    ours.focus.causes.append(ours.focus.causes[0].children.pop(0))  # to the top / under another cause
    theirs.focus.causes[1].children.append(theirs.focus.causes[0].children.pop(0))
    ours.create.ideas[3].description = "ny"  # changed here, deleted there
    theirs.create.votes = [v for v in theirs.create.votes if v.idea != "idea-q5r6st"]
    del theirs.create.ideas[3]
    merged = merge_projects(base, ours, theirs).project
    assert {c.kind for c in merged.conflicts} == {"text", "value", "item", "parent"}
    save_project(example_copy, merged, force=True)
    session = Session.open(example_copy)
    by_kind = {c.kind: c for c in session.project.conflicts}
    assert [describe_side(by_kind["parent"], side, "da", session.project) for side in SIDES] == [
        "Ansøgningen mangler ofte oplysninger", "(øverst i grenen)", "Alle sager får samme grundige behandling"]
    choose(session, by_kind["parent"], "theirs")
    choose(session, by_kind["text"], "both")
    choose(session, by_kind["item"], "theirs")
    choose(session, by_kind["value"], "edit", "4.5")
    project = session.project
    assert [n.id for n in project.focus.causes[1].children] == ["node-u4v5wx", "node-g5h6jk"]
    assert idea(session).title == "Hurtigspor A / Hurtigspor B"
    assert "idea-q5r6st" not in {i.id for i in project.create.ideas}
    assert project.create.weights["importance"] == 4.5
    assert project.conflicts == [] and "conflicts:" not in saved_text(session)
    for _ in range(4):
        session.undo()
    assert session.project.model_dump() == merged.model_dump()


SIDES = ("base", "ours", "theirs")


def test_a_deleted_branch_changed_on_the_other_side_shows_its_nodes_and_resolves_both_ways(example_copy: Path) -> None:
    from borgerspil_tui.core.conflict_sides import side_details
    from borgerspil_tui.core.merge import merge_projects

    base = load_project(example_copy).project
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.focus.causes[0].children[0].text = "Skemaet er for langt"
    for insight in theirs.experience.insights:  # theirs deletes the first cause, and the links to it
        insight.supports = [n for n in insight.supports if n not in {"node-a2s4df", "node-g5h6jk", "node-l7m8np"}]
    del theirs.focus.causes[0]
    merged = merge_projects(base, ours, theirs).project
    [conflict] = merged.conflicts
    assert (conflict.kind, conflict.where, conflict.theirs) == ("item", "focus.causes.node-a2s4df", None)
    assert side_details(conflict, "ours", "en").splitlines() == [
        "Ansøgningen mangler ofte oplysninger", "children:", "  - Skemaet er for langt",
        "  - Lægeoplysninger kommer sent", "    uncertain: yes"]
    save_project(example_copy, merged, force=True)
    session = Session.open(example_copy)
    choose(session, conflict, "theirs")
    assert [n.id for n in session.project.focus.causes] == ["node-q2r3st", "node-y6z7ab"]
    session.undo()
    choose(session, conflict, "ours")
    assert session.project.focus.causes[0].children[0].text == "Skemaet er for langt"
    assert session.project.conflicts == []
