"""The borgerspil app: routes between screens and owns the session's autosave and safety nets."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.gc_pause import start_done
from borgerspil_tui.core.edit_refused import EditRefused
from borgerspil_tui.core.model import build_validators
from borgerspil_tui.core.outside_edits import UndoWouldLose
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.tui.app_comments import CommentsMixin
from borgerspil_tui.tui.app_drafts import DraftsMixin
from borgerspil_tui.tui.app_export import ExportMixin
from borgerspil_tui.tui.app_files import FilesMixin
from borgerspil_tui.tui.app_saving import SavingMixin
from borgerspil_tui.tui.app_share import ShareMixin
from borgerspil_tui.tui.app_share_journal import ShareJournalMixin
from borgerspil_tui.tui.app_sync import SyncMixin
from borgerspil_tui.tui.commands import APP_COMMANDS, bindings
from borgerspil_tui.tui.drafts import Drafts
from borgerspil_tui.tui.navigation import NavigationMixin
from borgerspil_tui.tui.registry import project_screens
from borgerspil_tui.tui.themes import APP_THEMES


_PROJECT_ACTIONS = {c.action.split("(")[0] for c in APP_COMMANDS if c.needs_project}


def _app_commands():  # noqa: ANN202 - type[Provider]
    """The palette's provider, imported when the palette first opens (keeps start-up light)."""
    from borgerspil_tui.tui.palette import AppCommands

    return AppCommands


