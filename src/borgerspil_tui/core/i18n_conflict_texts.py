"""UI texts of the Konflikter screen and resolving conflicts: key → (Danish, English)."""

CONFLICT_TEXTS: dict[str, tuple[str, str]] = {
    # the screen
    "screen.conflicts": ("Konflikter", "Conflicts"),
    "conflicts.intro": (
        "To versioner ændrede det samme forskelligt. Filen har vores version, indtil I vælger.",
        "Two versions changed the same thing differently. The file holds ours until you choose."),
    "conflicts.empty": ("Ingen konflikter: alt er flettet.", "No conflicts: everything is merged."),
    "conflicts.column_about": ("Hvad", "What"),
    "conflicts.column_where": ("Hvor", "Where"),
    "conflicts.base": ("Fælles udgangspunkt", "Common base"),
    "conflicts.ours": ("Vores (o)", "Ours (o)"),
    "conflicts.theirs": ("Deres (t)", "Theirs (t)"),
    "conflicts.count": ("{n} {n:konflikt|konflikter}", "{n} {n:conflict|conflicts}"),
    "conflicts.all_resolved": ("Alle konflikter er løst.", "All conflicts are resolved."),
    "conflicts.all_resolved_git": ("Alle konflikter er løst og gemt. Git venter stadig på fletningen: "
                                   "git add {name} og git commit afslutter den.",
                                   "All conflicts are resolved and saved. Git still waits for the merge: "
                                   "git add {name} and git commit finish it."),
    "conflicts.gone": (
        "Stedet findes ikke længere (slettet siden): konflikten er fjernet uden ændringer.",
        "The place no longer exists (deleted since): the conflict was removed without changes."),
    "conflicts.not_here": ("Det valg passer ikke til denne konflikt.", "That choice does not fit this conflict."),
    "conflicts.under_itself": ("Det valg ville sætte noden under sig selv (den anden side flyttede også): vælg den "
                               "anden side, eller flyt den bagefter i problemtræet.",
                               "That choice would put the node under itself (the other side moved too): choose the "
                               "other side, or move it afterwards in the problem tree."),
    "conflicts.prompt_edit": ("Ny værdi", "New value"),
    "conflicts.area_keys": ("Ctrl+S: tag teksten · Esc: fortryd", "Ctrl+S: take the text · Esc: cancel"),
    "helpkeys.take_area": ("Tag teksten i feltet (Enter giver en ny linje)", "Take the text in the box (Enter makes a new line)"),
    "conflicts.opened": (
        "Filen har {n} {n:uløst konflikt|uløste konflikter} fra en fletning: vælg for hver.",
        "The file has {n} unresolved {n:conflict|conflicts} from a merge: choose for each."),
    # keys
    "conflicts.key_ours": ("vores", "ours"),
    "conflicts.key_theirs": ("deres", "theirs"),
    "conflicts.key_both": ("begge", "both"),
    "conflicts.key_edit": ("ret", "edit"),
    "help.conflicts_ours": ("Behold vores version", "Keep our version"),
    "help.conflicts_theirs": ("Tag deres version", "Take their version"),
    "help.conflicts_both": ("Behold begge (tekster og lister)", "Keep both (texts and lists)"),
    "help.conflicts_edit": ("Skriv selv værdien (udfyldt med vores)", "Write the value yourself (filled in with ours)"),
    # sides
    "conflict.side_deleted": ("(slettet)", "(deleted)"),
    "conflict.side_absent": ("(ingen)", "(none)"),
    "conflict.side_none": ("(ingen)", "(none)"),
    "conflict.side_empty": ("(tom)", "(empty)"),
    "conflict.side_top": ("(øverst i grenen)", "(top of the branch)"),
    "conflict.yes": ("ja", "yes"),
    "conflict.no": ("nej", "no"),
    "conflict.kind_text": ("tekst", "text"),
    "conflict.kind_value": ("værdi", "value"),
    "conflict.kind_item": ("slettet og ændret", "deleted and changed"),
    "conflict.kind_parent": ("flyttet to steder hen", "moved to two places"),
    # undo steps
    "conflict.resolved": ("Konflikt løst: {about}", "Conflict resolved: {about}"),
    # validate
    "conflict.unresolved": (
        "uløst konflikt ved {about}: vores {ours} / deres {theirs} (vælg i appen på skærmen Konflikter)",
        "unresolved conflict at {about}: ours {ours} / theirs {theirs} (choose in the app on the Conflicts screen)"),
}
