"""Which screens exist, by name: for navigation, the palette, help and screenshots."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from borgerspil_tui.core.overview import PARTS

PHASES = ("focus", "experience", "create", "insist")


def _factories() -> dict[str, Callable[[], Screen]]:
    from borgerspil_tui.tui.screens.checklist import ChecklistScreen
    from borgerspil_tui.tui.screens.overview import OverviewScreen
    from borgerspil_tui.tui.screens.part import PartScreen

    from borgerspil_tui.tui.screens.assessment import AssessmentScreen
    from borgerspil_tui.tui.screens.capture import CaptureScreen
    from borgerspil_tui.tui.screens.citizens_along import CitizensAlongScreen
    from borgerspil_tui.tui.screens.chosen_concept import ChosenConceptScreen
    from borgerspil_tui.tui.screens.concept_card import ConceptCardScreen
    from borgerspil_tui.tui.screens.concepts import ConceptsScreen
    from borgerspil_tui.tui.screens.conflicts import ConflictsScreen
    from borgerspil_tui.tui.screens.exercises import ExercisesScreen
    from borgerspil_tui.tui.screens.fishbone import FishboneScreen
    from borgerspil_tui.tui.screens.insights import InsightsScreen
    from borgerspil_tui.tui.screens.insist_tools import (
        AspectsScreen,
        HandoverScreen,
        ValueCaseScreen,
    )
    from borgerspil_tui.tui.screens.milestones import MilestonesScreen
    from borgerspil_tui.tui.screens.keyed_notes import ConsiderationsScreen, ReflectionsScreen
    from borgerspil_tui.tui.screens.knowledge import KnowledgeScreen
    from borgerspil_tui.tui.screens.matrix import MatrixScreen
    from borgerspil_tui.tui.screens.observations import ObservationsScreen
    from borgerspil_tui.tui.screens.observation_groups import ObservationGroupsScreen
    from borgerspil_tui.tui.screens.postits import PostItsScreen
    from borgerspil_tui.tui.screens.problem_tree import ProblemTreeScreen
    from borgerspil_tui.tui.screens.process import ProcessScreen
    from borgerspil_tui.tui.screens.resources import ResourcesScreen
    from borgerspil_tui.tui.screens.share import ShareScreen
    from borgerspil_tui.tui.screens.risks import RisksScreen
    from borgerspil_tui.tui.screens.stakeholders import StakeholdersScreen
    from borgerspil_tui.tui.screens.succes_check import SuccesScreen
    from borgerspil_tui.tui.screens.target_groups import TargetGroupsScreen
    from borgerspil_tui.tui.screens.team import TeamScreen
    from borgerspil_tui.tui.screens.value import ValueScreen
    from borgerspil_tui.tui.screens.votes import VotesScreen
    from borgerspil_tui.tui.screens.voting_round import VotingRoundScreen
    from borgerspil_tui.tui.screens.what_ifs import WhatIfsScreen
    from borgerspil_tui.tui.screens.workshop import WorkshopScreen
    from borgerspil_tui.tui.screens.workshop_summary import WorkshopSummaryScreen

    factories: dict[str, Callable[[], Screen]] = {
        "overview": OverviewScreen,
        "problem-tree": ProblemTreeScreen,
        "knowledge": KnowledgeScreen,
        "value": ValueScreen,
        "target-groups": TargetGroupsScreen,
        "process": ProcessScreen,
        "observations": ObservationsScreen,
        "insights": InsightsScreen,
        "groups": ObservationGroupsScreen,
        "what-ifs": WhatIfsScreen,
        "fishbone": FishboneScreen,
        "matrix": MatrixScreen,
        "votes": VotesScreen,
        "concepts": ConceptsScreen,
        "concept-card": ConceptCardScreen,
        "succes": SuccesScreen,
        "team": TeamScreen,
        "considerations": ConsiderationsScreen,
        "assessment": AssessmentScreen,
        "reflections": ReflectionsScreen,
        "exercises": ExercisesScreen,
        "value-case": ValueCaseScreen,
        "aspects": AspectsScreen,
        "milestones": MilestonesScreen,
        "risks": RisksScreen,
        "handover": HandoverScreen,
        "resources": ResourcesScreen,
        "citizens-along": CitizensAlongScreen,
        "chosen-concept": ChosenConceptScreen,
        "stakeholders": StakeholdersScreen,
        "conflicts": ConflictsScreen,
        "capture": CaptureScreen,
        "voting-round": VotingRoundScreen,
        "workshop": WorkshopScreen,
        "workshop-summary": WorkshopSummaryScreen,
        "postits": PostItsScreen,
        "share": ShareScreen,
    }
    for part in PARTS:
        name = f"phase-{part}" if part in PHASES else part
        factories[name] = lambda part=part: PartScreen(part)
    for part in ("readiness", *PHASES):
        factories[f"checklist-{part}"] = lambda part=part: ChecklistScreen(part)
    return factories


TOOLS: dict[tuple[str, str], tuple[str, ...]] = {
    ("readiness", "team"): ("team",),
    ("readiness", "considerations"): ("considerations",),
    ("organisation", "assessment"): ("assessment",),
    ("organisation", "reflection"): ("reflections",),
    ("organisation", "empathy"): ("exercises",),
    ("focus", "understand-problem"): ("problem-tree", "knowledge", "fishbone"),
    ("focus", "picture-success"): ("value",),
    ("focus", "target-group"): ("target-groups",),
    ("focus", "design-process"): ("process",),
    ("experience", "inner-anthropologist"): ("observations",),
    ("experience", "information-to-knowledge"): ("groups", "insights"),
    ("experience", "see-the-point"): ("insights",),
    ("create", "set-frame"): ("what-ifs",),
    ("create", "get-ideas"): ("matrix", "votes", "fishbone"),
    ("create", "make-concepts"): ("concepts", "concept-card"),
    ("create", "try-it"): ("concept-card",),
    ("insist", "show-value"): ("chosen-concept", "value-case"),
    ("insist", "communicate"): ("succes",),
    ("insist", "implement"): ("milestones", "stakeholders", "risks", "aspects", "resources"),
    ("insist", "hand-over"): ("handover", "citizens-along"),
}
"""The screens that work on each step of a part."""


def tools_for(part: str, step: str) -> tuple[str, ...]:
    """The tool screens of a step that exist."""
    return tuple(name for name in TOOLS.get((part, step), ()) if name in project_screens())


PROJECT_SCREENS: dict[str, Callable[[], Screen]] = {}
"""Screens that show a project, filled on first use (keeps start-up light)."""


def project_screens() -> dict[str, Callable[[], Screen]]:
    """Name → factory for every screen that needs an open project."""
    if not PROJECT_SCREENS:
        PROJECT_SCREENS.update(_factories())
    return PROJECT_SCREENS


def register(name: str, factory: Callable[[], Screen]) -> None:
    """Add a screen (the tools of each phase register themselves here)."""
    project_screens()[name] = factory
