"""Large type for a wall: a block font three rows high, and laying short texts out in it.

Pure text (no Textual): the presenter view shows the rows as plain text, so a user's ``[b]`` or
``[link=x]`` is drawn like any other character. Every glyph is ``WIDTH`` cells wide and ``HEIGHT``
rows high; glyphs are set one cell apart. Letters are drawn in capitals (Danish ÆØÅ included);
a character the font has no glyph for is drawn small in the glyph's middle row, so nothing is
lost and nothing breaks.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len

HEIGHT = 3
"""Rows of one line of large type."""
WIDTH = 3
"""Cells of one glyph."""
GAP = 1
"""Cells between two glyphs."""
LINE_GAP = 1
"""Blank rows between two lines of large type."""

FONT: dict[str, tuple[str, str, str]] = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"), "B": ("┏┓ ", "┣┻┓", "┗━┛"), "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("╺┳┓", " ┃┃", "╺┻┛"), "E": ("┏━╸", "┣╸ ", "┗━╸"), "F": ("┏━╸", "┣╸ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"), "H": ("╻ ╻", "┣━┫", "╹ ╹"), "I": ("╺┳╸", " ┃ ", "╺┻╸"),
    "J": ("  ╻", "  ┃", "┗━┛"), "K": ("╻┏╸", "┣┻┓", "╹ ╹"), "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹ ╹"), "N": ("┏┓╻", "┃┗┫", "╹ ╹"), "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "), "Q": ("┏━┓", "┃┓┃", "┗┻┛"), "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━┓", "┗━┓", "┗━┛"), "T": ("╺┳╸", " ┃ ", " ╹ "), "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "┃┏┛", "┗┛ "), "W": ("╻ ╻", "┃╻┃", "┗┻┛"), "X": ("╻ ╻", "┏╋┛", "╹ ╹"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "), "Z": ("╺━┓", "┏━┛", "┗━╸"),
    "Æ": ("┏┳╸", "┣╋╸", "╹┗╸"), "Ø": ("┏━┓", "┃╱┃", "┗━┛"), "Å": ("┏°┓", "┣━┫", "╹ ╹"),
    "0": ("┏━┓", "┃ ┃", "┗━┛"), "1": ("╺┓ ", " ┃ ", "╺┻╸"), "2": ("┏━┓", "┏━┛", "┗━╸"),
    "3": ("╺━┓", "╺━┫", "╺━┛"), "4": ("╻ ╻", "┗━┫", "  ╹"), "5": ("┏━╸", "┗━┓", "┗━┛"),
    "6": ("┏━╸", "┣━┓", "┗━┛"), "7": ("╺━┓", "  ┃", "  ╹"), "8": ("┏━┓", "┣━┫", "┗━┛"),
    "9": ("┏━┓", "┗━┫", "╺━┛"),
    " ": ("   ", "   ", "   "), ".": ("   ", "   ", " ╹ "), ",": ("   ", "   ", " ┛ "),
    "?": ("┏━┓", " ┏┛", " ╹ "), "!": (" ╻ ", " ╹ ", " ╹ "), ":": ("   ", " ╹ ", " ╹ "),
    ";": ("   ", " ╹ ", " ┛ "), "-": ("   ", "╺━╸", "   "), "+": (" ╻ ", "╺╋╸", " ╹ "),
    "'": (" ╹ ", "   ", "   "), '"': ("╹ ╹", "   ", "   "), "(": (" ┏╸", " ┃ ", " ┗╸"),
    ")": ("╺┓ ", " ┃ ", "╺┛ "), "/": ("  ╱", " ╱ ", "╱  "), "%": ("╻ ╱", " ╱ ", "╱ ╹"),
    "&": ("┏┓ ", "┣╋╸", "┗┻╸"), "=": ("   ", "╺━╸", "╺━╸"), "*": ("   ", "╲╋╱", "   "),
}
"""The glyphs: three rows of three cells each."""

ALIASES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
           "−": "-", "…": ".", "\u00a0": " "}
"""Characters drawn with another character's glyph."""

