"""Fast capture in a workshop: the facilitator types what the room says; each Enter adds the line
to the chosen list (causes, consequences, observations, insights, ideas, what-ifs), ``@name`` at
the end credits a participant, and a pasted block adds one item per line."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.workshop_capture import CAPTURE_TARGETS, capture
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen

AT: dict[str, tuple[str, ...]] = {
    "causes": ("focus", "causes"),
    "consequences": ("focus", "consequences"),
    "observations": ("experience", "observations"),
    "insights": ("experience", "insights"),
    "ideas": ("create", "ideas"),
    "what_ifs": ("create", "what_ifs"),
}
"""Where each target's items live (tree targets: the top level of that branch)."""


class CaptureInput(Input):
    """The capture field: a paste of several lines is handed on whole (Textual's field keeps only
    the first line of a paste, and the room's other lines would be lost)."""

    class Block(Message):
        """A pasted block of several lines."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def _on_paste(self, event: events.Paste) -> None:
        if "\n" in event.text or "\r" in event.text:
            event.stop()
            event.prevent_default()
            self.post_message(self.Block(self.value + event.text))
            return
        super()._on_paste(event)


class CaptureScreen(BaseScreen):
    """One always-focused field; under it what this session captured, newest first, with credits."""

    NAME = "capture"
    SCREEN_COMMANDS = [
        Command("next_target", "ctrl+t", "capture.next_target", "help.capture_target", priority=True),
        Command("delete_newest", "delete", "capture.delete", "help.capture_delete", priority=True),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    CaptureScreen #capture-target { height: 1; padding: 0 1; text-style: bold; }
    CaptureScreen #capture-message { height: auto; padding: 0 1; color: $error; }
    CaptureScreen #captured-box { height: 1fr; padding: 0 1; }
    """

    def __init__(self, target: str = "ideas") -> None:
        super().__init__()
        self.target = target if target in CAPTURE_TARGETS else "ideas"
        self.captured: list[tuple[str, str, str, str | None]] = []
        """(target, item id, text, credit shown) of this session, oldest first."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="capture-target", markup=False)
        yield CaptureInput(id="capture-input", placeholder=self.t("capture.placeholder"))
        yield Static(id="capture-message", markup=False)
        with VerticalScroll(id="captured-box"):
            yield Static(id="captured", markup=False)

    def populate(self) -> None:
        self.query_one("#capture-target", Static).update(Content(self.t(
            "capture.target", target=self.t(f"capture.target.{self.target}"))))
        self._show_captured()
        self.query_one("#capture-input", Input).focus()

    def leave_field(self) -> bool:
        """Esc goes back at once: the field is the whole screen."""
        return False

    def _people(self) -> dict[str, str]:
        project = self.session.project
        people = {member.id: member.name for member in project.readiness.team}
        people.update((guest.id, guest.name) for guest in project.create.guests)
        return people

    def _show_captured(self) -> None:
        if not self.is_mounted:
            return
        lines = []
        for target, _ident, text, credit in reversed(self.captured):
            where = self.t(f"capture.target.{target}")
            line = f"• {text}" + (f"  — {credit}" if credit else "") + f"  ({where})"
            lines.append(line)
        shown = "\n".join(lines) if lines else self.t("capture.empty")
        self.query_one("#captured", Static).update(Content(shown))

    def _say(self, text: str) -> None:
        self.query_one("#capture-message", Static).update(Content(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#capture-input", Input)
        if self._take(event.value):
            field.value = ""

    def on_capture_input_block(self, event: CaptureInput.Block) -> None:
        event.stop()
        field = self.query_one("#capture-input", Input)
        left = self._take(event.text, keep_refused=True)
        field.value = left if isinstance(left, str) else ""

    def _take(self, block: str, *, keep_refused: bool = False) -> bool | str:
        """Add every line of ``block``; True when all were taken. With ``keep_refused``, the refused
        lines are returned (joined by spaces) to stay in the field."""
        people = self._people()
        result = capture(self.target, block, people)
        lines = block.splitlines() or [block]
        if result.refused:
            number, message = result.refused[0]
            self._say(self.t("capture.refused", count=len(result.refused), line=number,
                             reason=tr(self.lang, message.key, **message.values)))
        else:
            self._say("")
        if result.items:
            at = AT[self.target]
            size = len(self.changes._editor.get(at))
            changes = []
            for offset, (item, _credit) in enumerate(result.items):
                changes += [replace(change, index=size + offset) for change in self.changes.add(at, item)]
            if not self.apply_changes("capture.added", changes, count=len(result.items)):
                return False
            for item, credit in result.items:
                text = _text_of(item)
                self.captured.append((self.target, item.id, text, self._credit_shown(text, block, credit, people)))
            self._show_captured()
        if result.refused and keep_refused:
            return " ".join(lines[n - 1].strip() for n, _m in result.refused)
        return not result.refused

    def _credit_shown(self, text: str, block: str, credit: str | None, people: dict[str, str]) -> str | None:
        if credit is not None:
            return "@" + people[credit]
        from borgerspil_tui.core.workshop_capture import parse_paste

        named = next((c.credit for c in parse_paste(block) if c.text == text and c.credit), None)
        return self.t("capture.unknown_credit", name=named) if named else None

    def action_next_target(self) -> None:
        """Capture into the next list."""
        index = CAPTURE_TARGETS.index(self.target)
        self.target = CAPTURE_TARGETS[(index + 1) % len(CAPTURE_TARGETS)]
        self.populate()

    def action_delete_newest(self) -> None:
        """Delete in the field; with the field empty, take the newest captured item out again."""
        field = self.query_one("#capture-input", Input)
        if field.value:
            field.action_delete_right()
            return
        while self.captured:
            target, ident, _text, _credit = self.captured[-1]
            path = (*AT[target], ident)
            try:
                found = self.changes.path_of(ident)
            except Exception:  # noqa: BLE001 - gone already (undone): nothing to take out
                found = None
            if found is None:
                self.captured.pop()
                continue
            if self.apply_changes("capture.removed", self.changes.remove(path)):
                self.captured.pop()
            break
        self._show_captured()

    def project_changed(self) -> None:
        super().project_changed()
        project = self.session.project
        alive = {item.id for at in AT.values() for item in _items(project, at)}
        self.captured = [entry for entry in self.captured if entry[1] in alive]
        self._show_captured()


def _items(project: object, at: tuple[str, ...]) -> list:
    value = project
    for name in at:
        value = getattr(value, name)
    return value  # type: ignore[return-value]


def _text_of(item: object) -> str:
    for name in ("title", "text", "what", "statement", "question"):
        if hasattr(item, name):
            return str(getattr(item, name))
    return ""
