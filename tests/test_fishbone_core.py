"""The fishbone's method data (suggested bones), its check and its part of the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.method import bundled_method, bundled_method_text, load_method
from borgerspil_tui.core.problems import FileProblemError


def test_the_suggested_bones_are_there_in_both_languages() -> None:
    categories = bundled_method().fishbone_categories
    assert [c.id for c in categories] == ["people", "procedures", "it", "rules", "place", "communication"]
    assert [c.name("da") for c in categories] == ["Mennesker", "Procedurer", "IT", "Regler", "Sted", "Kommunikation"]
    for category in categories:
        assert category.name.da and category.name.en and category.prompt is not None
        assert category.prompt.da != category.prompt.en


def test_an_older_method_file_without_them_still_loads(tmp_path: Path) -> None:
    text = bundled_method_text()
    path = tmp_path / "gammel.yaml"
    path.write_text(text[:text.index("\n# Suggested bones of a fishbone")] + "\n", "utf-8")
    method = load_method(path)
    assert method.fishbone_categories == [] and method.workshop_templates


def test_a_bone_named_twice_or_without_english_is_refused_in_our_words(tmp_path: Path) -> None:
    text = bundled_method_text()
    path = tmp_path / "metode.yaml"
    start = text.index("fishbone_categories:")
    path.write_text(text[:start] + text[start:].replace("  - id: place\n", "  - id: people\n", 1), "utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_method(path)
    assert "fishbone_categories" in caught.value.problems[0].message and "people" in caught.value.problems[0].message
    path.write_text(text.replace("      da: Sted\n      en: Place\n", "      da: Sted\n", 1), "utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_method(path)
    assert caught.value.problems[0].field.startswith("fishbone_categories[4].name")
    assert caught.value.problems[0].text("da") != caught.value.problems[0].text("en")


def _project_with_fishbone():  # noqa: ANN202
    from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone
    from borgerspil_tui.core.storage import parse_project
    from tests.conftest import EXAMPLE

    project = parse_project(EXAMPLE.read_text("utf-8"))
    idea = project.create.ideas[0].id
    fishbone = Fishbone(kind="solutions", head="[bold]Svar[/] samme dag " + "x" * 100, bones=[
        Bone(category="Mennesker", items=[BoneItem(text="Én indgang"), BoneItem(text="Sendt", linked=idea)]),
        Bone(category="IT"), Bone(category="Sted"),
    ])
    project.create.fishbones.append(fishbone)
    return project


def test_check_names_empty_bones_and_items_not_sent_on_in_both_languages() -> None:
    from borgerspil_tui.core.checks import tool_problems
    from borgerspil_tui.core.checks.fishbone import fishbone_problems

    project = _project_with_fishbone()
    method = bundled_method()
    da = fishbone_problems(project, method, "da")
    en = fishbone_problems(project, method, "en")
    assert da == ["Fiskebenet «[bold]Svar[/] samme dag xxxxxxxxxxxxxxx…»: 2 ben uden punkter",
                  "Fiskebenet «[bold]Svar[/] samme dag xxxxxxxxxxxxxxx…»: 1 punkt ikke sendt videre (tryk s)"]
    assert en[0].endswith(": 2 bones without items") and en[1].endswith(": 1 item not sent on (press s)")
    assert all(line in tool_problems(project, method, "create", "da") for line in da)
    # everything sent and every bone used: nothing lacks; no fishbone at all lacks nothing either
    project.create.fishbones[0].bones = project.create.fishbones[0].bones[:1]
    project.create.fishbones[0].bones[0].items = project.create.fishbones[0].bones[0].items[1:]
    assert fishbone_problems(project, method, "da") == []
    project.create.fishbones = []
    assert fishbone_problems(project, method, "en") == []


def test_an_empty_head_is_named_by_the_problem_statement() -> None:
    from borgerspil_tui.core.checks.fishbone import fishbone_problems

    project = _project_with_fishbone()
    project.create.fishbones[0].head = ""
    line = fishbone_problems(project, bundled_method(), "da")[0]
    assert " ".join(project.focus.problem.split())[:20] in line
