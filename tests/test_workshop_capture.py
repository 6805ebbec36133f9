"""Fast capture's rules (core/workshop_capture): lines, credits, pastes and the model items."""

from __future__ import annotations

import pytest

from borgerspil_tui.core.model.create import Guest, Idea, WhatIf
from borgerspil_tui.core.model.experience import Insight, Observation
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Workshop
from borgerspil_tui.core.workshop_capture import (
    LINE_LIMIT,
    Captured,
    CaptureRefused,
    capture,
    credit_for,
    item_for,
    parse_line,
    parse_paste,
    participant_names,
    people_for,
)


def test_a_credit_at_the_end() -> None:
    assert parse_line("  Idé om sms @Anna  ") == Captured("Idé om sms", "Anna")
    assert parse_line("Idé om sms @Søren-Åge.") == Captured("Idé om sms", "Søren-Åge")


@pytest.mark.parametrize("line", [
    "Skriv til anna@kommune.dk", "Mød @ kl. 10", "Idé @Anna om sms", "Pris 5 @ 10", "Spørg @123"])
def test_no_credit(line: str) -> None:
    assert parse_line(line) == Captured(line.strip())


def test_empty_lines_and_a_lone_name() -> None:
    assert parse_line("") is None
    assert parse_line(" \t ") is None
    assert parse_line("@Anna") == Captured("@Anna")


def test_a_paste_of_fifty_lines_gives_fifty_items() -> None:
    block = "\r\n".join(f"Idé nummer {n} @Bo" for n in range(50)) + "\r\n\r\n  \n"
    captured = parse_paste(block)
    assert len(captured) == 50
    assert captured[0] == Captured("Idé nummer 0", "Bo") and captured[49].text == "Idé nummer 49"
    assert parse_paste("a\n\n\nb\rc") == [Captured("a"), Captured("b"), Captured("c")]


def test_a_paste_does_not_split_on_other_separators() -> None:
    captured = parse_paste("en\u2028to\ntre")
    assert [c.text for c in captured] == ["en\u2028to", "tre"]
    with pytest.raises(CaptureRefused) as refused:
        item_for("ideas", captured[0])
    assert refused.value.message.key == "valid.control_character"


@pytest.mark.parametrize(("target", "kind", "field"), [
    ("causes", TreeNode, "text"), ("consequences", TreeNode, "text"), ("observations", Observation, "what"),
    ("insights", Insight, "statement"), ("ideas", Idea, "title"), ("what_ifs", WhatIf, "question")])
def test_the_item_for_each_target(target: str, kind: type, field: str) -> None:
    item = item_for(target, Captured("Borgerne ringer for sent", "Anna"))
    assert isinstance(item, kind) and getattr(item, field) == "Borgerne ringer for sent"


def test_a_long_idea_is_cut_into_title_and_description() -> None:
    words = " ".join(["ord"] * 200)  # 799 characters
    idea = item_for("ideas", Captured(words))
    assert isinstance(idea, Idea)
    assert len(idea.title) <= LINE_LIMIT and idea.title.endswith("ord")
    assert f"{idea.title} {idea.description}" == words
    solid = "x" * 600
    idea = item_for("ideas", Captured(solid))
    assert isinstance(idea, Idea) and idea.title + idea.description == solid and len(idea.title) == LINE_LIMIT


@pytest.mark.parametrize("target", ["causes", "observations", "insights", "ideas", "what_ifs"])
def test_control_characters_are_refused_with_our_message(target: str) -> None:
    with pytest.raises(CaptureRefused) as refused:
        item_for(target, Captured("rød \x1b[31m tekst"))
    message = refused.value.message
    assert message.key == "valid.control_character"
    assert "U+001B" in message.text("da") and "U+001B" in message.text("en")


def test_too_long_text_and_a_target_that_is_no_list() -> None:
    with pytest.raises(CaptureRefused) as refused:
        item_for("insights", Captured("x" * 20_001))
    assert refused.value.message.key == "valid.text_too_long"
    with pytest.raises(CaptureRefused) as refused:
        item_for("votes", Captured("Idé"))
    assert refused.value.message.key == "workshop.capture.no_target"
    assert "votes" in refused.value.message.text("en")


def people() -> dict[str, str]:
    return {"person-anna": "Anna Hansen", "person-bo": "Bo", "guest-anna": "Anna Berg", "guest-kim": "Kim Ø"}


def test_credits_match_participants_case_insensitively() -> None:
    assert credit_for("bo", people()) == "person-bo"
    assert credit_for("KIM", people()) == "guest-kim"
    assert credit_for("anna hansen", people()) == "person-anna"
    assert credit_for("Anna", people()) is None  # two Annas: no guess
    assert credit_for("Eva", people()) is None
    assert credit_for(None, people()) is None


def test_participant_names_are_the_workshops_team_members_and_guests() -> None:
    project = Project(schema_version=1, title="Sms-påmindelser")
    project.readiness.team.append(TeamMember(id="person-anna", name="Anna Hansen"))
    project.readiness.team.append(TeamMember(id="person-eva", name="Eva"))
    project.create.guests.append(Guest(id="guest-kim", name="Kim"))
    day = Workshop(title="Dag 1", participants=["person-anna", "guest-kim", "person-gone"])
    names = participant_names(project, day)
    assert names == {"person-anna": "Anna Hansen", "guest-kim": "Kim"}
    assert credit_for(parse_line("Idé om sms @anna").credit, names) == "person-anna"
    assert credit_for("Eva", names) is None  # on the team, but not at this workshop


def test_capture_keeps_good_lines_credits_them_and_reports_the_refused_ones() -> None:
    block = "Sms dagen før @bo\n\nRød \x1b[31m\r\nBrev @Eva\n"
    result = capture("ideas", block, {"person-bo": "Bo"})
    assert [(item.title, credit) for item, credit in result.items] == [("Sms dagen før", "person-bo"),
                                                                       ("Brev @Eva", None)]  # nobody: kept
    assert [(number, message.key) for number, message in result.refused] == [(3, "valid.control_character")]
    assert len(capture("causes", "\n".join(f"Årsag {n}" for n in range(50))).items) == 50


def test_a_credit_sets_said_by_and_asks_the_participants_before_everyone() -> None:
    project = Project(schema_version=1, title="Sms-påmindelser")
    project.readiness.team += [TeamMember(id="person-bo", name="Bo Holm"), TeamMember(id="person-eva", name="Eva")]
    project.create.guests.append(Guest(id="guest-bo", name="Bo Berg"))
    day = Workshop(title="Dag 1", participants=["guest-bo"])
    groups = people_for(project, day)
    assert groups == [{"guest-bo": "Bo Berg"}, {"person-bo": "Bo Holm", "person-eva": "Eva", "guest-bo": "Bo Berg"}]
    result = capture("causes", "Lang kø @bo\nFor få skranker @Eva\nIngen parkering @Kim", groups)
    assert [(item.text, item.said_by, credit) for item, credit in result.items] == [
        ("Lang kø", "guest-bo", "guest-bo"),  # two Bos in all, one taking part: him
        ("For få skranker", "person-eva", "person-eva"),  # not taking part, but on the team
        ("Ingen parkering @Kim", None, None)]  # nobody by that name: the line kept whole, nothing lost
    assert result.named == ["bo", "Eva", "Kim"]
    assert people_for(project, None) == people_for(project, Workshop(title="Dag 2")) == groups[1:]
    two_bos = capture("ideas", "Sms @bo", groups[1]).items[0][0]
    assert (two_bos.said_by, two_bos.title) == (None, "Sms @bo")  # two Bos: no guess, the name kept
