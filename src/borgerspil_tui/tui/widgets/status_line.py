"""The line that says which file is open and whether every edit is on disk."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.session import SaveState, Session


class StatusLine(Static):
    """File name and save state: saved, unsaved, save failed, or changed on disk."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    StatusLine.-failed, StatusLine.-conflict { background: $error; color: $text; text-style: bold; }
    StatusLine.-unsaved { color: $text-warning; }
    StatusLine.-read-only { color: $text-warning; text-style: bold; }
    StatusLine.-conflicts { color: $text-warning; }
    """

    def show_session(self, session: Session | None, lang: str) -> None:
        """Describe ``session`` (or say that no project is open)."""
        # Classes and text change only when they differ: a class change restyles the widget and a
        # text update lays it out again, and this runs after every typed character.
        for state in SaveState:
            self.set_class(session is not None and state is session.state, f"-{state.value}")
        if session is None:
            self._parts = None
            self._show(tr(lang, "status.no_project"))
            return
        state = tr(lang, f"status.{session.state.value}")
        if session.state is SaveState.FAILED and session.last_error:
            state = f"{state}: {session.error_text(lang)}"
        if session.saving and session.state in (SaveState.SAVED, SaveState.UNSAVED):
            state = tr(lang, "status.saving")
        self.set_class(session.read_only is not None, "-read-only")
        if session.read_only is not None and session.state is not SaveState.FAILED:
            state = tr(lang, "status.read_only_unsaved" if session.dirty else "status.read_only")
        conflicts = len(session.project.conflicts)
        if conflicts:
            state = f"{state} · {tr(lang, 'conflicts.count', n=conflicts)}"
        self.set_class(bool(conflicts), "-conflicts")
        self.show_parts(session.path.name, state)

    _parts: tuple[str, str] | None = None

    def show_parts(self, name: str, state: str) -> None:
        """Show a file name and its state; the name is cut to fit, never the state."""
        if self._parts == (name, state) and self._width == self.content_size.width:
            return
        self._parts = (name, state)
        self._draw()

    _width = -1
    _shown: str | None = None

    def _show(self, text: str) -> None:
        if text != self._shown:
            self._shown = text
            self.update(Content(text))

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._parts is not None:
            self._width = self.content_size.width
            self._show(fit_status(*self._parts, self._width))


def _cut(text: str, width: int, *, middle: bool) -> str:
    """``text`` in at most ``width`` cells, with … where it was cut (in the middle, or at the end)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    keep_end = (width - 1) // 3 if middle else 0
    head, tail = text, text[len(text) - keep_end:] if keep_end else ""
    while cell_len(head) + cell_len(tail) + 1 > width:
        head = head[:-1]
    return f"{head}…{tail}"


def fit_status(name: str, state: str, width: int) -> str:
    """``name · state`` in ``width`` cells: the file name gives way first, the state last."""
    full = f"{name} · {state}"
    if width <= 0 or cell_len(full) <= width:
        return full
    room = width - cell_len(f" · {state}")
    if room >= 6:
        return f"{_cut(name, room, middle=True)} · {state}"
    return _cut(state, width, middle=False)
