"""The method data: complete in both languages, validated, replaceable by an organisation's own."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from borgerspil_tui.core import safe_yaml
from borgerspil_tui.core.method import (
    METHOD_ENV,
    Localized,
    bundled_method,
    bundled_method_file,
    bundled_method_text,
    load_method,
)
from borgerspil_tui.core.problems import FileProblemError
from tests.conftest import ROOT
from tests.test_yaml_output import lint


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


# -- where the file lives, and that every YAML tool reads it the same ---------------------------------


def test_the_method_file_is_the_repositorys_data_file_or_its_installed_copy() -> None:
    import borgerspil_tui

    source = ROOT / "data" / "checklists.yaml"
    assert not (ROOT / "src" / "borgerspil_tui" / "data" / "checklists.yaml").exists()  # one source
    if Path(borgerspil_tui.__file__).resolve().is_relative_to(ROOT / "src"):  # a checkout, editable
        assert bundled_method_file() == source
    else:  # an installed wheel (as CI installs it): its copy, the same bytes as the source
        assert bundled_method_file() != source
        assert bundled_method_file().read_bytes() == source.read_bytes()


def test_the_method_file_passes_yamllint() -> None:
    assert lint(bundled_method_text()) == []


def test_the_pure_python_yaml_reader_reads_the_method_file_as_we_do() -> None:
    text = bundled_method_text()
    ours = safe_yaml.parse(text)[0]
    assert yaml.load(text, Loader=yaml.SafeLoader) == ours  # PyYAML without libyaml: yamllint, pre-commit
    assert yaml.load(text, Loader=yaml.CSafeLoader) == ours


def test_the_wheel_carries_the_method_file_and_the_installed_app_finds_it(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "-w", str(tmp_path), "--no-deps",
                            "-q"], capture_output=True, text=True)
    if built.returncode != 0:
        pytest.skip(f"no wheel could be built here (pip needs hatchling): {built.stderr[-300:]}")
    [wheel] = tmp_path.glob("*.whl")
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("borgerspil_tui/data/checklists.yaml") == bundled_method_file().read_bytes()
        archive.extractall(installed)
    code = ("from borgerspil_tui.core.method import bundled_method_file, bundled_method; "
            "print(bundled_method_file()); print(bundled_method().phases[0].name('da'))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True,
                           env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin",
                                "BORGERSPIL_CACHE_DIR": str(tmp_path / "cache")})
    assert shown.stdout.splitlines() == [str(installed / "borgerspil_tui" / "data" / "checklists.yaml"), "Fokusér"]
