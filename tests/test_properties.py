"""Any valid project survives save → load unchanged, and saving twice gives the same bytes."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerspil_tui.core import safe_yaml
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.schema import project_schema
from borgerspil_tui.core.storage import dump_project, parse_project, to_data
from tests.strategies import projects

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(project_schema(), format_checker=jsonschema.FormatChecker())


@SETTINGS
@given(projects())
def test_save_load_round_trip(project: Project) -> None:
    text = dump_project(project)
    again = parse_project(text)
    assert again == project
    assert dump_project(again) == text


@SETTINGS
@given(projects())
def test_schema_accepts_every_valid_project(project: Project) -> None:
    VALIDATOR.validate(json.loads(json.dumps(to_data(project), default=str)))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), st.from_regex(r"\A[-+]?[0-9.eEoxinfaINFAN]{1,8}\Z")))
def test_writer_quotes_exactly_what_the_reader_would_not_read_as_text(value: str) -> None:
    resolved = safe_yaml.resolve_plain(value) if value else None
    assert (not isinstance(resolved, str)) == bool(safe_yaml.NOT_TEXT.match(value))
