"""Insistér: the risk analysis — risks with likelihood and impact (1–5), owner and mitigation.

The list is shown sorted by score (likelihood × impact), highest first, unscored last; ties keep
the order the risks were added in, which is also the order kept in the file (sorting is a view,
so moving is not offered: Shift+↑/↓ says why). Digits score the column under the cursor as the
prioritisation matrix does; ``v`` shows the 5×5 heat map by the list (beside it when wide)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.widgets import DataTable, Static

from borgerspil_tui.core.describe_paths import short
from borgerspil_tui.core.model.insist import Risk
from borgerspil_tui.core.risk_map import level, numbers, risk_map, score, sorted_risks
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.score_keys import clear_command, digit_commands, step_commands, stepped
from borgerspil_tui.tui.screens.list_base import ListScreen
from borgerspil_tui.tui.screens.table_rows import put_in_order
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.risk_heat_map import RiskHeatMap

SCORED = ("likelihood", "impact")
WIDE = 150
"""From this many columns the heat map stands beside the list instead of under it."""
SHORT = 30
"""Below this many rows the heat map takes the place of the detail under the list."""
FIXED_COLUMNS = 48
"""Number, likelihood, impact and score with their padding and the table's margins."""
TEXT_FIELDS = {"risks.col.text": "text", "risks.col.owner": "owner", "risks.col.mitigation": "mitigation"}

SCREEN_COMMANDS = [
    Command("add", "n", "risks.key.add", "help.risks_add"),
    Command("edit_risk('text')", "e", "risks.key.edit", "help.risks_edit"),
    Command("edit_risk('owner')", "o", "risks.key.owner", "help.risks_owner"),
    Command("edit_risk('mitigation')", "m", "risks.key.mitigation", "help.risks_mitigation"),
    *digit_commands("risks.key.score", "help.risks_score"),
    *step_commands("step", ("risks.key.up", "help.risks_up"), ("risks.key.down", "help.risks_down")),
    clear_command("risks.key.clear", "help.risks_clear"),
    Command("delete", "delete", "risks.key.delete", "help.risks_delete"),
    Command("toggle_map", "v", "risks.key.map", "help.risks_map"),
    Command("explain_order", "shift+up", "risks.key.move", "help.risks_move", show=False),
    Command("explain_order", "shift+down", "risks.key.move", "help.risks_move", show=False),
]


