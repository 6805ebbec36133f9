"""Texts of sharing the workshop with the room’s phones in the app and on the command line
(issue 14): key → (Danish, English)."""

SHARE_TEXTS: dict[str, tuple[str, str]] = {
    "screen.share": ("Del med rummet", "Share with the room"),
    # the workshop screen's key and the palette
    "workshop.share": ("del med rummet", "share"),
    "help.workshop_share": ("Vis delingen med rummets telefoner: adresse, QR-kode og kode",
                            "Show sharing with the room's phones: address, QR code and join code"),
    "share.label": ("Del med rummet (telefoner)", "Share with the room (phones)"),
    "share.help": ("Lad deltagerne sende post-its og prikker fra deres telefon",
                   "Let participants send post-its and dots from their phones"),
    # the share screen's keys
    "share.key_anonymous": ("anonyme", "anonymous"),
    "help.share_anonymous": ("Tillad eller forbyd at deltage uden navn", "Allow or forbid joining without a name"),
    "share.key_new_code": ("ny kode", "new code"),
    "help.share_new_code": ("Lav en ny kode: den gamle kode lukker ingen ind mere",
                            "Make a new code: the old code lets no one in any more"),
    "share.key_more": ("flere", "more"),
    "help.share_more": ("Fordobl hvor mange telefoner der må deltage fra én adresse (en klasse bag én router)",
                        "Double how many phones may join from one address (a class behind one router)"),
    "share.key_start_stop": ("start/stop", "start/stop"),
    "help.share_start_stop": ("Stop delingen (spørger først, når telefoner er med; de får at vide, at workshoppen er "
                              "slut), eller start den igen",
                              "Stop sharing (asks first while phones are in; they are told the workshop has ended), "
                              "or start it again"),
    "share.key_close": ("tilbage", "back"),
    "help.share_close": ("Tilbage til skærmen før", "Back to the screen before"),
    # the share screen
    "share.running": ("Deler med rummet", "Sharing with the room"),
    "share.stopped": ("Delingen er slået fra. Tryk s for at starte den.", "Sharing is off. Press s to start it."),
    "share.open_address": ("Scan QR-koden, eller åbn adressen og skriv koden:",
                           "Scan the QR code, or open the address and type the code:"),
    "share.code": ("Kode:", "Code:"),
    "share.kept": ("Samme kode som før – telefoner, der var med, fortsætter uden at scanne igen",
                   "Same code as before – phones that were in go on without scanning again"),
    "share.phones": ("{count} {count:telefon|telefoner} med", "{count} {count:phone|phones} joined"),
    "share.new_postits": ("{count} {count:ny post-it|nye post-its}", "{count} new {count:post-it|post-its}"),
    "share.anonymous_yes": ("Anonyme må deltage (uden navn)", "Anonymous joining is allowed"),
    "share.anonymous_no": ("Deltagerne skal skrive et navn", "Participants must give a name"),
    "share.per_address": ("Højst {count} {count:telefon|telefoner} pr. adresse (+ fordobler)",
                          "At most {count} {count:phone|phones} per address (+ doubles)"),
    "share.turned_count": ("{count} {count:gang|gange} afvist ved døren – de seneste:",
                           "Turned away at the door {count} {count:time|times} – the latest:"),
    "share.turned_line": ("  {time} {who}: {why}", "  {time} {who}: {why}"),
    "share.turned_why_address": ("{limit} {limit:telefon|telefoner} fra samme adresse er grænsen (+ tillader flere)",
                                 "{limit} {limit:phone|phones} from one address is the limit (+ allows more)"),
    "share.turned_why_full": ("rummet er fuldt ({limit} {limit:telefon|telefoner})",
                              "the room is full ({limit} {limit:phone|phones})"),
    "share.turned_why_connections": ("{limit} {limit:forbindelse|forbindelser} fra samme adresse er grænsen",
                                     "{limit} {limit:connection|connections} from one address is the limit"),
    "share.turned_why_connections_all": ("{limit} {limit:forbindelse|forbindelser} i alt er grænsen",
                                         "{limit} {limit:connection|connections} in all is the limit"),
    "share.per_address_note": ("Nu må {count} {count:telefon|telefoner} deltage fra samme adresse",
                               "Now {count} {count:phone|phones} may join from one address"),
    "share.key_fewer": ("færre", "fewer"),
    "help.share_fewer": ("Halver hvor mange telefoner der må deltage fra én adresse (ikke under 8)",
                         "Halve how many phones may join from one address (not below 8)"),
    "share.per_address_least": ("Allerede det laveste: {count} {count:telefon|telefoner} fra samme adresse",
                                "Already the least: {count} {count:phone|phones} from one address"),
    # the room's file could not be changed (core/room_store.py): said once, calmly
    "share.keep_failed": ("Rummet kunne ikke gemmes på denne maskine. Delingen kører videre; efter en genstart "
                          "af appen kan den gamle kode komme tilbage, eller telefonerne må deltage igen.",
                          "The room could not be saved on this machine. Sharing goes on; after a restart of "
                          "the app the old code may come back, or the phones must join again."),
    "share.forget_failed": ("Rummets fil kunne ikke slettes. Appen tager det ikke tilbage, mens den kører; efter "
                            "en genstart kan den gamle kode komme tilbage (tryk k for en ny).",
                            "The room's file could not be removed. The app will not take it back while it runs; "
                            "after a restart the old code may come back (press k for a new one)."),
    "share.per_address_most": ("Allerede det højeste: {count} {count:telefon|telefoner} fra samme adresse",
                               "Already the most: {count} {count:phone|phones} from one address"),
    # a phone the room turned away (said to the facilitator, never on the wall)
    "share.turned_someone": ("En telefon", "A phone"),
    "share.turned_named": ("«{name}»", "“{name}”"),
    "share.turned_address": ("{who} kom ikke ind: {limit} {limit:telefon|telefoner} fra samme adresse (én router?) "
                             "er grænsen. + på delingsskærmen tillader {double}.",
                             "{who} was not let in: {limit} {limit:phone|phones} from one address (one router?) "
                             "is the limit. + on the share screen allows {double}."),
    "share.turned_full": ("{who} kom ikke ind: rummet er fuldt ({limit} {limit:telefon|telefoner}).",
                          "{who} was not let in: the room is full ({limit} {limit:phone|phones})."),
    "share.turned_connections": ("En telefon blev afvist: {limit} {limit:forbindelse|forbindelser} fra samme adresse "
                                 "er grænsen. + på delingsskærmen tillader flere.",
                                 "A phone was turned away: {limit} {limit:connection|connections} from one address "
                                 "is the limit. + on the share screen allows more."),
    "share.turned_connections_all": ("En telefon blev afvist: {limit} {limit:forbindelse|forbindelser} i alt er grænsen.",
                                     "A phone was turned away: {limit} {limit:connection|connections} in all is the limit."),
    "share.turned_many": ("Telefoner afvist {count} {count:gang|gange} mere — delingsskærmen tæller dem",
                          "Phones turned away {count} more {count:time|times} — the share screen counts them"),
    "share.loopback": ("Kun denne maskine kan åbne adressen (127.0.0.1). Start med --bind 0.0.0.0 for rummets net.",
                       "Only this machine can open the address (127.0.0.1). Start with --bind 0.0.0.0 for the room's network."),
    "share.network": ("Alle på dette net, der har koden, kan skrive.", "Anyone on this network who has the code can post."),
    "share.addresses": ("Maskinens adresser på nettet: {addresses}", "This machine's network addresses: {addresses}"),
    "share.no_address": ("Ingen netværksadresse fundet – er maskinen på rummets net? Prøv {host}.",
                         "No network address found – is this machine on the room's network? Try {host}."),
    # notices
    "share.started": ("Deler med rummet på {url}", "Sharing with the room at {url}"),
    "share.stopped_note": ("Delingen er stoppet; koden lukker ingen ind mere", "Sharing stopped; the code lets no one in any more"),
    "share.workshop_ended": ("Workshoppen er slut – telefonerne får det at vide, og delingen stopper. Fortryder du "
                             "(Ctrl+Z), giver s på delingsskærmen samme kode igen.",
                             "The workshop has ended – the phones are told, and sharing stops. If you undo it "
                             "(Ctrl+Z), s on the share screen gives the same code again."),
    "share.stopped_told": ("Delingen er stoppet; telefonerne får at vide, at workshoppen er slut, og koden lukker "
                           "ingen ind mere",
                           "Sharing stopped; the phones are told the workshop has ended, and the code lets no one "
                           "in any more"),
    "share.new_code_note": ("Ny kode: {code}. Den gamle kode virker ikke mere.",
                            "New code: {code}. The old code no longer works."),
    "share.anonymous_on": ("Anonyme må nu deltage", "Anonymous joining is now allowed"),
    "share.anonymous_off": ("Nye deltagere skal nu skrive et navn", "New participants must now give a name"),
    "share.arrived": ("Post-it fra {name}: {text}", "Post-it from {name}: {text}"),
    "share.anonymous": ("anonym", "anonymous"),
    "share.arrived_many": ("{count} {count:ny post-it|nye post-its} fra telefoner — {shortcut} viser dem",
                           "{count} new {count:post-it|post-its} from phones — {shortcut} shows them"),
    "share.arrived_many_bare": ("{count} {count:ny post-it|nye post-its} fra telefoner",
                                "{count} new {count:post-it|post-its} from phones"),
    "share.postits_waiting": ("{count} {count:post-it|post-its} fra «{activity}» venter stadig — {shortcut} viser dem",
                              "{count} {count:post-it|post-its} from “{activity}” still waiting — {shortcut} shows them"),
    "share.postits_waiting_bare": ("{count} {count:post-it|post-its} fra «{activity}» venter stadig",
                                   "{count} {count:post-it|post-its} from “{activity}” still waiting"),
    "share.title_phones": ("{count} {count:telefon|telefoner}", "{count} {count:phone|phones}"),
    # asking before a new code
    "share.new_code_title": ("Ny kode?", "New code?"),
    "share.new_code_text": ("Alle telefoner skal scanne den nye QR-kode eller skrive koden. Den gamle kode lukker ingen ind mere.",
                            "Every phone must scan the new QR code or type the code. The old code lets no one in any more."),
    "share.new_code_no": ("Nej, behold koden", "No, keep the code"),
    "share.new_code_yes": ("Ja, lav en ny kode", "Yes, make a new code"),
    # asking before s stops sharing with phones in the room
    "share.stop_title": ("Stop delingen, mens telefoner er med?", "Stop sharing while phones are in?"),
    "share.stop_text": ("{count} {count:telefon|telefoner} er med. De får at vide, at workshoppen er slut, og koden "
                        "lukker ingen ind mere. Deler du igen, er der en ny kode, og alle må deltage igen.",
                        "{count} {count:phone is|phones are} in. They are told the workshop has ended, and the code "
                        "lets no one in any more. If you share again, there is a new code and everyone must join again."),
    "share.stop_no": ("Nej, del videre", "No, keep sharing"),
    "share.stop_yes": ("Ja, stop delingen", "Yes, stop sharing"),
    # asking before quitting with phones in the room
    "share.quit_title": ("Afslut, mens telefoner er med?", "Quit while phones are in?"),
    "share.quit_phones": ("{count} {count:telefon|telefoner} er med og mister siden, når appen lukker – til du "
                          "deler workshoppen igen (samme kode i op til 12 timer).",
                          "{count} {count:phone|phones} joined will lose the page when the app closes – until you "
                          "share the workshop again (same code for up to 12 hours)."),
    "share.quit_round": ("Afstemningen er åben: prikkerne fra {count} {count:telefon|telefoner} går tabt.",
                         "The voting round is open: the dots from {count} {count:phone|phones} are lost."),
    "share.quit_stay": ("Nej, bliv", "No, stay"),
    "share.quit_yes": ("Ja, afslut", "Yes, quit"),
    "share.not_started": ("Delingen blev ikke startet", "Sharing was not started"),
    "share.no_project": ("Åbn et projekt for at dele det med rummet", "Open a project to share it with the room"),
    # asking before binding beyond this machine
    "share.confirm_title": ("Del på netværket?", "Share on the network?"),
    "share.confirm_text": (("Serveren lytter på {address}. Alle på dette net, der har koden, kan sende post-its "
                            "og prikker ind i projektet. Intet andet fra projektet vises."),
                           ("The server listens on {address}. Anyone on this network who has the code can post "
                            "post-its and dots into the project. Nothing else of the project is shown.")),
    "share.confirm_yes": ("Ja, del på netværket", "Yes, share on the network"),
    "share.confirm_no": ("Nej, del ikke", "No, do not share"),
    # refusals (app and command line)
    "share.bind_failed": ("Kan ikke dele på {address} port {port}: {reason}",
                          "Cannot share on {address} port {port}: {reason}"),
    "share.reason.in_use": ("porten er optaget (vælg en anden med --port)", "the port is in use (choose another with --port)"),
    "share.reason.not_here": ("adressen hører ikke til denne maskine", "the address does not belong to this machine"),
    "share.reason.denied": ("ingen adgang (porte under 1024 kræver administrator)",
                            "permission denied (ports below 1024 need an administrator)"),
    "share.reason.unknown_address": ("ukendt adresse", "unknown address"),
    "share.failed": ("Delingen kunne ikke startes: {reason}", "Sharing could not start: {reason}"),
    "cli.share_bad_port": ("--port {port}: porten skal være et tal fra 1 til 65535",
                           "--port {port}: the port must be a number from 1 to 65535"),
    "cli.share_network": (("Bemærk: --bind {address} deler ud over denne maskine: alle på dette net, der har koden, "
                           "kan skrive. Appen spørger, før den starter."),
                          ("Note: --bind {address} shares beyond this machine: anyone on this network who has the "
                           "code can post. The app asks before it starts.")),
    "cli.help.share": ("del workshoppen med rummets telefoner (kun denne maskine, 127.0.0.1, medmindre --bind siger andet)",
                       "share the workshop with the room's phones (this machine only, 127.0.0.1, unless --bind says otherwise)"),
    "cli.help.bind": ("adressen serveren lytter på, fx 0.0.0.0 for rummets net (spørger først; betyder --share)",
                      "the address the server listens on, e.g. 0.0.0.0 for the room's network (asks first; implies --share)"),
    "cli.help.per_address": ("hvor mange telefoner der må deltage fra én adresse, fx en klasse bag én router "
                             "(1–500; standard 8; betyder --share)",
                             "how many phones may join from one address, e.g. a class behind one router "
                             "(1–500; default 8; implies --share)"),
    "cli.share_bad_per_address": ("--per-address {given}: skal være et tal fra 1 til {most}",
                                  "--per-address {given}: must be a number from 1 to {most}"),
    "cli.help.port": ("porten (1–65535; standard 8765 hvis den er ledig, ellers en ledig; betyder --share)",
                      "the port (1–65535; default 8765 when free, else a free one; implies --share)"),
}
