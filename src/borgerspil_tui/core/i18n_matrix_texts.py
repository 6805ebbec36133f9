"""Texts of the prioritisation matrix and its 2x2 view. Key → (Danish, English)."""

MATRIX_TEXTS: dict[str, tuple[str, str]] = {
    # Column headers: two lines at most; the weight follows the name (a criterion that is not here,
    # from an organisation's own method file, is headed by the method's own name)
    "matrix.short.importance": ("Vigtighed", "Importance"),
    "matrix.short.feasibility": ("Realiserbar", "Feasibility"),
    "matrix.short.strategic-match": ("Strategisk\nmatch", "Strategic\nmatch"),
    "matrix.short.low-hanging-fruit": ("Lavthængende\nfrugt", "Low-hanging\nfruit"),
    "matrix.col_score": ("Vægtet\nscore", "Weighted\nscore"),
    # The line above the table
    "matrix.count": ("{n} {n:idé|idéer}", "{n} {n:idea|ideas}"),
    "matrix.count_filtered": ("{shown} af {total} {total:idé|idéer} (filter: {text})",
                              "{shown} of {total} {total:idea|ideas} (filter: {text})"),
    "matrix.chosen_count": ("{n} valgt", "{n} chosen"),
    # Under the table: the idea under the cursor
    "matrix.no_description": ("Ingen beskrivelse endnu (tast i for at skrive en)",
                              "No description yet (press i to write one)"),
    "matrix.no_ideas": ("Ingen idéer endnu. Tryk n og skriv den første.", "No ideas yet. Press n and type the first."),
    "matrix.none_match": ("Ingen idéer indeholder »{text}«. / ændrer filtret, tomt viser alle.",
                          "No idea contains “{text}”. / changes the filter; empty shows all."),
    # What happened
    "matrix.deleted": ("Idéen »{title}« er slettet (Ctrl+Z fortryder)", "The idea “{title}” is deleted (Ctrl+Z undoes)"),
    "matrix.concept_made": ("Konceptet rummer {n} {n:idé|idéer}; markeringerne er fjernet (Ctrl+Z fortryder)",
                            "The concept holds {n} {n:idea|ideas}; the marks are cleared (Ctrl+Z undoes)"),
    "matrix.digits_in_plot": ("Tallene giver point i tabellen – v skifter tilbage til den",
                              "Digits score in the table – v switches back to it"),
    # Help
    "help.matrix_clear_score": ("Fjern idéens point på kolonnens kriterium",
                                "Clear the idea's score on the column's criterion"),
    "help.matrix_delete_idea": ("Slet idéen med dens prikker og henvisninger (Ctrl+Z fortryder)",
                                "Delete the idea with its dots and the links to it (Ctrl+Z undoes)"),
}
