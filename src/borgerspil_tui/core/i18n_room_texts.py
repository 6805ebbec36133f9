"""Texts of the room"s door and of the phone page (issue 14): key → (Danish, English)."""

ROOM_TEXTS: dict[str, tuple[str, str]] = {
    "room.name_needed": ("Skriv dit navn for at deltage", "Write your name to join"),
    "room.name_long": ("Navnet må højst være {limit} {limit:tegn|tegn}", "The name may be at most {limit} {limit:character|characters}"),
    "room.name_control": ("Navnet indeholder tegn, der ikke kan vises", "The name holds characters that cannot be shown"),
    "room.full": ("Rummet er fuldt ({limit} telefoner)", "The room is full ({limit} phones)"),
    "room.no_capture": ("Der indsamles ikke post-its lige nu", "No post-its are being collected right now"),
    "room.empty_postit": ("Skriv noget på post-it’en", "Write something on the post-it"),
    "room.postit_long": ("En post-it må højst være {limit} {limit:tegn|tegn}", "A post-it may be at most {limit} {limit:character|characters}"),
    "room.postit_arrived": ("Post-it fra {name}", "Post-it from {name}"),
    "room.anonymous": ("anonym", "anonymous"),
    "room.not_kept": ("Post-it’en blev ikke gemt: {reason}", "The post-it was not kept: {reason}"),
    "room.no_round": ("Der er ingen prikrunde lige nu", "There is no voting round right now"),
}
