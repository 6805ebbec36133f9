"""The presenter view's large type (tui/big_text): the font's shape and the layout's limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from borgerspil_tui.tui import big_text as bt
from tests.app_helpers import HOSTILE


def test_every_glyph_has_the_same_height_and_width() -> None:
    assert len(bt.FONT) >= 26 + 3 + 10 + 10
    for char, rows in bt.FONT.items():
        assert len(rows) == bt.HEIGHT, char
        assert all(cell_len(row) == bt.WIDTH for row in rows), char
    for char in "abcæøå?!":
        assert bt.glyph(char) == bt.FONT[char.upper()]


def test_letters_digits_and_danish_letters_are_all_drawn() -> None:
    for char in "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,?!:;-+'\"()/%&=*":
        assert char in bt.FONT, char
    drawn = {bt.FONT[c] for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"}
    assert len(drawn) == 29  # no two letters look the same


def test_accented_letters_are_their_letter_with_the_accent_on_top() -> None:
    assert bt.glyph("É") == bt.glyph("é") == ("┏´╸", "┣╸ ", "┗━╸")  # IDÉER on the wall, not a small É
    assert bt.glyph("ü")[1:] == bt.FONT["U"][1:] and "¨" in bt.glyph("ü")[0]
    assert bt.glyph("Å") == bt.FONT["Å"]  # the font's own Danish letters stay as drawn
    for char in "ÉÈÊËÜÖÄÑÔéèü":
        assert all(cell_len(row) == bt.WIDTH for row in bt.glyph(char)), char


def test_unknown_characters_are_shown_small_not_lost() -> None:
    assert bt.glyph("[") == ("   ", " [ ", "   ")
    assert bt.glyph("🎉") == ("   ", "🎉 ", "   ")
    assert bt.glyph("\x07")[1].strip() == "?"
    for char in ("[", "🎉", "中", "\u0301", "\x00"):
        assert all(cell_len(row) == bt.WIDTH for row in bt.glyph(char)), repr(char)


def test_a_short_text_fits_and_is_centred() -> None:
    rows = bt.big_text("Hvad nu hvis?", 80)
    assert rows is not None and len(rows) == bt.HEIGHT
    assert rows[0].startswith("╻ ╻ ╻ ╻ ┏━┓")  # H V A
    two = bt.big_text("Hvorfor søger borgerne for sent?", 80)
    assert two is not None and len(two) == 2 * bt.HEIGHT + bt.LINE_GAP
    assert len({cell_len(row) for row in two}) == 1


def test_a_text_too_long_or_with_a_too_long_word_is_not_big() -> None:
    assert bt.big_text("x" * 21, 80) is None  # 20 characters a line at 80 cells
    assert bt.big_text("x" * 20, 80) is not None
    assert bt.big_text("ord " * 30, 80, max_lines=2) is None
    assert bt.big_text("", 80) is None and bt.big_text("   \n ", 80) is None
    assert bt.big_text("hej", 2) is None


def test_markup_is_drawn_as_characters() -> None:
    rows = bt.big_text("[bold]x[/]", 80)
    assert rows is not None
    assert "[" in rows[1] and "]" in rows[1]
    assert bt.FONT["B"][0] in rows[0]  # "bold" is drawn, not taken as a style


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), st.just(HOSTILE)), width=st.integers(0, 200), lines=st.integers(0, 4))
def test_large_type_never_exceeds_the_width(text: str, width: int, lines: int) -> None:
    rows = bt.big_text(text, width, lines)
    if rows is None:
        return
    assert 0 < len(rows) <= lines * (bt.HEIGHT + bt.LINE_GAP)
    assert all(cell_len(row) <= width for row in rows)
    assert all(row.isprintable() for row in rows)
