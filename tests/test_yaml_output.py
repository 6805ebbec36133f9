"""What the writer puts in a file: every printable character as itself, sequences indented, and
files that pass ``yamllint`` (default rules except line-length and document-start)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yamllint import linter
from yamllint.config import YamlLintConfig

from borgerspil_tui.core import yaml_writer
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import MODELINE, dump_project, load_project, parse_project, to_data
from borgerspil_tui.core.yaml_writer import dump_data, dump_python
from tests.app_helpers import HOSTILE
from tests.conftest import EXAMPLE
from tests.strategies import projects, text

LINT = YamlLintConfig("extends: default\nrules:\n  line-length: disable\n  document-start: disable\n")
SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def lint(text_: str) -> list[str]:
    """yamllint's complaints about ``text_``, one line each (empty: the file passes)."""
    return [f"{p.line}:{p.column} {p.rule} {p.desc}" for p in linter.run(text_, LINT)]


# -- every printable character as itself ---------------------------------------------------------


def test_emoji_are_written_as_themselves_in_lines_and_blocks() -> None:
    project = Project(schema_version=1, title="Hyggeligt møde 🙂 med kaffe ☕")
    project.focus.problem = "Ventetiden 🕰️ er lang\nBorgerne 😟 ringer"
    written = dump_project(project)
    assert "title: Hyggeligt møde 🙂 med kaffe ☕\n" in written
    assert "  problem: |-\n    Ventetiden 🕰️ er lang\n    Borgerne 😟 ringer\n" in written
    assert "\\U" not in written
    assert parse_project(written) == project


_ESCAPE = re.compile(r"\\(.)")
_ALLOWED_ESCAPES = {"t", "n", '"', "\\", "u", "U"}


@SETTINGS
@given(st.lists(text.filter(lambda s: "\\" not in s), min_size=1, max_size=4))
def test_every_printable_character_is_written_as_itself(texts: list[str]) -> None:
    project = Project(schema_version=1, title="x")
    project.focus.problem = "\n".join(texts)
    project.focus.success_picture = "".join(texts)
    written = dump_project(project)
    # The texts hold no backslash, so every backslash in the file starts an escape: only control
    # characters (tab, newline), quotes, and the two non-characters U+FFFE/U+FFFF may be escaped.
    for match in _ESCAPE.finditer(written):
        assert match.group(1) in _ALLOWED_ESCAPES, written
        if match.group(1) in "uU":
            code = written[match.end():match.end() + (4 if match.group(1) == "u" else 8)]
            assert int(code, 16) in (0xFFFE, 0xFFFF, 0x10FFFF), written
    assert parse_project(written) == project


@SETTINGS
@given(projects())
def test_libyaml_writes_the_same_text_as_the_python_emitter(project: Project) -> None:
    """The fast path (libyaml + stand-ins + indenting) and PyYAML's own emitter agree exactly."""
    data = to_data(project)
    assert dump_data(data) == dump_python(data)


_keys = st.from_regex(r"\A[a-z][a-z0-9-]{0,12}\Z")
_leaves = st.one_of(text, st.integers(-5, 10**12), st.booleans(), st.none(), st.floats(allow_nan=False))
_nested = st.recursive(_leaves, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)), max_leaves=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _nested, min_size=1, max_size=5))
def test_any_nesting_of_lists_and_mappings_is_indented_the_same_way(data: dict[str, Any]) -> None:
    written = dump_data(data)
    assert written == dump_python(data)
    assert yaml.load(written, Loader=yaml.SafeLoader) == data  # the pure-Python reader agrees


def test_stand_ins_are_not_used_for_text_that_holds_private_use_characters() -> None:
    data = {"a": "privat \ue000 og 🙂", "b": ["\ue001", "🎉\n🙂"]}
    written = dump_data(data)
    assert written == dump_python(data)
    assert yaml.load(written, Loader=yaml.SafeLoader) == data
    assert "🙂" in written and "\\U" not in written


