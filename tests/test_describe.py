"""core/describe: what changed between two versions, in the method's words, in both languages.

Each kind of change is made on a copy of the example and the sentence it gives is checked in
Danish and English, under the right part of the method; no id is ever shown; a moved tree node
is one sentence; a person's text comes out literally, short and on one line.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerspil_tui.core.describe import describe_changes, describe_sections
from borgerspil_tui.core.describe_paths import id_items
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.core.model.create import Idea, PrototypeTest, Vote
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.links import unlink
from borgerspil_tui.core.model.organisation import EmpathyExercise
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.core.text import printable
from tests.conftest import EXAMPLE
from tests.strategies import projects

METHOD = load_method()
BASE = load_project(EXAMPLE).project


def _ids(*versions: Project) -> set[str]:
    return {item.id for project in versions for _, item in id_items(project)}


def described(change: Callable[[Project], None], lang: str) -> tuple[Project, list[str]]:
    new = BASE.model_copy(deep=True)
    change(new)
    lines = describe_changes(BASE, new, lang, METHOD)
    shown = "\n".join(lines)
    for item_id in _ids(BASE, new):
        assert item_id not in shown, (item_id, shown)  # never an id
    for line in lines:
        assert "\n" not in line and line == line.strip("\n")
    return new, lines


def _idea(project: Project, title: str) -> Idea:
    return next(i for i in project.create.ideas if i.title == title)


def _node(nodes: list[TreeNode], text: str) -> TreeNode:
    for node in nodes:
        if node.text == text:
            return node
        found = _node_or_none(node.children, text)
        if found is not None:
            return found
    raise LookupError(text)


def _node_or_none(nodes: list[TreeNode], text: str) -> TreeNode | None:
    try:
        return _node(nodes, text)
    except LookupError:
        return None


def _delete_idea(p: Project) -> None:
    gone = _idea(p, "Skema i almindeligt dansk")
    p.create.ideas.remove(gone)
    unlink(p, {gone.id})


def _move_cause(p: Project) -> None:
    node = _node(p.focus.causes, "Skemaet er svært at forstå for ældre borgere")
    _node(p.focus.causes, "Ansøgningen mangler ofte oplysninger").children.remove(node)
    _node(p.focus.causes, "Alle sager får samme grundige behandling").children.append(node)


def _cause_to_top(p: Project) -> None:
    node = _node(p.focus.causes, "Lægeoplysninger kommer sent")
    _node(p.focus.causes, "Ansøgningen mangler ofte oplysninger").children.remove(node)
    p.focus.causes.insert(0, node)


def _vote(p: Project) -> None:
    lars = next(m for m in p.readiness.team if m.name == "Lars Munk")
    p.create.votes.append(Vote(voter=lars.id, idea=_idea(p, "Skema i almindeligt dansk").id, dots=2))


def _link_insight(p: Project) -> None:
    idea = _idea(p, "Hjemmeplejen søger sammen med borgeren")
    idea.inspired_by = [*idea.inspired_by, p.experience.insights[0].id]


def _conflict(p: Project) -> None:
    p.conflicts = [Conflict(where="create.ideas.x.title", about="Idé «Hurtigspor»: titel", base="a", ours="b",
                            theirs="c")]


def _test_round(p: Project) -> None:
    p.create.concepts[0].tests.append(PrototypeTest(with_whom="3 borgere i distrikt Nord"))


def _exercise(p: Project) -> None:
    p.organisation.exercises.append(EmpathyExercise(exercise="volunteer-day"))


def _dots(p: Project) -> None:
    p.create.votes[0].dots = 1


def _set(path: str, value: object) -> Callable[[Project], None]:
    def change(p: Project) -> None:
        *where, name = path.split(".")
        target: object = p
        for part in where:
            target = target[int(part)] if part.isdigit() else getattr(target, part)
        setattr(target, name, value)
    return change


def _do(*steps: Callable[[Project], None]) -> Callable[[Project], None]:
    def change(p: Project) -> None:
        for step in steps:
            step(p)
    return change


ANSWERS = BASE.checklists
CASES: list[tuple[str, Callable[[Project], None], str, str, str]] = [
    # name, change, section (Danish), Danish sentence, English sentence
    ("idea added", lambda p: p.create.ideas.append(Idea(title="Hurtigspor")), "Skab",
     "Idé tilføjet: «Hurtigspor»", "Idea added: “Hurtigspor”"),
    ("idea deleted", _delete_idea, "Skab",
     "Idé slettet: «Skema i almindeligt dansk»", "Idea deleted: “Skema i almindeligt dansk”"),
    ("idea renamed", lambda p: setattr(_idea(p, "Hurtigspor for enkle sager"), "title", "Hurtigspor"), "Skab",
     "Idé omdøbt: «Hurtigspor for enkle sager» → «Hurtigspor»", "Idea renamed: “Hurtigspor for enkle sager” → “Hurtigspor”"),
    ("score", lambda p: _idea(p, "Skema i almindeligt dansk").scores.update(importance=4), "Skab",
     "Score: «Skema i almindeligt dansk» · Vigtighed 3 → 4", "Score: “Skema i almindeligt dansk” · Importance 3 → 4"),
    ("score cleared", lambda p: _idea(p, "Skema i almindeligt dansk").scores.pop("feasibility"), "Skab",
     "Score: «Skema i almindeligt dansk» · Realiserbarhed 5 → –",
     "Score: “Skema i almindeligt dansk” · Feasibility 5 → –"),
    ("weight", lambda p: p.create.weights.update(importance=4), "Skab",
     "Vægt: Vigtighed 3 → 4", "Weight: Importance 3 → 4"),
    ("weight from the default", lambda p: p.create.weights.update(feasibility=1.5), "Skab",
     "Vægt: Realiserbarhed 2 (standard) → 1,5", "Weight: Feasibility 2 (default) → 1.5"),
    ("chosen", lambda p: setattr(_idea(p, "Skema i almindeligt dansk"), "chosen", True), "Skab",
     "Idé «Skema i almindeligt dansk» er valgt", "Idea “Skema i almindeligt dansk” is chosen"),
    ("idea moved", lambda p: p.create.ideas.insert(0, p.create.ideas.pop()), "Skab",
     "Idé «Hjemmeplejen søger sammen med borgeren» flyttet til plads 1",
     "Idea “Hjemmeplejen søger sammen med borgeren” moved to place 1"),
    ("vote", _vote, "Skab", "Stemme: Lars Munk giver «Skema i almindeligt dansk» 2 prikker",
     "Vote: Lars Munk gives “Skema i almindeligt dansk” 2 dots"),
    ("vote dots", _dots, "Skab", "Stemme: Mette Holm giver «Hurtigspor for enkle sager» 2 → 1 prik",
     "Vote: Mette Holm gives “Hurtigspor for enkle sager” 2 → 1 dot"),
    ("vote taken back", lambda p: p.create.votes.pop(0), "Skab",
     "Stemme fjernet: Mette Holm gav «Hurtigspor for enkle sager» 2 prikker",
     "Vote taken back: Mette Holm gave “Hurtigspor for enkle sager” 2 dots"),
    ("link added, named by its text", _link_insight, "Skab",
     "Idé «Hjemmeplejen søger sammen med borgeren» · inspireret af: indsigt «Borgerne venter ikke kun på os – de "
     "venter også på at turde…» tilføjet",
     "Idea “Hjemmeplejen søger sammen med borgeren” · inspired by: insight “Borgerne venter ikke kun på os – de "
     "venter også på at turde…” added"),
    ("one link", _set("insist.concept", None), "Insistér",
     "Konceptet, der føres videre: koncept «Samme dag» → –", "The concept taken forward: concept “Samme dag” → –"),
    ("item in an item", _test_round, "Skab",
     "Koncept «Samme dag»: testrunde tilføjet: «3 borgere i distrikt Nord»",
     "Concept “Samme dag”: test round added: “3 borgere i distrikt Nord”"),
    ("SUCCES rating", lambda p: setattr(p.create.concepts[0].succes["simple"], "rating", "partly"), "Skab",
     "Koncept «Samme dag» · SUCCES-kriterium «Simpel» · vurdering: ja → delvis",
     "Concept “Samme dag” · SUCCES criterion “Simple” · rating: yes → partly"),
    ("cause moved", _move_cause, "Fokusér",
     "Årsag «Skemaet er svært at forstå for ældre borgere» flyttet under «Alle sager får samme grundige behandling»",
     "Cause “Skemaet er svært at forstå for ældre borgere” moved under “Alle sager får samme grundige behandling”"),
    ("cause to the top", _cause_to_top, "Fokusér",
     "Årsag «Lægeoplysninger kommer sent» flyttet op på øverste niveau",
     "Cause “Lægeoplysninger kommer sent” moved up to the top level"),
    ("cause added under", lambda p: _node(p.focus.causes, "Lægeoplysninger kommer sent").children.append(
        TreeNode(text="Lægerne har travlt")), "Fokusér",
     "Årsag tilføjet under «Lægeoplysninger kommer sent»: «Lægerne har travlt»",
     "Cause added under “Lægeoplysninger kommer sent”: “Lægerne har travlt”"),
    ("consequence deleted", lambda p: p.focus.consequences[1].children.clear(), "Fokusér",
     "Konsekvens slettet: «Flere faldulykker i hjemmet»", "Consequence deleted: “Flere faldulykker i hjemmet”"),
    ("cause rewritten", lambda p: setattr(p.focus.causes[2], "text", "Borgeren hører intet"), "Fokusér",
     "Årsag omskrevet: «Borgeren får ingen besked undervejs» → «Borgeren hører intet»",
     "Cause rewritten: “Borgeren får ingen besked undervejs” → “Borgeren hører intet”"),
    ("uncertain", lambda p: setattr(p.focus.causes[0], "uncertain", True), "Fokusér",
     "Årsag «Ansøgningen mangler ofte oplysninger» markeret som usikker",
     "Cause “Ansøgningen mangler ofte oplysninger” marked as uncertain"),
    ("siblings reordered", lambda p: p.focus.consequences.reverse(), "Fokusér",
     "Konsekvens «Borgere klarer sig uden hjælpemidlet i ugevis» flyttet til plads 1",
     "Consequence “Borgere klarer sig uden hjælpemidlet i ugevis” moved to place 1"),
    ("checklist", lambda p: setattr(p.checklists["focus-problem-clear"], "answer", "yes"), "Fokusér",
     "Tjekliste «Har vi en klar forståelse af problemet?»: delvis → ja",
     "Checklist “Do we have a clear understanding of the problem?”: partly → yes"),
    ("checklist answered", lambda p: p.checklists.update({"focus-if-we-fail": ANSWERS["focus-change"]}), "Fokusér",
     "Tjekliste «Ved vi, hvad der sker, hvis vi ikke finder en løsning?»: ubesvaret → ja",
     "Checklist “Do we know what happens if we do not find a solution?”: unanswered → yes"),
    ("consideration", lambda p: p.readiness.considerations.update(experiment="Vi prøver"), "Parathed",
     "Grundtanke «Eksperimentér»: – → «Vi prøver»", "Basic consideration “Experiment”: – → “Vi prøver”"),
    ("assessment", lambda p: setattr(p.organisation.assessment["culture"], "position", 4), "Organisation",
     "Dimension «Organisation og kultur» · placering: 3 → 4",
     "Dimension “Organisation and culture” · position: 3 → 4"),
    ("exercise named by the method", _exercise, "Organisation",
     "Empatiøvelse tilføjet: «Frivillig for en dag»", "Empathy exercise added: “Volunteer for a day”"),
    ("handover", _set("insist.handover.to", "Sundhedschefen"), "Insistér",
     "Overlevering · til: «Driftschef for Sundhed og Omsorg» → «Sundhedschefen»",
     "Handover · to: “Driftschef for Sundhed og Omsorg” → “Sundhedschefen”"),
    ("risk (the generic sentence)", _set("insist.risks.0.likelihood", 5), "Insistér",
     "Risiko «Leverandøren af sagssystemet kan ikke levere sms-modulet i…» · sandsynlighed: 3 → 5",
     "Risk “Leverandøren af sagssystemet kan ikke levere sms-modulet i…” · likelihood: 3 → 5"),
    ("process row named by its phase", _set("focus.process.0.weeks", 7), "Fokusér",
     "Fase i forløbsdesignet «Fokusér» · uger: 3 → 7", "Process design phase “Focus” · weeks: 3 → 7"),
    ("project title", _set("title", "Hurtig hjælp"), "Projektet",
     "Titel: «Hurtigere hjælp til hjælpemidler i Vestby Kommune» → «Hurtig hjælp»",
     "Title: “Hurtigere hjælp til hjælpemidler i Vestby Kommune” → “Hurtig hjælp”"),
    ("conflict recorded", _conflict, "Konflikter",
     "Konflikt registreret: Idé «Hurtigspor»: titel", "Conflict recorded: Idé «Hurtigspor»: titel"),
]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("name", "change", "section", "da", "en"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_change_is_said(name: str, change: Callable[[Project], None], section: str, da: str,
                                     en: str, lang: str) -> None:
    new, lines = described(change, lang)
    sections = describe_sections(BASE, new, lang, METHOD)
    expected = da if lang == "da" else en
    owner = [s for s in sections if expected in s.lines]
    assert owner, "\n".join(lines)
    if lang == "da":
        assert owner[0].title == section


def test_a_conflict_resolved_is_said() -> None:
    old = BASE.model_copy(deep=True)
    _conflict(old)
    assert describe_changes(old, BASE, "da", METHOD) == ["Konflikter", "  Konflikt løst: Idé «Hurtigspor»: titel"]


def test_a_conflict_without_words_is_named_by_its_place() -> None:
    def change(p: Project) -> None:
        p.conflicts = [Conflict(where=f"focus.causes.{_node(p.focus.causes, 'Lægeoplysninger kommer sent').id}.text"),
                       Conflict(where=f"create.ideas.{p.create.ideas[0].id}.scores.importance")]

    _, lines = described(change, "en")
    assert lines == ["Conflicts", "  Conflict recorded: Cause “Lægeoplysninger kommer sent” · text",
                     "  Conflict recorded: Idea “Hjælpemiddeldepot i Borgerservice” · score for “Importance”"]


def test_a_merge_with_a_clash_is_said_with_its_conflict() -> None:
    from borgerspil_tui.core.merge import merge_projects

    ours, theirs = BASE.model_copy(deep=True), BASE.model_copy(deep=True)
    ours.create.ideas[0].title, theirs.create.ideas[0].title = "Vores", "Deres"
    theirs.create.weights["importance"] = 5
    merged = merge_projects(BASE, ours, theirs).project
    lines = describe_changes(BASE, merged, "da", METHOD)
    assert lines == ["Skab", "  Idé omdøbt: «Hjælpemiddeldepot i Borgerservice» → «Vores»", "  Vægt: Vigtighed 3 → 5",
                     "Konflikter", "  Konflikt registreret: Idé «Hjælpemiddeldepot i Borgerservice»: titel"]
    assert describe_changes(merged, BASE, "en", METHOD)[-1] == (
        "  Conflict resolved: Idé «Hjælpemiddeldepot i Borgerservice»: titel")


def test_no_change_says_nothing() -> None:
    assert describe_changes(BASE, BASE.model_copy(deep=True), "da", METHOD) == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_moved_node_is_one_sentence_not_a_delete_and_an_add(lang: str) -> None:
    _, lines = described(_move_cause, lang)
    assert len(lines) == 2, lines  # the heading and one sentence


def test_a_node_moved_under_a_new_node_is_a_move_and_an_add() -> None:
    def change(p: Project) -> None:
        node = _node(p.focus.causes, "Lægeoplysninger kommer sent")
        _node(p.focus.causes, "Ansøgningen mangler ofte oplysninger").children.remove(node)
        p.focus.causes.append(TreeNode(text="Ventetid hos andre", children=[node]))

    _, lines = described(change, "da")
    assert lines == ["Fokusér", "  Årsag tilføjet: «Ventetid hos andre»",
                     "  Årsag «Lægeoplysninger kommer sent» flyttet under «Ventetid hos andre»"]


def test_one_item_moved_to_the_front_is_one_sentence() -> None:
    _, lines = described(lambda p: p.create.ideas.insert(0, p.create.ideas.pop()), "da")
    assert len(lines) == 2


def test_parts_come_in_the_methods_order() -> None:
    change = _do(_set("insist.handover.to", "X"), _exercise, _set("title", "Y"), _move_cause, _vote,
                 lambda p: p.readiness.considerations.update(experiment="Vi prøver"), _conflict)
    _, lines = described(change, "da")
    headings = [line for line in lines if not line.startswith(" ")]
    assert headings == ["Projektet", "Parathed", "Fokusér", "Skab", "Insistér", "Organisation", "Konflikter"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_text_comes_out_literally_on_one_line(lang: str) -> None:
    hostile = "[bold red]x[/] \\x1b[31m {name} %s [link=http://x]y[/link]"
    _, lines = described(lambda p: p.create.ideas.append(Idea(title=hostile)), lang)
    assert any(hostile in line for line in lines), lines
    _, lines = described(_set("focus.problem", "første linje\nanden [b]linje[/b]\n\ttredje"), lang)
    assert lines[1].endswith("«første linje anden [b]linje[/b] tredje»" if lang == "da"
                             else "“første linje anden [b]linje[/b] tredje”"), lines


def test_a_long_text_is_cut_around_what_changed() -> None:
    old_text = BASE.create.concepts[0].difference
    new_text = old_text.replace("med det samme", "samme eftermiddag")
    _, lines = described(_set("create.concepts.0.difference", new_text), "da")
    (sentence,) = lines[1:]
    assert "«…" in sentence and "samme eftermiddag" in sentence and "med det samme" in sentence
    assert len(sentence) < 2 * 62 + 40


def test_a_link_is_named_by_the_title_of_what_it_points_to() -> None:
    new, lines = described(_link_insight, "en")
    statement = new.experience.insights[0].statement
    assert any(statement[:40] in line for line in lines)
    assert new.experience.insights[0].id not in "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(old=projects(), other=projects(), data=st.data())
def test_any_two_versions_are_described_without_ids(old: Project, other: Project, data: st.DataObject) -> None:
    for new in (other, _shuffled(old, data.draw(st.randoms()))):
        lines = describe_changes(old, new, data.draw(st.sampled_from(["da", "en"])), METHOD)
        shown = "\n".join(lines)
        for item_id in _ids(old, new):
            assert not re.search(rf"(?<![\w-]){re.escape(item_id)}(?![\w-])", shown), (item_id, shown)
        assert all("\n" not in line and printable(line) == line for line in lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(old=projects(), data=st.data())
def test_moving_things_around_is_only_moves(old: Project, data: st.DataObject) -> None:
    new = _shuffled(old, data.draw(st.randoms()))
    lines = describe_changes(old, new, "da", METHOD)
    assert all("flyttet" in line for line in lines if line.startswith("  ")), lines


def _shuffled(old: Project, rng: random.Random) -> Project:
    """``old`` with its ideas shuffled and one problem-tree node moved to another parent."""
    new = old.model_copy(deep=True)
    rng.shuffle(new.create.ideas)
    nodes: list[tuple[list[TreeNode], TreeNode]] = []
    stack = [(new.focus.causes, node) for node in new.focus.causes]
    while stack:
        siblings, node = stack.pop()
        nodes.append((siblings, node))
        stack += [(node.children, child) for child in node.children]
    if nodes:
        siblings, node = rng.choice(nodes)
        siblings.remove(node)
        below = {id(n) for _, n in _walk(node)}
        targets = [new.focus.causes] + [n.children for _, n in nodes if id(n) not in below]
        target = rng.choice(targets)
        target.insert(rng.randint(0, len(target)), node)
    return new


def _walk(node: TreeNode) -> list[tuple[None, TreeNode]]:
    found = [(None, node)]
    for child in node.children:
        found += _walk(child)
    return found


def _model_shapes() -> tuple[set[str], set[str]]:
    """Every field that holds a value (not a part, a list of items or a map) by name, and every
    list of items and map of the project model (as a pattern: ``create.concepts.tests``)."""
    from typing import get_args

    from pydantic import BaseModel

    from borgerspil_tui.core.describe_paths import walk

    fields: set[str] = set()
    containers: set[str] = set()

    def visit(cls: type[BaseModel], path: tuple[str, ...]) -> None:
        for name, info in cls.model_fields.items():
            if name in ("id", "children"):
                continue
            here = (*path, name)
            step = walk((*here, "k"))[-1]
            if step.role in ("item", "key"):
                containers.add(step.pattern.replace("[]", "").replace("{}", ""))
                if step.cls is not None:
                    visit(step.cls, (*here, "k"))
                continue
            parts = [kind for kind in (info.annotation, *get_args(info.annotation))
                     if isinstance(kind, type) and issubclass(kind, BaseModel)]
            if parts:
                visit(parts[0], here)
                if path:
                    fields.add(name)  # a model inside an item or part (the handover): named too
            else:
                fields.add(name)

    visit(Project, ())
    return fields, containers


def test_every_field_list_and_map_of_the_model_has_words() -> None:
    from borgerspil_tui.core.i18n import has_text

    fields, containers = _model_shapes()
    assert {"create.concepts.tests", "checklists", "create.ideas.scores", "conflicts"} <= containers
    assert {"title", "handover", "answer", "quote_from", "theirs"} <= fields
    assert not [name for name in fields if not has_text(f"diff.field.{name}")]
    assert not [pattern for pattern in containers if not has_text(f"diff.kind.{pattern}")]
