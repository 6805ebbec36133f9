"""A raw control character in a file gets our own located message, never the parser's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.storage import load_project

REFUSED_BY_LIBYAML = {
    "\x00": "U+0000", "\x01": "U+0001", "\x08": "U+0008",  # C0 controls before tab
    "\x0b": "U+000B", "\x0c": "U+000C",  # vertical tab, form feed
    "\x0e": "U+000E", "\x1b": "U+001B", "\x1f": "U+001F",  # C0 controls after carriage return
    "\x7f": "U+007F",  # delete
    "\x80": "U+0080", "\x84": "U+0084", "\x86": "U+0086", "\x9f": "U+009F",  # C1 controls around NEL
}
NOT_CHARACTERS = {"\ufffe": "U+FFFE", "\uffff": "U+FFFF"}
LINE_BREAKS_TO_YAML_ONLY = {"\r": "U+000D", "\x85": "U+0085", "\u2028": "U+2028", "\u2029": "U+2029"}
EVERY_CLASS = {**REFUSED_BY_LIBYAML, **NOT_CHARACTERS, **LINE_BREAKS_TO_YAML_ONLY}
KEYS = {**dict.fromkeys(REFUSED_BY_LIBYAML, "parse.control_character"),
        **dict.fromkeys(NOT_CHARACTERS, "parse.not_a_character"),
        **dict.fromkeys(LINE_BREAKS_TO_YAML_ONLY, "parse.stray_line_break")}
PARSER_WORDS = ("unicode string", "position", "unacceptable", "special characters", "#x", "while scanning")


def _file(tmp_path: Path, char: str) -> Path:
    path = tmp_path / "styretegn.borgerspil.yaml"
    # After non-ASCII text: the column counts characters (libyaml's own position counts bytes).
    path.write_text(f"schema_version: 1\ntitle: Æbler\nfocus:\n  problem: Ølæg {char}x\n", "utf-8")
    return path


@pytest.mark.parametrize("char", list(EVERY_CLASS), ids=[f"U+{ord(c):04X}" for c in EVERY_CLASS])
def test_each_control_character_class_has_our_located_message(tmp_path: Path, char: str) -> None:
    path = _file(tmp_path, char)
    with pytest.raises(FileProblemError) as caught:
        load_project(path)
    [problem] = caught.value.problems
    assert (problem.key, problem.line, problem.column) == (KEYS[char], 4, 17)
    for lang in ("da", "en"):
        shown = problem.format(path, lang)
        assert shown.startswith(f"{path}:4:17: ") and EVERY_CLASS[char] in shown
        assert not any(word in shown for word in PARSER_WORDS), shown


def test_a_control_character_in_a_method_file_is_located_too(tmp_path: Path) -> None:
    path = tmp_path / "metode.yaml"
    path.write_text("version: 1\nreadiness:\n  name:\n    da: Para\x07thed\n", "utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_method(path)
    [problem] = caught.value.problems
    assert (problem.key, problem.line, problem.column, problem.values["code"]) == (
        "parse.control_character", 4, 13, "U+0007")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_validate_says_it_in_the_users_language(tmp_path: Path, lang: str) -> None:
    path = _file(tmp_path, "\x01")
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", "validate", str(path), "--lang", lang],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin",
                                                                 "BORGERSPIL_CONFIG_DIR": str(tmp_path / "c")})
    assert result.returncode == 1
    expected = ("tegnet U+0001 er et usynligt styretegn" if lang == "da"
                else "the character U+0001 is an invisible control character")
    assert result.stderr.startswith(f"{path}:4:17: {expected}"), result.stderr
    assert not any(word in result.stderr for word in PARSER_WORDS)
