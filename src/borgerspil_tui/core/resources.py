"""Resource estimates for the implementation (Insistér): amounts typed the Danish way or the
English way, money written for each language, and the sums per milestone, per implementation
aspect and overall, next to the budget. Pure functions over the model; no Textual here.

Which budget: ``insist.budget`` is the budget for carrying out the solution, the same thing the
resource lines estimate, so the difference is taken against it. The process design's budget
(``focus.process``, one figure per phase, Fokusér) is the budget for running the innovation
process itself — workshops, field work, presentations — not for building the solution; it is
shown beside the totals for reference, never held against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Resource

LIMIT = 1e12
"""The model's largest amount (``insist.Amount``)."""


class AmountError(ValueError):
    """A typed amount that is not one: ``kind`` is ``not_a_number``, ``negative`` or ``too_large``."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(f"{kind}: {text}")
        self.kind = kind
        self.text = text


_UNITS = re.compile(r"(kr\.?|dkk|kroner|personuger|personuge|person-weeks?|uger?|weeks?|pu)", re.IGNORECASE)


def parse_amount(text: str, lang: str = "da") -> float | None:
    """A typed amount: ``1.250,5`` → 1250.5 (Danish thousands dots, decimal comma), ``2,5`` → 2.5,
    ``1,250.5`` → 1250.5 (English); ``kr.``, ``DKK`` and ``uger`` are allowed; empty → None.
    With one kind of separator only, ``1.250`` is a thousand and more in Danish and ``1,250`` in
    English; otherwise the separator is the decimal mark. Raises :class:`AmountError`."""
    cleaned = _UNITS.sub("", text.strip()).strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    negative = cleaned[:1] in ("-", "\u2212")
    digits = cleaned[1:] if negative or cleaned[:1] == "+" else cleaned
    if not re.fullmatch(r"\d[\d.,]*|[.,]\d+", digits):
        raise AmountError("not_a_number", text.strip())
    value = _number(digits, lang)
    if value is None:
        raise AmountError("not_a_number", text.strip())
    if negative and value != 0:
        raise AmountError("negative", text.strip())
    if value > LIMIT:
        raise AmountError("too_large", text.strip())
    return value


def _number(digits: str, lang: str) -> float | None:
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:  # both: the last one is the decimal mark, the other groups thousands
        decimal, group = (",", ".") if digits.rfind(",") > digits.rfind(".") else (".", ",")
        whole, _, fraction = digits.rpartition(decimal)
        if not re.fullmatch(rf"\d{{1,3}}(\{group}\d{{3}})*", whole) or not fraction.isdigit():
            return None
        return float(whole.replace(group, "") + "." + fraction)
    mark = "." if dots else ("," if commas else "")
    if not mark:
        return float(digits)
    thousands = (mark == "." and lang != "en") or (mark == "," and lang == "en")
    if thousands and re.fullmatch(rf"\d{{1,3}}(\{mark}\d{{3}})+", digits):
        return float(digits.replace(mark, ""))
    if digits.count(mark) > 1:
        return None
    return float(digits.replace(mark, "."))


def format_number(value: float, lang: str = "da") -> str:
    """1234567.0 → ``1.234.567`` (Danish) or ``1,234,567`` (English); decimals kept to two places
    and only when there are any: 1250.5 → ``1.250,5`` / ``1,250.5``."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "en":
        return text
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_money(value: float, lang: str = "da") -> str:
    """Money in kroner: ``1.234.567 kr.`` in Danish, ``DKK 1,234,567`` in English."""
    number = format_number(value, lang)
    return f"DKK {number}" if lang == "en" else f"{number} kr."


@dataclass
class Totals:
    """Person-weeks and money added up over some resource lines."""

    person_weeks: float = 0.0
    cost: float = 0.0
    lines: int = 0

    def add(self, line: Resource) -> None:
        """Count one more line (an amount left empty counts as nothing)."""
        self.person_weeks += line.person_weeks or 0.0
        self.cost += line.cost or 0.0
        self.lines += 1


@dataclass
class ResourceSums:
    """The resource lines added up: overall, per milestone id, per aspect id, and the lines for
    neither. A line for both a milestone and an aspect counts under each, once in the total."""

    overall: Totals = field(default_factory=Totals)
    by_milestone: dict[str, Totals] = field(default_factory=dict)
    by_aspect: dict[str, Totals] = field(default_factory=dict)
    general: Totals = field(default_factory=Totals)


def resource_sums(lines: list[Resource]) -> ResourceSums:
    """Add up ``lines`` (``project.insist.resources``)."""
    sums = ResourceSums()
    for line in lines:
        sums.overall.add(line)
        if line.milestone is not None:
            sums.by_milestone.setdefault(line.milestone, Totals()).add(line)
        if line.aspect is not None:
            sums.by_aspect.setdefault(line.aspect, Totals()).add(line)
        if line.milestone is None and line.aspect is None:
            sums.general.add(line)
    return sums


def implementation_budget(project: Project) -> float | None:
    """The budget to hold the resource lines against (``insist.budget``), or None when not set."""
    return project.insist.budget


def process_budget(project: Project) -> float | None:
    """The process design's budget over its phases (for running the innovation process), or
    None when no phase has one."""
    figures = [r.budget for r in project.focus.process if r.budget is not None]
    return sum(figures) if figures else None


def over_budget(project: Project) -> float | None:
    """How much the estimated money is over the budget (negative: under); None without a budget."""
    budget = implementation_budget(project)
    if budget is None:
        return None
    return resource_sums(project.insist.resources).overall.cost - budget


def milestones_without_resources(project: Project) -> list[str]:
    """The titles of milestones no resource line is for — only when there are resource lines at
    all (with none, "no resources estimated" says it once instead of once per milestone)."""
    lines = project.insist.resources
    if not lines:
        return []
    covered = {line.milestone for line in lines}
    return [m.title for m in project.insist.milestones if m.id not in covered]
