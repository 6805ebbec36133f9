"""The workshop timer a room can read: the running activity and ``mm:ss`` (``-mm:ss`` overrun)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import workshop_timer as timer
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop


def running(app: object) -> tuple[Workshop, TimerState, Activity] | None:
    """The workshop whose timer runs in the app's project, its timer and its activity, or None."""
    session = getattr(app, "session", None)
    if session is None:
        return None
    for workshop in session.project.workshops:
        if workshop.timer is not None:
            activity = timer.activity_of(workshop, workshop.timer.activity)
            if activity is not None:
                return workshop, workshop.timer, activity
    return None


class WorkshopTimer(Static):
    """Refreshes its own text once a second from the app's clock; at zero it rings the bell once
    (when the workshop's bell is on) and flashes (the ``-up`` class), then counts the overrun."""

    DEFAULT_CSS = """
    WorkshopTimer { width: auto; height: 1; padding: 0 1; background: $panel; }
    WorkshopTimer.-idle { display: none; }
    WorkshopTimer.-overrun { background: $warning; color: $text; text-style: bold; }
    WorkshopTimer.-up { background: $error; }
    WorkshopTimer.-paused { color: $text-muted; }
    WorkshopTimer.corner { overlay: screen; position: absolute; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self._rung: tuple[str, str] | None = None
        """The timer (activity, start) the bell has rung for, so it rings once."""

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        """Show the time left now (cheap: only this widget's text)."""
        found = running(self.app)
        if found is None:
            self.set_class(True, "-idle")
            self.update("")
            return
        workshop, state, activity = found
        now = self.app.clock.now()  # type: ignore[attr-defined]
        left = timer.remaining(state, activity, now)
        paused = timer.is_paused(state)
        label = tr(self.app.language, "workshop.paused") if paused else ""  # type: ignore[attr-defined]
        text = f"{activity.title} {timer.clock_text(left)}" + (f" {label}" if label else "")
        self.update(Content(text))
        self.set_class(False, "-idle")
        if self.has_class("corner"):  # the top right corner of every screen, over the title line
            width = Content(text).cell_length + 2
            self.styles.offset = (max(0, self.screen.size.width - width), 0)
        self.set_class(left <= 0, "-overrun")
        self.set_class(paused, "-paused")
        key = (state.activity, state.started.isoformat())
        if left <= 0 and self._rung != key:
            self._rung = key
            if workshop.bell:
                self.app.bell()
            self.add_class("-up")
            self.set_timer(2.0, lambda: self.remove_class("-up"))
