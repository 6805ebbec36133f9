"""Insistér / Skab: the SUCCES check of a concept — Simple, Unexpected, Concrete, Credible,
Emotional, Stories — with a verdict, the weakest criteria and their prompts, and the pitch."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TextArea

from borgerspil_tui.core import succes
from borgerspil_tui.core.changes import MISSING
from borgerspil_tui.core.model.create import Concept, SuccesRating
from borgerspil_tui.tui.commands import Command, bindings, relabel
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.concept_base import ConceptScreen
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

RATINGS = ("not-yet", "partly", "yes")


class SuccesScreen(ConceptScreen):
    """Six rows; j/d/n rate, e writes the evidence, q picks a citizen's quote as the story."""

    NAME = "succes"
    part = "insist"
    SCREEN_COMMANDS = [
        Command("rate('yes')", "j", "succes.yes", "help.succes_rate", lang="da"),
        Command("rate_en('yes')", "y", "succes.yes", "help.succes_rate", lang="en"),
        Command("rate('partly')", "d", "succes.partly", "help.succes_rate", lang="da"),
        Command("rate_en('partly')", "p", "succes.partly", "help.succes_rate", lang="en"),
        Command("rate('not-yet')", "n", "succes.not_yet", "help.succes_rate"),
        Command("edit_note", "e", "succes.note", "help.succes_note"),
        Command("pick_quote", "q", "succes.quote", "help.succes_quote"),
        Command("clear_rating", "delete", "list.delete", "help.succes_clear"),
        Command("other_concept(-1)", "left", "card.previous", "help.card_other", show=False),
        Command("other_concept(1)", "right", "card.next", "help.card_other", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    SuccesScreen #succes-table { height: auto; margin: 0 1; }
    SuccesScreen #verdict { height: auto; padding: 1 2 0 2; text-style: bold; }
    SuccesScreen #weakest { height: auto; padding: 0 2; color: $text-warning; }
    SuccesScreen #pitch-box { height: 1fr; padding: 0 1; }
    SuccesScreen #pitch { height: 1fr; min-height: 4; }
    """

    def screen_title(self) -> str:
        concept = self.concept()
        return self.t("screen.succes") + (f": {concept.title}" if concept else "")

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "communicate")

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("card.empty")), id="card-empty")
        yield RowTable(id="succes-table", cursor_type="row")
        yield Static("", id="verdict")
        yield Static("", id="weakest")
        with Vertical(id="pitch-box"):
            yield Label(Content(self.t("succes.pitch")))
            concept = self.concept()
            yield TextArea(concept.pitch if concept else "", id="pitch", soft_wrap=True)
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#succes-table", DataTable)
        table.clear(columns=True)
        for key in ("succes.letter", "succes.criterion", "succes.rating", "succes.evidence"):
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def fill(self) -> None:
        concept = self.concept()
        table = self.query_one("#succes-table", DataTable)
        self.query_one("#card-empty").display = concept is None
        for widget in ("#succes-table", "#verdict", "#weakest", "#pitch-box"):
            self.query_one(widget).display = concept is not None
        if concept is None:
            return
        self.bapp.current_concept = concept.id
        result = succes.check(concept, self.method)
        row = table.cursor_row
        table.clear()
        self._shown = self._rows(result)
        for criterion_id, values in self._shown.items():
            table.add_row(*(cell(value) for value in values), key=criterion_id)
        table.move_cursor(row=row)
        self._show_verdict(result)
        self._load_pitch(concept)
        self._row_moved()
        self.refresh_status()

    _shown: dict[str, tuple[str, str, str, str]] = {}
    """What the table shows, by criterion: letter, name (◀ for the weakest), rating, evidence."""

    def _rows(self, result: succes.SuccesCheck) -> dict[str, tuple[str, str, str, str]]:
        weakest = {c.id for c in result.weakest}
        rows = {}
        for criterion, rating in result.ratings:
            evidence = rating.note
            if rating.quote:
                evidence = (evidence + "  " if evidence else "") + f"«{rating.quote}»"
            mark = " ◀" if criterion.id in weakest else ""
            rows[criterion.id] = (criterion.letter, criterion.name(self.lang) + mark,
                                  self.t(f"succes.{rating.rating.replace('-', '_')}"), evidence)
        return rows

    def _show_verdict(self, result: succes.SuccesCheck) -> None:
        self.query_one("#verdict", Static).update(Content(self.t(
            f"succes.verdict_{result.verdict}") + f"  ({result.score}/{2 * len(result.ratings)})"))
        quoted = {criterion.id for criterion, rating in result.ratings if rating.quote}
        tips = [f"{c.letter} {c.name(self.lang)}: " + (self.t("succes.quote_chosen") if c.id in quoted else
                                                       c.prompt(self.lang) if c.prompt else "") for c in result.weakest]
        self.query_one("#weakest", Static).update(Content(
            (self.t("succes.weakest") + "\n" + "\n".join(tips)) if tips else ""))

    def _load_pitch(self, concept: Concept) -> None:
        pitch = self.query_one("#pitch", TextArea)
        if not pitch.has_focus and pitch.text != concept.pitch:
            pitch.load_text(concept.pitch)

    def project_changed(self) -> None:
        """Typing the pitch changes nothing else on screen; a rating changes its row, the verdict and
        the weakest marks. Everything is drawn again only for another concept or a reload."""
        self.refresh_status()
        touched, concept = self.touched_in_concept(), self.concept()
        if touched is None or concept is None:
            self.fill()
            return
        if any(path[0] == "pitch" for path in touched):
            self._load_pitch(concept)
        if not any(path[0] == "succes" for path in touched):
            return
        result = succes.check(concept, self.method)
        rows = self._rows(result)
        table = self.query_one("#succes-table", DataTable)
        columns = [c.key for c in table.ordered_columns]
        for criterion_id, values in rows.items():
            for column, old, new in zip(columns, self._shown.get(criterion_id, ()), values):
                if old != new:
                    table.update_cell(criterion_id, column, cell(new))
        self._shown = rows
        self._show_verdict(result)
        self._row_moved()

    @on(DataTable.RowHighlighted, "#succes-table")
    def _row_moved(self) -> None:
        """q picks a quote, or changes the one already chosen: the footer says which."""
        concept, criterion = self.concept(), self._criterion()
        rating = concept.succes.get(criterion) if concept is not None and criterion is not None else None
        relabel(self, "pick_quote", self.t("succes.quote_change" if rating and rating.quote else "succes.quote"))

    def _criterion(self) -> str | None:
        table = self.query_one("#succes-table", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _set(self, criterion: str, label: str, **fields: object) -> None:
        """Set fields of one criterion's rating (the whole rating when there is none yet)."""
        concept, at = self.concept(), self.concept_at()
        if concept is None or at is None:
            return
        path = (*at, "succes", criterion)
        if criterion in concept.succes:
            self.edit_concept(label, self.changes.set_fields(path, **fields))
        else:
            self.edit_concept(label, self.changes.set(path, SuccesRating().model_copy(update=fields)))

    def action_rate(self, rating: str) -> None:
        """Rate the criterion under the cursor and move on."""
        criterion = self._criterion()
        if criterion is None:
            return
        self._set(criterion, "succes.rating", rating=rating)
        table = self.query_one("#succes-table", DataTable)
        table.move_cursor(row=table.cursor_row + 1)

    def action_clear_rating(self) -> None:
        """Delete the rating, evidence and quote of the criterion under the cursor (Ctrl+Z undoes)."""
        criterion = self._criterion()
        at = self.concept_at()
        if criterion is not None and at is not None:
            self.edit_concept("succes.clear", self.changes.set((*at, "succes", criterion), MISSING))

    def action_rate_en(self, rating: str) -> None:
        """The English keys (y, p) for the same ratings."""
        self.action_rate(rating)

    def action_edit_note(self) -> None:
        """Write the evidence for the criterion under the cursor."""
        criterion = self._criterion()
        concept = self.concept()
        if criterion is None or concept is None:
            return
        current = (concept.succes.get(criterion) or SuccesRating()).note
        self.query_one(EditBar).open(self.t("succes.prompt_note"), f"note:{criterion}", current)

    @on(DataTable.RowSelected, "#succes-table")
    def _row_selected(self) -> None:
        self.action_edit_note()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        if event.purpose.startswith("note:"):
            self._set(event.purpose.removeprefix("note:"), "succes.note", note=event.text.strip())
        self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#succes-table", DataTable).focus()

    def action_pick_quote(self) -> None:
        """Use a citizen's own words from an observation as the evidence (the story)."""
        criterion = self._criterion() or "stories"
        options = [(f"{o.id}|{n}", f"«{quote}» — {o.who}" if o.who else f"«{quote}»")
                   for o in self.session.project.experience.observations for n, quote in enumerate(o.quotes)]
        if not options:
            self.notify(self.t("succes.no_quotes"), severity="warning", timeout=4)
            return

        def chosen(ids: list[str] | None) -> None:
            if not ids:
                return
            obs_id, number = ids[0].split("|")
            observation = next(o for o in self.session.project.experience.observations if o.id == obs_id)
            self._set(criterion, "succes.quote", quote_from=obs_id, quote=observation.quotes[int(number)])

        self.app.push_screen(PickerScreen(self.t("succes.quote"), options, multiple=False, lang=self.lang,
                                          offer_none=False), chosen)

    @on(TextArea.Changed, "#pitch")
    def _pitch_typed(self, event: TextArea.Changed) -> None:
        concept = self.concept()
        text = event.text_area.text
        if concept is None or concept.pitch == text:
            return
        self.set_fields("succes.pitch", pitch=text, merge_key=f"pitch:{concept.id}")
