"""Texts about the written YAML: comments that a save would drop, formatting. Key → (Danish, English)."""

YAML_TEXTS: dict[str, tuple[str, str]] = {
    # Characters the YAML reader refuses (the parser's own words are never shown)
    "parse.control_character": (
        "tegnet {code} er et usynligt styretegn og må ikke stå i filen; slet det "
        "(det kommer tit med, når tekst kopieres fra et andet program)",
        "the character {code} is an invisible control character and may not be in the file; delete it "
        "(it often comes along when text is copied from another program)"),
    "parse.not_a_character": (
        "{code} er ikke et tegn og må ikke stå i filen; slet det (filen er måske gemt med en forkert tegnkodning)",
        "{code} is not a character and may not be in the file; delete it "
        "(the file may have been saved in the wrong encoding)"),
    "parse.stray_line_break": (
        "tegnet {code} er et linjeskift for YAML, men ikke for de fleste editorer, så linjenumrene passer "
        "ikke efter det; erstat det med et almindeligt linjeskift eller et mellemrum",
        "the character {code} is a line break to YAML but not to most editors, so the line numbers after it "
        "do not match; replace it with an ordinary line break or a space"),
    # Comments written by hand in a project file: a save cannot keep them
    "comments.lost": (
        "{count} {count:kommentar|kommentarer} går tabt, når borgerspil gemmer filen (linje {lines})",
        "{count} {count:comment|comments} will be lost when borgerspil saves this file ({count:line|lines} {lines})"),
    "comments.instead": (
        "borgerspil kan ikke gemme kommentarer; skriv noter i projektets egne notefelter i stedet, "
        "så de ses i appen og bliver i filen: {fields}",
        "borgerspil cannot keep comments; write notes in the project's own note fields instead, "
        "so they show in the app and stay in the file: {fields}"),
    "comments.fmt_refused": (
        "ikke omformateret: {count} {count:kommentar|kommentarer} ville gå tabt (linje {lines}); "
        "kør igen med --drop-comments for at omformatere alligevel",
        "not reformatted: {count} {count:comment|comments} would be lost ({count:line|lines} {lines}); "
        "run again with --drop-comments to reformat anyway"),
    "comments.dropped": ("{path}: omformateret; {count} {count:kommentar|kommentarer} fjernet",
                         "{path}: reformatted; {count} {count:comment|comments} dropped"),
    "cli.help.drop_comments": ("omformatér også filer med kommentarer (kommentarerne fjernes)",
                               "reformat files with comments too (the comments are dropped)"),
    # The app, before its first save of a file with comments
    "comments.title": ("Filen har kommentarer", "The file has comments"),
    "comments.message": (
        "{name} har {count} {count:kommentar|kommentarer} (linje {lines}). borgerspil kan ikke gemme "
        "kommentarer: gemmer du i filen, forsvinder de. Gem som en kopi for at lade filen og kommentarerne "
        "være, eller gem uden dem.\n\nNoter hører til i projektets notefelter – fx noten til et svar i "
        "en tjekliste, noterne om de syv grundtanker, en antagelses note eller noterne til overleveringen.",
        "{name} has {count} {count:comment|comments} ({count:line|lines} {lines}). borgerspil cannot keep "
        "comments: saving to this file removes them. Save as a copy to leave the file and its comments as "
        "they are, or save without them.\n\nNotes belong in the project's note fields – for example the "
        "note on a checklist answer, the notes on the seven basics, an assumption's note or the handover "
        "notes."),
    "comments.copy": ("Gem som kopi…", "Save as a copy…"),
    "comments.drop": ("Gem uden kommentarerne", "Save without the comments"),
    "comments.cancel": ("Annullér", "Cancel"),
    "comments.quit": ("Afslut uden at gemme", "Quit without saving"),
    "comments.kept": (
        "Ikke gemt: {name} og dens kommentarer er urørt. Ctrl+S spørger igen; Gem som… gemmer en kopi.",
        "Not saved: {name} and its comments are untouched. Ctrl+S asks again; Save as… saves a copy."),
}
