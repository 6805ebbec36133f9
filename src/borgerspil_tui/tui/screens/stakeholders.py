"""Insistér: the stakeholder analysis (interessentanalyse) — who has a stake, how much influence
and interest (1–5) they have, what they want, what they need to hear and who talks to them; as a
list, and as the classic influence × interest grid, drawn as the ideas' 2×2 is (widgets/two_by_two)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.stakeholder_grid import place, quadrant
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.score_keys import clear_command, digit_commands, step_commands, stepped
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.two_by_two import TwoByTwo

SCORES = {"stakeholders.influence": "influence", "stakeholders.interest_level": "interest_level"}
"""Score columns → the field a digit sets there."""
TEXT_COLUMNS = {"stakeholders.name": "name", "stakeholders.interest": "interest",
                "stakeholders.message": "message", "stakeholders.contact": "contact"}
"""Text columns → the field Enter edits there."""
SLOTS = {"keep-satisfied": "plan", "manage-closely": "do-now", "monitor": "drop", "keep-informed": "maybe"}
"""Where the 2×2 drawing puts each quadrant (influence up, interest across: the same corners)."""
CUT = 40
NAME_CUT = 30
"""A name in the list is cut after this many characters (so the scores and the quadrant fit 80 columns)."""
LEGEND_CUT = 60
"""A name in the grid's legend is cut after this many characters."""
"""A text in a table cell is cut after this many characters (the detail under the table shows all)."""
WIDE = 160
"""From this many columns the list and the grid stand side by side (v moves between them)."""
UNPLACED_SHOWN = 8
"""How many of the stakeholders not placed the line under the grid names."""


