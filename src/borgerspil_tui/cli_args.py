"""The command line's parsing machinery: options that work anywhere, ``borgerspil PATH`` meaning
``open PATH``, and argparse's errors said in the user's language. The commands are in cli.py."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from borgerspil_tui.core.text import printable

COMMAND_NAMES = ("new", "validate", "fmt", "schema", "check", "demo", "open", "screenshot",
                 "merge", "git-setup", "diff", "repair", "export", "workshop")
VALUE_OPTIONS = ("--lang", "--method")
"""Options that work anywhere on the line (before or after the command and the path) and take a value."""


def lang_flag(argv: list[str]) -> str | None:
    """The value of ``--lang`` wherever it is on the line (the last one wins, as in argparse)."""
    found = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif token.startswith("--lang="):
            found = token.removeprefix("--lang=")
    return found


def with_implicit_open(argv: list[str]) -> list[str]:
    """``borgerspil PATH`` means ``borgerspil open PATH`` (options may stand before or after it)."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in VALUE_OPTIONS:
            index += 2
            continue
        if token.startswith(tuple(f"{option}=" for option in VALUE_OPTIONS)):
            index += 1
            continue
        if token.startswith("-") or token in COMMAND_NAMES:
            return argv
        return [*argv[:index], "open", *argv[index:]]
    return argv


_ARGPARSE_ERRORS = (
    (re.compile(r"unrecognized arguments: (?P<what>.*)"), "cli.error.unknown"),
    (re.compile(r"the following arguments are required: (?P<what>.*)"), "cli.error.required"),
    (re.compile(r"argument (?P<name>\S+): invalid choice: (?P<what>'.*?') \(choose from (?P<choices>.*)\)"),
     "cli.error.choice"),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.error.one_value"),
    (re.compile(r"argument (?P<name>\S+): expected at least one argument"), "cli.error.values"),
    (re.compile(r"ambiguous option: (?P<what>\S+) could match (?P<choices>.*)"), "cli.error.ambiguous"),
)
"""argparse's English error messages, and ours for each (anything else is shown as argparse says it)."""


_HEADINGS = ((re.compile(r"^usage:( )", re.M), "cli.heading.usage"),
             (re.compile(r"^positional arguments:()$", re.M), "cli.heading.arguments"),
             (re.compile(r"^options:()$", re.M), "cli.heading.options"))
"""argparse's headings, and ours for each."""


class _Parser(argparse.ArgumentParser):
    """argparse, its errors said in the chosen language (the sub-command parsers are made from this class too)."""

    language = "da"

    def error(self, message: str) -> NoReturn:
        from borgerspil_tui.core.i18n import tr

        for pattern, key in _ARGPARSE_ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = tr(self.language, key, **found.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {printable(message)}\n")

    def format_usage(self) -> str:
        return self._in_language(super().format_usage())

    def format_help(self) -> str:
        return self._in_language(super().format_help())

    def _in_language(self, text: str) -> str:
        """argparse's own headings ("usage:", "positional arguments:", "options:") in our words."""
        from borgerspil_tui.core.i18n import tr

        for english, key in _HEADINGS:
            text = english.sub(lambda found, key=key: tr(self.language, key) + found.group(1), text)
        return text


def everywhere(lang: str) -> argparse.ArgumentParser:
    """``--lang`` and ``--method``, for every sub-command too, so they work after it and after PATH.

    In the sub-commands they default to "not given", so an option given before the command is not
    overwritten by the sub-command's default.
    """
    from borgerspil_tui.core.i18n import tr

    common = parser_class(lang)(add_help=False)
    common.add_argument("-h", "--help", action="help", help=tr(lang, "cli.help.help"))
    common.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                        help=tr(lang, "cli.help.lang"))
    common.add_argument("--method", metavar="PATH", default=argparse.SUPPRESS, help=tr(lang, "cli.help.method"))
    return common


def command(commands: Any, name: str, text: str, common: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """A sub-command with its help in the chosen language and the options that work anywhere."""
    return commands.add_parser(name, help=text, description=text, parents=common, add_help=False)


def parser_class(lang: str) -> type[_Parser]:
    """A parser class that speaks ``lang`` (argparse makes the sub-command parsers from the same class)."""
    return type("Parser", (_Parser,), {"language": lang})
