"""Hypothesis strategies that build valid projects full of awkward text."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import strategies as st

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Guest, Idea, PrototypeTest, SuccesRating, Vote, WhatIf
from borgerspil_tui.core.model.experience import Insight, Observation
from borgerspil_tui.core.model.focus import Assumption, Note, ProcessRow, TargetGroup, TreeNode
from borgerspil_tui.core.model.project import ChecklistAnswer
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, ActivityLog, TimerState, Workshop

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
TRICKY = ["yes", "no", "null", "~", "1", "0x1F", "1e3", "- x", "a: b", "#x", "[/", "[b]", "[$accent]",
          "[link=x]", "\\", "'", '"', "  lead", "trail  ", "Æblegrød 🍎", "", "\t", "a\n\nb\n", "x\n  y"]

# Every character a project may hold (no surrogates; no control characters but tab and newline;
# no line or paragraph separators, no byte order mark: what _FORBIDDEN names), drawn as such rather
# than filtered (a filtered draw that misses throws the whole example away).
_ALLOWED = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\t\n",
                         exclude_characters="\ufeff")
text = st.one_of(st.sampled_from(TRICKY), st.text(_ALLOWED, max_size=30))
line = st.one_of(st.sampled_from([t for t in TRICKY if "\n" not in t]),
                 st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                                       include_characters="\t", exclude_characters="\ufeff"), max_size=30))
ids = st.from_regex(r"\A[a-z][a-z0-9]{5}\Z")
dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
score = st.integers(1, 5)
CRITERIA = ["importance", "feasibility", "strategic-match", "low-hanging-fruit"]


def trees(depth: int = 3) -> st.SearchStrategy[list[TreeNode]]:
    """Problem-tree branches up to ``depth`` levels."""
    node = st.builds(TreeNode, text=text, uncertain=st.booleans(),
                     children=trees(depth - 1) if depth > 1 else st.just([]))
    return st.lists(node, max_size=3)


# The parts of a project that do not depend on what was drawn before, built once: a strategy
# made inside ``projects`` is made and checked again for every example (most of the time spent).
_TEAM = st.lists(st.builds(TeamMember, name=line, role=line, dedicated=st.booleans()), max_size=4)
_CONSIDERATIONS = st.dictionaries(st.sampled_from(["team", "experiment"]), text)
_CAUSES = trees()
_CONSEQUENCES = trees(2)
_KNOWN = st.lists(st.builds(Note, text=text), max_size=2)
_ASSUMPTIONS = st.lists(st.builds(Assumption, text=text, status=st.sampled_from(["untested", "tested", "refuted"]),
                                  note=text), max_size=2)
_TARGET_GROUPS = st.lists(st.builds(TargetGroup, name=line, description=text, primary=st.booleans()), max_size=2)
_PROCESS = st.lists(st.builds(ProcessRow, phase=st.sampled_from(["focus", "create"]), timeframe=line,
                              weeks=st.one_of(st.none(), st.floats(0, 520)),
                              budget=st.one_of(st.none(), st.floats(0, 1e12)), methods=text), max_size=2,
                    unique_by=lambda row: row.phase)  # a phase has one row (model.links: each key once)
_OBSERVATIONS = st.lists(st.builds(Observation, date=dates, place=line, who=line, what=text,
                                   quotes=st.lists(text, max_size=2), tags=st.lists(line, max_size=2)), max_size=3)
_IDEAS = st.lists(st.builds(Idea, title=line, description=text,
                            source=st.sampled_from(["brainstorm", "fishbone", "what-if", "other"]),
                            scores=st.dictionaries(st.sampled_from(CRITERIA), score), chosen=st.booleans()),
                  max_size=4)
_WEIGHTS = st.dictionaries(st.sampled_from(CRITERIA), st.floats(0, 10))
_GUESTS = st.lists(st.builds(Guest, name=line), max_size=2)
_RATING = st.builds(SuccesRating, rating=st.sampled_from(["not-yet", "partly", "yes"]), note=text, quote=text)
_CHECKLISTS = st.dictionaries(st.sampled_from(["focus-change", "create-fun", "zz"]), st.builds(
    ChecklistAnswer, answer=st.sampled_from(["yes", "partly", "no", None]), note=text))


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """A valid project with items and links between them in every phase."""
    p = Project(schema_version=1, title=draw(line), language=draw(st.sampled_from(["da", "en"])),
                created=draw(dates))
    p.readiness.team = draw(_TEAM)
    p.readiness.considerations = draw(_CONSIDERATIONS)
    f = p.focus
    f.problem = draw(text)
    f.causes = draw(_CAUSES)
    f.consequences = draw(_CONSEQUENCES)
    f.known = draw(_KNOWN)
    f.assumptions = draw(_ASSUMPTIONS)
    f.target_groups = draw(_TARGET_GROUPS)
    f.process = draw(_PROCESS)
    p.experience.observations = draw(_OBSERVATIONS)
    obs_ids = [o.id for o in p.experience.observations]
    cause_ids = [c.id for c in f.causes]
    p.experience.insights = draw(st.lists(st.builds(
        Insight, statement=text, eye_opener=st.booleans(),
        observations=st.lists(st.sampled_from(obs_ids), unique=True) if obs_ids else st.just([]),
        supports=st.lists(st.sampled_from(cause_ids), unique=True) if cause_ids else st.just([])),
        max_size=2))
    insight_ids = [i.id for i in p.experience.insights]
    c = p.create
    c.what_ifs = draw(st.lists(st.builds(WhatIf, question=text, insight=st.one_of(
        st.none(), st.sampled_from(insight_ids)) if insight_ids else st.none()), max_size=2))
    c.ideas = draw(_IDEAS)
    c.weights = draw(_WEIGHTS)
    c.guests = draw(_GUESTS)
    voters = [m.id for m in p.readiness.team] + [g.id for g in c.guests]
    idea_ids = [i.id for i in c.ideas]
    if voters and idea_ids:
        c.dots_per_person = 100
        c.votes = draw(st.lists(st.builds(Vote, voter=st.sampled_from(voters), idea=st.sampled_from(idea_ids),
                                          dots=st.integers(1, 10)), max_size=5,
                                  unique_by=lambda vote: (vote.voter, vote.idea)))
    group_ids = [g.id for g in f.target_groups]
    test = st.builds(PrototypeTest, date=dates, prototype=text, learned=text, with_whom=text,
                     target_group=st.sampled_from(group_ids) if group_ids else st.none())
    rating = _RATING
    c.concepts = draw(st.lists(st.builds(
        Concept, title=line, difference=text, requirements=st.lists(text, max_size=3),
        ideas=st.lists(st.sampled_from(idea_ids), unique=True) if idea_ids else st.just([]),
        status=st.sampled_from(["sketch", "tested"]), tests=st.lists(test, max_size=2),
        succes=st.dictionaries(st.sampled_from(["simple", "stories"]), rating), pitch=text), max_size=2))
    p.checklists = draw(_CHECKLISTS)
    p.workshops = draw(st.lists(_workshops(voters), max_size=1))
    return Project.model_validate(p.model_dump())


_MOMENTS = st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2040, 1, 1), timezones=st.sampled_from(
    [dt.timezone.utc, dt.timezone(dt.timedelta(hours=2))]))


@st.composite
def _workshops(draw: st.DrawFn, people: list[str]) -> Workshop:
    """0–1 workshops: an agenda, participants from the team and guests, a log and maybe a timer."""
    agenda = draw(st.lists(st.builds(Activity, title=line, minutes=st.integers(1, 600), question=text,
                                     target=st.none() | st.sampled_from(["ideas", "votes"])), max_size=3))
    ids = [a.id for a in agenda]
    log = [ActivityLog(activity=i, started=draw(st.none() | _MOMENTS), notes=draw(text))
           for i in draw(st.lists(st.sampled_from(ids), unique=True))] if ids else []
    timer = None
    if ids and draw(st.booleans()):
        timer = TimerState(activity=draw(st.sampled_from(ids)), started=draw(_MOMENTS),
                           paused_at=draw(st.none() | _MOMENTS), paused_seconds=draw(st.integers(0, 600)),
                           extra_minutes=draw(st.integers(-10, 10)))
    return Workshop(title=draw(line), date=draw(dates), place=draw(line), agenda=agenda, log=log, timer=timer,
                    participants=draw(st.lists(st.sampled_from(people), unique=True)) if people else [],
                    bell=draw(st.booleans()))
