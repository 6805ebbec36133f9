"""Insistér: the implementation plan's milestones — title, due date, owner, reached, and what
each depends on (picked from the others) — as a list or on a time line (v).

The session keeps the order (core/model/milestone_rules): a dependency that would make a circle,
or a date before one a milestone depends on, is refused in our words naming the titles, and the
project is left as it was. Deleting a milestone removes the links to it (Ctrl+Z brings both back).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.tui.commands import Command, bindings, relabel
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.widgets.milestone_timeline import MilestoneTimeline, fit

LIST_ONLY = frozenset({"add", "edit_field", "delete", "move", "toggle_done", "pick_depends"})
"""What works in the list only (the time line edits nothing)."""


class MilestonesScreen(ListScreen):
    """The implementation plan's milestones: title, due date, owner, dependencies, reached."""

    NAME = "milestones"
    part = "insist"
    LIST_PATH = ("insist", "milestones")
    COLUMNS = ("milestones.title", "field.date", "milestones.owner", "milestones.depends", "milestones.done")
    MAIN_FIELD = "title"
    EMPTY_TEXT = "milestones.empty"
    DATE_FIELDS = ("due",)
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        *LIST_COMMANDS,
        Command("edit_field('due')", "d", "field.date", "help.milestones_due"),
        Command("edit_field('owner')", "o", "milestones.owner", "help.milestones_owner"),
        Command("pick_depends", "l", "milestones.depends", "help.milestones_depends"),
        Command("toggle_done", "space", "milestones.done", "help.milestones_done"),
        Command("switch_view", "v", "milestones.view_timeline", "help.milestones_view"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    DEFAULT_CSS = """
    MilestonesScreen #timeline-box { height: 1fr; display: none; }
    MilestonesScreen.-timeline #timeline-box { display: block; }
    MilestonesScreen.-timeline #items, MilestonesScreen.-timeline #items-empty,
    MilestonesScreen.-timeline #detail-box { display: none; }
    """

    timeline_mode = False
    """Whether the time line is shown instead of the list."""

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def compose_body(self) -> ComposeResult:
        yield from super().compose_body()
        with VerticalScroll(id="timeline-box"):
            yield MilestoneTimeline(id="timeline")

    # -- what is shown -------------------------------------------------------------------------
    def _titles(self, ids: list[str]) -> str:
        names = {m.id: m.title for m in self.session.project.insist.milestones}
        return ", ".join(" ".join(names.get(i, i).split()) for i in ids)

    def cells(self, item: Milestone) -> list[str]:
        """Long texts cut so every column shows (the detail under the table has them whole)."""
        return [fit(item.title, 40), item.due.isoformat() if item.due else "", fit(item.owner, 16),
                fit(self._titles(item.depends_on), 26), "✓" if item.done else ""]

    def detail(self, item: Any) -> str:
        lines = [item.title]
        if item.depends_on:
            lines.append(self.t("milestones.detail_depends", names=self._titles(item.depends_on)))
        needed = [m.id for m in self.session.project.insist.milestones if item.id in m.depends_on]
        if needed:
            lines.append(self.t("milestones.detail_needed_by", names=self._titles(needed)))
        return "\n".join(lines)

    def new_item(self, text: str) -> Milestone:
        return Milestone(title=text)

    def today(self) -> dt.date:
        """Today by the app's clock (tests set it), in the computer's time zone."""
        now = self.bapp.clock.now()
        return (now.astimezone() if now.tzinfo else now).date()

    def populate(self) -> None:
        super().populate()
        if self.timeline_mode:  # again after a language switch
            self.query_one("#timeline-box").focus()
            relabel(self, "switch_view", self.t("milestones.view_list"))

    def fill(self) -> None:
        super().fill()
        if self.timeline_mode:
            self._draw_timeline()

    def _draw_timeline(self) -> None:
        self.query_one("#timeline", MilestoneTimeline).show(self.session.project.insist.milestones, self.today(),
                                                            self.lang)

    def project_changed(self) -> None:
        super().project_changed()
        self._follow_depends()
        if self.timeline_mode:
            self._draw_timeline()

    def _follow_depends(self) -> None:
        """A row names the titles of what it depends on: a title edited, or a milestone deleted
        (or brought back), changes other rows' cells too; only those cells are updated."""
        table = self.query_one("#items", DataTable)
        column = "milestones.depends"
        for item in self.session.project.insist.milestones:
            if item.id not in table.rows:
                continue
            wanted = self.cells(item)[self.COLUMNS.index(column)]
            if str(table.get_cell(item.id, column)) != wanted:
                table.update_cell(item.id, column, cell(wanted))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The time line edits nothing: only the list's keys edit."""
        if action in LIST_ONLY and self.timeline_mode:
            return False
        return super().check_action(action, parameters)

    # -- actions -------------------------------------------------------------------------------
    def action_switch_view(self) -> None:
        """Switch between the list and the time line."""
        self.timeline_mode = not self.timeline_mode
        self.set_class(self.timeline_mode, "-timeline")
        if self.timeline_mode:
            self._draw_timeline()
            self.query_one("#timeline-box").focus()
        else:
            self.query_one("#items", DataTable).focus()
        relabel(self, "switch_view", self.t("milestones.view_list" if self.timeline_mode else "milestones.view_timeline"))

    def action_toggle_done(self) -> None:
        """Mark the milestone as reached, or not."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "milestones.done", done=not item.done)

    def action_pick_depends(self) -> None:
        """Choose the milestones this one waits for (never itself); a circle or a date before one
        it depends on is refused and nothing changes."""
        item = self.current()
        if item is None:
            return
        options = [(m.id, f"{' '.join(m.title.split())} ({m.due.isoformat()})" if m.due else " ".join(m.title.split()))
                   for m in self.session.project.insist.milestones if m.id != item.id]
        if not options:
            self.notify(self.t("milestones.no_others"), markup=False)
            return
        self.pick(self.t("milestones.pick_depends", title=" ".join(item.title.split())), options,
                  set(item.depends_on), lambda ids: self._set_depends(item.id, ids))

    def _set_depends(self, item_id: str, ids: list[str]) -> None:
        item = self.changes.get(self.path(item_id), None)
        if item is None:
            return
        kept = [i for i in item.depends_on if i in ids]  # the order they were chosen in stays
        self.edit_item(item_id, "milestones.dependency", depends_on=kept + [i for i in ids if i not in kept])

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        """A due date must be a date (YYYY-MM-DD): anything else is refused in our words."""
        if field == "due" and text:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                self.refuse(self.t("milestones.bad_date", text=text))
                return False
        return super().save_field(item_id, field, text)

    def action_delete(self) -> None:
        """Delete the milestone; the milestones that depended on it no longer do (and are told)."""
        item = self.current()
        if item is None:
            return
        waiting = [m for m in self.session.project.insist.milestones if item.id in m.depends_on]
        if self.apply_changes("list.delete", self.changes.remove(self.path(item.id))) and waiting:
            self.notify(self.t("milestones.deleted_links", count=len(waiting), title=" ".join(item.title.split())),
                        markup=False)
