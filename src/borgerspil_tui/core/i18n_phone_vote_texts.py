"""Texts of dot voting from phones (issue 14): key → (Danish, English)."""

PHONE_VOTE_TEXTS: dict[str, tuple[str, str]] = {
    "voting.phones": ("{count} {count:telefon|telefoner} har stemt", "{count} {count:phone has|phones have} voted"),
    "voting.setup_phones": ("Telefonerne kan stemme, når runden starter, hver med sine egne prikker.",
                            "Phones can vote once the round starts, each with its own dots."),
    "voting.anonymous_sharing": ("Mens der deles med telefoner, er runden anonym: dem på telefonerne er ikke "
                                 "projektets personer, og ingen borgers navn skal i filen",
                                 "While sharing with phones, the round is anonymous: the people on the phones "
                                 "are not the project's people, and no citizen's name goes in the file"),
    "voting.laptop_done": ("Computerens tur er slut; telefonerne kan stadig stemme. v viser resultatet.",
                           "The laptop's turns are done; phones can still vote. v reveals the result."),
    "voting.phones_only": ("Telefonerne stemmer. v viser resultatet.", "The phones vote. v reveals the result."),
    "help.voting_anonymous_phones": (
        "Opsætning: anonym runde (kun resultatet) eller med navne (gemmes som stemmer). Mens der deles med "
        "telefoner, er runden altid anonym: dem på telefonerne er ikke projektets personer, og ingen borgers "
        "navn skal i filen",
        "Setting up: anonymous round (result only) or named (kept as votes). While sharing with phones, the "
        "round is always anonymous: the people on the phones are not the project's people, and no citizen's "
        "name goes in the file"),
    "help.voting_start_phones": (
        "Start runden med første person. Deles der med telefoner, kan de stemme samtidig (hver med sine egne "
        "prikker) til resultatet vises; skærmen viser kun, hvor mange der har stemt",
        "Start the round with the first person. While sharing with phones, they vote at the same time (each "
        "with their own dots) until the reveal; the screen shows only how many have voted"),
    "voting.redone": ("Runden er gentaget: resultatet vises igen", "The round was redone: the result is shown again"),
}
