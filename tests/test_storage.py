"""Saving: canonical bytes, atomic writes that keep the mode, external changes, migrations."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from borgerspil_tui.core import storage
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.storage import (
    MODELINE,
    ExternalChangeError,
    SaveError,
    create_project_file,
    dump_project,
    load_project,
    save_project,
)
from tests.conftest import EXAMPLE


def test_example_is_canonical_and_saves_to_the_same_bytes(example_copy: Path) -> None:
    loaded = load_project(example_copy)
    save_project(example_copy, loaded.project, loaded.fingerprint)
    assert example_copy.read_bytes() == EXAMPLE.read_bytes()


def test_output_rules() -> None:
    text = dump_project(load_project(EXAMPLE).project)
    assert text.startswith(MODELINE)
    assert text.endswith("\n") and "\r" not in text
    assert "\\u" not in text and "\\x" not in text
    assert "æ" in text and "ø" in text and "å" in text  # written as is
    assert not re.search(r"(: |- )[&*][\w-]+", text)  # no anchors or aliases
    assert "success_picture: |-\n    Fru Jensen" in text  # multi-line text as a block
    lines = text.splitlines()
    assert lines[1] == "schema_version: 1" and lines[2].startswith("title: ")  # model order
    longest = max(len(line) for line in lines)
    assert longest > 120  # long text is never wrapped


def test_checklist_answers_are_written_sorted(example_copy: Path) -> None:
    project = load_project(example_copy).project
    project.checklists = {"zz-last": project.checklists["create-fun"], **project.checklists}
    text = dump_project(project)
    keys = [line.split(":")[0].strip() for line in text.split("checklists:\n")[1].splitlines()
            if line.startswith("  ") and not line.startswith("    ")]
    assert keys == sorted(keys) and keys[-1] == "zz-last"


def test_one_idea_changed_is_a_small_diff(example_copy: Path) -> None:
    before = dump_project(load_project(example_copy).project).splitlines()
    project = load_project(example_copy).project
    project.create.ideas[1].scores["importance"] = 1
    after = dump_project(project).splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("        importance: 4", "        importance: 1")]


def test_save_keeps_mode_and_leaves_no_temp_files(example_copy: Path) -> None:
    os.chmod(example_copy, 0o640)
    loaded = load_project(example_copy)
    loaded.project.title = "Ny titel"
    save_project(example_copy, loaded.project, loaded.fingerprint)
    assert stat.S_IMODE(example_copy.stat().st_mode) == 0o640
    assert load_project(example_copy).project.title == "Ny titel"
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]


def test_external_change_is_detected_and_nothing_written(example_copy: Path) -> None:
    loaded = load_project(example_copy)
    example_copy.write_text(example_copy.read_text("utf-8") + "# edited elsewhere\n", "utf-8")
    edited = example_copy.read_bytes()
    loaded.project.title = "Mine"
    with pytest.raises(ExternalChangeError):
        save_project(example_copy, loaded.project, loaded.fingerprint)
    assert example_copy.read_bytes() == edited
    new = save_project(example_copy, loaded.project, loaded.fingerprint, force=True)
    assert load_project(example_copy).fingerprint == new


def test_failed_save_changes_nothing(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_project(example_copy)
    before = example_copy.read_bytes()
    loaded.project.title = "Never written"

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(SaveError) as caught:
        save_project(example_copy, loaded.project, loaded.fingerprint)
    assert caught.value.reason == "No space left on device"
    assert example_copy.read_bytes() == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]


def test_save_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    project = load_project(EXAMPLE).project
    with pytest.raises(SaveError) as caught:
        save_project(tmp_path / "gone" / "x.borgerspil.yaml", project, None)
    assert "No such file" in caught.value.reason


def test_create_refuses_to_overwrite(example_copy: Path) -> None:
    before = example_copy.read_bytes()
    with pytest.raises(SaveError, match="already exists"):
        create_project_file(example_copy, load_project(EXAMPLE).project)
    assert example_copy.read_bytes() == before


def test_migrations_run_in_order_by_schema_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 1)

    def from_zero(data: dict) -> dict:
        data["title"] = data.pop("name")
        return data

    monkeypatch.setattr(storage, "MIGRATIONS", {0: from_zero})
    path = tmp_path / "old.borgerspil.yaml"
    path.write_text("schema_version: 0\nname: Gammel\n", "utf-8")
    assert load_project(path).project.title == "Gammel"
    monkeypatch.setattr(storage, "MIGRATIONS", {})
    from borgerspil_tui.core.problems import FileProblemError

    with pytest.raises(FileProblemError, match="version 0 is not supported"):
        load_project(path)


def test_new_ids_are_random_and_unique() -> None:
    ids = {Idea(title="x").id for _ in range(2000)}
    assert len(ids) == 2000
    assert all(i.startswith("idea-") and len(i) == 11 for i in ids)


def test_shared_objects_are_never_written_as_anchors() -> None:
    import datetime as dt

    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.model.experience import Observation
    from borgerspil_tui.core.storage import parse_project

    day = dt.date(2026, 3, 4)
    project = Project(schema_version=1, title="t")
    project.experience.observations = [Observation(what="a", date=day, tags=["x"]),
                                       Observation(what="b", date=day, tags=["x"])]
    text = dump_project(project)
    assert "&" not in text and "*id" not in text
    assert parse_project(text) == project