class BorgerspilApp(NavigationMixin, DraftsMixin, CommentsMixin, FilesMixin, SyncMixin, SavingMixin, ExportMixin,
                    ShareJournalMixin, ShareMixin, App[None]):
    """Citizen-centred innovation in the terminal."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "borgerspil"
    BINDINGS = bindings(APP_COMMANDS)
    COMMANDS = {_app_commands}

    def __init__(self, *, method: Method, settings: Settings, language: str, session: Session | None = None,
                 load_problems: tuple[Path, list[Problem]] | None = None, folder: Path | None = None,
                 autosave_delay: float = 1.5, watch_interval: float = 2.0, remember: bool = True,
                 notice: str | None = None) -> None:
        super().__init__()
        self.method = method
        self.settings = settings
        self.language = language
        self.session: Session | None = None
        self.folder = folder or Path.cwd()
        self.autosave_delay = autosave_delay
        self.watch_interval = watch_interval
        self.remember = remember
        """Whether settings changes are written to the config folder."""
        self.screen_listeners: set[Any] = set()
        self.drafts = Drafts()
        """Typed text that could not be saved yet, kept until the user comes back or lets it go."""
        self.history = []
        from borgerspil_tui.core.workshop_timer import SystemClock

        self.clock = SystemClock()
        """Where the workshop timer reads the time (tests put a fake clock here)."""
        self.current_concept: str | None = None
        """The concept the concept card and the SUCCES check show."""
        self.view_state: dict[tuple[Path, str], Any] = {}
        """How a screen was left (the matrix's sort, filter and view), by project file and screen,
        while the app runs; never written to the project."""
        self._autosave_timer: Timer | None = None
        self._unsaved_since: float | None = None
        """When the oldest change not yet autosaved was made (monotonic seconds)."""
        self._asking_about_disk = False
        self._load_problems = load_problems
        self._notice = notice
        self.start_screen: str | None = None
        """The screen to show first, over the overview (``borgerspil workshop PATH``)."""
        if session is not None:
            self.attach_session(session)
        for theme in APP_THEMES:
            self.register_theme(theme)
        self.theme = settings.theme if settings.theme in self.available_themes else "borgerspil"

    # -- start -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.session is not None:
            from borgerspil_tui.tui.screens.overview import OverviewScreen

            self.push_screen(OverviewScreen())
            if self.start_screen:
                self.action_goto(self.start_screen)
        else:
            from borgerspil_tui.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        if self._load_problems is not None:
            from borgerspil_tui.tui.screens.load_error import LoadErrorScreen

            self.push_screen(LoadErrorScreen(*self._load_problems))
        self.set_interval(self.watch_interval, self._check_disk)
        if self._notice:
            self.notify(self._notice, timeout=10, markup=False)
        self.files_started()

    def on_ready(self) -> None:
        """The first frame is on screen: while the user reads it, build the validators the first
        edit needs, keep a parsed project in the cache for the next start (``Session.keep``) and
        let the garbage collector catch up (``gc_pause.start_done``)."""
        for wait, step in ((0.2, build_validators), (0.4, self._keep_session), (0.6, start_done)):
            self.set_timer(wait, step)  # one at a time: a key pressed meanwhile is answered between them

    def _keep_session(self) -> None:
        if self.session is not None:
            self.session.keep()

    def attach_session(self, session: Session) -> None:
        """Make ``session`` the open project."""
        if self.session is not None:
            self.session.unsubscribe(self._session_changed)
            self.end_sharing_with_project()  # the room's phones reached the project being left
        self.session = session
        session.subscribe(self._session_changed)
        self.journal_attach(session)  # phones' post-its not saved yet: kept, and taken back after a crash

    def open_project(self, path: Path) -> bool:
        """Open a project file and show its overview, or show why it cannot be opened."""
        try:
            session = Session.open(path)
        except FileProblemError as error:
            from borgerspil_tui.tui.screens.load_error import LoadErrorScreen

            self.push_screen(LoadErrorScreen(path, error.problems))
            return False
        self.keep_typed_text()
        if self.session is not None and self.session.dirty:
            self._save(self.session)
        self.attach_session(session)
        from borgerspil_tui.tui.screens.overview import OverviewScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.history.clear()
        self.switch_screen(OverviewScreen())
        self.after_open()
        return True

    def open_demo(self) -> None:
        """Open a private copy of the bundled example and say where it is."""
        from borgerspil_tui.core.demo import demo_copy

        try:
            path = demo_copy()
        except OSError as error:
            self.notify(self.tr("note.demo_failed", reason=str(error)), severity="error", markup=False)
            return
        if self.open_project(path):
            self.notify(self.tr("note.demo", path=str(path)), timeout=8, markup=False)

    def action_home(self) -> None:
        """Close the project (saving it first) and show the projects in the folder."""
        from borgerspil_tui.tui.screens.home import HomeScreen

        if isinstance(self.screen, ModalScreen):
            return
        session = self.session
        if session is not None:
            if not self._typed_text_settled(session):
                return
            if session.dirty and self.save_read_only():
                return  # a read-only file: offered *save as*; the project stays open
            if session.dirty and not self._save(session):
                return
            session.unsubscribe(self._session_changed)
            self.end_sharing_with_project()
            self.session = None
            self.folder = session.path.parent
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.history.clear()
        self.switch_screen(HomeScreen())

    def action_new_project(self) -> None:
        """Start the new-project wizard (in the folder of the open project, if any)."""
        from borgerspil_tui.tui.screens.wizard import WizardScreen

        if not isinstance(self.screen, (ModalScreen, WizardScreen)):
            self.push_screen(WizardScreen())

    # -- language, theme, guidance -----------------------------------------------------------
    def tr(self, key: str, **values: object) -> str:
        """A UI text in the app's language."""
        return tr(self.language, key, **values)

    def _remember(self) -> None:
        if self.remember:
            self.settings.save()

    def _remember_theme(self, theme: object) -> None:
        self.settings.theme = self.theme
        self._remember()

    async def action_switch_language(self) -> None:
        """Switch between Danish and English and remember the choice."""
        self.language = "en" if self.language == "da" else "da"
        self.settings.language = self.language
        self._remember()
        from borgerspil_tui.tui.screens.base import BaseScreen

        for screen in list(self.screen_stack):
            if isinstance(screen, BaseScreen) and screen.is_mounted:
                await screen.relabel()
            elif not isinstance(screen, ModalScreen) and screen.is_mounted:
                await screen.recompose()
        self.notify(self.tr("note.language"))

    def action_toggle_theme(self) -> None:
        """Switch between the projector theme and the high-contrast theme."""
        self.theme = "borgerspil-kontrast" if self.theme == "borgerspil" else "borgerspil"

    def action_toggle_guidance(self) -> None:
        """Show or hide the method's guidance on every screen."""
        self.settings.show_guidance = not self.settings.show_guidance
        self._remember()
        for screen in list(self.screen_listeners):
            screen.show_guidance(self.settings.show_guidance)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that need a project are hidden from the keys (and do nothing) without one."""
        if self.session is None and action in _PROJECT_ACTIONS:
            return False
        if action == "back":
            return self.can_go_back()
        return True

    # -- palette and help ---------------------------------------------------------------------
    def screen_names(self) -> list[str]:
        """Names of the screens that can be reached now."""
        return list(project_screens()) if self.session else []

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=self.tr("palette.placeholder"), id="--command-palette"))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from borgerspil_tui.tui.palette import ThemeCommands

        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder=self.tr("palette.themes")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(self.tr("system.theme"), self.tr("system.theme_help"), self.search_themes)
        yield SystemCommand(self.tr("key.quit"), self.tr("help.quit"), self.action_quit)

    async def run_palette_action(self, target: Any, action: str) -> None:
        """Run a command chosen in the palette on the screen or app that owns it."""
        await self.run_action(action, target)

    def action_help(self) -> None:
        """Show the keys of this screen and the method in short."""
        from borgerspil_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # -- editing and saving -----------------------------------------------------------------------
    def _session_changed(self) -> None:
        session = self.session
        only_state = session is not None and session.last_event == "state"
        for screen in list(self.screen_listeners):
            if only_state:
                if screen.is_mounted:
                    screen.refresh_status()  # saved, failed…: the status line, not the content
            elif screen is self.screen and screen.is_mounted:
                screen.project_changed()
            else:
                screen.stale = True  # refreshed when it is shown again
        if session is not None and session.dirty and session.state is SaveState.UNSAVED:
            self.schedule_autosave()

    def _save(self, session: Session, *, force: bool = False) -> bool:
        if not self.comments_settled(session, then=lambda: self._save(session, force=force)):
            return False  # asked first: the file has comments a save would drop
        if session.save(force=force):
            return True
        if session.state is SaveState.CONFLICT:
            self._ask_about_disk()
        else:
            self.notify(self.tr("note.save_failed", reason=session.error_text(self.language)), severity="error",
                        timeout=10, markup=False)
        return False

    def action_save(self) -> None:
        """Save now (a read-only file: save as)."""
        if self.save_read_only():
            return
        if self.session is not None:
            self.save_in_background(self.session, announce=True)

    def action_save_as(self) -> None:
        """Save the project under a new name and continue there."""
        from borgerspil_tui.tui.screens.save_as import SaveAsScreen

        if self.session is None:
            return

        def chosen(path: Path | None) -> None:
            if path is not None and self.session is not None:
                if self.session.save_as(path):
                    self.notify(self.tr("note.saved_as", path=str(path)), markup=False)
                else:
                    self.notify(self.tr("note.save_failed", reason=self.session.error_text(self.language)),
                                severity="error", markup=False)

        self.push_screen(SaveAsScreen(self.session.path), chosen)

    def action_undo(self) -> None:
        """Undo the last edit (what came from disk only when the user says so: app_sync)."""
        if self.session is not None and not self.undo_from_disk():
            try:
                label = self.session.undo()
            except (UndoWouldLose, EditRefused) as refused:
                self._undo_refused("note.undo_would_lose", refused)
                return
            self.notify(self.tr("note.undone", what=label) if label else self.tr("note.nothing_to_undo"),
                        timeout=2, markup=False)

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        if self.session is not None:
            try:
                label = self.session.redo()
            except (UndoWouldLose, EditRefused) as refused:
                self._undo_refused("note.redo_would_lose", refused)
                return
            self.notify(self.tr("note.redone", what=label) if label else self.tr("note.nothing_to_redo"),
                        timeout=2, markup=False)

    def _undo_refused(self, key: str, refused: Exception) -> None:
        """Say why an undo or redo was not made (nothing changed): it would take a phone's post-it,
        or it no longer fits the project."""
        if isinstance(refused, UndoWouldLose):
            self.notify(self.tr(key, what=refused.label), severity="warning", timeout=6, markup=False)
        else:
            self.notify(refused.text(self.language), severity="error", timeout=6, markup=False)

    async def action_quit(self) -> None:
        """Quit, but never drop unsaved edits or typed text silently."""
        if self.ask_before_leaving_room():
            return  # asked first: phones are in the room (app_share)
        self.keep_typed_text()
        drafts = self.drafts.all()
        session = self.session
        if session is None or not session.dirty:
            if not drafts:
                self.exit()
                return
        elif not self.settle_disk(session):
            pass  # changed on disk and not taken in (app_sync): nothing is written; asked below
        elif not self.comments_settled(session, then=lambda: self.call_later(self.action_quit), quitting=True):
            return  # asked first: the file has comments a save would drop
        elif session.save():
            if not drafts:
                self.exit()
                return
        from borgerspil_tui.tui.screens.unsaved_quit import UnsavedQuitScreen

        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self.drafts.drop(drafts)
                self.discard_on_exit = True
                self.exit()
                return
            if choice == "save_as":
                self.action_save_as()
            elif choice == "retry":
                self.call_later(self.action_quit)
            if choice != "retry":
                self.back_to_drafts(drafts)

        self.push_screen(UnsavedQuitScreen(session, self.language, drafts), chosen)
