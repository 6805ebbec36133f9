"""After the day: the workshop's summary, read-only — the activities against their plan in a table,
under it what each captured, the post-its from phones nobody reviewed (their texts, who and
when), the voting rounds' results with text bars, and the day's totals.
The workshop chosen on the workshop screen is shown first (else the last); ``d`` (day) switches to the one before (round again after the first).
Every user text is shown as written (DataTable cells as rich Text, the rest as Content)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model.workshop import Workshop
from borgerspil_tui.core.workshop_summary import WorkshopSummary, summarise
from borgerspil_tui.core.workshop_summary_words import (
    bar,
    difference_text,
    facts,
    idea_title,
    item_line,
    planned_text,
    postits_text,
    round_head,
    time_span,
    totals_lines,
    waiting_head,
    waiting_lines,
)
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen

BAR_WIDTH = 30
"""The longest result bar, in characters (as the voting round's reveal)."""
COLUMNS = ("activity", "planned", "time", "difference", "captured")
SUMMARY_COMMANDS = [Command("switch_workshop", "d", "summary.switch", "help.summary_switch")]


class WorkshopSummaryScreen(BaseScreen):
    """One workshop's summary; nothing here edits the project."""

    NAME = "workshop-summary"
    SCREEN_COMMANDS = SUMMARY_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    WorkshopSummaryScreen #summary-which { height: auto; padding: 0 1; color: $text-muted; }
    WorkshopSummaryScreen #summary-facts { height: auto; width: 100%; padding: 0 1; margin-bottom: 1; }
    WorkshopSummaryScreen #summary-activities { height: auto; width: auto; margin: 0 1; }
    WorkshopSummaryScreen #summary-scroll { height: 1fr; overflow: auto auto; }
    WorkshopSummaryScreen #summary-details { height: auto; width: 100%; padding: 0 1; margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.back_by = 0
        """How many workshops before the last one is shown (0: the last)."""
        self._started = False

    def compose_body(self) -> ComposeResult:
        """One scroll for the whole summary (keys scroll it: arrows, PgUp/PgDn, Home/End), the
        table inside it whole, so nothing is out of reach at 80×24."""
        with VerticalScroll(id="summary-scroll", can_focus=True):
            yield Static(id="summary-which", markup=False)
            yield Static(id="summary-facts", markup=False)
            table = DataTable(id="summary-activities", cursor_type="none", zebra_stripes=True)
            table.can_focus = False
            yield table
            yield Static(id="summary-details", markup=False)

    # -- which workshop ------------------------------------------------------------------------
    def workshop(self) -> Workshop | None:
        """The workshop shown: the last one, or ``back_by`` before it."""
        workshops = self.session.project.workshops
        if not workshops:
            return None
        return workshops[-1 - self.back_by % len(workshops)]

    def action_switch_workshop(self) -> None:
        """Show the workshop before this one (after the first, the last again)."""
        count = len(self.session.project.workshops)
        if count > 1:
            self.back_by = (self.back_by + 1) % count
            self.populate()

    def summary(self) -> WorkshopSummary | None:
        """The shown workshop's summary (a running activity counted up to the app's clock)."""
        workshop = self.workshop()
        if workshop is None:
            return None
        return summarise(self.session.project, workshop, now=self.bapp.clock.now())

    # -- drawing -------------------------------------------------------------------------------
    def _start_with_chosen(self) -> None:
        """Once, on opening: start with the workshop chosen on the workshop screen, if any."""
        if self._started:
            return
        self._started = True
        chosen = self.bapp.view_state.get((self.session.path, "workshop"))
        ids = [w.id for w in self.session.project.workshops]
        if chosen in ids:
            self.back_by = len(ids) - 1 - ids.index(chosen)

    def populate(self) -> None:
        self._start_with_chosen()
        self.query_one("#summary-scroll").focus()
        summary = self.summary()
        workshops = self.session.project.workshops
        which = self.query_one("#summary-which", Static)
        which.display = len(workshops) > 1
        number = len(workshops) - self.back_by % len(workshops) if workshops else 0
        which.update(Content(self.t("summary.which", number=number, count=len(workshops)) if which.display else ""))
        table = self.query_one("#summary-activities", DataTable)
        table.clear(columns=True)
        table.display = summary is not None and bool(summary.activities)
        if summary is None:
            self.query_one("#summary-facts", Static).update(Content(self.t("summary.none")))
            self.query_one("#summary-details", Static).update(Content(""))
            return
        self.query_one("#summary-facts", Static).update(self._facts(summary))
        for name in COLUMNS:
            table.add_column(cell(self.t(f"summary.col.{name}")), key=name)
        for activity in summary.activities:
            table.add_row(cell(activity.title), cell(planned_text(activity, self.lang)),
                          cell(time_span(activity, self.lang)), cell(difference_text(activity, self.lang)),
                          cell(str(len(activity.captured)) if activity.captured else ""), key=activity.id)
        self.query_one("#summary-details", Static).update(self._details(summary))

    def _facts(self, summary: WorkshopSummary) -> Content:
        lines = [Content.styled(summary.title, "bold")]
        lines += [Content(f"{label}: {text}") for label, text in facts(summary, self.lang)]
        return Content("\n").join(lines)

    def _details(self, summary: WorkshopSummary) -> Content:
        """Totals, then what each activity captured (and its notes), the post-its still waiting, then
        the rounds with bars. Long lines wrap at the screen's edge (a post-it's "— Erik · Brainstorm"
        and a merged idea's title are read whole), the table above alone may scroll sideways."""
        lang = self.lang
        lines: list[Content] = [Content(line) for line in totals_lines(summary, lang)]
        for activity in summary.activities:
            if not activity.captured and not activity.notes and not activity.postits:
                continue
            lines += [Content(""), Content.styled(self.t("summary.captured_in", activity=activity.title), "bold")]
            lines += [Content(f"  • {item_line(item, lang)}") for item in activity.captured]
            if activity.postits:
                lines.append(Content(f"  {postits_text(activity.postits, lang)}"))
            if activity.notes:
                lines.append(Content(f"  {self.t('summary.notes')}: {activity.notes}"))
        head = waiting_head(summary, lang)
        if head:  # what the room wrote and nobody took in or hid: to read after the day
            lines += [Content(""), Content.styled(head, "bold")]
            lines += [Content(f"  • {line}") for line in waiting_lines(summary, lang)]
        lines += [Content(""), Content.styled(self.t("summary.rounds"), "bold")]
        if not summary.rounds:
            lines.append(Content(self.t("summary.no_rounds")))
        for round_ in summary.rounds:
            lines.append(Content(round_head(round_, lang)))
            most = max((t.dots for t in round_.totals), default=0)
            if not round_.totals:
                lines.append(Content("  " + self.t("summary.no_dots")))
            for total in round_.totals:
                lines.append(Content(f"{total.rank:>3}. {bar(total.dots, most, BAR_WIDTH)} {total.dots}  "
                                     f"{idea_title(total.title, lang)}"))
        return Content("\n").join(lines)

    def project_changed(self) -> None:
        super().project_changed()
        if self.is_mounted:
            self.populate()