class RisksScreen(ListScreen):
    """The risks as a list sorted by score, and as a 5×5 heat map."""

    _limits: tuple[int, int, int] = (60, 16, 40)

    NAME = "risks"
    part = "insist"
    LIST_PATH = ("insist", "risks")
    COLUMNS = ("risks.col.number", "risks.col.text", "risks.col.likelihood", "risks.col.impact",
               "risks.col.score", "risks.col.owner", "risks.col.mitigation")
    MAIN_FIELD = "text"
    EMPTY_TEXT = "risks.empty"
    SCREEN_COMMANDS = SCREEN_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    RisksScreen #risk-area { height: 1fr; layout: vertical; }
    RisksScreen.-wide #risk-area { layout: horizontal; }
    RisksScreen #items { min-height: 6; }
    RisksScreen #risk-map { display: none; }
    RisksScreen.-map #risk-map { display: block; }
    RisksScreen.-wide #items { width: 3fr; }
    RisksScreen.-wide #risk-map { width: 2fr; height: 1fr; }
    RisksScreen.-map #detail-box { max-height: 5; }
    RisksScreen.-map.-short #detail-box { display: none; }
    """

    def guidance_text(self) -> str | None:
        return " ".join(x for x in (self.step_guidance("insist", "implement"), self.t("risks.sorted")) if x)

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t(self.EMPTY_TEXT)), id="items-empty")
        with Container(id="risk-area"):
            yield DataTable(id="items", cursor_type="cell", zebra_stripes=True)
            yield RiskHeatMap(id="risk-map")
        with VerticalScroll(id="detail-box"):
            yield Static("", id="detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        self.set_class(self.bapp.view_state.get((self.session.path, self.NAME), False) is True, "-map")
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.set_class(self.app.size.height < SHORT, "-short")
        self._limits = _limits(self.app.size.width)
        super().populate()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        self.set_class(event.size.height < SHORT, "-short")
        if _limits(event.size.width) != self._limits:
            self._limits = _limits(event.size.width)
            self.fill()

    # -- what is shown ---------------------------------------------------------------------------
    def items(self, project: Any) -> list[Risk]:
        """The risks in the shown order: by score, highest first (the file keeps the added order)."""
        return sorted_risks(project.insist.risks)

    def _numbers(self) -> dict[str, int]:
        return self.lookup("numbers", lambda: numbers(self.session.project.insist.risks))

    def cells(self, item: Risk) -> list[str]:
        value = score(item)
        text, owner, mitigation = self._limits
        return [str(self._numbers().get(item.id, "")), short(item.text, text), _digit(item.likelihood),
                _digit(item.impact), "" if value is None else str(value), short(item.owner, owner),
                short(item.mitigation, mitigation)]

    def new_item(self, text: str) -> Risk:
        return Risk(text=text)

    def _after_rows(self, items: list[Any]) -> None:
        table = self.query_one("#items", DataTable)
        put_in_order(table, [item.id for item in items])  # a new score may move a row
        for item in items:  # the numbers follow the order
            if item.id in table.rows:
                wanted = str(self._numbers().get(item.id, ""))
                if str(table.get_cell(item.id, "risks.col.number")) != wanted:
                    table.update_cell(item.id, "risks.col.number", self._row_cells(item)[0])
        self.query_one(RiskHeatMap).show(risk_map(self.session.project.insist.risks), self.lang)
        super()._after_rows(items)

    def detail(self, item: Risk) -> str:
        value = score(item)
        if value is None:
            head = self.t("risks.detail_unscored")
        else:
            head = self.t("risks.detail", likelihood=item.likelihood, impact=item.impact, score=value,
                          level=self.t(f"risks.level.{level(item.likelihood or 0, item.impact or 0)}"))
        return "\n".join(x for x in (head, item.text, item.owner, item.mitigation) if x)

    @on(DataTable.CellHighlighted, "#items")
    def _cell_moved(self) -> None:
        self._show_detail()

    @on(DataTable.CellSelected, "#items")
    def _cell_selected(self) -> None:
        """Enter edits the text field under the cursor (the risk's text in a score column)."""
        self.action_edit_risk(TEXT_FIELDS.get(self._column(), "text"))

    def _column(self) -> str:
        table = self.query_one("#items", DataTable)
        return str(table.ordered_columns[table.cursor_column].key.value) if table.ordered_columns else ""

    # -- actions -------------------------------------------------------------------------------
    def action_add(self) -> None:
        self.query_one(EditBar).open(self.t("risks.prompt.add"), "add")

    def action_edit_risk(self, field: str) -> None:
        """Edit the risk's text, owner or mitigation in the bar."""
        item = self.current()
        if item is not None:
            self.query_one(EditBar).open(self.t(f"risks.prompt.{field}"), f"{field}:{item.id}", getattr(item, field))

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        if field == "text" and not text:
            return True
        return self.edit_item(item_id, f"risks.changed.{field}", **{field: text})

    def _scored_field(self) -> str:
        column = self._column()
        return "impact" if column == "risks.col.impact" else "likelihood"

    def action_score(self, value: int) -> None:
        """Score the column under the cursor (likelihood in any column but impact; 0 clears), then
        go on: from likelihood to impact, from impact to the next risk's likelihood."""
        item = self.current()
        if item is None:
            return
        table = self.query_one("#items", DataTable)
        field = self._scored_field()
        row = table.cursor_row
        next_id, next_column = item.id, "risks.col.impact"
        if field == "impact" and value:
            next_column = "risks.col.likelihood"
            if row + 1 < table.row_count:
                next_id = str(table.coordinate_to_cell_key(Coordinate(row + 1, 0)).row_key.value)
        elif not value:
            next_column = f"risks.col.{field}"
        if self.edit_item(item.id, f"risks.changed.{field}", **{field: value or None}):
            self._cursor_to(next_id, next_column)

    def action_step(self, delta: int) -> None:
        """One point more or less in the column under the cursor (1–5)."""
        item = self.current()
        if item is None:
            return
        column = self._column()
        if column not in ("risks.col.likelihood", "risks.col.impact"):
            self.notify(self.t("risks.pick_column"), timeout=3)
            return
        field = self._scored_field()
        old = getattr(item, field)
        new = stepped(old, delta)
        if new != old and self.edit_item(item.id, f"risks.changed.{field}", **{field: new}):
            self._cursor_to(item.id, column)

    def _cursor_to(self, item_id: str, column: str) -> None:
        table = self.query_one("#items", DataTable)
        if item_id in table.rows:
            table.move_cursor(row=table.get_row_index(item_id), column=table.get_column_index(column))

    def action_delete(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.apply_changes("risks.changed.delete", self.changes.remove(self.path(item_id)))

    def action_toggle_map(self) -> None:
        """Show or hide the heat map by the list (kept for this project while the app runs)."""
        shown = not self.has_class("-map")
        self.bapp.view_state[(self.session.path, self.NAME)] = shown
        self.set_class(shown, "-map")

    def action_explain_order(self) -> None:
        """Moving is not offered: the list is sorted by score."""
        self.notify(self.t("risks.sorted"), timeout=4)


def _limits(width: int) -> tuple[int, int, int]:
    """How many characters of the text, owner and mitigation a row shows at this screen width
    (all of them under the table); the table scrolls sideways below 100 columns."""
    wide = width >= WIDE
    room = (width * 3 // 5 if wide else width) - FIXED_COLUMNS
    owner = 16
    text = max(30, (room - owner) * 3 // 5)
    return text, owner, max(16, room - owner - text)


def _digit(value: int | None) -> str:
    return "" if value is None else str(value)
