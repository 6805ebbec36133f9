"""A part of the method (readiness, a phase, organisation): its steps, their guidance and status."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from borgerspil_tui.core.overview import PHASES_WITH_CHECKLIST, part_status
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.registry import tools_for
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.part_card import progress_bar


class PartScreen(BaseScreen):
    """Steps of one part with the method's guidance; Enter opens a step's tool when it has one."""

    SCREEN_COMMANDS = [Command("open_step", "enter", "key.open", "help.open_step", show=False)]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    PartScreen #part-summary { padding: 0 2; height: auto; }
    PartScreen #steps { height: 1fr; margin: 1 1 0 1; }
    """

    def __init__(self, part: str) -> None:
        self.part = part
        self.NAME = part if part in ("readiness", "organisation") else f"phase-{part}"
        super().__init__()

    def guidance_text(self) -> str | None:
        method, lang = self.method, self.lang
        if self.part == "readiness":
            return method.readiness.tagline(lang)
        if self.part == "organisation":
            return method.organisation.tagline(lang)
        phase = method.phase(self.part)
        return f"{phase.number}. {phase.name(lang)}: {phase.tagline(lang)}"

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self._summary()), id="part-summary")
        yield OptionList(*self._options(), id="steps")

    def on_mount(self) -> None:  # BaseScreen.on_mount runs too: Textual calls it along the MRO
        self.query_one("#steps", OptionList).focus()

    def _summary(self) -> str:
        status = part_status(self.session.project, self.method, self.part, self.lang)
        text = progress_bar(status.progress)
        if status.checklist is not None:
            text += "   " + self.t("part.checklist", answered=status.checklist.answered,
                                    total=status.checklist.total)
        return text

    def _step_texts(self) -> dict[str, str]:
        method, lang = self.method, self.lang
        if self.part == "readiness":
            return {c.id: (c.text(lang) if c.text else "") for c in method.readiness.considerations}
        if self.part == "organisation":
            return {d.id: f"{d.system_centred(lang)} → {d.citizen_centred(lang)}"
                    for d in method.organisation.dimensions}
        return {s.id: (s.guidance(lang) if s.guidance else "") for s in method.phase(self.part).steps}

    def _options(self) -> list[Option]:
        status = part_status(self.session.project, self.method, self.part, self.lang)
        options = []
        for step in status.steps:
            mark = "?" if step.done is None else ("✓" if step.done else "·")
            guidance = self._step_texts().get(step.id, "")
            prompt = Content.styled(f"{mark} {step.name}", "bold")
            if guidance:
                prompt = prompt + Content("\n") + Content.styled(guidance, "$text-muted")
            options.append(Option(prompt, id=f"step:{step.id}"))
            for tool in tools_for(self.part, step.id):
                options.append(Option(Content(f"    → {self.t(f'screen.{tool}')}"), id=f"tool:{step.id}:{tool}"))
        if self.part == "readiness":
            for item in self.method.readiness.considerations:
                body = item.text(self.lang) if item.text else ""
                prompt = Content.styled(item.name(self.lang), "bold") + Content("\n") + \
                    Content.styled(body, "$text-muted")
                options.append(Option(prompt, id=f"consider-{item.id}"))
        if self.part in PHASES_WITH_CHECKLIST:
            options.append(Option(Content(f"☐ {self.t('key.checklist')}  →"), id="checklist"))
        return options

    def project_changed(self) -> None:
        super().project_changed()
        self.query_one("#part-summary", Static).update(Content(self._summary()))
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(self._options())
        steps.highlighted = highlighted

    @on(OptionList.OptionSelected, "#steps")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id or "")

    def action_open_step(self) -> None:
        """Open the highlighted step's tool or the checklist."""
        steps = self.query_one("#steps", OptionList)
        if steps.highlighted is not None:
            self._open(steps.get_option_at_index(steps.highlighted).id or "")

    def _open(self, option_id: str) -> None:
        if option_id == "checklist":
            self.bapp.action_goto(f"checklist-{self.part}")
        elif option_id.startswith("tool:"):
            self.bapp.action_goto(option_id.split(":", 2)[2])
        elif option_id.startswith("step:"):
            tools = tools_for(self.part, option_id.removeprefix("step:"))
            if tools:
                self.bapp.action_goto(tools[0])