def short(text: str, width: int = CUT) -> str:
    """One line of at most ``width`` characters (… when cut)."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[:width - 1] + "…"


class StakeholdersScreen(ListScreen):
    """The stakeholders; digits score the influence or interest column under the cursor, v shows the grid."""

    NAME = "stakeholders"
    part = "insist"
    LIST_PATH = ("insist", "stakeholders")
    COLUMNS = ("stakeholders.name", "stakeholders.influence", "stakeholders.interest_level",
               "stakeholders.quadrant", "stakeholders.interest", "stakeholders.message", "stakeholders.contact")
    MAIN_FIELD = "name"
    EMPTY_TEXT = "stakeholders.empty"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        *LIST_COMMANDS,
        Command("edit_field('interest')", "w", "stakeholders.want_key", "help.stakeholders_want"),
        Command("edit_field('message')", "m", "stakeholders.message_key", "help.stakeholders_message"),
        Command("edit_field('contact')", "k", "stakeholders.contact_key", "help.stakeholders_contact"),
        *digit_commands("stakeholders.score", "help.stakeholders_score"),
        *step_commands("step_score", ("stakeholders.score_up", "help.stakeholders_step"),
                       ("stakeholders.score_down", "help.stakeholders_step")),
        clear_command("stakeholders.clear_score", "help.stakeholders_clear"),
        Command("toggle_grid", "v", "stakeholders.grid_key", "help.stakeholders_grid"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    StakeholdersScreen #panes { height: 1fr; }
    StakeholdersScreen #items { width: 1fr; }
    StakeholdersScreen #grid-area { height: 1fr; width: 1fr; display: none; }
    StakeholdersScreen.-grid #grid-area { display: block; }
    StakeholdersScreen.-grid #items { display: none; }
    StakeholdersScreen.-grid #detail-box { display: none; }
    StakeholdersScreen.-wide #items { display: block; }
    StakeholdersScreen.-wide #grid-area { display: block; width: 80; }
    StakeholdersScreen.-wide #detail-box { display: block; }
    StakeholdersScreen #grid { padding: 0; }
    StakeholdersScreen #unplaced { height: auto; padding: 0 2; color: $text-warning; }
    StakeholdersScreen #grid-legend { height: 1fr; min-height: 3; margin: 0 1; }
    """

    grid_mode = False
    """Whether the grid is shown instead of the list (how the screen is looked at: not saved)."""

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t(self.EMPTY_TEXT)), id="items-empty")
        with Horizontal(id="panes"):
            yield DataTable(id="items", cursor_type="cell", zebra_stripes=True)
            with Vertical(id="grid-area"):
                yield TwoByTwo(id="grid")
                yield Static("", id="unplaced")
                yield DataTable(id="grid-legend", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail-box"):
            yield Static("", id="detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        legend = self.query_one("#grid-legend", DataTable)
        legend.clear(columns=True)
        for key in ("stakeholders.number", "stakeholders.quadrant", "stakeholders.name"):
            legend.add_column(cell(self.t(key)), key=key)
        self.set_class(self.grid_mode, "-grid")
        self.set_class(self.app.size.width >= WIDE, "-wide")
        super().populate()
        if self.grid_mode:
            legend.focus()

    # -- the list ----------------------------------------------------------------------------------
    def _quadrant_name(self, item: Stakeholder) -> str:
        where = quadrant(item)
        return self.t(f"stakeholders.quadrant_{where}") if where else self.t("stakeholders.unplaced")

    def cells(self, item: Stakeholder) -> list[str]:
        score = {None: ""}
        return [short(item.name, NAME_CUT), score.get(item.influence, str(item.influence)),
                score.get(item.interest_level, str(item.interest_level)), self._quadrant_name(item),
                short(item.interest), short(item.message), short(item.contact)]

    def new_item(self, text: str) -> Stakeholder:
        return Stakeholder(name=text)

    def detail(self, item: Stakeholder) -> str:
        scores = (f"{self.t('stakeholders.influence')}: {item.influence or '–'} · "
                  f"{self.t('stakeholders.interest_level')}: {item.interest_level or '–'} · "
                  f"{self._quadrant_name(item)}")
        lines = [item.name, scores]
        for key in ("interest", "message", "contact"):
            value = getattr(item, key)
            if value:
                lines.append(f"{self.t(f'stakeholders.{key}')}: {value}")
        return "\n".join(lines)

    def _after_rows(self, items: list) -> None:
        super()._after_rows(items)
        self.query_one("#items-empty").display = not items and not self.grid_mode
        if self.grid_mode or self.has_class("-wide"):
            self._draw_grid()

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            if wide and not self.grid_mode:
                self._draw_grid()

    def current_id(self) -> str | None:
        """The stakeholder under the cursor: in the list, or in the grid's legend."""
        table = self.query_one("#grid-legend" if self.grid_mode else "#items", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _column(self) -> str | None:
        table = self.query_one("#items", DataTable)
        if not table.row_count:
            return None
        return str(table.ordered_columns[table.cursor_coordinate.column].key.value)

    @on(DataTable.CellSelected, "#items")
    def _cell_selected(self) -> None:
        """Enter edits the text in the column under the cursor (a score column: say digits score)."""
        column = self._column()
        if column in SCORES:
            self.notify(self.t("help.stakeholders_score"), timeout=3)
        else:
            self.action_edit_field(TEXT_COLUMNS.get(column or "", "main"))

    @on(DataTable.CellHighlighted, "#items")
    def _cell_moved(self) -> None:
        """The list's cursor is a cell cursor (for the scores): a new row shows its detail."""
        self._show_detail()

    @on(DataTable.RowSelected, "#grid-legend")
    def _legend_selected(self) -> None:
        self.action_edit_field("main")

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#grid-legend" if self.grid_mode else "#items", DataTable).focus()

    # -- scores ------------------------------------------------------------------------------------
    def _set_score(self, field: str, value: int | None) -> bool:
        item_id = self.current_id()
        if item_id is None:
            return False
        return self.apply_changes("stakeholders.scored", self.changes.set((*self.LIST_PATH, item_id, field), value))

    def _score_field(self) -> str | None:
        """The score the keys set: the column under the cursor's, or None (and a hint)."""
        if self.current_id() is None:
            return None
        if self.grid_mode:
            self.notify(self.t("stakeholders.score_in_list"), timeout=3)
            return None
        field = SCORES.get(self._column() or "")
        if field is None:
            self.notify(self.t("stakeholders.pick_score"), timeout=3)
        return field

    def action_score(self, value: int) -> None:
        """Score influence or interest in the column under the cursor (0 clears), then move on:
        from influence to interest, from interest to the next stakeholder's influence."""
        field = self._score_field()
        if field is None or not self._set_score(field, value or None) or not value:
            return
        table = self.query_one("#items", DataTable)
        row = table.cursor_row
        columns = [c.key.value for c in table.ordered_columns]
        if field == "influence":
            table.move_cursor(row=row, column=columns.index("stakeholders.interest_level"))
        elif row + 1 < table.row_count:
            table.move_cursor(row=row + 1, column=columns.index("stakeholders.influence"))

    def action_step_score(self, delta: int) -> None:
        """Raise or lower the score in the column under the cursor (1–5; + from none gives 1)."""
        field = self._score_field()
        item = self.current()
        if field is None or item is None:
            return
        now = getattr(item, field)
        new = stepped(now, delta)
        if new != now:
            self._set_score(field, new)

    # -- the grid ----------------------------------------------------------------------------------
    def action_toggle_grid(self) -> None:
        """Show the influence × interest grid instead of the list, or the list again."""
        self.grid_mode = not self.grid_mode
        self.set_class(self.grid_mode, "-grid")
        self._after_rows(self.items(self.session.project))  # the list follows every edit, shown or not
        self.query_one("#grid-legend" if self.grid_mode else "#items", DataTable).focus()

    def _draw_grid(self) -> None:
        items = self.items(self.session.project)
        placement = place(items)
        names = {"influence": self.t("stakeholders.influence"), "interest_level": self.t("stakeholders.interest_level")}
        names |= {slot: self.t(f"stakeholders.q_{q}") for q, slot in SLOTS.items()}
        self.query_one("#grid", TwoByTwo).show(placement, "influence", "interest_level", names)  # type: ignore[arg-type]
        unplaced = placement.unplaced
        if not items:
            line = self.t("stakeholders.grid_empty")
        elif unplaced:
            shown = ", ".join(f"{n.rank} {short(n.stakeholder.name, 30)}" for n in unplaced[:UNPLACED_SHOWN])
            more = f" +{len(unplaced) - UNPLACED_SHOWN}" if len(unplaced) > UNPLACED_SHOWN else ""
            line = self.t("stakeholders.unplaced_line", names=shown + more)
        else:
            line = ""
        box = self.query_one("#unplaced", Static)
        box.update(Content(line))
        box.display = bool(line)
        legend = self.query_one("#grid-legend", DataTable)
        current = self.current_id()
        legend.clear()
        for number, item in enumerate(items, start=1):
            legend.add_row(cell(str(number)), cell(self._quadrant_name(item)),
                           cell(short(item.name, LEGEND_CUT)), key=item.id)
        if current is not None and current in legend.rows:
            legend.move_cursor(row=legend.get_row_index(current))
