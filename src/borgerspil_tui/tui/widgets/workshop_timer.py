"""The workshop timer a room can read: the running activity and ``mm:ss`` (``-mm:ss`` overrun)."""

from __future__ import annotations

import datetime as dt

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


GRACE_SECONDS = 5.0
"""A time that was up longer ago than this when the app first saw the timer (a restart, a file
opened mid-workshop) has had its bell: the app does not ring nor flash for it."""
FLASH_SECONDS = 2.0
"""How long every timer on screen flashes after the bell."""


class Bell:
    """The app's one record of the timers' bells, so the bell rings once each time a timer
    crosses zero while the app runs — however many timer widgets show it, on however many screens.

    A timer is known by its activity and its start. A crossing is a time left above zero seen
    before, at or below zero now: the time running out, or ``-`` pressed past zero (``+`` after
    the time is up, then running out again, is a new crossing). A timer the app first sees already
    up for longer than ``GRACE_SECONDS`` (a restart, a file opened mid-workshop) does not ring."""

    def __init__(self) -> None:
        self.last_left: dict[tuple[str, str], float] = {}
        """Each timer's time left when the app last looked."""
        self.rang_at: dict[tuple[str, str], dt.datetime] = {}
        """When the bell last rang for each timer."""

    @staticmethod
    def key(state: TimerState) -> tuple[str, str]:
        """Which timer ``state`` is."""
        return state.activity, timer.utc(state.started).isoformat()

    def check(self, state: TimerState, left: float, now: dt.datetime) -> tuple[bool, bool]:
        """Whether to ring now (True once per crossing) and whether to flash (for
        ``FLASH_SECONDS`` after the ring), for a timer with ``left`` seconds left at ``now``."""
        key = self.key(state)
        before = self.last_left.get(key)
        self.last_left[key] = left
        if left > 0:
            return False, False
        if (before is None and left > -GRACE_SECONDS) or (before is not None and before > 0):
            self.rang_at[key] = timer.utc(now)
            return True, True
        rang = self.rang_at.get(key)
        return False, rang is not None and 0 <= (timer.utc(now) - rang).total_seconds() < FLASH_SECONDS


def app_bell(app: object) -> Bell:
    """The app's :class:`Bell` (made on first use)."""
    found = getattr(app, "workshop_bell", None)
    if not isinstance(found, Bell):
        found = Bell()
        app.workshop_bell = found  # type: ignore[attr-defined]
    return found


def alarm(app: object, workshop: Workshop, state: TimerState, left: float, now: dt.datetime) -> bool:
    """Ring the app's bell if the time just ran out (once, when the workshop's bell is on);
    returns whether a timer showing it should flash now."""
    ring, flash = app_bell(app).check(state, left, now)
    if ring and workshop.bell:
        app.bell()  # type: ignore[attr-defined]
    return flash


class WorkshopTimer(Static):
    """Refreshes its own text once a second from the app's clock; at zero the app's bell rings
    once (when the workshop's bell is on, see :class:`Bell`) and every timer showing it flashes
    (the ``-up`` class), then counts the overrun."""

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
        self.set_class(alarm(self.app, workshop, state, left, now), "-up")