MARKS = {"\u0301": "´", "\u0300": "`", "\u0308": "¨", "\u0302": "^", "\u0303": "~", "\u030a": "°"}
"""Accents drawn in the middle of a letter's top row (É, È, Ü, Ô, Ñ …): the letter stays readable
on the wall and keeps its accent."""


def _accented(char: str) -> tuple[str, str, str] | None:
    """The glyph of an accented letter the font lacks: its base letter with the accent on top."""
    parts = unicodedata.normalize("NFD", char.upper())
    if len(parts) != 2 or parts[1] not in MARKS or parts[0] not in FONT:
        return None
    top, middle, bottom = FONT[parts[0]]
    return top[0] + MARKS[parts[1]] + top[2:], middle, bottom


def glyph(char: str) -> tuple[str, str, str]:
    """The glyph for one character (a capital's for a small letter); one the font lacks is the
    character itself, small in the middle row (a wide one takes two of the three cells)."""
    char = ALIASES.get(char, char)
    found = FONT.get(char)
    if found is None and len(char.upper()) == 1:
        found = FONT.get(char.upper()) or _accented(char)
    if found is not None:
        return found
    width = cell_len(char)
    if width < 1 or width > WIDTH or not char.isprintable():
        char, width = "?", 1
    blank = " " * WIDTH
    return blank, (" " + char).ljust(WIDTH)[:WIDTH] if width == 1 else char + " " * (WIDTH - width), blank


def clean(text: str) -> str:
    """The text as one line of printable characters: line breaks and runs of space become one
    space; letters composed (a + ring is å); marks that cannot stand alone and control
    characters are left out."""
    text = unicodedata.normalize("NFC", text)
    kept = [" " if char.isspace() else char for char in text
            if char.isspace() or (char.isprintable() and cell_len(char) > 0)]
    return " ".join("".join(kept).split())


def line_width(chars: int) -> int:
    """Cells a line of ``chars`` characters takes."""
    return chars * WIDTH + max(0, chars - 1) * GAP


def chars_per_line(width: int) -> int:
    """How many characters a line of large type ``width`` cells wide holds."""
    return max(0, (width + GAP) // (WIDTH + GAP))


def render_line(text: str) -> list[str]:
    """One line of large type: ``HEIGHT`` rows, each exactly :func:`line_width` cells."""
    glyphs = [glyph(char) for char in text]
    return [(" " * GAP).join(g[row] for g in glyphs) for row in range(HEIGHT)]


def wrap(text: str, per_line: int) -> list[str] | None:
    """``text`` in lines of at most ``per_line`` characters, broken between words; None when a
    word is longer than a line."""
    lines: list[str] = []
    for word in text.split(" "):
        if len(word) > per_line:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _pad(row: str, width: int) -> str:
    """``row`` with spaces after it to ``width`` cells (a wide character is two cells, one char)."""
    return row + " " * (width - cell_len(row))


def big_text(text: str, width: int, max_lines: int = 2) -> list[str] | None:
    """``text`` in large type for a space ``width`` cells wide: the rows of at most ``max_lines``
    lines (each centred on the widest, a blank row between lines), or None when it does not fit
    (too long, a word wider than the space, or nothing to show) — then show it as ordinary text."""
    words = clean(text).upper()
    per_line = chars_per_line(width)
    if not words or per_line < 1 or max_lines < 1:
        return None
    lines = wrap(words, per_line)
    if lines is None or len(lines) > max_lines:
        return None
    widest = max(line_width(len(line)) for line in lines)
    rows: list[str] = []
    for number, line in enumerate(lines):
        if number:
            rows += [" " * widest] * LINE_GAP
        margin = (widest - line_width(len(line))) // 2
        rows += [_pad(" " * margin + row, widest) for row in render_line(line)]
    return rows
