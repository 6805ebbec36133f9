"""Planning a workshop on the workshop screen: which of the project's workshops is shown, a new
one, its details (title, date, place), who takes part (a guest added on the way), the bell, and
an agenda from the method's templates or the process design, added as one undoable step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.i18n import Both, Message
from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.core.workshop_record import default_title
from borgerspil_tui.core.workshop_templates import (
    PHASES,
    agenda_from,
    agenda_from_process,
    append_changes,
    find_template,
    process_hint,
    process_methods,
    templates,
    total_minutes,
)
from borgerspil_tui.tui.commands import Command

PLANNING_COMMANDS = [
    Command("choose_workshop", "v", "workshop.choose", "help.workshop_choose"),
    Command("new_workshop", "ctrl+n", "workshop.new_key", "help.workshop_new", show=False),
    Command("details", "i", "workshop.details", "help.workshop_details"),
    Command("participants", "f", "workshop.participants", "help.workshop_participants"),
    Command("template", "a", "workshop.template", "help.workshop_template"),
    Command("toggle_bell", "b", "workshop.bell", "help.workshop_bell", show=False),
]
"""The planning keys of the workshop screen (none of them the app's or the timer's)."""

NEW_GUEST = "__new_guest__"
DETAILS = ("title", "date", "place")
"""The details ``d`` asks for, one after the other."""


def _cut(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def shown_workshop(app: Any) -> Workshop | None:
    """The workshop the workshop screen shows in ``app``: the one chosen there (``v``, kept in
    ``app.view_state`` for the project), else the one whose timer runs, else the last one."""
    session = getattr(app, "session", None)
    if session is None:
        return None
    workshops = session.project.workshops
    chosen = app.view_state.get((session.path, "workshop"))
    found = next((w for w in workshops if w.id == chosen), None)
    if found is None:
        found = next((w for w in workshops if w.timer is not None), None)
    return found or (workshops[-1] if workshops else None)


class WorkshopPlanning:
    """Mixin for the workshop screen (a ListScreen): the workshop shown and its planning. The
    choice is kept for the project while the app runs (``app.view_state``)."""

    # -- which workshop ------------------------------------------------------------------------
    def _choice_key(self) -> tuple[Any, str]:
        return (self.session.path, "workshop")  # type: ignore[attr-defined]

    def workshop(self) -> Workshop | None:
        """The workshop shown (see :func:`shown_workshop`)."""
        return shown_workshop(self.bapp)  # type: ignore[attr-defined]

    def show_workshop(self, workshop_id: str) -> None:
        """Show another workshop: its agenda, and its details in the title line."""
        self.bapp.view_state[self._choice_key()] = workshop_id  # type: ignore[attr-defined]
        self.fill()  # type: ignore[attr-defined]
        self.refresh_status()  # type: ignore[attr-defined]

    def guidance_text(self) -> str | None:
        """The planning keys (the key bar has room for the timer's): the screen's guidance."""
        return self.t("workshop.guidance")  # type: ignore[attr-defined]

    def _after_rows(self, items: list[Any]) -> None:
        super()._after_rows(items)  # type: ignore[misc]
        key = "workshop.empty_agenda" if self.workshop() is not None else "workshop.empty_plan"
        self.query_one("#items-empty", Static).update(Content(self.t(key)))  # type: ignore[attr-defined]

    def workshop_heading(self, workshop: Workshop | None) -> str:
        """`` — «Dag 1» · 2026-05-01 · Rådhuset · 5 deltagere · workshop 1 af 2``."""
        if workshop is None:
            return ""
        parts = [self.t("workshop.heading", title=workshop.title)]  # type: ignore[attr-defined]
        if workshop.date is not None and workshop.date.isoformat() not in workshop.title:  # said once
            parts.append(workshop.date.isoformat())
        if workshop.place:
            parts.append(workshop.place)
        parts.append(self.t("workshop.people", count=len(workshop.participants)))  # type: ignore[attr-defined]
        workshops = self.session.project.workshops  # type: ignore[attr-defined]
        if len(workshops) > 1:
            number = next(i for i, w in enumerate(workshops, 1) if w.id == workshop.id)
            parts.append(self.t("workshop.which", number=number, count=len(workshops)))  # type: ignore[attr-defined]
        if not workshop.bell:
            parts.append(self.t("workshop.bell_off_mark"))  # type: ignore[attr-defined]
        return " — " + " · ".join(parts)

    def _choice_label(self, workshop: Workshop) -> str:
        t = self.t  # type: ignore[attr-defined]
        if workshop.date is not None and workshop.date.isoformat() in workshop.title:  # the date said once
            return t("workshop.choice_dated", title=workshop.title, place=workshop.place or t("workshop.no_place"),
                     people=t("workshop.people", count=len(workshop.participants)))
        return t("workshop.choice", title=workshop.title,
                 date=workshop.date.isoformat() if workshop.date else t("workshop.no_date"),
                 place=workshop.place or t("workshop.no_place"),
                 people=t("workshop.people", count=len(workshop.participants)))

    def action_choose_workshop(self) -> None:
        """Pick which of the project's workshops to show."""
        workshops = self.session.project.workshops  # type: ignore[attr-defined]
        if not workshops:
            self.refuse(self.t("workshop.none_yet"))  # type: ignore[attr-defined]
            return
        shown = self.workshop()
        options = [(w.id, self._choice_label(w)) for w in workshops]
        self.pick(self.t("workshop.choose_title"), options, {shown.id} if shown else set(),  # type: ignore[attr-defined]
                  lambda ids: self.show_workshop(ids[0]) if ids else None, multiple=False, offer_none=False)

    def new_workshop(self, agenda: list[Activity] | None = None, label: str = "workshop.new",
                     **values: object) -> bool:
        """Add a workshop dated today (with ``agenda``) as one step, and show it."""
        today = dt.date.today()
        title = default_title(self.session.project, today)  # type: ignore[attr-defined]
        workshop = Workshop(title=title, date=today, agenda=agenda or [])
        if not self.apply_changes(label, self.changes.add(("workshops",), workshop), **values):  # type: ignore[attr-defined]
            return False
        self.show_workshop(workshop.id)
        return True

    def action_new_workshop(self) -> None:
        """A new workshop dated today, shown at once."""
        self.new_workshop()

    # -- details -------------------------------------------------------------------------------
    def _bar(self) -> Any:
        return self.query_one("#edit-bar")  # type: ignore[attr-defined]

    def action_details(self) -> None:
        """Title, then date, then place, each in the bar (Enter keeps what is there)."""
        self._ask_detail("title")

    def _ask_detail(self, field: str) -> None:
        workshop = self.workshop()
        if workshop is None:
            self.refuse(self.t("workshop.none_yet"))  # type: ignore[attr-defined]
            return
        value = getattr(workshop, field)
        shown = value.isoformat() if isinstance(value, dt.date) else (value or "")
        prompt = "workshop.prompt_workshop_title" if field == "title" else f"workshop.prompt_{field}"
        self._bar().open(self.t(prompt), f"workshop-{field}:{workshop.id}", shown)  # type: ignore[attr-defined]

    def typed_detail(self, purpose: str, text: str) -> bool:
        """A detail or a guest's name typed in the bar; True when it was one of these."""
        kind, _, workshop_id = purpose.partition(":")
        if kind == "workshop-guest":
            self._add_guest(workshop_id, text)
            return True
        field = kind.removeprefix("workshop-")
        if not kind.startswith("workshop-") or field not in DETAILS:
            return False
        if not self._save_detail(workshop_id, field, text):
            return True  # refused: the bar shows the text again and why
        following = DETAILS.index(field) + 1
        if following < len(DETAILS):
            self._ask_detail(DETAILS[following])
        else:
            self._done()  # type: ignore[attr-defined]
        return True

    def _save_detail(self, workshop_id: str, field: str, text: str) -> bool:
        value: object = text
        if field == "title" and not text:
            return True  # a workshop keeps a title
        if field == "date":
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                self.refuse(self.t("workshop.bad_date", text=text))  # type: ignore[attr-defined]
                return False
        path = ("workshops", workshop_id)
        return self.apply_changes("workshop.edit_details", self.changes.set_fields(path, **{field: value}))  # type: ignore[attr-defined]

    # -- participants and the bell ----------------------------------------------------------------
    def action_participants(self) -> None:
        """Tick who takes part: team members and guests; the last line adds a new guest."""
        workshop = self.workshop()
        if workshop is None:
            self.refuse(self.t("workshop.none_yet"))  # type: ignore[attr-defined]
            return
        project = self.session.project  # type: ignore[attr-defined]
        t = self.t  # type: ignore[attr-defined]
        options = [(m.id, t("workshop.member", name=m.name)) for m in project.readiness.team]
        options += [(g.id, t("workshop.guest", name=g.name)) for g in project.create.guests]
        options.append((NEW_GUEST, t("workshop.add_guest")))
        workshop_id = workshop.id

        def chosen(ids: list[str]) -> None:
            people = [i for i in ids if i != NEW_GUEST]
            self.apply_changes("workshop.set_participants",  # type: ignore[attr-defined]
                               self.changes.set(("workshops", workshop_id, "participants"), people))  # type: ignore[attr-defined]
            self.refresh_status()  # type: ignore[attr-defined]
            if NEW_GUEST in ids:
                self._bar().open(t("workshop.prompt_guest"), f"workshop-guest:{workshop_id}")

        self.pick(t("workshop.participants_title", title=workshop.title), options,  # type: ignore[attr-defined]
                  set(workshop.participants), chosen)

    def _add_guest(self, workshop_id: str, name: str) -> None:
        """A new guest, on the project's guests and this workshop's participants, as one step."""
        if not name:
            self._done()  # type: ignore[attr-defined]
            return
        try:
            guest = Guest(name=name)
        except ValidationError as error:
            self.refuse(describe(error, self.lang))  # type: ignore[attr-defined]
            return
        workshop = next((w for w in self.session.project.workshops if w.id == workshop_id), None)  # type: ignore[attr-defined]
        if workshop is None:
            self._done()  # type: ignore[attr-defined]
            return
        changes = self.changes.add(("create", "guests"), guest)  # type: ignore[attr-defined]
        changes += self.changes.set(("workshops", workshop_id, "participants"),  # type: ignore[attr-defined]
                                    [*workshop.participants, guest.id])
        if self.apply_changes("workshop.new_guest", changes):  # type: ignore[attr-defined]
            self._done()  # type: ignore[attr-defined]
            self.refresh_status()  # type: ignore[attr-defined]

    def action_toggle_bell(self) -> None:
        """The bell at zero, on or off for the workshop shown."""
        workshop = self.workshop()
        if workshop is None:
            self.refuse(self.t("workshop.none_yet"))  # type: ignore[attr-defined]
            return
        bell = not workshop.bell
        label = "workshop.bell_on" if bell else "workshop.bell_off"
        if self.apply_changes(label, self.changes.set(("workshops", workshop.id, "bell"), bell)):  # type: ignore[attr-defined]
            self.notify(self.t(label), markup=False)  # type: ignore[attr-defined]
            self.refresh_status()  # type: ignore[attr-defined]

    # -- an agenda to start from ---------------------------------------------------------------
    def _template_options(self) -> list[tuple[str, str]]:
        t, method, project = self.t, self.method, self.session.project  # type: ignore[attr-defined]
        options: list[tuple[str, str]] = []
        for phase in PHASES:
            name = method.phase(phase).name(self.lang)  # type: ignore[attr-defined]
            methods = process_methods(project, phase)
            if methods:
                hint = process_hint(project, phase, self.lang)  # type: ignore[attr-defined]
                options.append((f"process:{phase}", t("workshop.process_choice", phase=name,
                                                      hint=f" ({hint})" if hint else "", methods=_cut(", ".join(methods)))))
            for template in templates(method, phase):
                options.append((f"template:{template.id}", t(
                    "workshop.template_choice", phase=name, name=template.name(self.lang),  # type: ignore[attr-defined]
                    count=len(template.activities), minutes=total_minutes(template))))
        return options

    def action_template(self) -> None:
        """Pick a template (or the process design's methods for a phase) for the agenda."""
        options = self._template_options()
        if not options:
            self.refuse(self.t("workshop.no_templates"))  # type: ignore[attr-defined]
            return
        self.pick(self.t("workshop.template_title"), options, set(),  # type: ignore[attr-defined]
                  lambda ids: self.use_template(ids[0]) if ids else None, multiple=False, offer_none=False)

    def use_template(self, choice: str) -> bool:
        """Add the chosen agenda to the workshop shown (a new one dated today when there is
        none) as one undoable step."""
        kind, _, key = choice.partition(":")
        project = self.session.project  # type: ignore[attr-defined]
        lang = project.language  # what goes into the project is in its language, not the app's
        taken = [a.id for w in project.workshops for a in w.agenda]
        name: Message
        if kind == "process":
            activities = agenda_from_process(project, self.method, key, lang, taken)  # type: ignore[attr-defined]
            phase = self.method.phase(key).name  # type: ignore[attr-defined]
            name = Message("workshop.process_name", {"phase": Both(da=phase.da, en=phase.en)})
        else:
            template = find_template(self.method, key)  # type: ignore[attr-defined]
            if template is None:
                return False
            activities, name = agenda_from(template, lang, taken), Both(da=template.name.da, en=template.name.en)
        workshop = self.workshop()
        if workshop is None:
            return self.new_workshop(activities, "workshop.template_added", name=name)
        at = ("workshops", workshop.id, "agenda")
        if not self.apply_changes("workshop.template_added", append_changes(at, len(workshop.agenda), activities),  # type: ignore[attr-defined]
                                  name=name):
            return False
        self.fill()  # type: ignore[attr-defined]
        if activities:
            self.show_row(activities[0].id)  # type: ignore[attr-defined]
        return True
