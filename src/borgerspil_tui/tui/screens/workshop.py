"""The workshop: today's agenda of timed activities, and running it with the timer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult

from borgerspil_tui.core.changes import Path
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.workshop_record import default_title
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.screens.workshop_controls import (
    TIMER_COMMANDS,
    WorkshopControls,
)
from borgerspil_tui.tui.screens.workshop_planning import (
    PLANNING_COMMANDS,
    WorkshopPlanning,
)
from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer

TARGETS = ("causes", "consequences", "observations", "insights", "ideas", "what_ifs", "votes")


class WorkshopScreen(WorkshopPlanning, WorkshopControls, ListScreen):
    """The latest workshop's agenda (add, edit, delete, move) and its timer (start, pause, ±1
    minute, next activity); every edit, the timer's too, is an undoable change saved in the file."""

    NAME = "workshop"
    part = "create"
    _drawn_mark: str | None = None
    _new_activity: str | None = None
    """The activity just added, whose minutes and then target are asked for."""
    """The activity marked ▶ when the table was last filled."""
    COLUMNS = ("workshop.activity", "workshop.minutes", "workshop.target")
    MAIN_FIELD = "title"
    EMPTY_TEXT = "workshop.empty_plan"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("edit_field('minutes')", "m", "workshop.minutes", "help.workshop_minutes"),
        Command("pick_target", "t", "workshop.target", "help.workshop_target"),
        Command("app.presenter", "p", "presenter.open", "help.presenter"),
        Command("app.goto('workshop-summary')", "s", "workshop.summary", "help.workshop_summary"),
        *TIMER_COMMANDS,
        *PLANNING_COMMANDS,
        Command("open_activity", "o", "workshop.open", "help.workshop_open"),
        Command("app.share", "d", "workshop.share", "help.workshop_share"),
        Command("app.goto('postits')", "l", "postits.open", "help.postits_open"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def compose_body(self) -> ComposeResult:
        yield WorkshopTimer(id="workshop-timer")
        yield from super().compose_body()

    # -- which workshop ------------------------------------------------------------------------
    def controlled_workshop(self) -> Workshop | None:
        return self.workshop()

    @property
    def LIST_PATH(self) -> Path:  # type: ignore[override]
        workshop = self.workshop()
        return ("workshops", workshop.id, "agenda") if workshop else ("workshops",)

    def items(self, project: Project) -> list[Any]:
        shown = self.workshop()
        found = next((w for w in project.workshops if shown is not None and w.id == shown.id), None)
        return found.agenda if found else []

    def title_text(self) -> str:
        workshop = self.workshop()
        phones = self.bapp.share_title()  # " · 9 telefoner" while sharing
        return f"{self.screen_title()}{self.workshop_heading(workshop)}{phones} · {self.session.project.title}"

    def cells(self, item: Activity) -> list[str]:
        workshop = self.workshop()
        mark = "▶ " if workshop and workshop.timer and workshop.timer.activity == item.id else ""
        target = self.t(f"workshop.target.{item.target}") if item.target else ""
        return [mark + item.title, str(item.minutes), target]

    def new_item(self, text: str) -> Activity:
        return Activity(title=text)

    def _tick(self) -> None:
        self.query_one(WorkshopTimer).tick()

    def project_changed(self) -> None:
        super().project_changed()
        self._tick()
        if self._marked() != self._drawn_mark:  # an undo or a colleague moved the timer: the ▶ follows
            self.fill()

    def _marked(self) -> str | None:
        workshop = self.workshop()
        return workshop.timer.activity if workshop is not None and workshop.timer is not None else None

    def fill(self) -> None:
        self._drawn_mark = self._marked()
        super().fill()

    def timer_changed(self) -> None:
        self.fill()

    # -- the agenda ----------------------------------------------------------------------------
    def action_add(self) -> None:
        """``n``: a new workshop (today's date) when there is none, else a new activity."""
        if self.workshop() is None:
            today = dt.date.today()
            title = default_title(self.session.project, today)
            self.apply_changes("workshop.new", self.changes.add(("workshops",), Workshop(title=title, date=today)))
            self.fill()
            return
        self.query_one("#edit-bar").open(self.t("workshop.prompt_title"), "add")

    def typed(self, purpose: str, text: str) -> bool:
        if self.typed_detail(purpose, text):
            return True
        if purpose != "add" or not text:
            return False
        item = self.add_item("list.add", lambda: self.new_item(text))
        if item is not None:
            self.show_row(item.id)
            self._new_activity = item.id  # its minutes, then its target, one after the other
            self.query_one("#edit-bar").open(self.t("workshop.prompt_minutes"), f"minutes:{item.id}", "15")
        return True

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        if field != "minutes":
            return super().save_field(item_id, field, text)
        try:
            minutes = int(text)
        except ValueError:
            minutes = 0
        if not 1 <= minutes <= 600:
            self.refuse(self.t("workshop.bad_minutes", text=text))
            return False
        if not self.edit_item(item_id, "workshop.minutes", minutes=minutes):
            return False
        if item_id == self._new_activity:  # a new activity: its target next; `m` alone edits only the minutes
            self._new_activity = None
            self.call_after_refresh(self.action_pick_target)
        return True

    def action_pick_target(self) -> None:
        """Where the activity's captured items go (or nowhere: a break)."""
        item = self.current()
        if item is None:
            return
        options = [(target, self.t(f"workshop.target.{target}")) for target in TARGETS]
        self.pick(self.t("workshop.target"), options, {item.target} if item.target else set(),
                  lambda ids: self.edit_item(item.id, "workshop.target", target=ids[0] if ids else None),
                  multiple=False)

    def select_item(self) -> None:
        """Enter on a row: the next activity (as →)."""
        self.action_next_activity()
