"""Every kind of bad file is refused with a located message, and the file is never changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from borgerspil_tui.core import located
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.storage import load_project

GOOD = (
    "schema_version: 1\n"
    "title: Ventetid\n"
    "focus:\n"
    "  problem: Lang ventetid\n"
    "create:\n"
    "  ideas:\n"
    "  - id: idea-aaaaaa\n"
    "    title: Sms\n"
    "    scores:\n"
    "      importance: 4\n"
)


def _refused(tmp_path: Path, content: bytes | str) -> list[Problem]:
    path = tmp_path / "bad.borgerspil.yaml"
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    with pytest.raises(FileProblemError) as caught:
        load_project(path)
    assert path.read_bytes() == data, "a refused file must be left untouched"
    formatted = [p.format(path) for p in caught.value.problems]
    assert all(line.startswith(f"{path}:") for line in formatted)
    return caught.value.problems


def test_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.borgerspil.yaml"
    path.write_text(GOOD, "utf-8")
    assert load_project(path).project.create.ideas[0].scores == {"importance": 4}


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.borgerspil.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode() + b"    description: |\r\n      a\r\n      b\r\n")
    project = load_project(path).project
    assert project.title == "Ventetid"
    assert project.create.ideas[0].description == "a\nb\n"


def test_file_over_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(located, "MAX_FILE_BYTES", 100)
    [problem] = _refused(tmp_path, GOOD + "# padding\n" * 20)
    assert "limit" in problem.message


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    [problem] = _refused(tmp_path, bomb)
    assert "anchors (&a)" in problem.message
    assert (problem.line, problem.column) == (1, 4)


def test_alias_alone_is_refused(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD + "language: *x\n")
    assert "aliases (*x)" in problem.message and problem.line == 11


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hi']", "!!str 1", "!custom x"])
def test_tags_are_refused(tmp_path: Path, tag: str) -> None:
    [problem] = _refused(tmp_path, GOOD.replace("title: Ventetid", f"title: {tag}"))
    assert "tags" in problem.message and problem.line == 2


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD + "    scores:\n      importance: 1\n".replace("    scores", "    title"))
    assert "duplicate key 'title'" in problem.message
    assert problem.line == 11


def test_git_conflict_markers_are_named(tmp_path: Path) -> None:
    text = GOOD.replace("title: Ventetid\n", "<<<<<<< HEAD\ntitle: Ventetid\n=======\ntitle: Kø\n>>>>>>> other\n")
    [problem] = _refused(tmp_path, text)
    assert "git conflict marker" in problem.message and "merge" in problem.message
    assert problem.line == 2


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, "title: x\nschema_version: 1\nx: " + "[" * 500 + "]" * 500 + "\n")
    assert "nested more than" in problem.message


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD.encode("utf-8").replace(b"Lang", b"L\xe6ng"))
    assert "not UTF-8" in problem.message
    assert (problem.line, problem.column) == (4, 13)


@pytest.mark.parametrize("content", ["- a\n- b\n", "just text\n", "42\n", "~\n"])
def test_top_level_must_be_a_mapping(tmp_path: Path, content: str) -> None:
    [problem] = _refused(tmp_path, content)
    assert "top level must be a mapping" in problem.message


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    [problem] = _refused(tmp_path, content)
    assert problem.message == "the file is empty"


def test_unknown_fields_are_named(tmp_path: Path) -> None:
    problems = _refused(tmp_path, GOOD + "    colour: blue\nextra_top: 1\n")
    assert [(p.field, p.message, p.line) for p in problems] == [
        ("create.ideas[0]", "unknown field 'colour'", 11),
        ("", "unknown field 'extra_top'", 12),
    ]


def test_newer_schema_version_says_upgrade(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD.replace("schema_version: 1", "schema_version: 7"))
    assert "upgrade borgerspil" in problem.message and "7" in problem.message


def test_wrong_types_and_out_of_range_values(tmp_path: Path) -> None:
    text = GOOD.replace("importance: 4", "importance: 9").replace("title: Sms", "title: [a, b]")
    problems = _refused(tmp_path, text + "language: fr\ncreated: 2026-13-45\n")
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"create.ideas[0].title", "create.ideas[0].scores.importance", "language", "created"}
    score = by_field["create.ideas[0].scores.importance"]
    assert score.text("en") == "must be at most 5 (found 9)" and score.line == 10
    assert score.text("da") == "skal være højst 5 (her står 9)"
    assert by_field["language"].text("en") == "must be 'da' or 'en' (found 'fr')"
    assert by_field["language"].text("da") == "skal være 'da' eller 'en' (her står 'fr')"
    assert by_field["create.ideas[0].title"].text("en") == "must be a text (found a list)"
    assert by_field["created"].line == 12
    assert by_field["created"].text("da") == "2026-13-45 er ikke en dato, der findes; skriv den som ÅÅÅÅ-MM-DD"


def test_control_characters_in_text_are_refused(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD.replace("Lang ventetid", '"Lang \\e[31mventetid"'))
    assert "U+001B" in problem.message and problem.field == "focus.problem"
    assert "\x1b" not in problem.format("x")


def test_broken_link_names_both_ends(tmp_path: Path) -> None:
    text = GOOD + "  concepts:\n  - id: concept-cccccc\n    title: C\n    ideas:\n    - idea-zzzzzz\n"
    [problem] = _refused(tmp_path, text)
    assert problem.field == "create.concepts[0].ideas[0]"
    assert "concept 'concept-cccccc'" in problem.message and "'idea-zzzzzz'" in problem.message
    assert problem.line == 15


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    text = GOOD + "  - id: idea-aaaaaa\n    title: Igen\n"
    [problem] = _refused(tmp_path, text)
    assert "'idea-aaaaaa' is used twice" in problem.message and problem.line == 11


def test_invalid_yaml_syntax_is_located(tmp_path: Path) -> None:
    [problem] = _refused(tmp_path, GOOD + "  - id: [unclosed\n")
    assert problem.message.startswith("not valid YAML")
    assert re.match(r"\d+", str(problem.line))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblemError, match="no such file"):
        load_project(tmp_path / "nope.borgerspil.yaml")
    with pytest.raises(FileProblemError, match="folder"):
        load_project(tmp_path)


@pytest.mark.parametrize("value", ["1700000000", "05-01-2026", "2026/01/05", "'2026-1-5'"])
def test_dates_must_be_iso(tmp_path: Path, value: str) -> None:
    [problem] = _refused(tmp_path, GOOD + f"created: {value}\n")
    assert problem.field == "created" and "YYYY-MM-DD" in problem.message and problem.line == 11
