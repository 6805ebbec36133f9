"""Oplev, "turn information into knowledge": affinity grouping. The groups side by side with their
counts (the ungrouped observations first); make, rename and delete groups; put several
observations in a group at once or all those with a tag; take one out; turn a group into an
insight that rests on its observations. Every change is one undo step (core/observation_groups)."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import observation_groups as og
from borgerspil_tui.core.changes import Change
from borgerspil_tui.core.group_board import columns, cut
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.group_board import GroupBoard

PICK_WIDTH = 160
"""Observations are cut to this many characters in the picker (one line each)."""


class ObservationGroupsScreen(BaseScreen):
    """The board of groups; the cursor is on a group (a column) and an observation in it."""

    NAME = "groups"
    part = "experience"
    SCREEN_COMMANDS = [
        Command("new_group", "n", "groups.new", "help.groups_new"),
        Command("fill", "a", "groups.fill", "help.groups_fill"),
        Command("by_tag", "t", "groups.by_tag", "help.groups_by_tag"),
        Command("insight", "i", "groups.insight", "help.groups_insight"),
        Command("take_out", "x", "groups.take_out", "help.groups_take_out"),
        Command("rename", "e", "groups.rename", "help.groups_rename"),
        Command("delete", "delete", "groups.delete", "help.groups_delete"),
        Command("step(-1, 0)", "left", "groups.left", "help.groups_left", show=False),
        Command("step(1, 0)", "right", "groups.right", "help.groups_right", show=False),
        Command("step(0, -1)", "up", "groups.up", "help.groups_up", show=False),
        Command("step(0, 1)", "down", "groups.down", "help.groups_down", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    DEFAULT_CSS = """
    ObservationGroupsScreen #groups-empty { padding: 0 2; color: $text-muted; height: auto; }
    ObservationGroupsScreen #group-detail {
        height: auto; max-height: 6; padding: 0 2; border-top: solid $panel; overflow: hidden;
    }
    """

    def guidance_text(self) -> str | None:
        return self.t("groups.guidance")

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("groups.no_observations")), id="groups-empty")
        yield GroupBoard(id="board")
        yield Static("", id="group-detail")
        yield EditBar(id="edit-bar")

    @property
    def board(self) -> GroupBoard:
        """The columns."""
        return self.query_one(GroupBoard)

    def populate(self) -> None:
        self.fill()
        self.board.focus()

    def fill(self) -> None:
        """Show the groups as the project has them now."""
        project = self.session.project
        self.query_one("#groups-empty").display = not project.experience.observations
        self.board.show(columns(project, self.lang), self.lang)
        self.show_detail()

    def _go_to(self, key: str) -> None:
        self.board.go_to(key)
        self.show_detail()

    def show_detail(self) -> None:
        """The whole observation under the cursor, and every group it is in."""
        project = self.session.project
        obs_id = self.board.current_item()
        found = next((o for o in project.experience.observations if o.id == obs_id), None) if obs_id else None
        text = ""
        if found is not None:
            names = [cut(g.name, 30) for g in project.experience.groups if found.id in g.observations]
            where = self.t("groups.in_groups", count=len(names), names=", ".join(names)) if names else ""
            text = "\n".join(part for part in (where, found.what) if part)  # the groups first: a long text is cut
        detail = self.query_one("#group-detail", Static)
        detail.update(Content(text))
        detail.display = bool(text)

    async def relabel(self) -> None:
        """The new language: the board is made again, with its cursor on the same group."""
        column = self.board.current()
        await super().relabel()
        if column is not None:
            self._go_to(column.key)

    def project_changed(self) -> None:
        super().project_changed()
        if self.is_mounted:
            self.fill()

    # -- helpers -------------------------------------------------------------------------------
    def group_id(self) -> str | None:
        """The id of the group under the cursor (None on the ungrouped column), saying so if None."""
        column = self.board.current()
        if column is None or not column.key:
            self.notify(self.t("groups.pick_group_first"), severity="warning", markup=False)
            return None
        return column.key

    def _apply(self, label: str, build: Callable[[], list[Change]], **values: object) -> bool:
        try:
            changes = build()
        except ValidationError as error:  # a name or statement the model does not take
            self.refuse(describe(error, self.lang))
            return False
        return self.apply_changes(label, changes, **values)

    def _pick(self, title: str, options: list[tuple[str, str]], current: set[str], apply: Callable[[list[str]], None],
              *, multiple: bool = True, offer_none: bool = False) -> None:
        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                apply(ids)
        self.app.push_screen(PickerScreen(title, options, current, multiple=multiple, lang=self.lang,
                                          offer_none=offer_none), chosen)

    # -- actions -------------------------------------------------------------------------------
    def action_step(self, columns: int, rows: int) -> None:
        """Move the cursor between groups and observations."""
        self.board.step(columns, rows)
        self.show_detail()

    def action_new_group(self) -> None:
        """Make a group: type its name."""
        self.query_one(EditBar).open(self.t("groups.prompt_new"), "new")

    def action_rename(self) -> None:
        """Rename the group under the cursor."""
        group = og.group_of(self.session.project, self.group_id() or "")
        if group is not None:
            self.query_one(EditBar).open(self.t("groups.prompt_rename"), f"rename:{group.id}", group.name)

    def action_delete(self) -> None:
        """Delete the group under the cursor (its observations and its insight stay)."""
        group_id = self.group_id()
        if group_id is not None:
            self.apply_changes("groups.deleted", self.changes.remove((*og.GROUPS, group_id)))

    def action_fill(self) -> None:
        """Choose several observations for the group at once: those ticked are in, the rest out.
        On the ungrouped column, first which group."""
        project = self.session.project
        column = self.board.current()
        if column is not None and not column.key and project.experience.groups:
            options = [(g.id, cut(g.name, 80)) for g in project.experience.groups]

            def chosen(ids: list[str]) -> None:
                if ids:
                    self._go_to(ids[0])
                    self.action_fill()
            self._pick(self.t("groups.pick_group"), options, set(), chosen, multiple=False)
            return
        group = og.group_of(project, self.group_id() or "")
        if group is None:
            return
        if not project.experience.observations:
            self.notify(self.t("groups.none_left"), severity="warning", markup=False)
            return
        options = [(o.id, cut(o.what, PICK_WIDTH)) for o in project.experience.observations]
        group_id = group.id
        self._pick(self.t("groups.pick_observations", name=cut(group.name, 60)), options, set(group.observations),
                   lambda ids: self._apply("groups.filled", lambda: og.set_members(self.changes, group_id, ids)))

    def action_by_tag(self) -> None:
        """Choose a tag: the group of that name gets every observation with it (made if need be)."""
        tags = og.tags_in_use(self.session.project)
        if not tags:
            self.notify(self.t("groups.no_tags"), severity="warning", markup=False)
            return
        options = [(tag, f"# {cut(tag, 60)} ({count})") for tag, count in tags]

        def chosen(values: list[str]) -> None:
            if not values:
                return
            made: list[str] = []

            def build() -> list[Change]:
                changes, group_id = og.by_tag(self.changes, values[0])
                made.append(group_id)
                return changes
            if self._apply("groups.tagged", build, tag=values[0]) and made:
                self._go_to(made[0])
        self._pick(self.t("groups.pick_tag"), options, set(), chosen, multiple=False)

    def action_take_out(self) -> None:
        """Take the observation under the cursor out of this group (not out of the project)."""
        item = self.board.current_item()
        group_id = self.group_id()
        if group_id is not None and item is not None:
            self.apply_changes("groups.taken_out", og.take_out(self.changes, group_id, item))

    def action_insight(self) -> None:
        """Turn the group into an insight (type its statement), or update the insight it became."""
        project = self.session.project
        group = og.group_of(project, self.group_id() or "")
        if group is None:
            return
        existing = og.insight_of(project, group)
        if existing is None:
            self.query_one(EditBar).open(self.t("groups.prompt_insight"), f"insight:{group.id}", group.name)
        else:
            count = len(og.members(project, group))
            self.query_one(EditBar).open(self.t("groups.prompt_update", count=count), f"insight:{group.id}",
                                         existing.statement)

    # -- typed text ----------------------------------------------------------------------------
    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        purpose, _, group_id = event.purpose.partition(":")
        if not text:
            self._done()
            return
        done = False
        if purpose == "new":
            made: list[str] = []

            def build() -> list[Change]:
                changes, new_id = og.new_group(self.changes, text)
                made.append(new_id)
                return changes
            done = self._apply("groups.made", build)
            if done and made:
                self._go_to(made[0])
        elif purpose == "rename":
            done = self._apply("groups.renamed", lambda: self.changes.set((*og.GROUPS, group_id, "name"), text))
        elif purpose == "insight":
            had = og.insight_of(self.session.project, og.group_of(self.session.project, group_id))
            label = "groups.updated_insight" if had is not None else "groups.made_insight"
            done = self._apply(label, lambda: og.to_insight(self.changes, group_id, text)[0])
        if done:
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.board.focus()
