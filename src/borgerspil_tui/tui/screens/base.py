"""What every screen of the app shares: title line, guidance, status line, translated footer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from borgerspil_tui.core.i18n import Message as UIText
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.session import EditRefused
from borgerspil_tui.tui.commands import Command
from borgerspil_tui.tui.drafts import FORM, Draft
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.guidance import Guidance
from borgerspil_tui.tui.widgets.status_line import StatusLine
from borgerspil_tui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from borgerspil_tui.core.changes import Change, ChangeSet
    from borgerspil_tui.core.edits import EditBuilder
    from borgerspil_tui.core.method import Method
    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp


class BaseScreen(Screen):
    """A full screen of the app. Subclasses give ``NAME``, ``SCREEN_COMMANDS`` and ``compose_body``."""

    NAME: ClassVar[str] = ""
    """The screen's name for the palette, help and ``borgerspil screenshot --screen``."""
    SCREEN_COMMANDS: ClassVar[list[Command]] = []
    """This screen's own commands (bindings are made from them)."""
    BINDINGS = [Binding("escape", "app.back", "key.back", tooltip="help.back")]
    """Esc goes back; bound here so the footer shows it first (the app's own binding is for the help)."""

    DEFAULT_CSS = """
    BaseScreen { layout: vertical; }
    BaseScreen > .title-line {
        height: 1; padding: 0 1; background: $primary; color: $text; text-style: bold;
    }
    BaseScreen > #body { height: 1fr; }
    """

    @property
    def bapp(self) -> BorgerspilApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def lang(self) -> str:
        """The UI language."""
        return self.bapp.language

    @property
    def method(self) -> Method:
        """The method data."""
        return self.bapp.method

    @property
    def session(self) -> Session:
        """The open session (screens that need a project are only shown with one)."""
        assert self.bapp.session is not None
        return self.bapp.session

    def t(self, key: str, **values: object) -> str:
        """A UI text in the app's language."""
        return tr(self.lang, key, **values)

    def step_label(self, label: str, **values: object) -> UIText:
        """An undo step's name: the UI text ``label`` with ``values``, said in the app's language
        when the step is undone or redone (the language may change in between). Written once
        now, so a wrong key or value fails at the edit, not at Ctrl+Z."""
        self.t(label, **values)
        return UIText(label, dict(values))

    def change_project(self, label: str, change: Callable[[Project], None], *, merge_key: str | None = None,
                       **values: object) -> bool:
        """Change the project through the session: one undo step named by the UI text ``label``.

        When the session refuses the edit (it would make the project invalid), the project is
        left as it was and the screen says why. Returns whether the edit was made.
        """
        try:
            self.session.edit(self.step_label(label, **values), change, merge_key=merge_key)
        except EditRefused as error:
            self.refuse(error.text(self.lang))
            return False
        return True

    def apply_changes(self, label: str, changes: Iterable[Change], *, merge_key: str | None = None,
                      **values: object) -> bool:
        """Make ``changes`` (built with :attr:`changes`) as one undo step named by the UI text
        ``label``; the edit costs what it changes. A refused edit leaves the project as it was
        and the screen says why. Returns whether the edit was made (or there was nothing to make)."""
        try:
            self.session.apply(self.step_label(label, **values), changes, merge_key=merge_key)
        except EditRefused as error:
            self.refuse(error.text(self.lang))
            return False
        return True

    @property
    def changes(self) -> EditBuilder:
        """Builds the changes for an edit of the open project (see core/edits)."""
        return self.session.changes

    def step_guidance(self, phase: str, step: str) -> str | None:
        """The method's guidance for one step of a phase."""
        found = next((s for s in self.method.phase(phase).steps if s.id == step), None)
        return found.guidance(self.lang) if found is not None and found.guidance else None

    def title_text(self) -> str:
        """The title line: the screen's name, and the project's title when one is open."""
        name = self.screen_title()
        session = self.bapp.session
        if session and getattr(self, "part", None) == "insist":  # the Insistér tools name the chosen concept
            from borgerspil_tui.tui.screens.chosen_concept import concept_line

            name = f"{name} · {concept_line(session.project, self.lang)}"
        return f"{name} · {session.project.title}" if session else name

    def screen_title(self) -> str:
        """The name of this screen in the UI language."""
        return self.t(f"screen.{self.NAME}")

    def guidance_text(self) -> str | None:
        """The method's guidance for this screen, or None."""
        return None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title_text()), classes="title-line", id="title-line")
        guidance = self.guidance_text()
        if guidance:
            box = Guidance(guidance, id="guidance")
            box.set_class(not self.bapp.settings.show_guidance, "-hidden")
            yield box
        yield from self.compose_body()
        yield StatusLine(id="status-line")
        yield KeyBar()
        if self.NAME != "workshop":  # that screen shows the timer large
            from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer

            yield WorkshopTimer(classes="corner")

    def compose_body(self) -> ComposeResult:
        """The screen's own content."""
        yield from ()

    def on_mount(self) -> None:
        self.bapp.screen_listeners.add(self)
        self.populate()
        self.refresh_status()
        self.restore_drafts()

    def populate(self) -> None:
        """Fill tables and lists after compose (again after a language switch)."""

    async def relabel(self) -> None:
        """Rebuild every text in the new language, keeping whatever is typed in the fields."""
        from textual.widgets import TextArea  # here: the overview, drawn first, has none (start-up)

        typed = {w.id: w.value for w in self.query(Input) if w.id}
        written = {w.id: w.text for w in self.query(TextArea) if w.id}
        bars = self.open_bars()
        await self.recompose()
        for widget in self.query(Input):
            if widget.id in typed:
                with widget.prevent(Input.Changed):
                    widget.value = typed[widget.id]
        for area in self.query(TextArea):
            if area.id in written:
                area.load_text(written[area.id])
        self.populate()
        self.refresh_status()
        self.reopen_bars(bars)

    def on_unmount(self) -> None:
        self.bapp.screen_listeners.discard(self)

    stale = False
    """The project changed while another screen was on top; refresh when shown again."""

    def on_screen_resume(self) -> None:
        if self.stale and self.is_mounted and self.bapp.session is not None:
            self.stale = False
            self._missed = True  # several edits may have come and gone: latest_change() is None
            try:
                self.project_changed()
            finally:
                self._missed = False

    _missed = False
    """True while the screen catches up on edits made while it was not on top."""

    def latest_change(self) -> ChangeSet | None:
        """The edit :meth:`project_changed` is about, to redraw only what it touched; None when the
        screen must redraw everything (a reload, or edits made while it was not on top)."""
        session = self.bapp.session
        if self._missed or session is None or session.last_event != "edit":
            return None
        return session.last_change

    def changed_items(self, at: tuple[str, ...]) -> set[str] | None:
        """The keys of the items (or map keys) in ``at`` that the latest edit changed; None: redraw
        everything there (items added, removed or moved, or see :meth:`latest_change`)."""
        change = self.latest_change()
        return None if change is None else change.items_touched(at)

    def refresh_status(self) -> None:
        """Update title and status line from the session."""
        for status in self.query(StatusLine):
            status.show_session(self.bapp.session, self.lang)
        text = self.title_text()
        if text != self._title_shown:  # an update lays the line out again: only when it changed
            self._title_shown = text
            for title in self.query("#title-line").results(Static):
                title.update(Content(text))

    _title_shown: str | None = None

    def project_changed(self) -> None:
        """The project or its save state changed: refresh what the screen shows."""
        self.refresh_status()

    def leave_field(self) -> bool:
        """Esc in a text field (the edit bar has its own Esc): back to the screen's list; True if it did."""
        from textual.widgets import TextArea

        if not isinstance(self.focused, (Input, TextArea)):
            return False
        lists = [w for w in self.query("DataTable, Tree, OptionList") if w.focusable]
        self.set_focus(lists[0] if lists else None)
        return True

    def show_guidance(self, visible: bool) -> None:
        """Show or hide the guidance box."""
        for box in self.query(Guidance):
            box.set_class(not visible, "-hidden")

    # -- typed text that is not confirmed: refused, committed on leaving, or kept as a draft ----
    _leaving = False
    """True while the screen commits its typed text because the user leaves it."""
    _refusal: str | None = None
    """Why the last edit was refused (read while leaving)."""
    _draft_session: object | None = None
    """The session the screen was shown with: typed text is only ever committed to that one."""
    DRAFTS_PER_PROJECT: ClassVar[bool] = True
    """Whether the screen's drafts belong to the open project (False: to the app, as the wizard's)."""

    def refuse(self, reason: str) -> None:
        """An edit was refused: the bar that sent it gets its text back with ``reason`` under it
        (after the handler is done, whatever it did with the bar); without one, a notice says why."""
        self._refusal = reason
        if self._leaving:
            return
        bar = next((b for b in self.query(EditBar) if b.submitted is not None), None)
        if bar is None or bar.submitted is None:
            self.notify(reason, severity="error", markup=False)
            return
        prompt, purpose, text = bar.submitted
        self.call_next(bar.show_refused, prompt, purpose, text, reason)

    def draft_key(self) -> str:
        """Which drafts are this screen's: its name (a concept screen adds the concept)."""
        return self.NAME

    def draft_state(self) -> dict[str, Any]:
        """What, besides the bar's purpose, the screen needs to take a kept text later."""
        return {}

    def restore_draft_state(self, state: dict[str, Any]) -> None:
        """Take back what :meth:`draft_state` gave."""

    def unsaved_form(self) -> dict[str, Any] | None:
        """A form's fields that are typed but not saved (the wizard), or None."""
        return None

    def restore_form(self, state: dict[str, Any]) -> None:
        """Put back what :meth:`unsaved_form` gave."""

    def _drafts_owner(self) -> object | None:
        return self._draft_session if self.DRAFTS_PER_PROJECT else None

    def _draft(self, purpose: str, prompt: str, text: str, reason: str = "",
               state: dict[str, Any] | None = None) -> Draft:
        return Draft(self._drafts_owner(), self.draft_key(), self.NAME, self.screen_title(), purpose, prompt,
                     text, reason, state or {})

    def keep_typed(self) -> list[Draft]:
        """The user leaves: commit what is typed in an open bar as Enter would, or keep it as a
        draft when it cannot be saved (refused, or no project to save it in). Returns new drafts."""
        parked: list[Draft] = []
        session = self.bapp.session
        for bar in self.query(EditBar):
            if not bar.typed:
                continue
            prompt, purpose, text, state = bar.prompt, bar.purpose, bar.text, self.draft_state()
            reason = self._commit(bar) if session is not None and session is self._draft_session else ""
            if reason is not None:
                parked.append(self._draft(purpose, prompt, text, reason, state))
            bar.close()
        form = self.unsaved_form()
        if form is not None:
            parked.append(self._draft(FORM, "", form.get("summary", ""), state=form))
        for draft in parked:
            self.bapp.drafts.park(draft)
        return parked

    def _commit(self, bar: EditBar) -> str | None:
        """Hand the bar's text to this screen's handlers now, as Enter would; None when taken,
        else why not. (Now, not through the message queue: the screen is on its way out.)"""
        text, purpose = bar.text, bar.purpose
        bar.submitted = (bar.prompt, purpose, text)
        message = EditBar.Submitted(text, purpose)
        self._leaving, self._refusal = True, None
        try:
            for _cls, handler in self._get_dispatch_methods(message.handler_name, message):
                handler(message)
        except ValueError as error:  # a handler that checks the text itself, outside the session
            from borgerspil_tui.core.validation_messages import describe

            self._refusal = describe(error, self.lang)
        finally:
            self._leaving = False
        return self._refusal

    def restore_drafts(self) -> None:
        """Put the drafts kept for this screen back where they were typed."""
        if self._draft_session is None:
            self._draft_session = self.bapp.session
        drafts = self.bapp.drafts.take(self._drafts_owner(), self.draft_key())
        bars = list(self.query(EditBar))
        for draft in drafts:
            if draft.purpose == FORM:
                self.restore_form(draft.state)
            elif bars:
                self.restore_draft_state(draft.state)
                bars.pop(0).show_draft(self.t("draft.mark"), draft.prompt, draft.purpose, draft.text, draft.reason)
            else:
                self.bapp.drafts.park(draft)

    def check_message_enabled(self, message: Message) -> bool:
        """Once the project this screen was showing is closed, what its widgets still report
        (a cursor moved by the last commit…) is moot: the screen is on its way out."""
        if (self._draft_session is not None and self.bapp.session is not self._draft_session
                and message.control is not None and message.control is not self):
            return False
        return super().check_message_enabled(message)

    def on_screen_suspend(self) -> None:
        """Going away for good (not just under a dialog): keep what is typed."""
        if self.is_mounted and self not in self.app.screen_stack:
            for draft in self.keep_typed():
                self.notify(self.t("draft.kept", place=draft.place), severity="warning", timeout=6, markup=False)

    def open_bars(self) -> list[tuple[str, str, str, str, str, bool]]:
        """The open bars as they are, to open them again after a rebuild (:meth:`reopen_bars`)."""
        return [(b.prompt, b.purpose, b.text, b.opened_with, b.reason, b.has_class("-draft"))
                for b in self.query(EditBar) if b.is_open]

    def reopen_bars(self, bars: list[tuple[str, str, str, str, str, bool]]) -> None:
        """Open the bars again as :meth:`open_bars` found them."""
        for bar, (prompt, purpose, text, opened_with, reason, draft) in zip(self.query(EditBar), bars):
            if draft:
                bar.show_draft(self.t("draft.mark"), prompt, purpose, text, reason)
            else:
                bar.show_refused(prompt, purpose, text, reason)
            bar.opened_with = opened_with
