"""Texts of the resources and "citizens along the way" tools (issue 13): the two screens, their
checks and their part of the report. Key → (Danish, English)."""

RESOURCE_TEXTS: dict[str, tuple[str, str]] = {
    # Ressourcer
    "screen.resources": ("Ressourcer", "Resources"),
    "resources.what": ("Hvad", "What"),
    "resources.milestone": ("Milepæl", "Milestone"),
    "resources.aspect": ("Aspekt", "Aspect"),
    "resources.person_weeks": ("Personuger", "Person-weeks"),
    "resources.cost": ("Kroner", "Money (DKK)"),
    "resources.empty": ("Ingen ressourcer anslået endnu. Tryk n og skriv, hvad der skal bruges tid eller penge på.",
                        "No resources estimated yet. Press n and write what needs time or money."),
    "resources.prompt.what": ("Hvad skal der bruges ressourcer på?", "What needs resources?"),
    "resources.prompt.person_weeks": ("Personuger (fx 2,5):", "Person-weeks (e.g. 2.5):"),
    "resources.prompt.cost": ("Kroner (fx 1.250,50):", "Money in DKK (e.g. 1,250.50):"),
    "resources.prompt.budget": ("Budget for implementeringen i kroner:", "Budget for the implementation in DKK:"),
    "field.person_weeks": ("Personuger:", "Person-weeks:"),
    "field.cost": ("Kroner:", "Money (DKK):"),
    "resources.pick_milestone": ("Hvilken milepæl er ressourcerne til?", "Which milestone are the resources for?"),
    "resources.pick_aspect": ("Hvilket implementeringsaspekt er ressourcerne til?",
                              "Which implementation aspect are the resources for?"),
    "resources.no_milestones": ("Der er ingen milepæle at vælge imellem endnu (skærmen Milepæle).",
                                "There are no milestones to choose from yet (the Milestones screen)."),
    "resources.not_a_number": ("»{text}« er ikke et tal. Skriv fx 2,5 eller 1.250.",
                               "\"{text}\" is not a number. Write e.g. 2.5 or 1,250."),
    "resources.negative": ("»{text}« er under nul. Et skøn er 0 eller mere.",
                           "\"{text}\" is below zero. An estimate is 0 or more."),
    "resources.too_large": ("»{text}« er større, end appen kan regne med.", "\"{text}\" is larger than the app can hold."),
    "resources.key.milestone": ("milepæl", "milestone"),
    "resources.key.aspect": ("aspekt", "aspect"),
    "resources.key.person_weeks": ("personuger", "person-weeks"),
    "resources.key.cost": ("kroner", "money"),
    "resources.key.budget": ("budget", "budget"),
    "help.resources_milestone": ("Vælg den milepæl, linjen hører til (m)", "Choose the milestone the line is for (m)"),
    "help.resources_aspect": ("Vælg det implementeringsaspekt, linjen hører til (a)",
                              "Choose the implementation aspect the line is for (a)"),
    "help.resources_person_weeks": ("Skriv personuger (p)", "Type person-weeks (p)"),
    "help.resources_cost": ("Skriv beløbet i kroner (k)", "Type the money in DKK (k)"),
    "help.resources_budget": ("Sæt budgettet for implementeringen (b)", "Set the implementation's budget (b)"),
    "resources.total": ("I alt: {weeks} {weeks:personuge|personuger} · {money}",
                        "Total: {weeks} {weeks:person-week|person-weeks} · {money}"),
    "resources.sum_line": ("{name}: {weeks} {weeks:personuge|personuger} · {money}",
                           "{name}: {weeks} {weeks:person-week|person-weeks} · {money}"),
    "resources.per_milestone": ("Pr. milepæl", "Per milestone"),
    "resources.per_aspect": ("Pr. aspekt", "Per aspect"),
    "resources.general": ("Uden milepæl eller aspekt", "Neither milestone nor aspect"),
    "resources.unknown": ("(slettet)", "(deleted)"),
    "resources.budget.insist": ("Budget for implementeringen: {money}", "Budget for the implementation: {money}"),
    "resources.budget.process": ("Forløbsdesignets budget (til selve innovationsforløbet, ikke til implementeringen): "
                                 "{money}", "The process design's budget (for the innovation process itself, not the "
                                 "implementation): {money}"),
    "resources.budget.none": ("Intet budget sat. Tryk b for at sætte budgettet for implementeringen.",
                              "No budget set. Press b to set the budget for the implementation."),
    "resources.under": ("{money} under budgettet", "{money} under the budget"),
    "resources.over": ("{money} over budgettet", "{money} over the budget"),
    "resources.on_budget": ("Præcis på budgettet", "Exactly on the budget"),
    # Borgerne undervejs
    "screen.citizens-along": ("Borgerne undervejs", "Citizens along the way"),
    "citizens.what": ("Hvad", "What"),
    "citizens.when": ("Hvornår", "When"),
    "citizens.who": ("Hvem sørger for det", "Who makes it happen"),
    "citizens.empty": ("Ingen plan for borgernes input endnu. Tryk n og skriv, hvordan borgerne bliver ved med at "
                       "give input.", "No plan for citizens' input yet. Press n and write how citizens keep "
                       "giving input."),
    "citizens.prompt.what": ("Hvordan giver borgerne input?", "How do citizens give input?"),
    "citizens.prompt.when": ("Hvornår (fx hver måned, efter pilotfasen):", "When (e.g. every month, after the pilot):"),
    "citizens.prompt.who": ("Hvem sørger for det (en rolle)?", "Who makes it happen (a role)?"),
    "field.when": ("Hvornår:", "When:"),
    "citizens.key.when": ("hvornår", "when"),
    "citizens.key.who": ("hvem", "who"),
    "help.citizens_when": ("Skriv hvornår (t)", "Type when (t)"),
    "help.citizens_who": ("Skriv hvem der sørger for det (h)", "Type who makes it happen (h)"),
    "citizens.guidance": (
        "Hold borgerne med, også når løsningen bliver til drift: fortsæt med at se på deres adfærd og behov, og "
        "invitér dem løbende til at foreslå forbedringer. Skriv for hver måde, hvad I gør (fx en kort samtale "
        "efter første besøg, et panel af brugere, en sms med ét spørgsmål), hvornår det sker, og hvem der har "
        "ansvaret for at det sker – og for at input bliver til ændringer.",
        "Keep citizens involved after the solution goes live: keep watching how they act and what they need, and "
        "invite them to suggest improvements as you go. For each way, write what you do (a short talk after the "
        "first visit, a panel of users, a text message with one question), when it happens, and who is "
        "responsible for it happening — and for the input turning into changes."),
    # check
    "check.resources.none": ("Anslå ressourcerne (personuger og kroner) til implementeringen",
                             "Estimate the resources (person-weeks and money) for the implementation"),
    "check.resources.over": ("Ressourcerne er {money} over budgettet", "The resources are {money} over the budget"),
    "check.resources.milestone": ("Milepælen »{title}« har ingen ressourcer anslået",
                                  "The milestone \"{title}\" has no resources estimated"),
    "check.citizens.none": ("Planlæg, hvordan borgerne giver input under implementeringen",
                            "Plan how citizens give input during the implementation"),
    # report
    "report.resources.heading": ("Ressourcer", "Resources"),
    "report.resources.for": ("Til", "For"),
    "report.resources.total": ("I alt", "Total"),
    "report.resources.budget": ("Budget", "Budget"),
    "report.resources.citizens": ("Borgerne undervejs", "Citizens along the way"),
}
