"""Texts added for the screens' keys and layout (back, pickers, status). Key → (Danish, English)."""

SCREEN_TEXTS: dict[str, tuple[str, str]] = {
    # Esc goes back
    "key.back": ("tilbage", "back"),
    "help.back": ("Tilbage til den skærm, du kom fra (i et tekstfelt: ud af feltet)",
                  "Back to the screen you came from (in a text field: leave the field)"),
    # Delete deletes the item under the cursor, everywhere (undo brings it back)
    "notes.clear": ("slet note", "delete note"),
    "help.notes_clear": ("Slet jeres note på punktet (Ctrl+Z fortryder)",
                         "Delete your note on the item (Ctrl+Z undoes)"),
    "value.clear": ("slet mål", "delete goal"),
    "help.value_clear": ("Sig op på typen af værdi og slet dens mål (Ctrl+Z fortryder)",
                         "Stop aiming at the kind of value and delete its goal (Ctrl+Z undoes)"),
    "succes.clear": ("slet vurdering", "delete rating"),
    "help.succes_clear": ("Slet vurdering, belæg og citat for kriteriet (Ctrl+Z fortryder)",
                          "Delete the criterion's rating, evidence and quote (Ctrl+Z undoes)"),
    "votes.delete_guest": ("slet gæst", "delete guest"),
    "help.votes_delete": ("Slet gæsten og gæstens prikker; på idéerne: tag personens prikker tilbage",
                          "Delete the guest and their dots; on the ideas: take back the person's dots"),
    "votes.member_on_team": ("Holdets medlemmer slettes på skærmen Holdet", "Team members are deleted on the Team screen"),
    "checklist.delete": ("slet svar", "delete answer"),
    "help.checklist_delete": ("Slet svaret og noten (Ctrl+Z fortryder)", "Delete the answer and the note (Ctrl+Z undoes)"),
    "card.delete_test": ("slet testrunde", "delete test round"),
    "card.clear": ("tøm element", "empty element"),
    "help.card_delete": ("Slet testrunden, eller tøm elementet (Ctrl+Z fortryder)",
                         "Delete the test round, or empty the element (Ctrl+Z undoes)"),
    "card.title_stays": ("Et koncept har altid en titel; slet hele konceptet på listen over koncepter",
                         "A concept always has a title; delete the whole concept in the list of concepts"),
    # Test rounds: with whom, a target group or in words
    "card.with_whom_title": ("Testet med hvem? En af målgrupperne, eller skriv selv",
                             "Tested with whom? One of the target groups, or write it yourself"),
    "card.with_whom_free": ("✎ Skriv selv (fx «3 borgere i distrikt Nord»)",
                            "✎ Write it yourself (e.g. \"3 citizens in the north district\")"),
    "card.with_whom_prompt": ("Testet med hvem?", "Tested with whom?"),
    # Det ved vi: n says which list it adds to
    "knowledge.add_to": ("ny i «{list}»", "new in “{list}”"),
    "knowledge.prompt_add": ("Ny i «{list}» (Enter for den næste, tom Enter stopper):",
                             "New in “{list}” (Enter for the next, empty Enter stops):"),
    # Process design
    "process.phase_fixed": ("Faserne er metodens egne og kan ikke rettes – gå til højre (→) for at skrive i rækken",
                            "The phases are the method's own and cannot be edited – go right (→) to write in the row"),
    # SUCCES
    "succes.quote_change": ("skift citatet", "change the quote"),
    "succes.quote_chosen": ("Citatet er valgt – bærer det budskabet? Vurdér med j/d/n, eller skift det med q.",
                            "The quote is chosen – does it carry the message? Rate it with y/p/n, or change it with q."),
}
