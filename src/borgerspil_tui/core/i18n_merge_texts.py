"""UI texts of the semantic merge (core/merge): what it reports: key → (Danish, English)."""

_KINDS = {
    "team-member": ("Holdmedlem", "Team member"), "cause": ("Årsag", "Cause"),
    "consequence": ("Konsekvens", "Consequence"), "note": ("Note", "Note"),
    "assumption": ("Antagelse", "Assumption"), "target-group": ("Målgruppe", "Target group"),
    "observation": ("Observation", "Observation"), "insight": ("Indsigt", "Insight"),
    "what-if": ("Hvad nu hvis", "What if"), "idea": ("Idé", "Idea"), "guest": ("Gæst", "Guest"),
    "concept": ("Koncept", "Concept"), "test": ("Testrunde", "Test round"),
    "milestone": ("Milepæl", "Milestone"), "stakeholder": ("Interessent", "Stakeholder"),
    "risk": ("Risiko", "Risk"), "exercise": ("Empatiøvelse", "Empathy exercise"),
    "vote": ("Stemme", "Vote"), "part": ("Projektet", "The project"),
    "workshop": ("Workshop", "Workshop"), "activity": ("Aktivitet", "Activity"),
    "vote-round": ("Prikrunde", "Voting round"), "post-it": ("Post-it", "Post-it"),
    "resource": ("Ressourcelinje", "Resource line"), "citizen-voice": ("Borgerne undervejs", "Citizens along the way"),
    "fishbone": ("Fiskeben", "Fishbone"), "bone": ("Ben", "Bone"), "bone-item": ("Punkt på fiskeben", "Fishbone item"),
    "group": ("Gruppe", "Group"),
}
_PARTS = {
    "title": ("Projektets titel", "Project title"), "language": ("Sprog", "Language"),
    "created": ("Oprettet", "Created"), "readiness": ("Parathed", "Readiness"),
    "focus": ("Fokusér", "Focus"), "experience": ("Oplev", "Experience"), "create": ("Skab", "Create"),
    "insist": ("Insistér", "Insist"), "organisation": ("Organisation", "Organisation"),
    "checklists": ("Tjeklister", "Checklists"), "conflicts": ("Konflikter", "Conflicts"),
    "workshops": ("Workshops", "Workshops"),
}
_FIELDS = {
    "title": ("titel", "title"), "description": ("beskrivelse", "description"), "text": ("tekst", "text"),
    "name": ("navn", "name"), "role": ("rolle", "role"), "uncertain": ("usikker", "uncertain"),
    "scores": ("score", "scores"), "weights": ("vægte", "weights"), "chosen": ("valgt", "chosen"),
    "answer": ("svar", "answer"), "note": ("note", "note"), "status": ("status", "status"),
    "problem": ("problemet", "the problem"), "statement": ("indsigt", "statement"),
    "question": ("spørgsmål", "question"), "dots": ("prikker", "dots"), "goal": ("mål", "goal"),
    "dots_per_person": ("prikker pr. person", "dots per person"), "what": ("hvad", "what"),
    "pitch": ("pitch", "pitch"), "contents": ("indhold", "contents"), "rating": ("vurdering", "rating"),
    "date": ("dato", "date"), "owner": ("ansvarlig", "owner"), "mitigation": ("afbødning", "mitigation"),
}

MERGE_TEXTS: dict[str, tuple[str, str]] = {
    "link.key_twice": ("'{what}' står to gange i {list} (første gang som nr. {first}); hver må kun stå én gang",
                       "'{what}' is in {list} twice (first as number {first}); each may be there only once"),
    "merge.failed": ("de to udgaver kan ikke flettes: resultatet ville bryde en regel ved {where}: {why}; intet er skrevet",
                     "the two versions cannot be merged: the result would break a rule at {where}: {why}; nothing was written"),
    "merge.about.item": ("{kind} «{name}»", "{kind} «{name}»"),
    "merge.dropped.owner": ("{kind} «{name}»", "{kind} «{name}»"),
    **{f"merge.kind.{key}": value for key, value in _KINDS.items()},
    **{f"merge.part.{key}": value for key, value in _PARTS.items()},
    **{f"merge.field.{key}": value for key, value in _FIELDS.items()},
}
