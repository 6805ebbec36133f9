"""Skab: the concept card — the method's eight elements, the ideas it combines, its status and
its test rounds ("fail fast, fail cheap"). Made to be read on a projector."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from borgerspil_tui.core.model.create import Concept, PrototypeTest
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.concept_base import CONCEPTS, ConceptScreen
from borgerspil_tui.tui.screens.concepts import STATUSES, last_tested
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

TEXT_ELEMENTS = {"title": "title", "difference": "difference", "contents": "contents", "reflection": "reflection",
                 "place": "place", "involved": "involved"}
"""Method element id → concept field, for the elements that are plain text."""
OPTION_OF = {**{field: f"element:{element}" for element, field in TEXT_ELEMENTS.items()},
             "target_groups": "element:target-group", "requirements": "element:requirements", "ideas": "ideas"}
"""Concept field → the card's option that shows it."""
TEST_FIELDS = ("prototype", "learned", "adjusted")
FREE_TEXT = "__free__"
"""The picker's choice for "with whom, in our own words"."""
WHOM = "whom"
"""The bar's purpose prefix for typing with whom a round was tested."""


class ConceptCardScreen(ConceptScreen):
    """One concept as a card; ↑↓ choose an element, Enter edits it; ←→ go to the other concepts."""

    NAME = "concept-card"
    part = "create"
    SCREEN_COMMANDS = [
        Command("edit_item", "e", "card.edit", "help.card_edit"),
        Command("cycle_status", "s", "concepts.status", "help.concepts_status"),
        Command("add_test", "t", "card.test", "help.card_test"),
        Command("open_succes", "u", "concepts.succes", "help.concepts_succes"),
        Command("delete_item", "delete", "list.delete", "help.card_delete"),
        Command("other_concept(-1)", "left", "card.previous", "help.card_other", show=False),
        Command("other_concept(1)", "right", "card.next", "help.card_other", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ConceptCardScreen #card-head { height: auto; padding: 0 2; text-style: bold; color: $primary; }
    ConceptCardScreen #card { height: 1fr; margin: 0 1; border: round $primary; padding: 0 1; }
    ConceptCardScreen #card > .option-list--option { padding: 0 1; }
    ConceptCardScreen #card-empty { padding: 1 2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._sequence: list[str] = []
        """Prompts still to ask (three requirements, the fields of a new test round)."""

    def screen_title(self) -> str:
        concept = self.concept()
        return self.t("screen.concept-card") + (f": {concept.title}" if concept else "")

    def guidance_text(self) -> str | None:
        return self.step_guidance("create", "make-concepts")

    # -- drawing ---------------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        yield Static("", id="card-head")
        yield OptionList(id="card")
        yield Static(Content(self.t("card.empty")), id="card-empty")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        self.fill()
        self.query_one("#card", OptionList).focus()

    def _element(self, name: str, body: str, prompt: str) -> Content:
        text = Content.styled(f"▸ {name.upper()}", "bold") + Content("\n")
        if body.strip():
            return text + Content(body)
        return text + Content.styled(prompt, "italic $text-muted")

    def _options(self, concept: Concept) -> list[Option]:
        ids = [f"element:{element.id}" for element in self.method.concept_elements]
        ids += ["ideas", *(f"test:{test.id}" for test in concept.tests)]
        return [Option(self._prompt(option_id, concept), id=option_id) for option_id in ids]

    def _prompt(self, option_id: str, concept: Concept) -> Content:
        """What the card shows for one element, the ideas, or one test round."""
        project = self.session.project
        kind, _, key = option_id.partition(":")
        if kind == "ideas":
            ideas = {i.id: i.title for i in project.create.ideas} if concept.ideas else {}
            return self._element(self.t("card.ideas"), "\n".join(f"• {ideas.get(i, i)}" for i in concept.ideas),
                                 self.t("card.ideas_prompt"))
        groups = {g.id: g.name for g in project.focus.target_groups}
        if kind == "test":
            number, test = next((n, t) for n, t in enumerate(concept.tests, start=1) if t.id == key)
            who = " · ".join(w for w in (groups.get(test.target_group or "", ""), test.with_whom) if w) or "–"
            head = self.t("card.round", n=number, date=test.date.isoformat() if test.date else "–", who=who)
            body = "\n".join(f"{self.t(f'card.{field}')}: {getattr(test, field)}" for field in TEST_FIELDS
                             if getattr(test, field))
            return self._element(head, body, self.t("card.test_prompt"))
        element = next(e for e in self.method.concept_elements if e.id == key)
        if key in TEXT_ELEMENTS:
            body = getattr(concept, TEXT_ELEMENTS[key])
        elif key == "target-group":
            body = ", ".join(groups.get(g, g) for g in concept.target_groups)
        elif key == "requirements":
            body = "\n".join(f"{n}. {text}" for n, text in enumerate(concept.requirements, start=1))
        else:
            body = ""
        return self._element(element.name(self.lang), body, element.prompt(self.lang) if element.prompt else "")

    def fill(self) -> None:
        """Draw the card of the current concept."""
        concept = self.concept()
        card = self.query_one("#card", OptionList)
        self.query_one("#card-empty").display = concept is None
        card.display = concept is not None
        if concept is None:
            self.query_one("#card-head", Static).update("")
            return
        self.bapp.current_concept = concept.id
        highlighted = card.highlighted
        card.clear_options()
        card.add_options(self._options(concept))
        card.highlighted = min(highlighted or 0, card.option_count - 1)
        self._show_head(concept)
        self.refresh_status()

    def _show_head(self, concept: Concept) -> None:
        head = self.t("card.head", status=self.t(f"concept.status_{concept.status}"), rounds=len(concept.tests),
                      last=last_tested(concept) or "–")
        self.query_one("#card-head", Static).update(Content(head))

    def project_changed(self) -> None:
        """Redraw what the edit changed: one element or test round; the whole card only when test
        rounds came or went, another concept is shown, or names shown on it changed."""
        self.refresh_status()
        touched, concept = self.touched_in_concept(), self.concept()
        if touched is None or concept is None or any(path == ("tests",) for path in touched):
            self.fill()
            return
        card = self.query_one("#card", OptionList)
        for option_id in sorted({OPTION_OF.get(path[0], "") if path[0] != "tests" else f"test:{path[1]}"
                                 for path in touched} - {""}):
            card.replace_option_prompt(option_id, self._prompt(option_id, concept))
        if touched:
            self._show_head(concept)

    # -- editing ---------------------------------------------------------------------------------
    def _highlighted(self) -> str:
        card = self.query_one("#card", OptionList)
        if card.highlighted is None:
            return ""
        return card.get_option_at_index(card.highlighted).id or ""

    @on(OptionList.OptionSelected, "#card")
    def _selected(self) -> None:
        self.action_edit_item()

    def action_edit_item(self) -> None:
        """Edit the element (or test round) under the cursor."""
        concept = self.concept()
        item = self._highlighted()
        if concept is None or not item:
            return
        bar = self.query_one(EditBar)
        kind, _, key = item.partition(":")
        if kind == "element" and key in TEXT_ELEMENTS:
            bar.open(self._prompt_for(key), item, getattr(concept, TEXT_ELEMENTS[key]))
        elif kind == "element" and key == "requirements":
            self._sequence = ["requirements:1", "requirements:2", "requirements:3"]
            self._next_in_sequence()
        elif kind == "element" and key == "target-group":
            self._pick_groups(concept)
        elif kind == "ideas":
            self._pick_ideas(concept)
        elif kind == "test":
            self._sequence = [f"test:{key}:{field}" for field in TEST_FIELDS] + [f"test:{key}:group"]
            self._next_in_sequence()

    def _prompt_for(self, element_id: str) -> str:
        element = next(e for e in self.method.concept_elements if e.id == element_id)
        return f"{element.name(self.lang)}:"

    def _next_in_sequence(self) -> None:
        concept = self.concept()
        if not self._sequence or concept is None:
            self._done()
            return
        step = self._sequence.pop(0)
        parts = step.split(":")
        bar = self.query_one(EditBar)
        if parts[0] == "requirements":
            index = int(parts[1]) - 1
            current = concept.requirements[index] if index < len(concept.requirements) else ""
            bar.open(self.t("card.requirement", n=parts[1]), step, current)
        elif parts[0] == "test" and parts[2] == "group":
            self._done()
            self._pick_test_group(concept, parts[1])
        else:
            test = next(t for t in concept.tests if t.id == parts[1])
            bar.open(f"{self.t(f'card.{parts[2]}')}:", step, getattr(test, parts[2]))

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        parts = event.purpose.split(":")
        concept = self.concept()
        taken = True
        if parts[0] == "element":
            field = TEXT_ELEMENTS[parts[1]]
            if text or field != "title":
                taken = self.set_fields("card.edit", **{field: text})
        elif parts[0] == "requirements" and concept is not None:
            index = int(parts[1]) - 1
            items = list(concept.requirements) + [""] * (3 - len(concept.requirements))
            items[index] = text
            while items and not items[-1]:
                items.pop()
            taken = self.set_fields("card.edit", requirements=items)
        elif parts[0] == "test":
            taken = self.set_fields("card.test", "tests", parts[1], **{parts[2]: text})
        if taken:  # a refused text comes back in the bar; the next question waits
            self._next_in_sequence()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self._sequence = []
        self.query_one(EditBar).close()
        self.query_one("#card", OptionList).focus()

    def _pick_groups(self, concept: Concept) -> None:
        options = [(g.id, g.name) for g in self.session.project.focus.target_groups]

        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                self.set_fields("card.edit", target_groups=ids)

        self.app.push_screen(PickerScreen(self._prompt_for("target-group"), options, set(concept.target_groups),
                                          lang=self.lang), chosen)

    def _pick_ideas(self, concept: Concept) -> None:
        options = [(i.id, i.title) for i in self.session.project.create.ideas]

        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                self.set_fields("card.edit", ideas=ids)

        self.app.push_screen(PickerScreen(self.t("card.ideas"), options, set(concept.ideas), lang=self.lang), chosen)

    def _pick_test_group(self, concept: Concept, test_id: str) -> None:
        """With whom: one of the target groups, or in the team's own words (the bar)."""
        options = [(g.id, g.name) for g in self.session.project.focus.target_groups]
        test = next(t for t in concept.tests if t.id == test_id)
        if not options:
            self._ask_with_whom(test)
            return

        def chosen(ids: list[str] | None) -> None:
            if ids == [FREE_TEXT]:
                self._ask_with_whom(test)
            elif ids is not None:
                group = ids[0] if ids else None
                self.set_fields("card.test", "tests", test_id, target_group=group, with_whom="")

        selected = {test.target_group} if test.target_group else ({FREE_TEXT} if test.with_whom else set())
        free = f"✎ {test.with_whom}" if test.with_whom else self.t("card.with_whom_free")
        self.app.push_screen(PickerScreen(self.t("card.with_whom_title"), [*options, (FREE_TEXT, free)], selected,
                                          multiple=False, lang=self.lang), chosen)

    def _ask_with_whom(self, test: PrototypeTest) -> None:
        self.query_one(EditBar).open(self.t("card.with_whom_prompt"), f"{WHOM}:{test.id}", test.with_whom)
        self._sequence = []

    @on(EditBar.Submitted)
    def _with_whom_typed(self, event: EditBar.Submitted) -> None:
        """Who a test round was with, in words (``_typed`` closes the bar: nothing else is asked)."""
        kind, _, test_id = event.purpose.partition(":")
        if kind == WHOM:
            text = event.text.strip()
            self.set_fields("card.test", "tests", test_id, target_group=None, with_whom=text)

    def action_add_test(self) -> None:
        """A new test round dated today: the prototype, what was learned, what is adjusted, with whom."""
        concept = self.concept()
        if concept is None:
            return
        test = PrototypeTest(date=dt.date.today(), target_group=concept.target_groups[0] if concept.target_groups
                             else None)
        if self.edit_concept("card.test", self.changes.add((*CONCEPTS, concept.id, "tests"), test)):
            self._sequence = [f"test:{test.id}:{field}" for field in TEST_FIELDS] + [f"test:{test.id}:group"]
            self._next_in_sequence()

    def action_delete_item(self) -> None:
        """Delete the test round under the cursor, or empty the element (Ctrl+Z brings it back)."""
        kind, _, key = self._highlighted().partition(":")
        at = self.concept_at()
        if at is None:
            return
        if kind == "test":
            self.edit_concept("card.delete_test", self.changes.remove((*at, "tests", key)))
        elif kind == "ideas":
            self.set_fields("card.clear", ideas=[])
        elif kind == "element" and key == "title":
            self.notify(self.t("card.title_stays"), timeout=4)
        elif kind == "element" and key in TEXT_ELEMENTS:
            self.set_fields("card.clear", **{TEXT_ELEMENTS[key]: ""})
        elif kind == "element" and key == "target-group":
            self.set_fields("card.clear", target_groups=[])
        elif kind == "element" and key == "requirements":
            self.set_fields("card.clear", requirements=[])

    def action_cycle_status(self) -> None:
        """Sketch → prototype → tested → chosen → dropped."""
        concept = self.concept()
        if concept is not None:
            self.set_fields("concepts.status", status=STATUSES[(STATUSES.index(concept.status) + 1) % len(STATUSES)])

    def action_open_succes(self) -> None:
        """Check how the concept communicates (SUCCES)."""
        self.bapp.action_goto("succes")
