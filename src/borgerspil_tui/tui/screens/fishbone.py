"""Skab: fishbone (Ishikawa) diagrams over causes or over solutions, drawn as a fishbone.

The head is the problem (or a goal); a new fishbone starts with the method's suggested bones.
Arrows move between bones (← →) and along a bone (↑ ↓, the way it is drawn); n adds items to
the selected bone, b adds a bone, Enter/e edits, Delete deletes, s sends an item on (a cause to
the problem tree, a solution to the ideas, linked so it is not sent twice). Every edit is one
undoable change through the session.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import fishbone_ops as ops
from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.fishbone_view import FishboneView


class FishboneScreen(BaseScreen):
    """One fishbone at a time, chosen or made with f."""

    NAME = "fishbone"
    part = "create"
    SCREEN_COMMANDS = [
        Command("choose", "f", "fishbone.choose", "help.fishbone_choose"),
        Command("add_item", "n", "fishbone.add", "help.fishbone_add"),
        Command("add_bone", "b", "fishbone.bone", "help.fishbone_bone"),
        Command("edit", "e", "fishbone.edit", "help.fishbone_edit"),
        Command("edit", "enter", "fishbone.edit", "help.fishbone_edit", show=False),
        Command("edit_head", "h", "fishbone.head", "help.fishbone_head"),
        Command("send", "s", "fishbone.send", "help.fishbone_send"),
        Command("delete", "delete", "fishbone.delete", "help.fishbone_delete"),
        Command("delete", "x", "fishbone.delete", "help.fishbone_delete", show=False),
        Command("delete_fishbone", "D", "fishbone.delete_all", "help.fishbone_delete_all", show=False),
        Command("bone(-1)", "left", "fishbone.left", "help.fishbone_left", show=False),
        Command("bone(1)", "right", "fishbone.right", "help.fishbone_right", show=False),
        Command("along(-1)", "up", "fishbone.up", "help.fishbone_up", show=False),
        Command("along(1)", "down", "fishbone.down", "help.fishbone_down", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    FishboneScreen #fish-heading { height: 1; padding: 0 2; color: $text-muted; }
    FishboneScreen #fish-empty { height: auto; padding: 1 2; }
    FishboneScreen #fish-detail { height: auto; max-height: 4; padding: 0 2; border-top: solid $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.fish_id: str | None = None
        self.bone = 0
        self.item: int | None = None
        """The selected item on the selected bone; None: the bone's name."""

    def guidance_text(self) -> str | None:
        return self.step_guidance("create", "get-ideas")

    def compose_body(self) -> ComposeResult:
        yield Static("", id="fish-heading")
        yield Static(Content(self.t("fishbone.empty")), id="fish-empty")
        yield FishboneView(id="fish")
        yield Static("", id="fish-detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        self.redraw()
        self.query_one(FishboneView).focus()

    def project_changed(self) -> None:
        super().project_changed()
        self.redraw()

    # -- what is shown -------------------------------------------------------------------------
    def fishbone(self) -> Fishbone | None:
        """The fishbone shown (the first, when the chosen one is gone)."""
        fishbones = self.session.project.create.fishbones
        found = next((f for f in fishbones if f.id == self.fish_id), fishbones[0] if fishbones else None)
        self.fish_id = found.id if found else None
        return found

    def selected_bone(self) -> Bone | None:
        fishbone = self.fishbone()
        return fishbone.bones[self.bone] if fishbone and 0 <= self.bone < len(fishbone.bones) else None

    def selected_item(self) -> BoneItem | None:
        bone = self.selected_bone()
        return bone.items[self.item] if bone and self.item is not None and self.item < len(bone.items) else None

    def _clamp(self, fishbone: Fishbone) -> None:
        self.bone = max(0, min(self.bone, len(fishbone.bones) - 1))
        bone = self.selected_bone()
        if bone is None or not bone.items:
            self.item = None
        elif self.item is not None:
            self.item = max(0, min(self.item, len(bone.items) - 1))

    def redraw(self) -> None:
        """Draw the fishbone shown, its heading and the selected item's detail."""
        project = self.session.project
        fishbone = self.fishbone()
        view = self.query_one(FishboneView)
        self.query_one("#fish-empty").display = fishbone is None
        view.display = fishbone is not None
        heading, detail = "", ""
        if fishbone is not None:
            self._clamp(fishbone)
            number = project.create.fishbones.index(fishbone) + 1
            heading = self.t("fishbone.heading", number=number, count=len(project.create.fishbones),
                             kind=self.t(f"fishbone.kind.{fishbone.kind}"))
            head, from_problem = ops.head_of(project, fishbone)
            if not head.strip():
                head = self.t("fishbone.no_head")
            elif from_problem:
                heading += f" · {self.t('fishbone.from_problem')}"
            mark = self.t("fishbone.sent_mark")
            bones = [(b.category, [(f"{mark} " if ops.linked_text(project, i) else "") + i.text for i in b.items])
                     for b in fishbone.bones]
            view.show(head, bones, (self.bone, self.item) if fishbone.bones else None, self.t("fishbone.more", n="{n}"))
            detail = self._detail(fishbone)
        self.query_one("#fish-heading", Static).update(Content(heading))
        self.query_one("#fish-detail", Static).update(Content(detail))

    def _detail(self, fishbone: Fishbone) -> str:
        bone, item = self.selected_bone(), self.selected_item()
        if bone is None:
            return self.t("fishbone.no_bones")
        if item is None:
            said = bone.category if bone.items else self.t("fishbone.no_items", bone=bone.category)
            asks = next((c.prompt(self.lang) for c in self.method.fishbone_categories
                         if c.prompt and bone.category in (c.name("da"), c.name("en"))), "")
            return f"{said}\n{asks}" if asks else said
        linked = ops.linked_text(self.session.project, item)
        if linked is None:
            return item.text
        return f"{item.text}\n" + self.t(f"fishbone.linked_{linked[0]}", text=" ".join(linked[1].split()))

    # -- moving --------------------------------------------------------------------------------
    def action_bone(self, delta: int) -> None:
        """Go to the bone before or after."""
        fishbone = self.fishbone()
        if fishbone and fishbone.bones:
            self.bone = max(0, min(len(fishbone.bones) - 1, self.bone + delta))
            self.redraw()

    def action_along(self, delta: int) -> None:
        """Go along the bone the way it is drawn: away from the name or back towards it."""
        bone = self.selected_bone()
        if bone is None:
            return
        step = delta if self.bone % 2 == 0 else -delta  # a lower bone's name is at the bottom
        place = (-1 if self.item is None else self.item) + step
        self.item = None if place < 0 else min(place, len(bone.items) - 1) if bone.items else None
        self.redraw()

    # -- choosing and making -------------------------------------------------------------------
    def action_choose(self) -> None:
        """Choose a fishbone or make a new one (over causes or over solutions)."""
        project = self.session.project
        options = []
        for number, fishbone in enumerate(project.create.fishbones, 1):
            head = ops.head_of(project, fishbone)[0] or self.t("fishbone.no_head")
            kind = self.t(f"fishbone.kind.{fishbone.kind}")
            options.append((fishbone.id, f"{number} · {kind} · {' '.join(head.split())[:100]}"))
        options += [("new:causes", self.t("fishbone.new_causes")), ("new:solutions", self.t("fishbone.new_solutions"))]

        def chosen(ids: list[str] | None) -> None:
            if ids:
                self._chosen(ids[0])
        current = {self.fish_id} if self.fish_id else set()
        self.app.push_screen(PickerScreen(self.t("fishbone.pick_title"), options, current, multiple=False,
                                          lang=self.lang, offer_none=False), chosen)

    def _chosen(self, choice: str) -> None:
        if not choice.startswith("new:"):
            self.fish_id, self.bone, self.item = choice, 0, None
            self.redraw()
            return
        fishbone = ops.new_fishbone(self.method, self.session.project.language, choice[4:])  # bones: the project's words
        if self.apply_changes("fishbone.label_new", self.changes.add(ops.FISHBONES, fishbone)):
            self.fish_id, self.bone, self.item = fishbone.id, 0, None
            self.redraw()
            self.action_edit_head()

    def action_edit_head(self) -> None:
        """Write the head (empty: the project's problem statement)."""
        fishbone = self.fishbone()
        if fishbone is not None:
            self.query_one(EditBar).open(self.t(f"fishbone.prompt_head_{fishbone.kind}"), "head", fishbone.head)

    def action_delete_fishbone(self) -> None:
        """Delete the fishbone shown (Ctrl+Z brings it back)."""
        fishbone = self.fishbone()
        if fishbone is not None:
            self.apply_changes("fishbone.label_delete_all", self.changes.remove(ops.fishbone_path(fishbone.id)))

    # -- editing -------------------------------------------------------------------------------
    def action_add_item(self) -> None:
        """Add items to the selected bone, one after another."""
        bone = self.selected_bone()
        if bone is not None:
            self.query_one(EditBar).open(self.t("fishbone.prompt_item", bone=bone.category), "item")

    def action_add_bone(self) -> None:
        """Add a bone."""
        if self.fishbone() is not None:
            self.query_one(EditBar).open(self.t("fishbone.prompt_bone"), "bone")

    def action_edit(self) -> None:
        """Edit the selected item, or the bone's name."""
        bone, item = self.selected_bone(), self.selected_item()
        if item is not None:
            self.query_one(EditBar).open(self.t("fishbone.prompt_text"), "text", item.text)
        elif bone is not None:
            self.query_one(EditBar).open(self.t("fishbone.prompt_category"), "category", bone.category)

    def action_delete(self) -> None:
        """Delete the selected item, or the whole bone when its name is selected."""
        fishbone, bone, item = self.fishbone(), self.selected_bone(), self.selected_item()
        if fishbone is None or bone is None:
            return
        if item is not None:
            self.apply_changes("fishbone.label_item_delete", self.changes.remove(ops.item_path(fishbone.id, bone.id, item.id)))
        else:
            self.apply_changes("fishbone.label_bone_delete", self.changes.remove(ops.bone_path(fishbone.id, bone.id)))

    def action_send(self) -> None:
        """Send the selected item on: a cause to the problem tree, a solution to the ideas."""
        fishbone, bone, item = self.fishbone(), self.selected_bone(), self.selected_item()
        if fishbone is None or bone is None or item is None:
            self.notify(self.t("fishbone.pick_item"), markup=False)
            return
        try:
            changes, went = ops.send_on(self.changes, fishbone, bone, item)
        except ops.AlreadySent as sent:
            self.notify(self.t("fishbone.already_sent", text=" ".join(sent.text.split())[:200]),
                        severity="warning", markup=False)
            return
        label = "fishbone.label_send_tree" if went == "cause" else "fishbone.label_send_ideas"
        if self.apply_changes(label, changes):
            self.notify(self.t("fishbone.sent_tree" if went == "cause" else "fishbone.sent_ideas"), markup=False)

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text, purpose = event.text.strip(), event.purpose
        fishbone, bone, item = self.fishbone(), self.selected_bone(), self.selected_item()
        if fishbone is None:
            self._done()
            return
        if purpose == "head":
            if self.apply_changes("fishbone.label_head", self.changes.set((*ops.fishbone_path(fishbone.id), "head"), text)):
                self._done()
        elif purpose == "item":
            if not text or bone is None:
                self._done()
                return
            made = self._make(lambda: BoneItem(text=text))
            if made is not None and self.apply_changes(
                    "fishbone.label_item_add", self.changes.add((*ops.bone_path(fishbone.id, bone.id), "items"), made)):
                self.item = len(bone.items)
                self.redraw()
                self.query_one(EditBar).open(self.t("fishbone.prompt_item", bone=bone.category), "item")
        elif purpose == "bone":
            if not text:
                self._done()
                return
            made = self._make(lambda: Bone(category=text))
            if made is not None and self.apply_changes(
                    "fishbone.label_bone_add", self.changes.add((*ops.fishbone_path(fishbone.id), "bones"), made)):
                self.bone, self.item = len(fishbone.bones), None
                self._done()
        elif purpose == "category" and bone is not None:
            if not text:
                self.refuse(self.t("fishbone.category_empty"))
            elif self.apply_changes("fishbone.label_bone_rename",
                                    self.changes.set((*ops.bone_path(fishbone.id, bone.id), "category"), text)):
                self._done()
        elif purpose == "text" and bone is not None and item is not None:
            if not text or self.apply_changes("fishbone.label_item_edit",
                                              self.changes.set((*ops.item_path(fishbone.id, bone.id, item.id), "text"), text)):
                self._done()
        else:
            self._done()

    def draft_state(self) -> dict[str, object]:
        """Which fishbone, bone and item a kept text was typed for."""
        return {"fish": self.fish_id, "bone": self.bone, "item": self.item}

    def restore_draft_state(self, state: dict[str, object]) -> None:
        fish, bone, item = state.get("fish"), state.get("bone"), state.get("item")
        self.fish_id = fish if isinstance(fish, str) else self.fish_id
        self.bone = bone if isinstance(bone, int) else 0
        self.item = item if isinstance(item, int) else None
        self.redraw()

    def _make(self, make):  # noqa: ANN001, ANN202
        try:
            return make()
        except ValidationError as error:  # a typed text the model does not take (too long …)
            self.refuse(describe(error, self.lang))
            return None

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.redraw()
        self.query_one(FishboneView).focus()
