"""The method data: complete in both languages, validated, replaceable by an organisation's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.method import (
    METHOD_ENV,
    Localized,
    bundled_method,
    bundled_method_text,
    load_method,
)
from borgerspil_tui.core.problems import FileProblemError


def _localized(obj: object) -> list[Localized]:
    found: list[Localized] = []
    if isinstance(obj, Localized):
        return [obj]
    if isinstance(obj, list):
        for item in obj:
            found += _localized(item)
    elif hasattr(type(obj), "model_fields"):
        for name in type(obj).model_fields:
            found += _localized(getattr(obj, name))
    return found


def test_bundled_method_has_every_part_of_the_method() -> None:
    method = bundled_method()
    assert [p.name("da") for p in method.phases] == ["Fokusér", "Oplev", "Skab", "Insistér"]
    assert len(method.readiness.considerations) == 7
    assert len(method.readiness.checklist) == 7
    assert [len(p.steps) for p in method.phases] == [4, 3, 4, 4]
    assert all(p.checklist for p in method.phases)
    assert [q.id for q in method.problem_questions] == ["why-it-matters", "known", "unknown", "assumptions"]
    assert [v.id for v in method.value_kinds] == ["productivity", "service", "effect", "democracy"]
    assert [b.id for b in method.bottom_lines] == ["productivity", "service", "effect", "democracy"]
    assert len(method.idea_process) == 6
    assert [c.id for c in method.criteria] == ["importance", "feasibility", "strategic-match", "low-hanging-fruit"]
    assert len(method.concept_elements) == 8
    assert "".join(s.letter for s in method.succes) == "SUCCES"
    assert len(method.implementation_aspects) == 5
    org = method.organisation
    assert len(org.dimensions) == 4 and len(org.empathy_exercises) == 3
    assert org.leadership_traits and org.employee_traits and org.enablers and org.reflection_questions


def test_every_text_exists_in_both_languages_and_differs() -> None:
    texts = _localized(bundled_method())
    assert len(texts) > 150
    for text in texts:
        assert text.da.strip() and text.en.strip()
    # Most texts are really translated, not copied across.
    same = [t for t in texts if t.da == t.en]
    assert len(same) < 10, [t.da for t in same]


def test_localized_picks_language() -> None:
    phase = bundled_method().phase("insist")
    assert phase.name("da") == "Insistér"
    assert phase.name("en") == "Insist"


def test_custom_method_file_via_argument_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = tmp_path / "metode.yaml"
    custom.write_text(bundled_method_text().replace("Har vi det sjovt?", "Griner vi nok?"), "utf-8")
    assert load_method(custom).phase("create").checklist[-1].text("da") == "Griner vi nok?"
    monkeypatch.setenv(METHOD_ENV, str(custom))
    assert load_method().phase("create").checklist[-1].text("da") == "Griner vi nok?"


def _broken(tmp_path: Path, old: str, new: str) -> FileProblemError:
    text = bundled_method_text()
    assert old in text
    path = tmp_path / "metode.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_method(path)
    return caught.value


def test_custom_method_missing_translation_is_located(tmp_path: Path) -> None:
    error = _broken(tmp_path, "        en: Do we know which competences the team has and lacks?\n", "")
    [problem] = error.problems
    assert problem.field == "readiness.checklist[0].text"
    assert "'en'" in problem.message and problem.line is not None


def test_custom_method_duplicate_id_is_refused(tmp_path: Path) -> None:
    error = _broken(tmp_path, "id: create-fun", "id: create-criteria")
    assert "create-criteria" in error.problems[0].message
    assert "twice" in error.problems[0].message


def test_custom_method_unknown_field_is_named(tmp_path: Path) -> None:
    error = _broken(tmp_path, "    default_weight: 2\n", "    default_weight: 2\n    colour: red\n")
    problem = error.problems[0]
    assert "unknown field 'colour'" in problem.message
    assert problem.format(tmp_path / "metode.yaml").startswith(f"{tmp_path / 'metode.yaml'}:")
