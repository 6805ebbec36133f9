"""The workshop timer's controls (start/pause, ±1 minute, next activity) and opening the running
activity's tool, shared by the workshop screen and the presenter view."""

from __future__ import annotations

from textual.widgets import Input

from borgerspil_tui.core import workshop_timer as timer
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.tui.commands import Command

TIMER_COMMANDS = [
    Command("start_pause", "space", "workshop.start_pause", "help.workshop_start_pause"),
    Command("adjust(1)", "plus", "workshop.plus", "help.workshop_plus"),
    Command("adjust(-1)", "minus", "workshop.minus", "help.workshop_minus"),
    Command("next_activity", "right", "workshop.next", "help.workshop_next"),
]
"""The timer's keys, the same on every screen that has them."""


class WorkshopControls:
    """Mixin for a BaseScreen: the timer of :meth:`controlled_workshop`, each press one undoable
    change saved in the file (so a restart keeps time)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``+``/``-`` are not shown (nor taken) while a text field has the keys: they type there
        (Textual hides letter keys itself, not these)."""
        if action == "adjust" and isinstance(self.focused, Input):  # type: ignore[attr-defined]
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def controlled_workshop(self) -> Workshop | None:
        """The workshop the keys act on: the one whose timer runs, else the last one."""
        workshops = self.session.project.workshops  # type: ignore[attr-defined]
        running = next((w for w in workshops if w.timer is not None), None)
        return running or (workshops[-1] if workshops else None)

    def running_activity(self) -> Activity | None:
        """The activity whose timer runs (or is paused), or None."""
        workshop = self.controlled_workshop()
        if workshop is None or workshop.timer is None:
            return None
        return timer.activity_of(workshop, workshop.timer.activity)

    def action_open_activity(self) -> None:
        """Open the running activity's tool: fast capture on its list, or the dot-voting round;
        refused with our message when none runs or it is a break or a talk."""
        activity = self.running_activity()
        if activity is None:
            self.refuse(self.t("workshop.open.none"))  # type: ignore[attr-defined]
        elif activity.target is None:
            self.refuse(self.t("workshop.open.break", title=activity.title))  # type: ignore[attr-defined]
        else:
            self.bapp.action_goto("voting-round" if activity.target == "votes" else "capture")  # type: ignore[attr-defined]

    def _other_runs(self, workshop: Workshop) -> bool:
        """Refuse, saying which, when another workshop's timer runs: one clock for the room (the
        corner timer and the presenter view show one)."""
        other = next((w for w in self.session.project.workshops  # type: ignore[attr-defined]
                      if w.timer is not None and w.id != workshop.id), None)
        if other is not None:
            self.refuse(self.t("workshop.other_running", title=other.title))  # type: ignore[attr-defined]
        return other is not None

    def timer_changed(self) -> None:
        """Called after each timer change (a screen refreshes what it shows)."""

    def _set_timer(self, label: str, state: timer.TimerState | None, extra: list | None = None) -> None:
        workshop = self.controlled_workshop()
        if workshop is None:
            return
        changes = list(extra or [])
        changes += self.changes.set(("workshops", workshop.id, "timer"), state)  # type: ignore[attr-defined]
        self.apply_changes(label, changes)  # type: ignore[attr-defined]
        self.timer_changed()

    def action_start_pause(self) -> None:
        """Start the first activity, or pause or resume the running one."""
        workshop = self.controlled_workshop()
        if workshop is None:
            return
        now = self.bapp.clock.now()  # type: ignore[attr-defined]
        if workshop.timer is None:
            if self._other_runs(workshop):
                return
            if not workshop.agenda:
                self.refuse(self.t("workshop.no_agenda"))  # type: ignore[attr-defined]
                return
            state, _ = timer.next_activity(workshop, now)
            self._set_timer("workshop.start", state)
        elif timer.is_paused(workshop.timer):
            self._set_timer("workshop.resume", timer.resume(workshop.timer, now))
        else:
            self._set_timer("workshop.pause", timer.pause(workshop.timer, now))

    def action_adjust(self, minutes: int) -> None:
        """One minute more or less for the running activity."""
        workshop = self.controlled_workshop()
        if workshop is not None and workshop.timer is not None:
            self._set_timer("workshop.adjust", timer.adjust(workshop.timer, minutes))

    def action_next_activity(self) -> None:
        """Log the running activity (start, end; an existing log entry keeps its notes and what
        was captured) and start the next one (the first if none runs)."""
        workshop = self.controlled_workshop()
        if workshop is None or not workshop.agenda or workshop.timer is None and self._other_runs(workshop):
            return
        ending = workshop.timer.activity if workshop.timer is not None else None
        state, entries = timer.next_activity(workshop, self.bapp.clock.now())  # type: ignore[attr-defined]
        log: list = []
        for entry in entries:
            if any(e.activity == entry.activity for e in workshop.log):
                log += self.changes.set_fields(("workshops", workshop.id, "log", entry.activity),  # type: ignore[attr-defined]
                                               started=entry.started, ended=entry.ended)
            else:
                log += self.changes.add(("workshops", workshop.id, "log"), entry)  # type: ignore[attr-defined]
        self._set_timer("workshop.next", state, log)
        if ending is not None:  # its post-its still new are said, not left behind silently
            self.bapp.say_waiting_postits(workshop.id, ending)  # type: ignore[attr-defined]
