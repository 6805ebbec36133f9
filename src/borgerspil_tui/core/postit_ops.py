"""What the facilitator does with the post-its that come from phones (issue 14), as changes
(core/changes) the screen applies as one undoable step each: accept one into its activity's list,
merge several into one item, hide or show one again, take one in with a text the facilitator
edited (the post-it keeps what the participant wrote).

Rules decided here:

- The item is built by fast capture's own rules (:func:`~borgerspil_tui.core.workshop_capture.item_for`):
  an idea's title is cut at the line limit (the rest goes in its description) exactly as a typed line.
- The item goes to the list of the post-it's activity's target. When the activity was deleted, or
  its target is no capture list any more (a break, ``votes``), it goes to the ideas.
- The item is noted in the activity's log (``captured``) only while that activity runs; otherwise
  it is just added.
- ``said_by`` is set only when the author's name (typed on the phone) names one of the workshop's
  own participants (:func:`~borgerspil_tui.core.workshop_capture.participant_names`), by full name
  or an unambiguous first name (:func:`~borgerspil_tui.core.workshop_capture.credit_for`) — never a
  team member or guest who is not taking part (a citizen "Jonas" is not the team's Jonas Friis);
  a workshop without participants credits nobody. A merged item only when every author names the
  same person.
- A post-it's text is what the participant wrote and is never changed here (their phone shows it
  as theirs): an edit by the facilitator goes into the item only (:func:`accept` with ``text``).
- A post-it is *taken in* when accepted or merged and its item still exists. Taken-in post-its are
  not accepted, merged, hidden or edited-and-taken-in again (the facilitator edits or deletes the item instead);
  once their item is deleted, they are open again. A hidden post-it may be accepted directly.

No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.changes import Change
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.workshop import PostIt, Workshop
from borgerspil_tui.core.validation_messages import message_for
from borgerspil_tui.core.workshop_capture import (
    CAPTURE_TARGETS,
    Captured,
    CaptureRefused,
    credit_among,
    item_for,
    participant_names,
)
from borgerspil_tui.core.workshop_record import TARGET_LISTS, captured_changes

MERGE_JOIN = " / "
"""What joins the texts of merged post-its."""
TEXT_LIMIT = 20_000
"""The model's limit on a free text: a merge of very many post-its is cut there."""
FALLBACK_TARGET = "ideas"
"""Where a post-it goes when its activity is gone or captures nothing."""