def test_a_text_that_spells_an_escape_is_kept_as_typed() -> None:
    data = {"a": "C:\\U0001F642", "b": "\\U0001F642 and 🙂", "c": '"\\U0001F642"'}
    written = dump_data(data)
    assert written == dump_python(data)
    assert yaml.load(written, Loader=yaml.SafeLoader) == data


def test_more_emoji_than_stand_ins_falls_back_to_the_python_emitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_writer, "_STAND_INS", ["\ue000", "\ue001"])
    data = {"a": "🙂🎉🍎", "b": "🍎"}
    assert dump_data(data) == "a: 🙂🎉🍎\nb: 🍎\n"


# -- sequences indented --------------------------------------------------------------------------


def test_sequences_under_a_key_are_indented() -> None:
    data = {"a": [{"id": "x", "children": [{"id": "y"}, "|not a block", "- not an item"]}],
            "b": [[1, [2]], "t: x", "s\nt"], "c": {"d": []}}
    assert dump_data(data) == (
        "a:\n"
        "  - id: x\n"
        "    children:\n"
        "      - id: y\n"
        "      - '|not a block'\n"
        "      - '- not an item'\n"
        "b:\n"
        "  - - 1\n"
        "    - - 2\n"
        "  - 't: x'\n"
        "  - |-\n"
        "    s\n"
        "    t\n"
        "c:\n"
        "  d: []\n"
    )


def test_quoted_keys_and_values_do_not_confuse_the_indenting() -> None:
    data = {"yes": ["'a': b", '"c": d'], "no": {"on": ["x: |", "e"]}, "off": ["|\n- y\nz: |"]}
    assert dump_data(data) == dump_python(data)
    assert yaml.load(dump_data(data), Loader=yaml.SafeLoader) == data


# -- yamllint ----------------------------------------------------------------------------------------

_HOSTILE = [HOSTILE, "Linje 1 🙂\nLinje 2\n\n  indrykket 🎉\n", "yes", "- x", "a: b", "#x  # y", "  lead",
            "trail ", "tab\there", '"quoted" and \'single\'', "x\n  y\n", "a\n\n\n\nfire tomme linjer", "|",
            "{[", "? q", "slut\n\n\n", "🎉\n🍎", "æøå ÆØÅ", "---", "...", "@x", "%x", "*x", "&x", "!x"]


@cache
def _everything_filled() -> Project:
    """The example with every text replaced by a hostile one (fields that refuse it keep theirs)."""
    data = to_data(load_project(EXAMPLE).project)
    counter = iter(range(10**6))

    def fill(node: Any, path: tuple) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, (dict, list)):
                fill(value, (*path, key))
            elif isinstance(value, str) and key not in ("id", "voter", "idea", "exercise"):
                before = value
                node[key] = _HOSTILE[next(counter) % len(_HOSTILE)]
                try:
                    Project.model_validate(data)
                except ValueError:
                    node[key] = _HOSTILE[0].replace("\n", " ")
                    try:
                        Project.model_validate(data)
                    except ValueError:
                        node[key] = before

    fill(data, ())
    return Project.model_validate(data)


def test_the_example_passes_yamllint() -> None:
    assert lint(EXAMPLE.read_text("utf-8")) == []


def test_the_example_is_written_in_the_new_form() -> None:
    assert EXAMPLE.read_text("utf-8") == dump_project(load_project(EXAMPLE).project)


def test_a_project_with_every_part_filled_with_hostile_text_passes_yamllint() -> None:
    project = _everything_filled()
    written = dump_project(project)
    assert "🎉" in written and "fire tomme linjer" in written and "|-\n" in written
    assert lint(written) == []
    assert parse_project(written) == project


def test_a_new_project_passes_yamllint() -> None:
    assert lint(dump_project(Project(schema_version=1, title="Nyt projekt"))) == []


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(projects())
def test_any_project_passes_yamllint(project: Project) -> None:
    written = dump_project(project)
    assert written.startswith(MODELINE)
    assert lint(written) == []
