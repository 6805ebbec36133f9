"""UI texts of git sharing: git-setup, the merge driver, merges in progress: key → (Danish, English)."""

GIT_TEXTS: dict[str, tuple[str, str]] = {
    "cli.help.merge": ("flet tre udgaver af et projekt punkt for punkt (gits merge-driver: BASE OURS THEIRS "
                       "[PATH]), eller en fil midt i en git-fletning med --git PATH",
                       "merge three versions of a project item by item (git's merge driver: BASE OURS THEIRS "
                       "[PATH]), or a file in the middle of a git merge with --git PATH"),
    "cli.help.merge_files": ("BASE OURS THEIRS [PATH], eller PATH med --git",
                             "BASE OURS THEIRS [PATH], or PATH with --git"),
    "cli.help.merge_git": ("flet PATH fra gits udgaver (:1: :2: :3:), skriv resultatet og marker den som løst",
                           "merge PATH from git's versions (:1: :2: :3:), write the result and mark it resolved"),
    "cli.help.git_setup": ("sæt git-repositoriet op, så projekter flettes og sammenlignes af borgerspil "
                           "(én gang pr. klon)",
                           "set up the git repository so projects are merged and compared by borgerspil "
                           "(once per clone)"),
    "cli.help.git_setup_dir": ("en mappe i repositoriet (standard: denne)",
                               "a folder in the repository (default: this one)"),
    "git.merge_args": ("skriv BASE OURS THEIRS [PATH] eller --git PATH",
                       "give BASE OURS THEIRS [PATH] or --git PATH"),
    "git.no_git": ("git er ikke installeret (eller kan ikke findes på PATH)",
                   "git is not installed (or cannot be found on PATH)"),
    "git.not_a_repo": ("{path} ligger ikke i et git-repository", "{path} is not in a git repository"),
    "git.setup_unreadable": ("kan ikke læse {path}: {reason}", "cannot read {path}: {reason}"),
    "git.setup_unwritable": ("kan ikke skrive {path}: {reason}", "cannot write {path}: {reason}"),
    "git.config_failed": ("git kunne ikke gemme indstillingen {key} i repositoriets konfiguration",
                          "git could not store the setting {key} in the repository's config"),
    "git.setup_added": ("tilføjet til {file}: {line}", "added to {file}: {line}"),
    "git.setup_config": ("sat i denne klons git-konfiguration: {key} = {value}",
                         "set in this clone's git config: {key} = {value}"),
    "git.setup_nothing": ("{path}: alt var allerede sat op; git fletter projekter med borgerspil",
                          "{path}: everything was set up already; git merges projects with borgerspil"),
    "git.setup_done": ("{path}: git fletter nu projekter med borgerspil. Læg .gitattributes og .gitignore i "
                       "en commit; hver klon kører borgerspil git-setup én gang (git tager ikke "
                       "driver-indstillinger med i en klon).",
                       "{path}: git now merges projects with borgerspil. Commit .gitattributes and "
                       ".gitignore; each clone runs borgerspil git-setup once (git does not carry driver "
                       "settings in a clone)."),
    "git.stage_unreadable": ("git kunne ikke læse udgave :{stage}: af {path}",
                             "git could not read version :{stage}: of {path}"),
    "git.not_unmerged": ("{path} er ikke midt i en git-fletning (git har ingen udgaver :1: :2: :3: af den)",
                         "{path} is not in the middle of a git merge (git has no versions :1: :2: :3: of it)"),
    "git.deleted_side": ("{path} er slettet på den ene side af fletningen; vælg med git rm eller git add, "
                         "om filen skal blive",
                         "{path} was deleted on one side of the merge; choose with git rm or git add whether "
                         "the file stays"),
    "git.add_failed": ("fletningen er skrevet i {path}, men git add mislykkedes; kør git add selv",
                       "the merge is written to {path}, but git add failed; run git add yourself"),
    "git.markers": ("git-konfliktmarkering: filen er midt i en git-fletning (merge), der ikke blev gjort færdig. "
                    "Flet den punkt for punkt fra gits udgaver med {command}, eller åbn den i borgerspil, der "
                    "tilbyder det samme (ret ikke linjerne <<<<<<< ======= >>>>>>> i hånden).",
                    "git conflict marker: this file is in the middle of a git merge that was not finished. "
                    "Merge it item by item from git's versions with {command}, or open it in borgerspil, "
                    "which offers the same (do not edit the <<<<<<< ======= >>>>>>> lines by hand)."),
    "git.side.base": ("fælles udgave", "common version"),
    "git.side.ours": ("vores udgave", "our version"),
    "git.side.theirs": ("deres udgave", "their version"),
    "git.merge_not_written": ("{path}: ikke flettet; intet er skrevet (git beholder vores udgave og markerer filen "
                              "som i konflikt). Vælg en side med git checkout --ours/--theirs {path}, eller ret "
                              "udgaven ovenfor i den gren, den kom fra, og flet igen",
                              "{path}: not merged; nothing was written (git keeps our version and marks the file "
                              "conflicted). Choose a side with git checkout --ours/--theirs {path}, or fix the "
                              "version named above on the branch it came from and merge again"),
    "git.merge_git_not_written": ("{path}: ikke flettet; intet er skrevet", "{path}: not merged; nothing was written"),
    "git.merge_clean": ("{path}: flettet uden konflikter", "{path}: merged without conflicts"),
    "git.merge_conflicts": ("{path}: flettet med {count} {count:konflikt|konflikter}, skrevet i filen. Åbn den i "
                            "borgerspil (skærmen Konflikter), eller se dem med borgerspil validate {path}",
                            "{path}: merged with {count} {count:conflict|conflicts}, recorded in the file. Open "
                            "it in borgerspil (the Konflikter screen), or list them with borgerspil validate "
                            "{path}"),
    "git.merge_git_clean": ("{path}: flettet uden konflikter og markeret som løst (git add)",
                            "{path}: merged without conflicts and marked resolved (git add)"),
    "git.merge_git_conflicts": ("{path}: flettet med {count} {count:konflikt|konflikter}, skrevet i filen; den er "
                                "stadig uløst i git. Vælg i borgerspil (skærmen Konflikter), og kør så git add "
                                "{path}",
                                "{path}: merged with {count} {count:conflict|conflicts}, recorded in the file; it "
                                "is still unmerged in git. Choose in borgerspil (the Konflikter screen), then run "
                                "git add {path}"),
    "git.dropped_link": ("{path}: henvisning fjernet, fordi det, den pegede på, er slettet: {about} → {target}",
                         "{path}: link removed because what it pointed to was deleted: {about} → {target}"),
    "git.not_saved": ("{path}: fletningen kunne ikke skrives: {reason}",
                      "{path}: the merge could not be written: {reason}"),
}
