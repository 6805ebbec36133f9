"""Both languages are complete: every UI text exists in Danish and English, every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import borgerspil_tui
from borgerspil_tui.core.i18n import is_one, tr
from borgerspil_tui.core.i18n_texts import TEXTS
from borgerspil_tui.tui.commands import APP_COMMANDS
from borgerspil_tui.tui.registry import project_screens

SOURCE = Path(borgerspil_tui.__file__).parent
KEY = re.compile(r"""(?:\bt|\btr|self\.tr|app\.tr)\((?:lang, |self\.lang, |"da", |"en", |language, )?"([a-z_]+\.[a-z_.-]+)\"""")
COMMAND = re.compile(r'Command\("[^"]+", "[^"]+", "([a-z_.]+)", "([a-z_.]+)"')


def test_every_text_has_both_languages() -> None:
    for key, (da, en) in TEXTS.items():
        assert da.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)[}:]", da)) == set(re.findall(r"{(\w+)[}:]", en)), key


PLURAL = re.compile(r"{(\w+):([^|{}]*)\|([^{}]*)}")
COUNTED = re.compile(r"{(\w+)} (?:\w+ ){0,2}(idéer|ideas|prikker|dots|testrunder|test rounds|faser|phases|uger|weeks|"
                     r"årsager|causes|konsekvenser|consequences|personer|people|kopier|copies|stemmer|votes|"
                     r"punkter|entries|characters|spørgsmål er|questions are|gæster|guests|observationer|"
                     r"observations|indsigter|insights|koncepter|concepts|milepæle|milestones)\b")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_counts_choose_singular_or_plural(lang: str) -> None:
    counted = [key for key, pair in TEXTS.items() if PLURAL.search(pair[1 if lang == "en" else 0])]
    assert len(counted) >= 8
    for key in counted:
        text = TEXTS[key][1 if lang == "en" else 0]
        names = set(re.findall(r"{(\w+)", text))
        for name, one, many in PLURAL.findall(text):
            for count, form in ((0, many), (1, one), (2, many), (21, many)):
                values = {other: 7 for other in names} | {name: count}
                shown = tr(lang, key, **values)
                assert form in shown, (key, count, shown)
                if one not in many and count != 1:
                    assert not re.search(rf"\b{re.escape(one)}\b", shown.replace(many, "")), (key, count, shown)


def test_no_count_is_written_without_its_plural_rule() -> None:
    loose = {key: pair for key, pair in TEXTS.items() if COUNTED.search(pair[0]) or COUNTED.search(pair[1])}
    assert not loose


@pytest.mark.parametrize(("key", "values", "da", "en"), [
    ("tree.count", {"causes": 1, "consequences": 1}, "1 årsag · 1 konsekvens", "1 cause · 1 consequence"),
    ("tree.count", {"causes": 0, "consequences": 2}, "0 årsager · 2 konsekvenser", "0 causes · 2 consequences"),
    ("wizard.team_size", {"count": 1}, "Holdet har 1 person;", "The team has 1 person;"),
    ("missing.checklist", {"open": 1, "total": 7}, "1 af 7 spørgsmål", "1 of 7 checklist questions is not"),
    ("valid.text_too_long", {"max": 1, "length": 2}, "højst 1 tegn, men der er 2",
     "at most 1 character, but there are 2"),
])
def test_plural_examples(key: str, values: dict, da: str, en: str) -> None:
    assert da in tr("da", key, **values) and en in tr("en", key, **values)


def test_plural_of_a_number_written_for_people() -> None:
    assert is_one(1) and is_one("1") and is_one(-1) and is_one(1.0)
    assert not is_one(0) and not is_one(2) and not is_one("1.000") and not is_one("1,5") and not is_one(True)
    assert tr("da", "process.totals", weeks="1.000", budget="0", team=1, external=0, both=0).startswith(
        "I alt: 1.000 uger · 0 kr. · holdet selv: 1 fase ·")


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        used |= set(KEY.findall(text))
        for label, help_key in COMMAND.findall(text):
            used |= {label, help_key}
    assert len(used) > 100
    missing = sorted(key for key in used if key not in TEXTS)
    assert not missing


def test_every_command_and_screen_is_named_in_both_languages() -> None:
    for command in APP_COMMANDS:
        assert command.label in TEXTS and command.help in TEXTS
    for name in [*project_screens(), "home", "wizard", "help"]:
        assert f"screen.{name}" in TEXTS, name


def test_texts_differ_between_languages_where_they_should() -> None:
    assert tr("da", "key.undo") == "fortryd" and tr("en", "key.undo") == "undo"
    same = [k for k, (da, en) in TEXTS.items() if da == en]
    assert len(same) < len(TEXTS) * 0.06, same  # names like "SUCCES" and "prototype" are the same in both


def test_every_field_a_list_screen_edits_has_a_prompt() -> None:
    from borgerspil_tui.tui.screens.list_base import ListScreen

    screens = [factory for factory in project_screens().values()
               if isinstance(factory, type) and issubclass(factory, ListScreen)]
    assert len(screens) >= 5
    for screen in screens:
        fields = {screen.MAIN_FIELD} | {
            c.action.split("'")[1] for c in screen.SCREEN_COMMANDS if c.action.startswith("edit_field('")}
        for field in fields - {"main"}:
            assert f"field.{field}" in TEXTS, (screen.__name__, field)
        for key in screen.COLUMNS + ((screen.EMPTY_TEXT,) if screen.EMPTY_TEXT else ()):
            assert key in TEXTS, (screen.__name__, key)
