"""The semantic three-way merge: two people's edits since a common version, combined item by item.

``merge_projects(base, ours, theirs)`` matches items by id (never by position), keeps both
sides' new items, merges fields one by one and maps key by key, merges the problem tree per node
(text, parent, place, uncertain), removes links to items deleted on either side (and reports
them), and records what both sides changed differently as :class:`~borgerspil_tui.core.model.
conflicts.Conflict` in the merged project, which holds our side meanwhile. The result is always a
valid project. One engine for git's merge driver, ``git pull`` in the app and two windows.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.conflicts import Conflict


@dataclass(frozen=True)
class DroppedLink:
    """A link removed because the item it pointed to was deleted on one side."""

    where: str
    """Dotted path of the field that held the link (``create.ideas.idea-x.inspired_by``)."""
    target: str
    """The id of the deleted item."""
    about: Message
    """What held the link, in words ("idé «Hurtigspor»")."""


@dataclass
class MergeResult:
    """The merged project, the conflicts recorded in it, and the links that had to go."""

    project: Project
    conflicts: list[Conflict] = field(default_factory=list)
    """The conflicts this merge recorded (also in ``project.conflicts``, after any older ones)."""
    dropped_links: list[DroppedLink] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether the merge decided everything (no conflict recorded)."""
        return not self.conflicts


def merge_projects(base: Project, ours: Project, theirs: Project, *, lang: str | None = None) -> MergeResult:
    """Combine the changes ``ours`` and ``theirs`` made since ``base``.

    ``lang`` words the conflicts' ``about`` (default: the merged project's language). None of
    the three projects is changed.
    """
    raise NotImplementedError("being written")
