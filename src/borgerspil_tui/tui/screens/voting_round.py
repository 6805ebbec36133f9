"""A dot-voting round at the laptop: the facilitator sets the dots, then each participant in turn
gives theirs seeing only their own dots and how many are left — never the totals — until the
facilitator reveals the ranked result. The round is kept in the running (else the last) workshop
with its totals; a named round's dots also become the project's votes (one undo step for both).

While the app shares the workshop with the room's phones (issue 14), a round started here is open
to them (``RoomHost.live_round``): each phone spends its own dots beside the laptop's turns, the
screen shows only how many phones have voted, and the reveal hands the phones the ranked result.
Such a round is anonymous: the phones' people are not the project's, and no name goes in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.workshop_capture import everyone, participant_names
from borgerspil_tui.core.workshop_record import round_changes, round_workshop
from borgerspil_tui.core.workshop_summary import shared_places
from borgerspil_tui.core.workshop_vote import MOST_DOTS, VoteRefused, VotingRound
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from borgerspil_tui.core.room_host import RoomHost

BAR_WIDTH = 30
"""The longest result bar, in characters."""
ROUND_ACTIONS = frozenset({"more", "fewer", "give", "take_back", "per_idea", "anonymous", "start", "next_voter", "reveal"})
"""The screen's own keys: each shows (and runs) only while it can act."""


