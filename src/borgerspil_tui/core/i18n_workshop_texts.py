"""UI texts of workshop mode's core (timer, fast capture, voting rounds): key → (Danish, English)."""

WORKSHOP_TEXTS: dict[str, tuple[str, str]] = {
    "workshop.capture.no_target": ("Aktiviteten samler ikke punkter op (mål: {target})",
                                   "This activity does not collect items (target: {target})"),
    "workshop.vote.no_dots_left": ("Ikke flere prikker til {voter}: højst {limit} i alt",
                                   "No dots left for {voter}: at most {limit} in all"),
    "workshop.vote.idea_limit": ("Højst {limit} {limit:prik|prikker} på samme idé fra én person",
                                 "At most {limit} {limit:dot|dots} on one idea from one person"),
    "workshop.vote.no_dot_to_take": ("{voter} har ingen prik på den idé",
                                     "{voter} has no dot on that idea"),
    "workshop.vote.unknown_voter": ("Ikke med i denne runde: {voter}", "Not voting in this round: {voter}"),
    "workshop.vote.unknown_idea": ("Idéen er ikke med i denne runde", "That idea is not in this round"),
    "workshop.vote.revealed": ("Resultatet er vist; runden er slut", "The result is shown; the round is over"),
}
