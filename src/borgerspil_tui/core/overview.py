"""Where a project stands: for each part of the method, which steps are done, what is missing,
and what to do next. Shared by the overview screen and ``borgerspil check``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from borgerspil_tui.core.derived import Progress, checklist_progress
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

PARTS = ("readiness", "focus", "experience", "create", "insist", "organisation")
"""The parts of the method in the order a team meets them."""
PHASES_WITH_CHECKLIST = ("readiness", "focus", "experience", "create", "insist")
"""The parts that have a checklist."""

Check = Callable[[Project], bool]


def _team_size_ok(p: Project) -> bool:
    return 4 <= len(p.readiness.team) <= 6


def _all_succes(p: Project) -> bool:
    return any(len(c.succes) >= 6 and c.pitch for c in p.create.concepts)


STEP_CHECKS: dict[tuple[str, str], Check] = {
    ("readiness", "team"): _team_size_ok,
    ("readiness", "considerations"): lambda p: len(p.readiness.considerations) >= 3,
    ("focus", "understand-problem"): lambda p: bool(p.focus.problem and p.focus.causes and p.focus.consequences),
    ("focus", "picture-success"): lambda p: bool(p.focus.success_picture and any(v.goal for v in p.focus.values)),
    ("focus", "target-group"): lambda p: bool(p.focus.target_groups),
    ("focus", "design-process"): lambda p: len({r.phase for r in p.focus.process}) == 4,
    ("experience", "inner-anthropologist"): lambda p: bool(p.experience.observations),
    ("experience", "information-to-knowledge"): lambda p: any(i.observations for i in p.experience.insights),
    ("experience", "see-the-point"): lambda p: any(i.eye_opener for i in p.experience.insights),
    ("create", "set-frame"): lambda p: bool(p.create.what_ifs),
    ("create", "get-ideas"): lambda p: bool(p.create.ideas) and all(i.scores for i in p.create.ideas),
    ("create", "make-concepts"): lambda p: bool(p.create.concepts),
    ("create", "try-it"): lambda p: any(c.tests for c in p.create.concepts),
    ("insist", "show-value"): lambda p: any(b.goal for b in p.insist.value_case),
    ("insist", "communicate"): _all_succes,
    ("insist", "implement"): lambda p: bool(p.insist.milestones) and len(p.insist.aspects) >= 5,
    ("insist", "hand-over"): lambda p: bool(p.insist.handover.to),
    ("organisation", "assessment"): lambda p: len(p.organisation.assessment) >= 4,
    ("organisation", "reflection"): lambda p: bool(p.organisation.reflections),
    ("organisation", "empathy"): lambda p: bool(p.organisation.exercises),
}
"""What counts as done for each step. A step of an organisation's own method without a check
here counts by its part's checklist only."""

EXTRA_STEPS = {
    "readiness": ("team", "considerations"),
    "organisation": ("assessment", "reflection", "empathy"),
}
"""Steps of the parts that the method describes without numbered steps."""


@dataclass(frozen=True)
class StepStatus:
    """One step of a part and whether it looks done."""

    id: str
    name: str
    done: bool | None
    """None when the app cannot tell (a step of a custom method)."""


@dataclass
class PartStatus:
    """How far a part of the method has come."""

    id: str
    name: str
    steps: list[StepStatus]
    checklist: Progress | None
    missing: list[str] = field(default_factory=list)

    @property
    def progress(self) -> float:
        """0.0–1.0: the mean of steps done and the checklist score."""
        known = [s.done for s in self.steps if s.done is not None]
        parts = []
        if known:
            parts.append(sum(known) / len(known))
        if self.checklist and self.checklist.total:
            parts.append(self.checklist.score)
        return sum(parts) / len(parts) if parts else 0.0

    @property
    def next_step(self) -> StepStatus | None:
        """The first step that is not done."""
        return next((s for s in self.steps if s.done is False), None)


def _steps(part: str, method: Method, lang: str) -> list[tuple[str, str]]:
    if part in EXTRA_STEPS:
        return [(sid, tr(lang, f"step.{part}.{sid}")) for sid in EXTRA_STEPS[part]]
    return [(s.id, s.name(lang)) for s in method.phase(part).steps]


def part_name(part: str, method: Method, lang: str) -> str:
    """The name of a part in ``lang``."""
    if part == "readiness":
        return method.readiness.name(lang)
    if part == "organisation":
        return method.organisation.name(lang)
    return method.phase(part).name(lang)


def part_status(project: Project, method: Method, part: str, lang: str) -> PartStatus:
    """The status of one part."""
    steps = []
    for step_id, name in _steps(part, method, lang):
        check = STEP_CHECKS.get((part, step_id))
        steps.append(StepStatus(step_id, name, None if check is None else check(project)))
    checklist = None if part == "organisation" else checklist_progress(project, method, part)
    status = PartStatus(part, part_name(part, method, lang), steps, checklist)
    for step in steps:
        if step.done is False:
            status.missing.append(tr(lang, f"missing.{part}.{step.id}", default=step.name))
    from borgerspil_tui.core.checks import tool_problems

    status.missing += tool_problems(project, method, part, lang)
    if checklist and checklist.answered < checklist.total:
        status.missing.append(tr(lang, "missing.checklist", open=checklist.total - checklist.answered,
                                 total=checklist.total))
    return status


def project_status(project: Project, method: Method, lang: str) -> list[PartStatus]:
    """The status of every part, in the method's order."""
    return [part_status(project, method, part, lang) for part in PARTS]


def next_suggestion(statuses: list[PartStatus]) -> tuple[PartStatus, StepStatus] | None:
    """The first step not done, in the method's order, or None when everything is done."""
    for status in statuses:
        step = status.next_step
        if step is not None:
            return status, step
    return None
