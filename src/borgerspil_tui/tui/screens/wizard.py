"""The new-project wizard: title, file name, problem, team, language — then the overview."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from rich.text import Text
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, RadioButton, RadioSet, Static, TextArea

from borgerspil_tui.core.model import SCHEMA_VERSION, Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import SUFFIX, SaveError, create_project_file
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.tui.widgets.check_list import SignedRadioButton
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.choice import ChoiceScreen

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def suggest_file_name(title: str, lang: str = "da") -> str:
    """A file name from a title: ``Kortere ventetid!`` → ``kortere-ventetid.borgerspil.yaml``; without
    a title ``projekt.borgerspil.yaml`` (``project.borgerspil.yaml`` in English)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().translate(_FOLD)).strip("-")[:60].strip("-")
    return (slug or ("project" if lang == "en" else "projekt")) + SUFFIX


class WizardScreen(BaseScreen):
    """Five questions and the project exists; it ends on the overview."""

    NAME = "wizard"
    SCREEN_COMMANDS = [
        Command("create_project", "ctrl+s", "key.create_project", "help.create_project"),
        Command("remove_member", "delete", "key.remove_member", "help.remove_member", show=False),
        Command("cancel", "escape", "key.cancel", "help.cancel"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    WizardScreen #form { padding: 0 2; }
    WizardScreen Label { margin-top: 1; text-style: bold; }
    WizardScreen .hint { color: $text-muted; }
    WizardScreen #problem { height: 6; }
    WizardScreen #team { height: auto; max-height: 10; }
    WizardScreen .member-row { height: auto; }
    WizardScreen .member-row Input { width: 1fr; }
    WizardScreen #messages { margin: 1 0; color: $text-warning; }
    WizardScreen #create { margin: 1 0 2 0; }
    WizardScreen #draft-mark { display: none; color: $text-warning; text-style: bold; margin-top: 1; }
    WizardScreen.-draft #draft-mark { display: block; }
    """
    DRAFTS_PER_PROJECT = False

    def __init__(self) -> None:
        super().__init__()
        self.team: list[TeamMember] = []
        self._suggested = suggest_file_name("", self.lang)
        """The last file name suggested from the title; once the user types another, it stays."""
        self._finished = False
        """Created, or thrown away on purpose: nothing to keep as a draft."""

    def compose_body(self) -> ComposeResult:
        t = self.t
        with VerticalScroll(id="form"):
            yield Static(Content(t("draft.wizard_restored")), id="draft-mark")
            yield Label(Content(t("wizard.title")))
            yield Input(id="title", placeholder=t("wizard.title_placeholder"))
            yield Label(Content(t("wizard.file")))
            yield Input(id="file-name", value=self._suggested)
            yield Static(Content(t("wizard.file_hint", folder=str(self.bapp.folder))), classes="hint")
            yield Label(Content(t("wizard.problem")))
            yield Static(Content(t("wizard.problem_hint")), classes="hint")
            yield TextArea(id="problem", soft_wrap=True)
            yield Label(Content(t("wizard.team")))
            yield Static(Content(t("wizard.team_hint")), classes="hint")
            table: DataTable[Text] = DataTable(id="team", cursor_type="row", show_cursor=True)
            yield table
            with Horizontal(classes="member-row"):
                yield Input(id="member-name", placeholder=t("wizard.member_name"))
                yield Input(id="member-role", placeholder=t("wizard.member_role"))
            yield Label(Content(t("wizard.language")))
            with RadioSet(id="language"):
                yield SignedRadioButton("Dansk", value=self.lang == "da", id="lang-da")
                yield SignedRadioButton("English", value=self.lang == "en", id="lang-en")
            yield Static("", id="messages")
            yield Button(Content(t("wizard.create")), id="create", variant="primary")

    def populate(self) -> None:
        table = self.query_one("#team", DataTable)
        table.add_column(cell(self.t("wizard.member_name")), key="name")
        table.add_column(cell(self.t("wizard.member_role")), key="role")
        for member in self.team:
            table.add_row(cell(member.name), cell(member.role), key=member.id)
        self.query_one("#title", Input).focus()
        self._show_messages()

    @on(Input.Changed, "#title")
    def _title_changed(self, event: Input.Changed) -> None:
        file_name = self.query_one("#file-name", Input)
        if file_name.value == self._suggested:
            self._suggested = suggest_file_name(event.value, self.lang)
            file_name.value = self._suggested
        self._show_messages()

    @on(Input.Changed, "#file-name")
    def _file_name_changed(self) -> None:
        self._show_messages()

    @on(Input.Submitted, "#member-name")
    def _name_entered(self) -> None:
        self.query_one("#member-role", Input).focus()

    @on(Input.Submitted, "#member-role")
    def _member_entered(self) -> None:
        name_input = self.query_one("#member-name", Input)
        role_input = self.query_one("#member-role", Input)
        name = name_input.value.strip()
        if not name:
            name_input.focus()
            return
        try:
            member = TeamMember(name=name, role=role_input.value.strip())
        except ValueError as error:
            self._show_messages(describe(error, self.lang))
            return
        self.team.append(member)
        self.query_one("#team", DataTable).add_row(cell(member.name), cell(member.role), key=member.id)
        name_input.value = role_input.value = ""
        name_input.focus()
        self._show_messages()

    def action_remove_member(self) -> None:
        """Remove the team member under the cursor."""
        table = self.query_one("#team", DataTable)
        if not table.has_focus or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        self.team = [m for m in self.team if m.id != key.value]
        table.remove_row(key)
        self._show_messages()

    def _target(self):  # noqa: ANN202 - Path
        name = self.query_one("#file-name", Input).value.strip()
        if name and not name.endswith((".yaml", ".yml")):
            name += SUFFIX
        return self.bapp.folder / name, name

    def problems(self) -> tuple[list[str], list[str]]:
        """(errors that stop creation, warnings that don't)."""
        errors: list[str] = []
        warnings: list[str] = []
        path, name = self._target()
        if not self.query_one("#title", Input).value.strip():
            errors.append(self.t("wizard.need_title"))
        if not name or "/" in name or "\\" in name or name.startswith("."):
            errors.append(self.t("wizard.bad_file"))
        elif path.exists():
            errors.append(self.t("wizard.file_exists", name=name))
        size = len(self.team)
        if not 4 <= size <= 6:
            warnings.append(self.t("wizard.team_size", count=size))
        return errors, warnings

    def _show_messages(self, extra: str = "") -> None:
        errors, warnings = self.problems()
        lines = ([extra] if extra else []) + [f"• {w}" for w in warnings]
        if self.query_one("#title", Input).value.strip():
            lines = [f"• {e}" for e in errors] + lines
        self.query_one("#messages", Static).update(Content("\n".join(lines)))

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create_project()

    def action_create_project(self) -> None:
        """Create the file and open its overview."""
        errors, _ = self.problems()
        if errors:
            self.query_one("#messages", Static).update(Content("\n".join(f"• {e}" for e in errors)))
            return
        path, _ = self._target()
        language = "en" if self.query_one("#lang-en", RadioButton).value else "da"
        try:
            project = Project(schema_version=SCHEMA_VERSION, title=self.query_one("#title", Input).value.strip(),
                              language=language, created=dt.date.today())
            project.focus.problem = self.query_one("#problem", TextArea).text.strip()
            project.readiness.team = list(self.team)
            project = Project.model_validate(project.model_dump())
            create_project_file(path, project)
        except (ValueError, SaveError) as error:
            self._show_messages(error.text(self.lang) if isinstance(error, SaveError) else describe(error, self.lang))
            return
        self._finished = True
        self.bapp.open_project(path)

    def action_cancel(self) -> None:
        """Leave the wizard without creating anything; with something typed, ask first."""
        if self.unsaved_form() is None:
            self.dismiss()
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self._finished = True
                self.dismiss()

        self.app.push_screen(ChoiceScreen(self.t("draft.wizard_title"), self.t("draft.wizard_message"), [
            ("keep", self.t("draft.keep_editing")), ("discard", self.t("draft.discard"))]), chosen)

    # -- what is typed and not created yet: kept as a draft when the user goes elsewhere ---------
    def unsaved_form(self) -> dict[str, Any] | None:
        if self._finished:
            return None
        form = {key: self.query_one(f"#{key}", Input).value for key in ("title", "file-name", "member-name",
                                                                           "member-role")}
        form["problem"] = self.query_one("#problem", TextArea).text
        typed = any(form[key].strip() for key in ("title", "member-name", "member-role", "problem"))
        if not typed and not self.team and form["file-name"] == self._suggested:
            return None
        form["team"] = [member.model_dump() for member in self.team]
        form["language"] = "en" if self.query_one("#lang-en", RadioButton).value else "da"
        form["summary"] = form["title"] or form["problem"] or form["member-name"] or ", ".join(
            member.name for member in self.team) or form["file-name"]
        return form

    def restore_form(self, state: dict[str, Any]) -> None:
        self._suggested = suggest_file_name(state["title"], self.lang)
        for key in ("title", "file-name", "member-name", "member-role"):
            field = self.query_one(f"#{key}", Input)
            with field.prevent(Input.Changed):
                field.value = state[key]
        self.query_one("#problem", TextArea).load_text(state["problem"])
        if state["file-name"] != self._suggested:
            self._suggested = ""  # the user typed their own file name: it stays
        self.team = [TeamMember.model_validate(member) for member in state["team"]]
        table = self.query_one("#team", DataTable)
        table.clear()
        for member in self.team:
            table.add_row(cell(member.name), cell(member.role), key=member.id)
        self.query_one(f"#lang-{state['language']}", RadioButton).value = True
        title = self.query_one("#title", Input)
        title.cursor_position = len(title.value)
        self.add_class("-draft")
        self._show_messages()
