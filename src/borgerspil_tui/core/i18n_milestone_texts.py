"""UI texts of the milestones tool (list, dependencies, time line) and its check: key → (Danish, English)."""

MILESTONE_TEXTS: dict[str, tuple[str, str]] = {
    # The screen
    "milestones.due": ("Dato", "Due"),
    "milestones.depends": ("Afhænger af", "Depends on"),
    "milestones.pick_depends": ("Hvad skal «{title}» vente på?", "What must “{title}” wait for?"),
    "milestones.no_others": ("Der er ingen andre milepæle at afhænge af", "There are no other milestones to depend on"),
    "milestones.bad_date": ("«{text}» er ikke en dato: skriv den som ÅÅÅÅ-MM-DD, fx 2026-09-01",
                            "“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2026-09-01"),
    "milestones.dependency": ("afhængighed", "dependency"),
    "milestones.deleted_links": (("{count} {count:milepæl afhang|milepæle afhang} af «{title}»; "
                                 "{count:den afhænger|de afhænger} ikke længere af den (Ctrl+Z fortryder)"),
                                 ("{count} {count:milestone depended|milestones depended} on “{title}”; "
                                 "{count:it no longer depends|they no longer depend} on it (Ctrl+Z undoes)")),
    "milestones.detail_depends": ("Afhænger af: {names}", "Depends on: {names}"),
    "milestones.detail_needed_by": ("Skal nås før: {names}", "Needed before: {names}"),
    "milestones.view_list": ("Liste", "List"),
    "milestones.view_timeline": ("Tidslinje", "Timeline"),
    "help.milestones_depends": ("Vælg de milepæle, denne afhænger af", "Choose the milestones this one depends on"),
    "help.milestones_view": ("Skift mellem liste og tidslinje", "Switch between list and timeline"),
    "help.milestones_due": ("Ret datoen (ÅÅÅÅ-MM-DD)", "Edit the due date (YYYY-MM-DD)"),
    # The time line
    "timeline.scale.week": ("Skala: én kolonne pr. uge (ISO-ugenumre)", "Scale: one column a week (ISO week numbers)"),
    "timeline.scale.month": ("Skala: én kolonne pr. måned", "Scale: one column a month"),
    "timeline.scale.quarter": ("Skala: én kolonne pr. kvartal (K1–K4)", "Scale: one column a quarter (Q1–Q4)"),
    "timeline.scale.year": ("Skala: én kolonne pr. {step} {step:år|år}", "Scale: one column per {step} {step:year|years}"),
    "timeline.months": ("jan feb mar apr maj jun jul aug sep okt nov dec",
                        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
    "timeline.quarter": ("K{number}", "Q{number}"),
    "timeline.legend": ("◆ milepæl   ✓ nået   ◆ (rød) passeret, ikke nået   ╰─ afhænger af   ┃ i dag ({today})",
                        "◆ milestone   ✓ reached   ◆ (red) past, not reached   ╰─ depends on   ┃ today ({today})"),
    "timeline.today_before": ("I dag ({today}) er før den første milepæl", "Today ({today}) is before the first milestone"),
    "timeline.today_after": ("I dag ({today}) er efter den sidste milepæl", "Today ({today}) is after the last milestone"),
    "timeline.undated": ("Uden dato:", "No date:"),
    "timeline.undated_depends": ("(afhænger af {names})", "(depends on {names})"),
    "timeline.none_dated": ("Ingen milepæle har en dato endnu: tryk d i listen for at give dem en.",
                            "No milestone has a date yet: press d in the list to give one."),
    "timeline.empty": ("Ingen milepæle endnu. Skift til listen (v) og tryk n.",
                       "No milestones yet. Switch to the list (v) and press n."),
    # borgerspil check
    "milestone.check.none": ("Sæt milepæle for implementeringen", "Set milestones for the implementation"),
    "milestone.check.no_owner": ("{count} {count:milepæl|milepæle} uden ansvarlig: {names}",
                                 "{count} {count:milestone|milestones} without an owner: {names}"),
    "milestone.check.no_date": ("{count} {count:milepæl|milepæle} uden dato: {names}",
                                "{count} {count:milestone|milestones} without a date: {names}"),
    "milestone.check.late": ("{count} {count:milepæl|milepæle} er passeret {count:sin|deres} dato uden at være nået: {names}",
                             "{count} {count:milestone is|milestones are} past {count:its|their} date and not reached: {names}"),
    "milestone.check.undated_needed": (("«{title}» har ingen dato, men {names} med dato afhænger af den: "
                                       "rækkefølgen kan ikke tjekkes"),
                                       ("“{title}” has no date, but {names} with a date depend on it: "
                                       "the order cannot be checked")),
    "milestone.quote": ("«{text}»", "“{text}”"),
    "milestone.quote_date": ("«{text}» ({date})", "“{text}” ({date})"),
    "milestone.more": ("og {count} mere", "and {count} more"),
    # The report
    "report.html.depends_on": ("Afhænger af", "Depends on"),
}
