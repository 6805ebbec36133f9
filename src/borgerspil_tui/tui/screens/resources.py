"""Insistér: the resources the implementation needs — lines of what, for which milestone or which
implementation aspect (or neither), person-weeks and money — with the totals per milestone, per
aspect and overall under the list, next to the implementation's budget (core/resources says why
that budget and not the process design's, which is shown for reference)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.model.insist import Resource
from borgerspil_tui.core.resources import (
    AmountError,
    format_money,
    format_number,
    implementation_budget,
    parse_amount,
    process_budget,
    resource_sums,
)
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

AMOUNTS = ("person_weeks", "cost")
WIDTHS = (36, 12, 18, 28, 22)
"""At most this many characters of each column in a row (all of it below): what and the amounts
first, so they show on an 80-column screen too."""


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut with … when longer than ``width``."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
BUDGET = ("insist", "budget")


class ResourcesScreen(ListScreen):
    """Resource lines with m/a to say what they are for, p/k for the amounts, b for the budget."""

    NAME = "resources"
    part = "insist"
    LIST_PATH = ("insist", "resources")
    ALSO_SHOWN = (("insist", "milestones"), BUDGET, ("focus", "process"))
    COLUMNS = ("resources.what", "resources.person_weeks", "resources.cost", "resources.milestone",
               "resources.aspect")
    MAIN_FIELD = "what"
    EMPTY_TEXT = "resources.empty"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        *LIST_COMMANDS,
        Command("pick_milestone", "m", "resources.key.milestone", "help.resources_milestone"),
        Command("pick_aspect", "a", "resources.key.aspect", "help.resources_aspect"),
        Command("edit_field('person_weeks')", "p", "resources.key.person_weeks", "help.resources_person_weeks"),
        Command("edit_field('cost')", "k", "resources.key.cost", "help.resources_cost"),
        Command("edit_budget", "b", "resources.key.budget", "help.resources_budget"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ResourcesScreen #items { min-height: 4; }
    ResourcesScreen #totals-box { height: auto; max-height: 30%; border-top: solid $panel; }
    ResourcesScreen #detail-box { max-height: 25%; }
    ResourcesScreen #totals { height: auto; padding: 0 2; }
    """

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t(self.EMPTY_TEXT)), id="items-empty")
        yield RowTable(id="items", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="totals-box"):
            yield Static("", id="totals")
        with VerticalScroll(id="detail-box"):
            yield Static("", id="detail")
        yield EditBar(id="edit-bar")

    # -- what a line shows ---------------------------------------------------------------------
    def _milestone_titles(self) -> dict[str, str]:
        return self.lookup("milestones", lambda: {m.id: m.title for m in self.session.project.insist.milestones})

    def _aspect_names(self) -> dict[str, str]:
        return {a.id: a.name(self.lang) for a in self.method.implementation_aspects}

    def _for(self, ids: dict[str, str], item_id: str | None) -> str:
        return "" if item_id is None else ids.get(item_id, self.t("resources.unknown"))

    def _texts(self, item: Resource) -> list[str]:
        return [item.what, "" if item.person_weeks is None else format_number(item.person_weeks, self.lang),
                "" if item.cost is None else format_money(item.cost, self.lang),
                self._for(self._milestone_titles(), item.milestone), self._for(self._aspect_names(), item.aspect)]

    def cells(self, item: Resource) -> list[str]:
        texts = self._texts(item)
        return [cut(text, width) for text, width in zip(texts, WIDTHS, strict=True)]

    def detail(self, item: Resource) -> str:
        cells = self._texts(item)
        names = [self.t(key) for key in self.COLUMNS]
        return "\n".join(f"{name}: {text}" for name, text in zip(names, cells, strict=True) if text)

    def new_item(self, text: str) -> Resource:
        return Resource(what=text)

    # -- totals --------------------------------------------------------------------------------
    def _after_rows(self, items: list) -> None:
        super()._after_rows(items)
        self.query_one("#totals", Static).update(Content(self.totals_text()))

    def _sum(self, name: str, weeks: float, cost: float) -> str:
        return self.t("resources.sum_line", name=name, weeks=format_number(weeks, self.lang),
                      money=format_money(cost, self.lang))

    def totals_text(self) -> str:
        """The totals overall, against the budget, per milestone and per aspect (plain text)."""
        project = self.session.project
        sums = resource_sums(project.insist.resources)
        money = lambda value: format_money(value, self.lang)
        lines = [self.t("resources.total", weeks=format_number(sums.overall.person_weeks, self.lang),
                        money=money(sums.overall.cost))]
        budget = implementation_budget(project)
        if budget is None:
            lines.append(self.t("resources.budget.none"))
        else:
            difference = sums.overall.cost - budget
            said = (self.t("resources.on_budget") if difference == 0 else
                    self.t("resources.over" if difference > 0 else "resources.under", money=money(abs(difference))))
            lines.append(f"{self.t('resources.budget.insist', money=money(budget))} · {said}")
        reference = process_budget(project)
        if reference is not None:
            lines.append(self.t("resources.budget.process", money=money(reference)))
        milestones = [(m.title, sums.by_milestone[m.id]) for m in project.insist.milestones if m.id in sums.by_milestone]
        known = {m.id for m in project.insist.milestones}
        milestones += [(self.t("resources.unknown"), t) for key, t in sums.by_milestone.items() if key not in known]
        aspects = [(a.name(self.lang), sums.by_aspect[a.id]) for a in self.method.implementation_aspects
                   if a.id in sums.by_aspect]
        for heading, rows in (("resources.per_milestone", milestones), ("resources.per_aspect", aspects)):
            if rows:
                lines.append(self.t(heading) + ":")
                lines += ["  " + self._sum(name.replace("\n", " "), t.person_weeks, t.cost) for name, t in rows]
        if sums.general.lines and sums.general.lines < sums.overall.lines:
            lines.append(self._sum(self.t("resources.general"), sums.general.person_weeks, sums.general.cost))
        return "\n".join(lines)

    # -- editing -------------------------------------------------------------------------------
    def field_prompt(self, name: str) -> str:
        return self.t(f"resources.prompt.{name}")

    def field_text(self, name: str, value: object) -> str:
        """Amounts written the user's way (``1.250,5``)."""
        if name in AMOUNTS and value is not None:
            return format_number(value, self.lang)  # type: ignore[arg-type]
        return super().field_text(name, value)

    def _amount(self, text: str) -> tuple[bool, float | None]:
        try:
            return True, parse_amount(text, self.lang)
        except AmountError as error:
            self.refuse(self.t(f"resources.{error.kind}", text=error.text))
            return False, None

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        if field not in AMOUNTS:
            return super().save_field(item_id, field, text)
        ok, value = self._amount(text)
        return ok and self.edit_item(item_id, f"resources.key.{field}", **{field: value})

    def action_edit_budget(self) -> None:
        """Set the implementation's budget (empty: none)."""
        budget = self.session.project.insist.budget
        shown = "" if budget is None else format_number(budget, self.lang)
        self.query_one(EditBar).open(self.t("resources.prompt.budget"), "budget", shown)

    def typed(self, purpose: str, text: str) -> bool:
        if purpose != "budget":
            return False
        ok, value = self._amount(text)
        if ok and self.apply_changes("resources.key.budget", self.changes.set(BUDGET, value)):
            self._done()
        return True

    def action_pick_milestone(self) -> None:
        """Choose the milestone the line under the cursor is for (or none)."""
        item = self.current()
        if item is None:
            return
        milestones = self.session.project.insist.milestones
        if not milestones:
            self.notify(self.t("resources.no_milestones"), timeout=4, markup=False)
            return
        options = [(m.id, f"{m.title} ({m.due.isoformat()})" if m.due else m.title) for m in milestones]
        self.pick(self.t("resources.pick_milestone"), options, {item.milestone} if item.milestone else set(),
                  lambda ids: self.edit_item(item.id, "resources.key.milestone", milestone=ids[0] if ids else None),
                  multiple=False)

    def action_pick_aspect(self) -> None:
        """Choose the implementation aspect the line under the cursor is for (or none)."""
        item = self.current()
        if item is None:
            return
        options = list(self._aspect_names().items())
        self.pick(self.t("resources.pick_aspect"), options, {item.aspect} if item.aspect else set(),
                  lambda ids: self.edit_item(item.id, "resources.key.aspect", aspect=ids[0] if ids else None),
                  multiple=False)