class PostItRefused(Exception):
    """What the facilitator asked cannot be done; ``message`` says why, in our words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def _workshop(project: Project, workshop_id: str) -> Workshop:
    found = next((w for w in project.workshops if w.id == workshop_id), None)
    if found is None:
        raise PostItRefused(Message("postit.no_workshop"))
    return found


def _postit(workshop: Workshop, postit_id: str) -> PostIt:
    found = next((p for p in workshop.postits if p.id == postit_id), None)
    if found is None:
        raise PostItRefused(Message("postit.gone"))
    return found


def _path(workshop: Workshop, postit: PostIt) -> tuple[str, ...]:
    return ("workshops", workshop.id, "postits", postit.id)


def taken_in(postit: PostIt, builder: EditBuilder) -> bool:
    """Whether the post-it was accepted or merged and its item is still there."""
    if postit.state not in ("accepted", "merged") or postit.item is None:
        return False
    try:
        builder.path_of(postit.item)
    except KeyError:
        return False
    return True


def target_for(workshop: Workshop, postit: PostIt) -> str:
    """The capture target the post-it's item goes to (see the module's rules)."""
    activity = next((a for a in workshop.agenda if a.id == postit.activity), None)
    if activity is not None and activity.target in CAPTURE_TARGETS:
        return activity.target
    return FALLBACK_TARGET


def same_text_key(text: str) -> str:
    """What two texts share when they are the same but for case and spaces."""
    return "".join(text.split()).casefold()


def joined(texts: Sequence[str]) -> str:
    """The texts joined by :data:`MERGE_JOIN`, each the same text only once, cut at the limit."""
    seen: set[str] = set()
    kept: list[str] = []
    for text in texts:
        key = same_text_key(text)
        if key and key not in seen:
            seen.add(key)
            kept.append(" ".join(text.split()))
    whole = MERGE_JOIN.join(kept)
    if len(whole) > TEXT_LIMIT:
        cut = whole.rfind(" ", 0, TEXT_LIMIT + 1)
        whole = whole[:cut if cut > 0 else TEXT_LIMIT].rstrip()
    return whole


def _credit(project: Project, workshop: Workshop, authors: Sequence[str],
            people: Sequence[dict[str, str]] | None) -> str | None:
    groups = list(people) if people is not None else [participant_names(project, workshop)]
    found = {credit_among(author, groups) if author else None for author in authors}
    return found.pop() if len(found) == 1 else None


def _take_in(builder: EditBuilder, project: Project, workshop: Workshop, postits: Sequence[PostIt],
             people: Sequence[dict[str, str]] | None, text: str | None = None) -> tuple[BaseModel, list[Change]]:
    """The item the post-its become together (with ``text`` instead of theirs, when given), and
    the changes that add it (and note it)."""
    for postit in postits:
        if taken_in(postit, builder):
            raise PostItRefused(Message("postit.already_taken"))
    first = postits[0]
    target = target_for(workshop, first)
    try:
        item = item_for(target, Captured(text if text is not None else joined([p.text for p in postits])))
    except CaptureRefused as refused:
        raise PostItRefused(refused.message) from None
    credit = _credit(project, workshop, [p.author for p in postits], people)
    if credit is not None:
        item.said_by = credit  # type: ignore[attr-defined]
    changes = builder.add(TARGET_LISTS[target], item)
    timer = workshop.timer
    if timer is not None and timer.activity == first.activity:
        changes += captured_changes(builder, workshop, [item.id])  # type: ignore[attr-defined]
    return item, changes


def accept(builder: EditBuilder, project: Project, workshop_id: str, postit_id: str,
           people: Sequence[dict[str, str]] | None = None, *, text: str | None = None) -> list[Change]:
    """The changes that take the post-it in as an item of its activity's list (one step). With
    ``text`` (the facilitator's edit) the item gets that text, checked by the post-it's rules (one
    line, the length limit, no control characters; refused in our words), while the post-it keeps
    the participant's own words."""
    workshop = _workshop(project, workshop_id)
    postit = _postit(workshop, postit_id)
    if text is not None:
        if taken_in(postit, builder):
            raise PostItRefused(Message("postit.edit_taken"))
        text = _edited(text)
    item, changes = _take_in(builder, project, workshop, [postit], people, text)
    return changes + builder.set_fields(_path(workshop, postit), state="accepted",
                                        item=item.id)  # type: ignore[attr-defined]


def merge(builder: EditBuilder, project: Project, workshop_id: str, postit_ids: Sequence[str],
          people: Sequence[dict[str, str]] | None = None) -> list[Change]:
    """The changes that take two or more post-its in as one item whose text joins theirs: the
    first is "accepted", the others "merged", all pointing at the item (one step)."""
    workshop = _workshop(project, workshop_id)
    ids = list(dict.fromkeys(postit_ids))
    if len(ids) < 2:
        raise PostItRefused(Message("postit.merge_two"))
    postits = [_postit(workshop, ident) for ident in ids]
    item, changes = _take_in(builder, project, workshop, postits, people)
    for number, postit in enumerate(postits):
        changes += builder.set_fields(_path(workshop, postit), state="accepted" if number == 0 else "merged",
                                      item=item.id)  # type: ignore[attr-defined]
    return changes


def hide(builder: EditBuilder, project: Project, workshop_id: str, postit_id: str) -> list[Change]:
    """Hide a post-it not yet taken in (kept in the file, never shown in the report). A taken-in
    one is refused: its item is deleted instead."""
    workshop = _workshop(project, workshop_id)
    postit = _postit(workshop, postit_id)
    if taken_in(postit, builder):
        raise PostItRefused(Message("postit.hide_taken"))
    return builder.set_fields(_path(workshop, postit), state="hidden", item=None)


def unhide(builder: EditBuilder, project: Project, workshop_id: str, postit_id: str) -> list[Change]:
    """Show a hidden post-it again, as new."""
    workshop = _workshop(project, workshop_id)
    postit = _postit(workshop, postit_id)
    if postit.state != "hidden":
        return []
    return builder.set_fields(_path(workshop, postit), state="new")


def _edited(text: str) -> str:
    """The facilitator's edit as one line, checked by the post-it's rules (refused in our words)."""
    line = " ".join(text.split())
    if not line:
        raise PostItRefused(Message("postit.empty"))
    try:
        PostIt(text=line)
    except ValidationError as error:
        raise PostItRefused(message_for(error.errors()[0])) from None
    return line