class VotingRoundScreen(BaseScreen):
    """Set up (dots per person, most per idea, anonymous or named), vote in turn, reveal."""

    NAME = "voting-round"
    SCREEN_COMMANDS = [
        Command("more", "plus", "voting.more", "help.voting_more"),
        Command("fewer", "minus", "voting.fewer", "help.voting_fewer"),
        Command("give", "space", "voting.give", "help.voting_give"),
        Command("take_back", "delete", "voting.take_back", "help.voting_take_back"),
        Command("per_idea", "i", "voting.per_idea", "help.voting_per_idea"),
        Command("anonymous", "a", "voting.anonymous", "help.voting_anonymous_phones"),
        Command("start", "s", "voting.start", "help.voting_start_phones"),
        Command("next_voter", "n", "voting.next", "help.voting_next"),
        Command("reveal", "v", "voting.reveal", "help.voting_reveal"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    VotingRoundScreen #round-head { height: auto; padding: 0 1; text-style: bold; }
    VotingRoundScreen #round-phones { height: auto; padding: 0 1; color: $success; }
    VotingRoundScreen #round-message { height: auto; padding: 0 1; color: $error; }
    VotingRoundScreen #round-message.-note { color: $success; }
    VotingRoundScreen #round-ideas { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.dots = 3
        self.per_idea = 1
        self.is_anonymous = False
        self.round: VotingRound | None = None
        self.result: list[tuple[str, int]] | None = None
        self._undone: tuple[VotingRound | None, list[tuple[str, int]] | None, str, bool] | None = None
        """The round whose keeping was undone (round, result, kept id, open to phones): a redo brings it back."""
        self._kept: str | None = None
        """The id of the round kept in the workshop at the reveal (its undo resets the screen)."""
        self._seen: tuple[bool, bool] | None = None
        """(sharing, the round open to phones) when last drawn: the watch redraws on a change."""
        self._count = -1
        """How many phones had voted when last shown."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="round-head", markup=False)
        yield Static(id="round-phones", markup=False)
        yield Static(id="round-message", markup=False)
        yield OptionList(id="round-ideas", markup=False)

    def on_mount(self) -> None:
        self.dots = self.session.project.create.dots_per_person or 3
        left = getattr(self.app, "voting_round_left", None)
        if left is not None:  # a round left unfinished (Esc) goes on where it stopped
            self.app.voting_round_left = None  # type: ignore[attr-defined]
            self.round, self.dots, self.per_idea, self.is_anonymous = left
            self.call_after_refresh(self._say, self.t("voting.resumed"), note=True)
        self.set_interval(0.5, self._watch_phones)  # phones vote without a session change
        # Textual calls BaseScreen.on_mount (which populates) after this one: not called here too

    def on_unmount(self) -> None:
        """Leaving mid-round keeps the round for when the screen opens again: no dot is lost."""
        if self.round is not None and self.result is None:
            self.app.voting_round_left = (self.round, self.dots, self.per_idea, self.is_anonymous)  # type: ignore[attr-defined]

    def project_changed(self) -> None:
        super().project_changed()
        kept = self._kept
        rounds = {held.id for w in self.session.project.workshops for held in w.rounds}
        if kept is not None and kept not in rounds:
            host = self._host()
            live = host is not None and self.round is not None and host.live_round is self.round
            if live:
                host.live_round, host.result = None, None  # the phones' result goes with it
            self._undone = (self.round, self.result, kept, live)
            self.round, self.result, self._kept = None, None, None  # the round was undone: set up again
            self._say(self.t("voting.undone"), note=True)
            self.populate()
        elif kept is None and self._undone is not None and self.round is None and self._undone[2] in rounds:
            self.round, self.result, self._kept, live = self._undone  # redone: the result is back, on the phones too
            self._undone = None
            host = self._host()
            if live and host is not None:
                host.live_round, host.result = self.round, self.result
            self._say(self.t("voting.redone"), note=True)
            self.populate()

    def acting_keys(self) -> frozenset[str]:
        """The actions that can act now: setting up, a turn to vote, all turns done, the result."""
        if self.result is not None:
            return frozenset()
        if self.round is None:
            return frozenset({"more", "fewer", "per_idea", "anonymous", "start"})
        if self.round.current_voter is None:
            return frozenset({"reveal"})
        return frozenset({"more", "fewer", "give", "take_back", "next_voter", "reveal"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that cannot act now is neither shown in the footer nor run."""
        if action in ROUND_ACTIONS and action not in self.acting_keys():
            return False
        return super().check_action(action, parameters)

    # -- the room's phones -------------------------------------------------------------------------
    def _host(self) -> RoomHost | None:
        """The host phones reach while the app shares the workshop, else None."""
        room_host = getattr(self.app, "room_host", None)
        return room_host() if room_host is not None else None

    def _live(self) -> bool:
        """Whether this screen's round is open to the phones now."""
        host = self._host()
        return host is not None and self.round is not None and host.live_round is self.round

    def _anonymous(self) -> bool:
        """Whether the round is (or, set up now, would be) anonymous: always while sharing."""
        if self.round is not None:
            return self.round.anonymous
        return self.is_anonymous or self._host() is not None

    def _show_phones(self) -> None:
        """How many phones have voted while the round runs — a count, never the totals."""
        phones = self.query_one("#round-phones", Static)
        round_ = self.round
        count = round_.side_voted() if round_ is not None else 0
        phones.display = round_ is not None and self.result is None and (self._live() or count > 0)
        phones.update(Content(self.t("voting.phones", count=count) if phones.display else ""))
        self._count = count

    def _watch_phones(self) -> None:
        """Every half second: redraw when sharing starts or stops, show the count when it grew."""
        if not self.is_mounted or self.bapp.session is None:
            return
        seen = (self._host() is not None, self._live())
        if seen != self._seen:
            self.populate()
        elif self.round is not None and self.round.side_voted() != self._count:
            self._show_phones()

    # -- who and what ------------------------------------------------------------------------------
    def _people(self) -> dict[str, str]:
        project = self.session.project
        workshop = round_workshop(project)
        if workshop is not None and (named := participant_names(project, workshop)):
            return named
        return everyone(project)

    def _titles(self) -> dict[str, str]:
        return {idea.id: idea.title for idea in self.session.project.create.ideas}

    # -- drawing -----------------------------------------------------------------------------------
    def _say(self, text: str = "", *, note: bool = False) -> None:
        """A refusal (in the error colour) or, with ``note``, a plain note of what was done."""
        message = self.query_one("#round-message", Static)
        message.set_class(note, "-note")
        message.update(Content(text))

    def populate(self) -> None:
        head = self.query_one("#round-head", Static)
        ideas = self.query_one("#round-ideas", OptionList)
        keep = ideas.highlighted
        ideas.clear_options()
        titles = self._titles()
        mode = self.t("voting.mode.anonymous" if self._anonymous() else "voting.mode.named")
        self._seen = (self._host() is not None, self._live())
        self._show_phones()
        self.refresh_bindings()  # the footer shows the keys of the new state
        if self.result is not None:
            most = max((dots for _i, dots in self.result), default=0) or 1
            head.update(Content(self.t("voting.result", mode=mode)))
            for rank, (idea, dots) in zip(shared_places([dots for _i, dots in self.result]), self.result):
                bar = "█" * round(BAR_WIDTH * dots / most)
                ideas.add_option(Option(Content(f"{rank:>2}. {bar} {dots}  {titles.get(idea, idea)}"), id=idea))
            return
        if self.round is None:
            setup = self.t("voting.setup", dots=self.dots, per_idea=self.per_idea, mode=mode,
                           people=len(self._people()), ideas=len(titles))
            if self._host() is not None:
                setup += "\n" + self.t("voting.setup_phones")
            head.update(Content(setup))
            for title in titles.values():
                ideas.add_option(Option(Content(title)))
            return
        voter = self.round.current_voter
        if voter is None:
            done = "voting.all_voted" if not self._live() else "voting.laptop_done" if self.round.in_turn else "voting.phones_only"
            head.update(Content(self.t(done)))
            return
        name = self.round.names.get(voter, voter)
        head.update(Content(self.t("voting.turn", name=name, left=self.round.left(voter),
                                   dots=self.round.dots_per_person)))
        own = self.round.own_dots(voter)
        for idea in self.round.ideas:
            ideas.add_option(Option(Content(f"{'●' * own.get(idea, 0):<6} {titles.get(idea, idea)}"), id=idea))
        if ideas.option_count:
            ideas.highlighted = min(keep or 0, ideas.option_count - 1)

    # -- setting up --------------------------------------------------------------------------------
    def action_more(self) -> None:
        """Setting up: one more dot per person; while voting: a dot on the highlighted idea."""
        if self.round is not None:
            self.action_give()
        elif self.dots < MOST_DOTS:
            self.dots += 1
            self.populate()

    def action_fewer(self) -> None:
        """Setting up: one dot fewer per person; while voting: take a dot back."""
        if self.round is not None:
            self.action_take_back()
        elif self.dots > 1:
            self.dots -= 1
            self.per_idea = min(self.per_idea, self.dots)
            self.populate()

    def action_per_idea(self) -> None:
        """Setting up: the most dots one person may put on one idea (1 up to the dots, round again)."""
        if self.round is None:
            self.per_idea = self.per_idea % self.dots + 1
            self.populate()

    def action_anonymous(self) -> None:
        """Setting up: an anonymous round (totals only) or a named one (each person's votes kept)."""
        if self.round is None and self._host() is not None:
            self._say(self.t("voting.anonymous_sharing"))
        elif self.round is None:
            self.is_anonymous = not self.is_anonymous
            self.populate()

    def action_start(self) -> None:
        """Start the round with the first person; while sharing, open it to the phones too (an
        anonymous round: the phones' result of an earlier round goes)."""
        if self.round is not None or self.result is not None:
            return
        people, titles, host = self._people(), self._titles(), self._host()
        if not titles or (not people and host is None):
            self._say(self.t("voting.nothing"))
            return
        self.round = VotingRound(list(people), list(titles), self.dots, self.per_idea,
                                 anonymous=self._anonymous(), names=people)
        if host is not None:  # a new round closes the old one for the phones
            host.live_round, host.result = self.round, None
        self._say()
        self.populate()
        self.query_one("#round-ideas", OptionList).focus()

    # -- voting ------------------------------------------------------------------------------------
    def _dot(self, give: bool) -> None:
        round_ = self.round
        ideas = self.query_one("#round-ideas", OptionList)
        if round_ is None or round_.current_voter is None or ideas.highlighted is None:
            return
        idea = ideas.get_option_at_index(ideas.highlighted).id
        try:
            (round_.give if give else round_.take_back)(round_.current_voter, idea)
        except VoteRefused as refused:
            self._say(tr(self.lang, refused.message.key, **refused.message.values))
            return
        self._say()
        self.populate()

    def action_give(self) -> None:
        """A dot on the highlighted idea from the person whose turn it is."""
        self._dot(True)

    def action_take_back(self) -> None:
        """Take one of this person's dots off the highlighted idea."""
        self._dot(False)

    def action_next_voter(self) -> None:
        """Hand the laptop to the next person (the screen forgets this person's dots)."""
        if self.round is not None and self.result is None:
            self.round.next_voter()
            self._say()
            self.populate()
            ideas = self.query_one("#round-ideas", OptionList)
            if ideas.option_count:  # the next person starts at the top, not where the last one stopped
                ideas.highlighted = 0

    def action_reveal(self) -> None:
        """End the round and show the ranked result; the round is kept in the workshop, and a
        named round's dots become the project's votes (one undo step)."""
        if self.round is None or self.result is not None:
            return
        self.result = self.round.reveal()
        host = self._host()
        if host is not None and host.live_round is self.round:
            host.result = list(self.result)  # the phones show the ranked result
        workshop = round_workshop(self.session.project)
        changes = round_changes(self.session.project, self.round, self.bapp.clock.now())
        if changes:
            if self.apply_changes("voting.saved", changes):
                self._say(self.t("voting.kept", title=workshop.title) if workshop is not None else "", note=True)
                saved = round_workshop(self.session.project)
                self._kept = saved.rounds[-1].id if saved is not None and saved.rounds else None
        else:
            self._say(self.t("voting.anonymous_not_kept"))
        self.populate()
