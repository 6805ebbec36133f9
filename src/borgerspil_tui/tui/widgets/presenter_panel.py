"""The presenter view's lower half: what the running activity captured, the problem tree, the top
of the matrix, a concept card or how a voting round goes — read-only, all user text plain."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import presenter_content as pc
from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.tree_picture import draw
from borgerspil_tui.core.workshop_summary import ranked
from borgerspil_tui.core.workshop_summary_words import bar
from borgerspil_tui.tui.widgets.tree_picture_view import TreePictureView

if TYPE_CHECKING:
    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.model.workshop import Activity, Workshop

VIEWS = ("auto", "captured", "tree", "matrix", "concept")
"""What ``tab`` cycles through (``auto`` follows the activity's target)."""
TOP = 5
"""Ideas shown from the top of the matrix."""
MOST_DOTS = 12
"""Dots drawn one by one; more are written as a number."""


def voting_progress(app: Any) -> tuple[str, int] | None:
    """How a voting round on one of the app's screens goes, never its totals: ``("on", people
    who have voted)``, ``("all", n)`` or ``("done", n)``; None when no round has begun there."""
    host = app.room_host() if hasattr(app, "room_host") else None
    for screen in reversed(app.screen_stack):
        held = getattr(screen, "round", None)
        if held is None or not hasattr(held, "current_voter"):
            continue
        if getattr(screen, "result", None) is not None:
            return "done", held.voted()  # as the kept round counts them: who gave a dot
        if held.current_voter is None and (host is None or host.live_round is not held):
            return "all", len(held.voters)
        return "on", held.turn + held.side_voted()  # the laptop's turns and the phones that voted
    left = getattr(app, "voting_round_left", None)  # left mid-round (Esc): phones may go on voting
    if left is not None and host is not None and host.live_round is left[0]:
        return "on", left[0].turn + left[0].side_voted()
    return None


class PresenterPanel(Vertical):
    """A heading and one view under it; :meth:`show` draws a view of the running workshop."""

    DEFAULT_CSS = """
    PresenterPanel { height: 1fr; }
    PresenterPanel #panel-title {
        height: auto; padding: 0 1; color: $secondary; text-style: bold; border-bottom: hkey $panel;
    }
    PresenterPanel #panel-text { height: 1fr; padding: 0 1; }
    PresenterPanel #panel-tree { height: 1fr; display: none; }
    PresenterPanel.-tree #panel-tree { display: block; }
    PresenterPanel.-tree #panel-text { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title", markup=False)
        yield Static(id="panel-text", markup=False)
        yield TreePictureView(id="panel-tree")

    @property
    def lang(self) -> str:
        """The project's language: the room reads the wall (the app's may differ: DESIGN.md)."""
        session = getattr(self.app, "session", None)
        return session.project.language if session is not None else self.app.language  # type: ignore[attr-defined]

    def t(self, key: str, **values: object) -> str:
        """A text for the room, in the project's language."""
        return tr(self.lang, key, **values)

    def _put(self, title: str, body: Content) -> None:
        self.set_class(False, "-tree")
        self.query_one("#panel-title", Static).update(Content(title))
        self.query_one("#panel-text", Static).update(body)

    def rows(self) -> int:
        """Rows the view has (a guess before the first layout)."""
        height = self.query_one("#panel-text").content_size.height
        return height if height > 0 else max(3, self.app.size.height - 14)

    def columns(self) -> int:
        """Cells a row of the view has (a guess before the first layout)."""
        width = self.query_one("#panel-text").content_size.width
        return width if width > 0 else max(20, self.app.size.width - 6)

    def fit(self, parts: list[Content], more: int = 0) -> list[Content]:
        """As many of ``parts`` as the view has rows for: all of them wrapped when they fit; else the
        first wrapped and the others cut to one row each (…), with "… and n more" for the rest
        (``more``: items not even in ``parts``)."""
        width, room = self.columns(), self.rows()
        high = [len(part.wrap(width)) or 1 for part in parts]
        if sum(high) + (1 if more else 0) <= room:
            return parts
        kept: list[Content] = []
        used = 0
        for index, part in enumerate(parts):
            after = len(parts) - index - 1 + more
            if index == 0 and high[0] + (1 if after else 0) <= room:
                kept.append(part)  # the first (the newest) whole
                used += high[0]
                continue
            if used + 1 + (1 if after else 0) > room:  # keep a row for the count of the rest
                break
            kept.append(part.truncate(width, ellipsis=True))
            used += 1
        left = len(parts) - len(kept) + more
        if left:
            kept.append(Content.styled(self.t("presenter.more", count=left), "$text-muted"))
        return kept

    def show(self, view: str, project: Project, workshop: Workshop | None, activity: Activity | None) -> None:
        """Draw ``view`` (one of :data:`VIEWS` but ``auto``, or ``votes``, ``next``, ``agenda``)."""
        if view == "captured":
            self.show_captured(project, workshop, activity)
        elif view == "tree":
            self.show_tree(project)
        elif view == "matrix":
            self.show_matrix(project, activity)
        elif view == "concept":
            self.show_concept(project)
        elif view == "votes":
            self.show_votes(workshop, activity)
        elif view == "agenda" and workshop is not None:
            lines = [Content(f"{n}. {a.title} · {a.minutes} min") for n, a in enumerate(workshop.agenda, start=1)]
            body = Content("\n").join(self.fit(lines)) if lines else Content(self.t("presenter.no_agenda"))
            self._put(self.t("presenter.agenda"), body)
        else:
            self.show_next(workshop, activity)

    def show_captured(self, project: Project, workshop: Workshop | None, activity: Activity | None) -> None:
        """What the activity captured, newest first (the newest stands out)."""
        target = activity.target if activity is not None else None
        if workshop is None or activity is None or target is None or target == "votes":
            self._put(self.t("presenter.no_capture"), Content(""))
            return
        lines = pc.captured(project, workshop, activity.id)
        title = self.t("presenter.captured", target=self.t(f"workshop.target.{target}"), count=len(lines))
        if not lines:
            title = self.t("presenter.captured_title", target=self.t(f"workshop.target.{target}"))
            self._put(title, Content.styled(self.t("presenter.nothing_captured"), "italic $text-muted"))
            return
        room = max(1, self.rows())
        shown = lines[:room]  # more would not fit whatever their length
        parts: list[Content] = []
        for number, line in enumerate(shown):
            text = Content.styled(f"▸ {line.text}", "bold $accent" if number == 0 else "bold")
            if line.said_by:
                text += Content.styled(f"  — {line.said_by}", "$text-muted")
            parts.append(text)
        parts = self.fit(parts, more=len(lines) - len(shown))
        spaced = len(parts) * 2 - 1 <= room and self.app.size.height >= 30 and len(parts) == len(lines)
        self._put(title, Content("\n\n" if spaced else "\n").join(parts))  # room to breathe on a big screen

    def show_tree(self, project: Project) -> None:
        """The problem tree as the method draws it."""
        self._put(self.t("presenter.tree"), Content(""))
        self.set_class(True, "-tree")
        focus = project.focus
        width = max(40, (self.size.width or self.app.size.width) - 2)
        picture = draw(focus.problem, focus.causes, focus.consequences, width,
                       problem_label=self.t("tree.problem").upper(), empty_problem=self.t("presenter.no_problem"),
                       mark=self.t("tree.uncertain_mark"))
        self.query_one("#panel-tree", TreePictureView).show(picture, None)

    def show_matrix(self, project: Project, activity: Activity | None) -> None:
        """The best ideas by the matrix's rank, with their dots (hidden while a round is on)."""
        ranked = rank_ideas(project, self.app.method)[:TOP]  # type: ignore[attr-defined]
        if not ranked:
            self._put(self.t("presenter.matrix", count=TOP), Content.styled(self.t("presenter.no_ideas"), "italic"))
            return
        progress = voting_progress(self.app)
        hidden = progress is not None and progress[0] in ("on", "all")
        parts: list[Content] = []
        for found in ranked:
            dots = "" if hidden else ("●" * found.dots if found.dots <= MOST_DOTS else f"● {found.dots}")
            score = self.t("presenter.score", score=f"{found.score:.1f}".replace(".", "," if self.lang == "da" else "."))
            parts.append(Content.styled(f"{found.rank}. ", "bold") + Content.styled(found.idea.title, "bold")
                         + Content.styled(f"  {dots}", "$accent") + Content.styled(f"  {score}", "$text-muted"))
        if hidden:
            parts.append(Content.styled(self.t("presenter.dots_hidden"), "italic $text-muted"))
        self._put(self.t("presenter.matrix", count=len(ranked)), Content("\n").join(self.fit(parts)))

    def show_concept(self, project: Project) -> None:
        """A concept card: its elements and ideas, read-only."""
        from borgerspil_tui.tui.screens.concept_card import TEXT_ELEMENTS

        concept = pc.concept_to_show(project, getattr(self.app, "current_concept", None))
        if concept is None:
            self._put(self.t("presenter.concept", title="–"), Content.styled(self.t("presenter.no_concept"), "italic"))
            return
        groups = {g.id: g.name for g in project.focus.target_groups}
        parts: list[Content] = []
        for element in self.app.method.concept_elements:  # type: ignore[attr-defined]
            if element.id == "title":
                continue
            if element.id in TEXT_ELEMENTS:
                body = getattr(concept, TEXT_ELEMENTS[element.id])
            elif element.id == "target-group":
                body = ", ".join(groups.get(g, g) for g in concept.target_groups)
            elif element.id == "requirements":
                body = " · ".join(concept.requirements)
            else:
                body = ""
            body = " · ".join(line.strip() for line in body.splitlines() if line.strip())  # one paragraph each
            if body:
                parts.append(Content.styled(f"{element.name(self.lang)}: ", "bold $secondary") + Content(body))
        titles = {idea.id: idea.title for idea in project.create.ideas}
        if concept.ideas:
            ideas = ", ".join(titles.get(i, i) for i in concept.ideas)
            parts.append(Content.styled(f"{self.t('presenter.concept_ideas')}: ", "bold $secondary") + Content(ideas))
        self._put(self.t("presenter.concept", title=concept.title), Content("\n").join(self.fit(parts)))

    def show_votes(self, workshop: Workshop | None, activity: Activity | None) -> None:
        """Whether the round is on and how many have voted: never the totals."""
        progress = voting_progress(self.app)
        if progress is None and workshop is not None and activity is not None:
            held = [r for r in workshop.rounds if r.activity == activity.id]
            progress = ("done", held[-1].voters) if held else None
        if progress is None:
            body = Content.styled(self.t("presenter.vote_waiting"), "bold")
        elif progress[0] == "on":
            body = (Content.styled(self.t("presenter.vote_on"), "bold $accent") + Content("\n")
                    + Content.styled(self.t("presenter.voted", count=progress[1]), "bold"))
        elif progress[0] == "all":
            body = Content.styled(self.t("presenter.vote_all"), "bold")
        else:  # revealed: now the room may see the result
            lines = [Content.styled(self.t("presenter.vote_done", count=progress[1]), "bold")]
            lines += self._result(workshop, activity)
            body = Content("\n").join(self.fit(lines))
        self._put(self.t("presenter.votes"), body)

    def _result(self, workshop: Workshop | None, activity: Activity | None) -> list[Content]:
        """The revealed round of this activity ranked, with text bars: ties share a place and keep
        the ideas' order, as on the voting screen, the phones, the summary and the report."""
        held = [r for r in workshop.rounds if activity is not None and r.activity == activity.id] if workshop else []
        if not held or not held[-1].totals:
            return []
        totals = ranked(held[-1], self.app.session.project)  # type: ignore[attr-defined]
        return [Content(f"{total.rank:>2}. ") + Content.styled(bar(total.dots, totals[0].dots, 24), "$accent")
                + Content(f" {total.dots}  {total.title or ''}")
                for total in totals]

    def show_next(self, workshop: Workshop | None, activity: Activity | None) -> None:
        """A break or a talk: what comes next."""
        if workshop is None or activity is None:
            self._put("", Content(""))
            return
        _, following = pc.place(workshop, activity.id)
        text = (self.t("presenter.next", title=following.title, minutes=following.minutes) if following
                else self.t("presenter.last"))
        self._put("", Content.styled(text, "bold"))
