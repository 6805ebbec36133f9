"""The fishbone drawn as text (core/fishbone_layout): head at the right, bones alternating
above and below, items along them, cut and counted when they don't fit."""

from __future__ import annotations

from borgerspil_tui.core.fishbone_layout import cut, layout

BONES = [
    ("Mennesker", ["Borgerne ved ikke, hvor de skal ringe hen", "[bold]x[/]", "Personalet skifter ofte"]),
    ("Procedurer", ["Tre systemer " * 20]),
    ("IT", [f"punkt {n}" for n in range(12)]),
    ("Regler", []),
    ("Sted", ["Langt til borgerservice"]),
    ("Kommunikation", ["Breve på juridisk dansk"]),
]
HEAD = "Borgerne venter for længe på hjælpemidler"


def _row_of(result, text: str) -> int:
    return next(i for i, line in enumerate(result.lines) if text in line)


def test_head_at_the_right_in_a_box_on_the_spine() -> None:
    result = layout(HEAD, BONES, 118, 30)
    spine = next(i for i, line in enumerate(result.lines) if "▶" in line)
    assert all(len(line) == 118 for line in result.lines)
    assert result.lines[spine].index("▶") + 1 == result.lines[spine].index("│")
    assert result.lines[spine].rstrip().endswith("│")
    box_rows = [line for line in result.lines if "│ " in line]
    assert "Borgerne venter" in "".join(box_rows)
    assert result.lines[spine].rstrip()[-1] == "│" and len(result.lines) <= 30


def test_bones_alternate_above_and_below_with_the_category_at_the_end() -> None:
    result = layout(HEAD, BONES, 118, 30)
    spine = next(i for i, line in enumerate(result.lines) if "▶" in line)
    for index, (category, _) in enumerate(BONES):
        row, col, _length = result.spots[(index, None)]
        assert result.lines[row][col:].startswith(category.upper())
        assert (row < spine) == (index % 2 == 0), category
        assert row in (0, len(result.lines) - 1)
    # the upper bones slant down to the right (╲), the lower ones up to the right (╱)
    assert "╲" in result.lines[spine - 1] and "╲" not in result.lines[spine + 1]
    assert "╱" in result.lines[spine + 1] and "╱" not in result.lines[spine - 1]
    # from left to right in pairs: Mennesker and Procedurer first, Sted and Kommunikation last
    assert result.spots[(0, None)][1] == result.spots[(1, None)][1] < result.spots[(4, None)][1]


def test_items_along_their_bone_cut_with_an_ellipsis() -> None:
    result = layout(HEAD, BONES, 118, 30)
    row, col, length = result.spots[(1, 0)]
    shown = result.lines[row][col:col + length]
    assert shown.endswith("…") and shown.startswith("Tre systemer")
    assert result.lines[row][col - 2] == "╱"
    assert "[bold]x[/]" in result.text  # text, never markup
    # the first item sits next to the category on both sides
    assert result.spots[(0, 0)][0] == 1 and result.spots[(1, 0)][0] == len(result.lines) - 2


def test_more_items_than_rows_say_how_many_and_keep_the_selected_in_view() -> None:
    small = layout(HEAD, BONES, 78, 15)
    assert small.hidden_items == {2: 12 - 5}
    assert "+7 mere" in layout(HEAD, BONES, 78, 15, more_items="+{n} mere").text
    assert (2, 0) in small.spots and (2, 11) not in small.spots
    chosen = layout(HEAD, BONES, 78, 15, (2, 11))
    assert (2, 11) in chosen.spots and (2, 0) not in chosen.spots


def test_too_many_bones_show_the_ones_around_the_selected_with_counts() -> None:
    many = [(f"Ben {n}", [f"p{n}"]) for n in range(14)]
    result = layout("x", many, 78, 15, (13, None))
    assert (13, None) in result.spots and (0, None) not in result.spots
    first, end = result.bones_shown
    assert end == 14 and f"+{first}" in result.text and "‹" in result.text
    start = layout("x", many, 78, 15, (0, None))
    assert start.bones_shown[0] == 0 and "›" in start.text and f"+{14 - start.bones_shown[1]}" in start.text


def test_fits_80_by_24_and_the_head_is_cut_when_long() -> None:
    result = layout(HEAD * 10, BONES, 78, 14, (0, 0))
    assert len(result.lines) <= 14 and all(len(line) == 78 for line in result.lines)
    assert "…" in "".join(line for line in result.lines if "│" in line)
    assert all(result.lines[row][col:col + n] for (row, col, n) in result.spots.values())


def test_no_bones_is_a_spine_and_a_head() -> None:
    result = layout("Målet", [], 80, 11)
    assert "▶" in result.text and "Målet" in result.text and not result.spots


def test_cut() -> None:
    assert cut("a\nb  c", 10) == "a b c"
    assert cut("abcdefghij", 5) == "abcd…"
    assert cut("abc", 0) == ""


def test_wide_characters_take_two_cells_and_nothing_moves() -> None:
    """An emoji in the head, a category or an item: every row is still exactly the width in cells,
    and the spine and the head's box stay straight (an emoji used to push them a column right)."""
    from borgerspil_tui.core.cells import cell_len

    drawn = layout("Svar på 1 uge 🎯 [link=https://x]y[/]", [("Mennesker 👩", ["😀😀😀", "Kø"]), ("IT", ["Langsomt 🐢"])],
                   120, 40)
    widths = {sum(len(cell) > 0 and (2 if cell_len(cell) == 2 else 1) for cell in row) for row in drawn.cells}
    assert all(cell_len(line) == 120 for line in drawn.lines), {cell_len(line) for line in drawn.lines}
    assert len(widths) == 1
    box = [line for line in drawn.lines if "│" in line[-40:]]
    assert len({cell_len(line[: line.rindex("│")]) for line in box}) == 1  # the box's right border in one column
    row, col, length = drawn.spots[(0, 0)]
    assert "".join(drawn.cells[row][col:col + length]) == "😀😀😀"
