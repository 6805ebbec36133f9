"""Skab: dot votes — each person in the room (the team and guests) gives their dots to ideas;
the facilitator enters them here."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Vote
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable


class VotesScreen(BaseScreen):
    """People on the left, ideas on the right; a digit gives the highlighted person's dots."""

    NAME = "votes"
    part = "create"
    SCREEN_COMMANDS = [
        *[Command(f"dots({n})", str(n), "votes.give", "help.votes_give", show=n == 1) for n in range(0, 10)],
        Command("add_guest", "g", "votes.guest", "help.votes_guest"),
        Command("delete", "delete", "list.delete", "help.votes_delete"),
        Command("per_person(1)", "plus", "votes.more", "help.votes_per_person"),
        Command("per_person(-1)", "minus", "votes.fewer", "help.votes_per_person"),
        Command("switch_side", "tab", "votes.switch", "help.votes_switch", show=False, priority=True),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    VotesScreen #votes-info { height: auto; padding: 0 2; }
    VotesScreen #votes-sides { height: 1fr; }
    VotesScreen #people { width: 40; margin: 0 1; }
    VotesScreen #vote-ideas { width: 1fr; margin: 0 1; }
    """

    def guidance_text(self) -> str | None:
        return self.t("votes.guidance")

    def compose_body(self) -> ComposeResult:
        yield Static("", id="votes-info")
        with Horizontal(id="votes-sides"):
            yield RowTable(id="people", cursor_type="row")
            yield RowTable(id="vote-ideas", cursor_type="row", zebra_stripes=True)
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        people = self.query_one("#people", DataTable)
        people.clear(columns=True)
        people.add_column(cell(self.t("votes.person")), key="votes.person", width=28)
        people.add_column(cell(self.t("votes.used")), key="votes.used", width=6)
        ideas = self.query_one("#vote-ideas", DataTable)
        ideas.clear(columns=True)
        for key in ("#", "matrix.idea", "votes.theirs", "votes.total"):
            ideas.add_column(cell(self.t(key) if "." in key else key), key=key)
        self.fill()
        people.focus()

    def voters(self, project: Project) -> list[tuple[str, str]]:
        """(id, name) of everyone who can vote: the team, then the guests."""
        return [(m.id, m.name) for m in project.readiness.team] + [(g.id, g.name) for g in project.create.guests]

    def current_voter(self) -> str | None:
        """The person highlighted on the left."""
        table = self.query_one("#people", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def fill(self) -> None:
        """Show people and ideas with the dots given."""
        project = self.session.project
        people = self.query_one("#people", DataTable)
        row = people.cursor_row
        people.clear()
        guests = {g.id for g in project.create.guests}
        used = self._used(project)
        for voter_id, name in self.voters(project):
            label = f"{name} ({self.t('votes.guest_mark')})" if voter_id in guests else name
            people.add_row(cell(label), self._used_cell(used, voter_id), key=voter_id)
        if people.row_count:
            people.move_cursor(row=min(row, people.row_count - 1))
        self._show_info()
        self._fill_ideas()

    def _used(self, project: Project) -> dict[str, int]:
        used: dict[str, int] = {}
        for vote in project.create.votes:
            used[vote.voter] = used.get(vote.voter, 0) + vote.dots
        return used

    def _used_cell(self, used: dict[str, int], voter_id: str) -> Text:
        return cell(f"{used.get(voter_id, 0)}/{self.session.project.create.dots_per_person}")

    def _show_info(self) -> None:
        self.query_one("#votes-info", Static).update(Content(self.t(
            "votes.info", n=self.session.project.create.dots_per_person)))

    def _idea_rows(self) -> dict[str, tuple[str, str, str, str]]:
        """What each idea's row shows, best first: rank, title, the highlighted person's dots, all dots."""
        project = self.session.project
        if self._ranked_at != self.session.revision:  # once per change, not per cursor move
            self._ranked = [(item.idea.id, str(item.rank), item.idea.title, str(item.dots or ""))
                            for item in rank_ideas(project, self.method)]
            self._ranked_at = self.session.revision
        voter = self.current_voter()
        theirs = {v.idea: v.dots for v in project.create.votes if v.voter == voter}
        return {idea_id: (rank, title, str(theirs.get(idea_id, "") or ""), total)
                for idea_id, rank, title, total in self._ranked}

    _ranked: list[tuple[str, str, str, str]] = []
    """The ideas best first (id, rank, title, all dots), as of :attr:`_ranked_at`."""
    _ranked_at = -1
    """The session's revision the ranking was made at."""

    def _fill_ideas(self) -> None:
        """Draw the ideas table anew (its order changed, or the screen is new)."""
        rows = self._idea_rows()
        ideas = self.query_one("#vote-ideas", DataTable)
        row = ideas.cursor_row
        ideas.clear()
        for idea_id, values in rows.items():
            ideas.add_row(*(cell(v) for v in values), key=idea_id)
        if ideas.row_count:
            ideas.move_cursor(row=min(row, ideas.row_count - 1))
        self._shown = rows

    _shown: dict[str, tuple[str, str, str, str]] = {}
    """What the ideas table shows, by idea id, in its order."""

    def _update_ideas(self) -> None:
        """Change the cells that show something else now; draw anew only when the order changed."""
        rows = self._idea_rows()
        if list(rows) != list(self._shown):
            self._fill_ideas()
            return
        ideas = self.query_one("#vote-ideas", DataTable)
        columns = [c.key for c in ideas.ordered_columns]
        for idea_id, values in rows.items():
            shown = self._shown[idea_id]
            for column, old, new in zip(columns, shown, values):
                if old != new:
                    ideas.update_cell(idea_id, column, cell(new))
        self._shown = rows

    @on(DataTable.RowHighlighted, "#people")
    def _person_moved(self) -> None:
        self._update_ideas()

    def project_changed(self) -> None:
        super().project_changed()
        change = self.latest_change()
        paths = list(change.paths()) if change is not None else []
        people_changed = change is None or any(
            p[:2] in (("readiness", "team"), ("create", "guests")) for p in paths)
        if people_changed:
            self.fill()
            return
        if any(p[:2] in (("create", "votes"), ("create", "dots_per_person")) for p in paths):
            people = self.query_one("#people", DataTable)
            used = self._used(self.session.project)
            for voter_id in people.rows:
                people.update_cell(voter_id, "votes.used", self._used_cell(used, voter_id.value or ""))
            self._show_info()
        self._update_ideas()

    def action_dots(self, dots: int) -> None:
        """Set the highlighted person's dots on the highlighted idea (0 takes them back)."""
        voter = self.current_voter()
        ideas = self.query_one("#vote-ideas", DataTable)
        if voter is None or not ideas.row_count:
            return
        if self.focused is self.query_one("#people"):
            ideas.focus()
        idea_id = str(ideas.coordinate_to_cell_key(ideas.cursor_coordinate).row_key.value)
        project = self.session.project
        already = sum(v.dots for v in project.create.votes if v.voter == voter and v.idea != idea_id)
        if already + dots > project.create.dots_per_person:
            self.notify(self.t("votes.too_many", left=project.create.dots_per_person - already), severity="warning",
                        timeout=4)
            return

        key = f"{voter}+{idea_id}"
        at = ("create", "votes")
        if any(v.voter == voter and v.idea == idea_id for v in project.create.votes):
            changes = self.changes.set((*at, key, "dots"), dots) if dots else self.changes.remove((*at, key))
        else:
            changes = self.changes.add(at, Vote(voter=voter, idea=idea_id, dots=dots)) if dots else []
        self.apply_changes("votes.give", changes)

    def action_delete(self) -> None:
        """On the people: delete a guest and their dots. On the ideas: take back this person's dots."""
        voter = self.current_voter()
        if voter is None:
            return
        if self.focused is self.query_one("#vote-ideas"):
            self.action_dots(0)
            return
        if not any(g.id == voter for g in self.session.project.create.guests):
            self.notify(self.t("votes.member_on_team"), timeout=4)
            return

        self.apply_changes("votes.delete_guest", self.changes.remove(("create", "guests", voter)))

    def action_per_person(self, delta: int) -> None:
        """Give everyone one dot more or fewer."""
        project = self.session.project
        new = max(1, min(100, project.create.dots_per_person + delta))
        self.apply_changes("votes.more" if delta > 0 else "votes.fewer",
                           self.changes.set(("create", "dots_per_person"), new))

    def action_add_guest(self) -> None:
        """Add a guest in the room who votes too."""
        self.query_one(EditBar).open(self.t("votes.prompt_guest"), "guest")

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        name = event.text.strip()
        if name:
            self.apply_changes("votes.guest", self.changes.add(("create", "guests"), Guest(name=name)))
        self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#people", DataTable).focus()

    def action_switch_side(self) -> None:
        """Move between the people and the ideas."""
        if self.query_one(EditBar).is_open:
            return
        people = self.query_one("#people", DataTable)
        (self.query_one("#vote-ideas") if people.has_focus else people).focus()
