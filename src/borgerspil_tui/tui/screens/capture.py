"""Fast capture in a workshop: the facilitator types what the room says; each Enter adds the line
to the chosen list (causes, consequences, observations, insights, ideas, what-ifs), ``@name`` at
the end credits a participant, and a pasted block adds one item per line.

While a workshop activity runs, the screen opens on the activity's list, and every item captured
is noted in the activity's log entry (the same undo step), so the list under the field is what the
activity captured — kept in the file, there again after a restart."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from borgerspil_tui.core.changes import RemoveItem
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.workshop_capture import (
    CAPTURE_TARGETS,
    capture,
    everyone,
    people_for,
)
from borgerspil_tui.core.workshop_record import (
    TARGET_LISTS,
    captured_changes,
    log_entry,
    running,
    target_of,
)
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen

AT = TARGET_LISTS
"""Where each target's items live (tree targets: the top level of that branch)."""
POSTITS_REDRAW = 0.5
"""Seconds between two redraws of the waiting post-its' count while phones post."""
SHOWN = 40
"""How many of the newest captured items the list shows (the rest are counted): a redraw per
Enter costs the same at 10 items and at 10,000."""


class CaptureInput(Input):
    """The capture field. A line is taken out of the field the moment its Enter comes (not when the
    key's binding runs, after the keys typed since), and a paste of several lines is handed on
    whole (Textual's field keeps only the first line of a paste), so keys typed before the screen
    has taken a line land in an empty field and none is lost."""

    class Block(Message):
        """A pasted block of several lines."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    async def action_submit(self) -> None:
        value, self.value = self.value, ""
        self.post_message(self.Submitted(self, value))

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "ctrl+j"):  # here, in turn with the letters: a binding runs only once
            event.stop()          # the key has gone up to the app, after the keys typed since; ctrl+j is
            # a line feed (what some terminals and typed-in text send for a new line): a line of its own
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        if "\n" in event.text or "\r" in event.text:
            event.stop()
            event.prevent_default()
            block, self.value = self.value + event.text, ""
            self.post_message(self.Block(block))
            return
        super()._on_paste(event)


class CaptureScreen(BaseScreen):
    """One always-focused field; under it what the running activity captured (else this
    session's captures), newest first, with credits."""

    NAME = "capture"
    SCREEN_COMMANDS = [
        Command("next_target", "ctrl+t", "capture.next_target", "help.capture_target", priority=True),
        Command("delete_newest", "delete", "capture.delete", "help.capture_delete", priority=True),
        Command("app.goto('postits')", "ctrl+l", "postits.open", "help.postits_open", priority=True),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    CaptureScreen #capture-target { height: 1; padding: 0 1; text-style: bold; }
    CaptureScreen #capture-message { height: auto; padding: 0 1; color: $error; }
    CaptureScreen #capture-postits { height: auto; padding: 0 1; text-style: bold; color: $warning; }
    CaptureScreen #captured-box { height: 1fr; padding: 0 1; }
    """

    def __init__(self, target: str | None = None) -> None:
        super().__init__()
        self.target = target if target in CAPTURE_TARGETS else "ideas"
        self.captured: list[str] = []
        """The ids of the items this session captured, oldest first (shown when no activity runs)."""
        self._named: dict[str, str] = {}
        """Item id → the credit as typed, for a name that is nobody's."""
        self._activity: str | None = None
        """The running activity the screen last followed."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="capture-target", markup=False)
        yield CaptureInput(id="capture-input", placeholder=self.t("capture.placeholder"))
        yield Static(id="capture-message", markup=False)
        yield Static(id="capture-postits", markup=False)
        with VerticalScroll(id="captured-box"):
            yield Static(id="captured", markup=False)

    def on_mount(self) -> None:
        self._follow()  # Textual calls BaseScreen.on_mount (which populates) after this one

    def populate(self) -> None:
        self._show_target()
        self._show_captured()
        self.query_one("#capture-input", Input).focus()

    def leave_field(self) -> bool:
        """Esc goes back at once: the field is the whole screen."""
        return False

    # -- the running activity ----------------------------------------------------------------------
    def _follow(self) -> bool:
        """When another activity runs now, capture into its list (if it has one); True if it changed."""
        found = running(self.session.project)
        ident = found[1].id if found is not None else None
        if ident == self._activity:
            return False
        self._activity = ident
        if found is not None and found[1].target in CAPTURE_TARGETS:
            self.target = found[1].target  # type: ignore[assignment]
        return True

    def _ids(self) -> list[str]:
        """What the list shows, oldest first: the running activity's captured items, else this
        session's."""
        found = running(self.session.project)
        if found is None:
            return self.captured
        entry = log_entry(found[0], found[1].id)
        return entry.captured if entry is not None else []

    # -- drawing -----------------------------------------------------------------------------------
    def _show_target(self) -> None:
        self.query_one("#capture-target", Static).update(Content(self.t(
            "capture.target", target=self.t(f"capture.target.{self.target}"))))

    def _line(self, ident: str, names: dict[str, str]) -> str | None:
        """One captured item as a line of text, or None when it is gone."""
        try:
            path = self.changes.path_of(ident)
        except KeyError:
            return None
        item = self.changes.get(path, None)
        target = target_of(path)
        if item is None or target is None:
            return None
        said = getattr(item, "said_by", None)
        credit = f"@{names[said]}" if said in names else (
            self.t("capture.unknown_credit", name=self._named[ident]) if ident in self._named else None)
        return f"• {_text_of(item)}" + (f"  — {credit}" if credit else "") + \
            f"  ({self.t(f'capture.target.{target}')})"

    _postits_timer: object | None = None
    """The pending redraw of the waiting count (see :meth:`project_changed`)."""

    def _redraw_postits(self) -> None:
        self._postits_timer = None
        if self.is_mounted:
            self._show_postits()

    def _show_postits(self) -> None:
        """How many post-its from phones wait in the running activity, and the key that opens them."""
        from borgerspil_tui.tui.key_names import key_name

        session = self.session
        found = running(session.project)
        waiting = 0 if found is None else session.index.waiting(session.project).count(found[0].id, found[1].id)
        line = self.query_one("#capture-postits", Static)
        line.display = waiting > 0
        line.update(Content(self.t("postits.waiting", count=waiting, shortcut=key_name("ctrl+l", self.lang))
                            if waiting else ""))

    def _show_captured(self) -> None:
        self._show_postits()
        ids = self._ids()
        names = everyone(self.session.project)
        lines: list[str] = []
        for ident in reversed(ids):
            if len(lines) >= SHOWN:
                break
            line = self._line(ident, names)
            if line is not None:
                lines.append(line)
        if len(ids) > len(lines) and len(lines) >= SHOWN:
            lines.append(self.t("capture.more", count=len(ids) - len(lines)))
        shown = "\n".join(lines) if lines else self.t("capture.empty")
        self.query_one("#captured", Static).update(Content(shown))

    def _say(self, text: str) -> None:
        self.query_one("#capture-message", Static).update(Content(text))

    # -- taking lines ------------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._take(event.value):
            self._put_back(event.value)

    def on_capture_input_block(self, event: CaptureInput.Block) -> None:
        event.stop()
        left = self._take(event.text, keep_refused=True)
        if isinstance(left, str):
            self._put_back(left)

    def _put_back(self, text: str) -> None:
        """What was not taken goes back in the field, before anything typed since."""
        field = self.query_one("#capture-input", Input)
        field.value = text + field.value
        field.cursor_position = len(text)

    def _take(self, block: str, *, keep_refused: bool = False) -> bool | str:
        """Add every line of ``block`` (and note them in the running activity's log, one undo step);
        True when all were taken. With ``keep_refused``, the refused lines are returned (joined by
        spaces) to go back in the field."""
        project = self.session.project
        found = running(project)
        result = capture(self.target, block, people_for(project, found[0] if found else None))
        lines = block.splitlines() or [block]
        if result.refused:
            number, message = result.refused[0]
            self._say(self.t("capture.refused", count=len(result.refused), line=number,
                             reason=tr(self.lang, message.key, **message.values)))
        else:
            self._say("")
        if result.items:
            at = AT[self.target]
            size = len(self.changes.get(at))
            changes = []
            for offset, (item, _credit) in enumerate(result.items):
                changes += [replace(change, index=size + offset) for change in self.changes.add(at, item)]
            ids = [item.id for item, _credit in result.items]
            if found is not None:
                changes += captured_changes(self.changes, found[0], ids)
            self.captured += ids  # before the change: the list is drawn once, when it is made
            self._named.update((item.id, name) for (item, credit), name in zip(result.items, result.named)
                               if name and credit is None)
            if not self.apply_changes("capture.added", changes, count=len(result.items)):
                del self.captured[-len(ids):]
                return False
        if result.refused and keep_refused:
            return " ".join(lines[n - 1].strip() for n, _m in result.refused)
        return not result.refused

    # -- keys --------------------------------------------------------------------------------------
    def action_next_target(self) -> None:
        """Capture into the next list."""
        index = CAPTURE_TARGETS.index(self.target)
        self.target = CAPTURE_TARGETS[(index + 1) % len(CAPTURE_TARGETS)]
        self._show_target()

    def action_delete_newest(self) -> None:
        """Delete in the field; with the field empty, take the newest captured item out again (it
        leaves the activity's log with it: one undo step)."""
        field = self.query_one("#capture-input", Input)
        if field.value:
            field.action_delete_right()
            return
        ids = self._ids()
        for ident in reversed(ids):
            try:
                path = self.changes.path_of(ident)
            except KeyError:  # gone already (undone): nothing to take out
                continue
            self.apply_changes("capture.removed", self.changes.remove(path))
            break
        self._show_captured()

    def project_changed(self) -> None:
        super().project_changed()
        change = self.latest_change()
        if change is not None and all(_postit_change(one) for one in change.changes):
            # only a phone's post-it came: the captured list is as it was, and the waiting count is
            # drawn at most twice a second (a room posting 30 a second would otherwise redraw the
            # screen between the facilitator's keys, each of which then waits for the next frame)
            if self._postits_timer is None:
                self._postits_timer = self.set_timer(POSTITS_REDRAW, self._redraw_postits)
            return
        if change is None or any(isinstance(one, RemoveItem) for one in change.changes):
            index = self.session.index  # items gone (deleted, undone): this session's list forgets them
            self.captured = [ident for ident in self.captured if index.kind(ident) is not None]
        if self._follow():
            self._show_target()
        self._show_captured()


def _postit_change(change: object) -> bool:
    """Whether ``change`` only adds or changes a phone's post-it (``workshops/<id>/postits/…``)."""
    path = getattr(change, "at", None) or getattr(change, "path", None) or ()
    return len(path) >= 3 and path[0] == "workshops" and path[2] == "postits"


def _text_of(item: object) -> str:
    for name in ("title", "text", "what", "statement", "question"):
        if hasattr(item, name):
            return str(getattr(item, name))
    return ""
