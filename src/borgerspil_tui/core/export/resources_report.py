"""The resources (with their totals and the budget) and "citizens along the way" in the report:
Markdown through ``Doc`` (every cell escaped there) and HTML as plain blocks for the template
(autoescaped). Hooked into md_insist.milestones and html_cards.milestones; nothing when empty."""

from __future__ import annotations

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.resources import (
    format_money,
    format_number,
    implementation_budget,
    resource_sums,
)

COLUMNS = ("resources.what", "resources.milestone", "resources.aspect", "resources.person_weeks", "resources.cost")


def _weeks(value: float | None, lang: str) -> str:
    return "" if value is None else format_number(value, lang)


def _money(value: float | None, lang: str) -> str:
    return "" if value is None else format_money(value, lang)


def resource_rows(p: Project, m: Method, lang: str) -> tuple[list[str], list[list[str]]]:
    """The head and rows of the resource table, the total as the last row."""
    milestones = {s.id: s.title for s in p.insist.milestones}
    aspects = {a.id: a.name(lang) for a in m.implementation_aspects}
    unknown = tr(lang, "resources.unknown")
    rows = [[r.what, "" if r.milestone is None else milestones.get(r.milestone, unknown),
             "" if r.aspect is None else aspects.get(r.aspect, unknown),
             _weeks(r.person_weeks, lang), _money(r.cost, lang)] for r in p.insist.resources]
    total = resource_sums(p.insist.resources).overall
    rows.append([tr(lang, "report.resources.total"), "", "", _weeks(total.person_weeks, lang),
                 _money(total.cost, lang)])
    return [tr(lang, key) for key in COLUMNS], rows


def per_part_rows(p: Project, m: Method, lang: str) -> tuple[list[str], list[list[str]]]:
    """The totals per milestone (in the plan's order) and per aspect (in the method's)."""
    sums = resource_sums(p.insist.resources)
    rows = [[s.title, _weeks(sums.by_milestone[s.id].person_weeks, lang), _money(sums.by_milestone[s.id].cost, lang)]
            for s in p.insist.milestones if s.id in sums.by_milestone]
    rows += [[a.name(lang), _weeks(sums.by_aspect[a.id].person_weeks, lang), _money(sums.by_aspect[a.id].cost, lang)]
             for a in m.implementation_aspects if a.id in sums.by_aspect]
    head = [tr(lang, "report.resources.for"), tr(lang, "resources.person_weeks"), tr(lang, "resources.cost")]
    return head, rows


def budget_text(p: Project, lang: str) -> str:
    """The implementation's budget and the difference, in words ("" when no budget is set)."""
    budget = implementation_budget(p)
    if budget is None:
        return ""
    difference = resource_sums(p.insist.resources).overall.cost - budget
    said = (tr(lang, "resources.on_budget") if difference == 0 else
            tr(lang, "resources.over" if difference > 0 else "resources.under", money=format_money(abs(difference), lang)))
    return f"{format_money(budget, lang)} · {said}"


def citizen_rows(p: Project, lang: str) -> tuple[list[str], list[list[str]]]:
    """What, when and who for each way citizens keep giving input."""
    head = [tr(lang, f"citizens.{key}") for key in ("what", "when", "who")]
    return head, [[v.what, v.when, v.who] for v in p.insist.citizen_input]


def markdown(doc: Doc) -> None:
    """The resources with totals and budget, and citizens along the way, as Markdown."""
    p, lang = doc.project, doc.lang
    if p.insist.resources:
        doc.heading(3, tr(lang, "report.resources.heading"))
        doc.table(*resource_rows(p, doc.method, lang))
        head, rows = per_part_rows(p, doc.method, lang)
        if rows:
            doc.table(head, rows)
        doc.labelled(tr(lang, "report.resources.budget"), budget_text(p, lang))
    if p.insist.citizen_input:
        doc.heading(3, tr(lang, "report.resources.citizens"))
        doc.table(*citizen_rows(p, lang))


def html_blocks(p: Project, m: Method, lang: str) -> list[Block]:
    """The same as blocks of the HTML report."""
    blocks: list[Block] = []
    if p.insist.resources:
        head, rows = resource_rows(p, m, lang)
        blocks.append(Block("table", tr(lang, "report.resources.heading"), data=rows, head=head, nowrap=(3, 4)))
        head, rows = per_part_rows(p, m, lang)
        blocks.append(Block("table", data=rows, head=head, nowrap=(1, 2)))
        said = budget_text(p, lang)
        if said:
            blocks.append(Block("fields", data=[(tr(lang, "report.resources.budget"), said)]))
    if p.insist.citizen_input:
        head, rows = citizen_rows(p, lang)
        blocks.append(Block("table", tr(lang, "report.resources.citizens"), data=rows, head=head))
    return blocks
