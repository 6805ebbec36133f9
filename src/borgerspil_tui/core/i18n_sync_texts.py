"""UI texts of the app meeting a file changed on disk: merge, reload, undo past a pull, repair: key → (Danish, English)."""

SYNC_TEXTS: dict[str, tuple[str, str]] = {
    # what came in (core/disk_sync)
    "sync.step_reloaded": ("hentet fra disk", "taken from disk"),
    "sync.step_merged": ("hentet fra disk og flettet", "taken from disk and merged"),
    "sync.came_added": ("«{title}» tilføjet", "«{title}» added"),
    "sync.came_removed": ("«{title}» slettet", "«{title}» deleted"),
    "sync.came_more": ("{n} {n:ændring|ændringer} mere", "{n} more {n:change|changes}"),
    "sync.came_changes": ("{n} {n:ændring|ændringer}", "{n} {n:change|changes}"),
    "sync.came_nothing": ("ingen ændringer i indholdet", "no changes to the content"),
    "sync.no_base": ("borgerspil ved ikke, hvordan filen så ud, da den blev åbnet",
                     "borgerspil does not know what the file was like when it was opened"),
    "sync.merge_failed": ("fletningen mislykkedes ({detail})", "the merge failed ({detail})"),
    "sync.unreadable": ("filen kan ikke læses", "the file cannot be read"),
    "sync.held": ("filen er midt i en git-fletning, der ikke er afsluttet",
                  "the file is in the middle of an unfinished git merge"),
    # the app's notices (tui/app_sync)
    "sync.title": ("Filen er ændret på disken", "The file changed on disk"),
    "sync.reloaded": ("Hentet fra disk: {what}. Du havde ingen ændringer, der ikke var gemt, så filen er bare "
                      "indlæst igen.",
                      "Taken from disk: {what}. You had no unsaved changes, so the file was simply loaded again."),
    "sync.merged": ("Hentet fra disk og flettet med dine ændringer: {what}. Resultatet er gemt.",
                    "Taken from disk and merged with your changes: {what}. The result is saved."),
    "sync.merged_conflicts": ("Hentet fra disk og flettet med dine ændringer: {what}. "
                              "{n} {n:ting|ting} er ændret forskelligt af jer begge og skal afgøres.",
                              "Taken from disk and merged with your changes: {what}. "
                              "{n} {n:thing was|things were} changed differently by both of you and must be decided."),
    "sync.no_conflict_screen": ("Konflikterne står i filen under «conflicts»; skærmen Konflikter findes ikke i "
                                "denne version endnu (borgerspil validate viser dem).",
                                "The conflicts are in the file under «conflicts»; the Conflicts screen is not in "
                                "this version yet (borgerspil validate lists them)."),
    "sync.unreadable_notice": ("{name} er ændret på disken, men kan ikke indlæses: {problem}. Dine ændringer er "
                               "bevaret her og skrives ikke over filen. Borgerspil prøver igen, når filen ændres; "
                               "vil du have dem gemt nu, så brug Gem som.",
                               "{name} changed on disk but cannot be loaded: {problem}. Your changes are kept here "
                               "and not written over the file. borgerspil tries again when the file changes; to "
                               "keep them on disk now, use Save as."),
    "sync.failed_notice": ("Filen på disken kunne ikke flettes med dine ændringer: {problem}. Dine ændringer er "
                           "bevaret her og skrives ikke over filen; brug Gem som for at gemme dem.",
                           "The file on disk could not be merged with your changes: {problem}. Your changes are "
                           "kept here and not written over the file; use Save as to keep them."),
    "sync.gone_title": ("Filen er væk fra disken", "The file is gone from disk"),
    "sync.gone_message": ("{name} findes ikke længere på disken (flyttet, slettet eller en anden git-gren). "
                          "Dine ændringer er bevaret her.",
                          "{name} no longer exists on disk (moved, deleted or another git branch). "
                          "Your changes are kept here."),
    "sync.rewrite": ("Skriv filen igen", "Write the file again"),
    "sync.not_now": ("Ikke nu", "Not now"),
    "sync.quit_conflict": ("{name} er ændret på disken og kan ikke flettes med dine ændringer, så de er ikke "
                           "gemt. Gem dem som en ny fil, eller afslut uden at gemme.",
                           "{name} changed on disk and cannot be merged with your changes, so they are not "
                           "saved. Save them as a new file, or quit without saving."),
    # undo of what came from disk
    "sync.undo_title": ("Fortryd det, der kom fra disken?", "Undo what came from disk?"),
    "sync.undo_message": ("Det næste, der fortrydes, er «{label}»: ændringer fra en anden (git pull, en kollega, "
                          "et andet vindue). Fortryder du det, forsvinder de fra projektet, og næste gem skriver "
                          "projektet uden dem over filen.",
                          "The next thing undone is «{label}»: changes from someone else (git pull, a colleague, "
                          "another window). If you undo it they leave the project, and the next save writes the "
                          "project without them over the file."),
    "sync.undo_keep": ("Behold de andres ændringer", "Keep the others' changes"),
    "sync.undo_anyway": ("Fortryd alligevel", "Undo anyway"),
    "sync.undo_kept": ("Intet fortrudt: ændringerne fra disken er beholdt.",
                       "Nothing undone: the changes from disk are kept."),
    # a git merge in progress
    "sync.merge_title": ("Filen er midt i en git-fletning", "The file is in the middle of a git merge"),
    "sync.merge_message": ("git har ikke kunnet flette {name}, og fletningen er ikke afsluttet. Borgerspil kan "
                           "flette de to versioner semantisk: idé for idé og felt for felt; det, I har ændret "
                           "forskelligt, kommer på skærmen Konflikter. Indtil da skriver borgerspil ikke i filen.",
                           "git could not merge {name}, and the merge is not finished. borgerspil can merge the "
                           "two versions semantically: idea by idea and field by field; what you changed "
                           "differently goes to the Conflicts screen. Until then borgerspil does not write the file."),
    "sync.merge_yes": ("Flet semantisk nu", "Merge semantically now"),
    "sync.merge_no": ("Ikke nu (filen skrives ikke)", "Not now (the file is not written)"),
    "sync.merged_git": ("Flettet: {name} er skrevet og markeret som løst i git. Afslut med git commit.",
                        "Merged: {name} is written and marked as resolved in git. Finish with git commit."),
    "sync.merged_git_conflicts": ("Flettet: {name} er skrevet med {n} {n:konflikt|konflikter}. Afgør dem, og "
                                  "afslut så med git add og git commit.",
                                  "Merged: {name} is written with {n} {n:conflict|conflicts}. Decide them, then "
                                  "finish with git add and git commit."),
    "sync.merge_git_failed": ("Den semantiske fletning kunne ikke laves: {problem}. Filen er ikke ændret.",
                              "The semantic merge could not be made: {problem}. The file is not changed."),
    "sync.load_error_offer": ("Filen har git's konfliktmarkører fra en fletning, der ikke er afsluttet. Tryk m "
                              "for at flette den semantisk fra git's versioner.",
                              "The file has git's conflict markers from an unfinished merge. Press m to merge it "
                              "semantically from git's versions."),
    "key.merge_git": ("flet semantisk", "merge semantically"),
    "sync.quit_held": ("{name} er midt i en git-fletning, så borgerspil skriver ikke i den, og dine ændringer er "
                       "ikke gemt. Gem dem som en ny fil, eller flet filen først.",
                       "{name} is in the middle of a git merge, so borgerspil does not write it, and your changes "
                       "are not saved. Save them as a new file, or merge the file first."),
    # links to items that do not exist (core/dangling)
    "sync.dangling_title": ("Links til slettede ting fjernet", "Links to deleted items removed"),
    "sync.dangling_notice": ("Filen havde links til ting, der ikke findes (nogen har slettet dem); de er fjernet, "
                             "og projektet er ikke gemt endnu: {which}",
                             "The file had links to items that do not exist (someone deleted them); they are "
                             "removed, and the project is not saved yet: {which}"),
    "sync.dangling_one": ("{where} → {target}", "{where} → {target}"),
    "cli.help.repair": ("fjern links til ting, der ikke findes, og gem", "remove links to items that do not exist, "
                        "and save"),
    "sync.repair_nothing": ("{path}: intet at reparere", "{path}: nothing to repair"),
    "sync.repair_removed": ("{path}: fjernede link {where} → {target}", "{path}: removed link {where} → {target}"),
    "sync.repair_saved": ("{path}: {n} {n:link|links} fjernet, filen er gemt",
                          "{path}: {n} {n:link|links} removed, the file is saved"),
    "sync.repair_other": ("{path}: filen har andre fejl end links til ting, der ikke findes; intet er ændret",
                          "{path}: the file has other problems than links to items that do not exist; "
                          "nothing is changed"),
    # git set-up offered
    "sync.git_title": ("Sæt git op til borgerspil?", "Set up git for borgerspil?"),
    "sync.git_message": ("{name} ligger i git-repositoriet {root}, men denne klon kender ikke borgerspils "
                         "fletning, så to personers ændringer giver ofte konflikter i git. Opsætningen tilføjer "
                         "en linje til .gitattributes og .gitignore og sætter flettedriveren i klonens egen "
                         "git-konfiguration (det samme som borgerspil git-setup).",
                         "{name} is in the git repository {root}, but this clone does not know borgerspil's "
                         "merge, so two people's changes often conflict in git. The set-up adds a line to "
                         ".gitattributes and .gitignore and configures the merge driver in the clone's own git "
                         "config (the same as borgerspil git-setup)."),
    "sync.git_yes": ("Sæt git op nu", "Set up git now"),
    "sync.git_no": ("Ikke nu", "Not now"),
    "sync.git_done": ("git er sat op til borgerspil: {what}", "git is set up for borgerspil: {what}"),
    "sync.git_was_done": ("git var allerede sat op til borgerspil.", "git was already set up for borgerspil."),
    "sync.git_failed": ("git kunne ikke sættes op: {reason}", "git could not be set up: {reason}"),
    "note.undo_would_lose": ("Kan ikke fortryde «{what}»: det ville tage telefonernes post-its med. Skjul dem i stedet (l).",
                             "Cannot undo “{what}”: it would take the phones' post-its with it. Hide them instead (l)."),
    "note.redo_would_lose": ("Kan ikke gentage «{what}»: det ville tage telefonernes post-its med.",
                             "Cannot redo “{what}”: it would take the phones' post-its with it."),
}
