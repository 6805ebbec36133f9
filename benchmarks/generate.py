"""Build large, valid projects for the benchmarks (deterministic for a given seed)."""

from __future__ import annotations

import datetime as dt
import random

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Idea, PrototypeTest, SuccesRating
from borgerspil_tui.core.model.experience import Insight, Observation
from borgerspil_tui.core.model.focus import TargetGroup, TreeNode
from borgerspil_tui.core.model.readiness import TeamMember

WORDS = ("borger ventetid sagsbehandling ansøgning hjælpemiddel ældre pårørende sms skranke "
         "telefon fald badebænk rollator kommune borgerservice ergoterapeut skema afgørelse").split()
CRITERIA = ("importance", "feasibility", "strategic-match", "low-hanging-fruit")


def _sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _tree(rng: random.Random, count: int, depth: int, counter: list[int]) -> list[TreeNode]:
    nodes = []
    while counter[0] < count and len(nodes) < 5:
        counter[0] += 1
        node = TreeNode(id=f"node-{counter[0]:06d}", text=_sentence(rng, 8), uncertain=rng.random() < 0.2)
        if depth > 1:
            node.children = _tree(rng, count, depth - 1, counter)
        nodes.append(node)
    return nodes


def large_project(scale: int = 1, seed: int = 1) -> Project:
    """1,000 ideas, 300 causes four levels deep, 300 observations, 100 insights, 50 concepts, × scale."""
    return sized_project(ideas=1000 * scale, causes=300 * scale, observations=300 * scale, insights=100 * scale,
                         concepts=50 * scale, seed=seed, title=f"Stort projekt ×{scale}")


def sized_project(*, ideas: int, causes: int, observations: int, insights: int, concepts: int, seed: int = 1,
                  title: str = "Projekt") -> Project:
    """A project shaped as :func:`large_project`'s, with these counts (tests use a small one where
    size is not the point; ``large_project`` is this with its counts × scale)."""
    rng = random.Random(seed)
    p = Project(schema_version=1, title=title, created=dt.date(2026, 1, 1))
    p.readiness.team = [TeamMember(id=f"person-{i:06d}", name=f"Person {i}", role="Sagsbehandler")
                        for i in range(6)]
    p.focus.problem = _sentence(rng, 30)
    counter = [0]
    tree: list[TreeNode] = []
    while counter[0] < causes:
        tree += _tree(rng, causes, 4, counter)
    p.focus.causes = tree
    p.focus.target_groups = [TargetGroup(id=f"group-{i:06d}", name=f"Gruppe {i}", description=_sentence(rng))
                             for i in range(5)]
    p.experience.observations = [
        Observation(id=f"obs-{i:06d}", date=dt.date(2026, 3, 1) + dt.timedelta(days=i % 60),
                    place="Hjemmebesøg", who="Borger, 80 år", what=_sentence(rng, 25),
                    quotes=[_sentence(rng, 10)], tags=[rng.choice(WORDS), rng.choice(WORDS)])
        for i in range(observations)]
    p.experience.insights = [
        Insight(id=f"insight-{i:06d}", statement=_sentence(rng, 15), eye_opener=i % 7 == 0,
                observations=[f"obs-{rng.randrange(observations):06d}" for _ in range(2)],
                supports=[f"node-{rng.randrange(1, causes):06d}"])
        for i in range(insights)]
    for insight in p.experience.insights:
        insight.observations = list(dict.fromkeys(insight.observations))
    p.create.ideas = [
        Idea(id=f"idea-{i:06d}", title=_sentence(rng, 4), description=_sentence(rng, 20),
             scores={c: rng.randint(1, 5) for c in CRITERIA if rng.random() < 0.9},
             inspired_by=[f"insight-{rng.randrange(insights):06d}"])
        for i in range(ideas)]
    p.create.concepts = [
        Concept(id=f"concept-{i:06d}", title=_sentence(rng, 3), difference=_sentence(rng),
                contents=_sentence(rng) + "\n" + _sentence(rng), target_groups=["group-000001"],
                requirements=[_sentence(rng, 6) for _ in range(3)],
                ideas=list(dict.fromkeys(f"idea-{rng.randrange(ideas):06d}" for _ in range(3))),
                tests=[PrototypeTest(id=f"test-{i:06d}-{k}", date=dt.date(2026, 5, 1), target_group="group-000002",
                                     prototype=_sentence(rng), learned=_sentence(rng), adjusted=_sentence(rng))
                       for k in range(3)],
                succes={"simple": SuccesRating(rating="yes", note=_sentence(rng, 6))})
        for i in range(concepts)]
    return Project.model_validate(p.model_dump())


def issue_project(scale: int = 1, seed: int = 1) -> Project:
    """The 4 MB project the speed targets are set on: 5,000 ideas and 3,000 problem-tree nodes
    (the causes, four levels deep), with 1,500 observations, 500 insights and 250 concepts; all of
    it × ``scale`` (4× and 8× show whether a cost grows with the project)."""
    project = large_project(5 * scale, seed)
    rng = random.Random(seed + 1)
    counter = [0]
    causes: list[TreeNode] = []
    while counter[0] < 3000 * scale:
        causes += _tree(rng, 3000 * scale, 4, counter)
    project.focus.causes = causes  # ids node-000001… as before, so the insights' links still hold
    return Project.model_validate(project.model_dump())
