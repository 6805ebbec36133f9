"""Which post-its the post-its screen shows: by state (``f``) and by activity (``F``).

``f`` goes round *all but hidden* → *new* (the waiting ones) → *all, hidden too* (to find a
post-it hidden by mistake and show it again with ``h``). ``F`` goes round *every activity* → each
activity of the agenda that has post-its, in the agenda's order → *a deleted activity* (when a
post-it's activity was deleted) → every activity again. The line above the list says both, with
their keys, in the app's language. Plain logic, no widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from borgerspil_tui.core.cells import cut
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.workshop import PostIt, Workshop

STATES = ("all", "new", "everything")
"""The state filters in the order ``f`` goes round them (the first is where the screen starts)."""
WANTED = {"all": frozenset({"new", "accepted", "merged"}), "new": frozenset({"new"}),
          "everything": frozenset({"new", "accepted", "merged", "hidden"})}
"""The post-it states each state filter lets through."""
EVERY_ACTIVITY = None
GONE = ""
"""The activity filter for post-its whose activity was deleted (their ``activity`` is cleared)."""
TITLE_WIDTH = 24
"""How much of an activity's title the line above the list shows."""


@dataclass
class PostItFilter:
    """The state and the activity the post-its screen shows (``activity`` None: every one)."""

    state: str = STATES[0]
    activity: str | None = EVERY_ACTIVITY

    def lets_through(self, postit: PostIt, titles: dict[str, str]) -> bool:
        """Whether the post-it is shown (``titles``: the agenda's activities by id)."""
        if postit.state not in WANTED[self.state]:
            return False
        if self.activity is EVERY_ACTIVITY:
            return True
        if self.activity == GONE:
            return postit.activity is None or postit.activity not in titles
        return postit.activity == self.activity

    def next_state(self) -> None:
        """The next state filter (``f``)."""
        self.state = STATES[(STATES.index(self.state) + 1) % len(STATES)]

    def choices(self, workshop: Workshop) -> list[str | None]:
        """What ``F`` goes round: every activity, the agenda's activities that have post-its, and
        the deleted ones' when a post-it lost its activity."""
        used = {p.activity for p in workshop.postits}
        titles = {a.id for a in workshop.agenda}
        found: list[str | None] = [EVERY_ACTIVITY]
        found += [a.id for a in workshop.agenda if a.id in used]
        if any(ident is None or ident not in titles for ident in used):
            found.append(GONE)
        return found

    def next_activity(self, workshop: Workshop) -> None:
        """The next activity filter (``F``)."""
        choices = self.choices(workshop)
        at = choices.index(self.activity) if self.activity in choices else 0
        self.activity = choices[(at + 1) % len(choices)]

    def keep_to(self, titles: dict[str, str]) -> None:
        """An activity deleted since it was chosen: show every activity again."""
        if self.activity not in (EVERY_ACTIVITY, GONE) and self.activity not in titles:
            self.activity = EVERY_ACTIVITY

    # -- in words --------------------------------------------------------------------------------
    def state_text(self, lang: str) -> str:
        """``new (waiting)``."""
        return tr(lang, f"postits.filter.{self.state}")

    def activity_text(self, lang: str, titles: dict[str, str]) -> str:
        """``from every activity``, ``from Brainstorm 1`` (cut), ``from deleted activities``."""
        if self.activity is EVERY_ACTIVITY:
            return tr(lang, "postits.from_every")
        if self.activity == GONE:
            return tr(lang, "postits.from_gone")
        return tr(lang, "postits.from_activity", activity=cut(titles.get(self.activity, ""), TITLE_WIDTH))
