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
