"""The presenter view: the whole terminal for the room — the running activity, its timer large, its
question in large type and what it produced — and nothing else (no footer, status or title line).
The timer's keys work here too; ``p`` (or F7, or Esc) goes back to where the user was."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static

from borgerspil_tui.core import workshop_timer as timer
from borgerspil_tui.core.i18n import Message, tr
from borgerspil_tui.core.presenter_content import place
from borgerspil_tui.core.session import EditRefused
from borgerspil_tui.core.workshop_capture import CAPTURE_TARGETS
from borgerspil_tui.tui.big_text import big_text
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.workshop_controls import (
    TIMER_COMMANDS,
    WorkshopControls,
)
from borgerspil_tui.tui.widgets.presenter_panel import (
    VIEWS,
    PresenterPanel,
    voting_progress,
)
from borgerspil_tui.tui.widgets.workshop_timer import alarm

if TYPE_CHECKING:
    from borgerspil_tui.core.changes import Change
    from borgerspil_tui.core.edits import EditBuilder
    from borgerspil_tui.core.model.workshop import Activity
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp


class PresenterScreen(WorkshopControls, Screen):
    """The running workshop activity for a wall; ``tab`` switches what is shown under the question."""

    NAME = "presenter"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        *TIMER_COMMANDS,
        Command("cycle_view", "tab", "presenter.panel", "help.presenter_panel"),
        Command("close", "p,escape", "presenter.close", "help.presenter_close"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    PresenterScreen { layout: vertical; padding: 0 2; background: $background; }
    PresenterScreen #top { height: auto; margin-top: 1; }
    PresenterScreen #heading { width: 1fr; height: auto; padding-right: 2; }
    PresenterScreen #activity-title { text-style: bold; color: $primary; }
    PresenterScreen #activity-meta { color: $text-muted; }
    PresenterScreen #clock { width: auto; padding: 0 1; color: $foreground; text-style: bold; }
    PresenterScreen #clock.-overrun { color: $warning; }
    PresenterScreen #clock.-paused { color: $text-muted; text-style: none; }
    PresenterScreen #clock.-up { background: $error; color: $background; }
    PresenterScreen #clock.-idle { display: none; }
    PresenterScreen #question {
        height: auto; width: 1fr; padding: 1 4; text-align: center; text-style: bold; color: $foreground;
    }
    PresenterScreen #question.-big {
        padding: 1 0; color: $primary; text-align: left; text-wrap: nowrap; text-overflow: clip;
    }
    PresenterScreen #note { height: auto; margin-bottom: 1; text-align: center; color: $text-muted; text-style: bold; }
    PresenterScreen #note.-big { text-align: left; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.view = "auto"
        """What the panel shows (one of ``VIEWS``); ``auto`` follows the activity's target."""
        self.stale = False
        self._progress: tuple[str, int] | None = None
        """The voting round's progress when last drawn (phones' votes change it between edits)."""

    # -- what BaseScreen gives the timer mixin -------------------------------------------------------
    @property
    def bapp(self) -> BorgerspilApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> Session:
        """The open session (the view is only opened with one)."""
        assert self.bapp.session is not None
        return self.bapp.session

    @property
    def changes(self) -> EditBuilder:
        """Builds the changes for an edit of the open project."""
        return self.session.changes

    def t(self, key: str, **values: object) -> str:
        """A UI text in the app's language (what the facilitator reads: notices, refusals)."""
        return tr(self.bapp.language, key, **values)

    def said(self, key: str, **values: object) -> str:
        """A text on the wall, in the project's language: the room reads it (DESIGN.md)."""
        return tr(self.session.project.language, key, **values)

    def apply_changes(self, label: str, changes: Iterable[Change], **values: object) -> bool:
        """One undoable step (named in the app's language when undone); a refused edit leaves the
        project as it was and says why."""
        try:
            self.t(label, **values)  # a wrong key or value fails here, not at Ctrl+Z
            self.session.apply(Message(label, dict(values)), changes)
        except EditRefused as error:
            self.refuse(error.text(self.bapp.language))
            return False
        return True

    def refuse(self, reason: str) -> None:
        """Say why a key did nothing."""
        self.notify(reason, severity="error", markup=False)

    # -- the app's calls on screens that listen to the session ----------------------------------------
    def project_changed(self) -> None:
        """The project changed: draw it all again (a handful of widgets)."""
        self.redraw()

    def refresh_status(self) -> None:
        """Nothing: the view has no status line."""

    def show_guidance(self, visible: bool) -> None:
        """Nothing: the view has no guidance."""

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.bapp.session is not None:
            self.stale = False
            self.redraw()

    async def recompose(self) -> None:
        """The language changed: texts anew."""
        await super().recompose()
        self.redraw()

    # -- drawing -----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            with Vertical(id="heading"):
                yield Static(id="activity-title", markup=False)
                yield Static(id="activity-meta", markup=False)
            yield Digits("", id="clock")
        yield Static(id="question", markup=False)
        yield Static(id="note", markup=False)
        yield PresenterPanel(id="panel")

    def on_mount(self) -> None:
        self.bapp.screen_listeners.add(self)
        self.redraw()
        self.set_interval(1.0, self.tick)

    def on_unmount(self) -> None:
        self.bapp.screen_listeners.discard(self)

    def on_resize(self) -> None:
        self.redraw()

    def timer_changed(self) -> None:
        self.redraw()

    def _big(self, text: str, fewer: int = 0) -> list[str] | None:
        """``text`` in large type centred in the width there is (Textual's centring trims the
        spaces that centre a shorter line under a longer one), or None when it does not fit."""
        width = (self.size.width or self.app.size.width) - 4
        height = self.size.height or self.app.size.height
        rows = big_text(text, width, (1 if height < 20 else 2 if height < 34 else 3) - fewer)
        if rows is None:
            return None
        margin = " " * max(0, (width - max(cell_len(row) for row in rows)) // 2)
        return [margin + row for row in rows]

    def _show_large(self, text: str, where: str = "#question", fewer: int = 0) -> None:
        """``text`` in large type when it fits, else bold, centred and wrapped."""
        shown = self.query_one(where, Static)
        rows = self._big(text, fewer)
        shown.set_class(rows is not None, "-big")
        shown.update(Content("\n".join(rows) if rows is not None else text))

    def redraw(self) -> None:
        """Draw the activity that runs (or the workshop, when none does)."""
        if not self.is_mounted or self.bapp.session is None:
            return
        workshop = self.controlled_workshop()
        activity = self.running_activity()
        title = self.query_one("#activity-title", Static)
        meta = self.query_one("#activity-meta", Static)
        note = self.query_one("#note", Static)
        panel = self.query_one(PresenterPanel)
        project = self.session.project
        if activity is None or workshop is None:
            title.display = True
            title.update(Content(project.title))
            meta.update(Content(workshop.date.isoformat() if workshop is not None and workshop.date else ""))
            self._show_large(workshop.title if workshop is not None else self.said("presenter.no_workshop"))
            note.display = True
            self._show_large(self.said("presenter.no_activity"), "#note", fewer=1)
            panel.show("agenda", project, workshop, None)
            panel.display = workshop is not None
            self.tick()
            return
        number, _ = place(workshop, activity.id)
        title.update(Content(activity.title))
        title.display = bool(activity.question.strip())  # else the title is the large text
        paused = workshop.timer is not None and timer.is_paused(workshop.timer)
        text = self.said("presenter.meta", number=number, total=len(workshop.agenda), minutes=activity.minutes)
        if activity.target:
            text += f" · {self.said(f'workshop.target.{activity.target}')}"
        meta.update(Content(text + (f"   {self.said('presenter.paused')}" if paused else "")))
        self._show_large(activity.question or activity.title)
        note.display = False
        panel.display = True
        panel.show(self._view(activity), project, workshop, activity)
        self.tick()

    def _view(self, activity: Activity) -> str:
        if self.view != "auto":
            return self.view
        if activity.target in CAPTURE_TARGETS:
            return "captured"
        return "votes" if activity.target == "votes" else "next"

    def tick(self) -> None:
        """The time left now, big (``-mm:ss`` overrun); the app's bell at zero (see ``alarm``).
        Phones vote without a session change: a new count of who has voted draws the view again."""
        if (progress := voting_progress(self.app)) != self._progress:
            self._progress = progress
            self.redraw()
            return
        clock = self.query_one("#clock", Digits)
        workshop = self.controlled_workshop() if self.bapp.session is not None else None
        activity = self.running_activity() if workshop is not None else None
        if workshop is None or activity is None or workshop.timer is None:
            clock.set_class(True, "-idle")
            return
        state = workshop.timer
        now = self.bapp.clock.now()
        left = timer.remaining(state, activity, now)
        clock.update(timer.clock_text(left))
        clock.set_class(False, "-idle")
        clock.set_class(left <= 0, "-overrun")
        clock.set_class(timer.is_paused(state), "-paused")
        clock.set_class(alarm(self.app, workshop, state, left, now), "-up")

    # -- keys --------------------------------------------------------------------------------------
    def action_cycle_view(self) -> None:
        """The next view under the question."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.redraw()

    def action_close(self) -> None:
        """Back to where the user was."""
        if self.app.screen is self:
            self.app.pop_screen()
