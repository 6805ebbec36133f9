"""``borgerspil export``: where the report goes, which parts, one concept, errors in both
languages, ``--redact``; the project file is never changed.

The command's own logic is tested with a renderer that records what it is given (``recorder``):
the report it "renders" is the project as JSON, so what the renderer saw can be read in the file.
The HTML renderer is also run for real.
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.export import PARTS

CONCEPT = "concept-c3d4ef"
SECRETS = ("Mette Holm", "Jonas Friis", "Aisha Rahimi", "Lars Munk", "Birgitte Lund",
           "Borgerrepræsentant fra Ældrerådet", "Kvinde, 82 år, bor alene", "Hjemmebesøg, Nørregade",
           "Jeg vil bare vide, om der sker noget.", "Det går nok. Jeg holder fast i håndklædestativet.",
           "Aisha og Jonas")
"""Names, quotes and observations' who/where in the example."""


@pytest.fixture(autouse=True)
def _no_saved_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads the language saved by the app: keep the user's own settings out of the tests."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Both renderers replaced by one that records its arguments and returns the project as JSON."""
    calls: list[dict] = []

    def render(project, *, method, lang, parts, concept, redacted):
        calls.append({"project": project, "lang": lang, "parts": parts, "concept": concept, "redacted": redacted})
        return project.model_dump_json()

    for name, function in (("markdown", "render_markdown"), ("html", "render_html")):
        module = types.ModuleType(f"borgerspil_tui.core.export.{name}")
        setattr(module, function, render)
        monkeypatch.setitem(sys.modules, module.__name__, module)
    return calls


def test_default_names_are_next_to_the_project(example_copy: Path, recorder: list[dict],
                                               capsys: pytest.CaptureFixture) -> None:
    before = example_copy.read_bytes()
    assert main(["export", str(example_copy)]) == 0
    report = example_copy.with_name("hjaelpemidler.md")
    assert json.loads(report.read_text("utf-8"))["title"] == "Hurtigere hjælp til hjælpemidler i Vestby Kommune"
    assert capsys.readouterr().out == f"Rapporten er skrevet til {report}\n"
    assert main(["export", str(example_copy), "--format", "html", "--lang", "en"]) == 0
    assert example_copy.with_name("hjaelpemidler.html").exists()
    assert capsys.readouterr().out == f"The report was written to {example_copy.with_name('hjaelpemidler.html')}\n"
    assert [(c["parts"], c["concept"], c["lang"], c["redacted"]) for c in recorder] == [
        (PARTS, None, "da", False), (PARTS, None, "en", False)]
    assert example_copy.read_bytes() == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [
        "hjaelpemidler.borgerspil.yaml", "hjaelpemidler.html", "hjaelpemidler.md"]  # no temp file left


def test_output_option_a_file_a_folder_and_stdout(example_copy: Path, tmp_path: Path, recorder: list[dict],
                                                  capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "til ledelsen.md"
    assert main(["export", str(example_copy), "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["title"].startswith("Hurtigere")
    folder = tmp_path / "rapporter"
    folder.mkdir()
    assert main(["export", str(example_copy), "--format", "html", "-o", str(folder)]) == 0
    assert (folder / "hjaelpemidler.html").exists()
    capsys.readouterr()
    assert main(["export", str(example_copy), "-o", "-"]) == 0
    printed = capsys.readouterr()
    assert json.loads(printed.out)["title"].startswith("Hurtigere") and printed.err == ""
    assert not example_copy.with_name("hjaelpemidler.md").exists()


def test_parts_and_one_concept_reach_the_renderer(example_copy: Path, recorder: list[dict]) -> None:
    assert main(["export", str(example_copy), "--part", "concepts", "value-case", "--part", "status"]) == 0
    assert main(["export", str(example_copy), "--part", "matrix,votes"]) == 0
    assert main(["export", str(example_copy), "--concept", CONCEPT, "--format", "html"]) == 0
    # export_report orders the parts as the method does
    assert [c["parts"] for c in recorder] == [("status", "concepts", "value-case"), ("matrix", "votes"), PARTS]
    assert recorder[2]["concept"] == CONCEPT


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "--part: der er ingen del, der hedder konceptkort. Delene er: status, tree,"),
    ("en", "--part: there is no part called konceptkort. The parts are: status, tree,")])
def test_an_unknown_part_is_said_with_the_known_ones(example_copy: Path, recorder: list[dict], lang: str, said: str,
                                                     capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(example_copy), "--part", "concepts", "konceptkort", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.startswith(said) and "value-case, milestones, organisation" in err and "Traceback" not in err
    assert not recorder and not example_copy.with_name("hjaelpemidler.md").exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "--concept: projektet har intet koncept med id concept-zzz. Dets koncepter: «Samme dag» (concept-c3d4ef)"),
    ("en", "--concept: the project has no concept with the id concept-zzz. Its concepts: «Samme dag» (concept-c3d4ef)")])
def test_an_unknown_concept_is_said_with_the_concepts_there_are(example_copy: Path, recorder: list[dict], lang: str,
                                                                said: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(example_copy), "--concept", "concept-zzz", "--lang", lang]) == 1
    assert capsys.readouterr().err == said + "\n"
    assert not recorder and not example_copy.with_name("hjaelpemidler.md").exists()


def test_redact_hides_names_quotes_and_who_where(example_copy: Path, recorder: list[dict]) -> None:
    before = example_copy.read_bytes()
    plain = example_copy.parent / "plain.md"
    assert main(["export", str(example_copy), "-o", str(plain)]) == 0
    assert all(secret in plain.read_text("utf-8") for secret in SECRETS)  # the example has them all
    assert main(["export", str(example_copy), "--redact"]) == 0
    report = example_copy.with_name("hjaelpemidler.md").read_text("utf-8")
    assert "[skjult]" in report
    for secret in SECRETS:
        assert secret not in report, secret
    assert recorder[-1]["redacted"] is True and recorder[0]["redacted"] is False
    assert main(["export", str(example_copy), "--redact", "--lang", "en", "-o", "-"]) == 0
    assert recorder[-1]["project"].readiness.team[0].name == "[hidden]"
    assert example_copy.read_bytes() == before


def test_the_project_file_is_never_written_over(example_copy: Path, recorder: list[dict],
                                                capsys: pytest.CaptureFixture) -> None:
    before = example_copy.read_bytes()
    other_name = example_copy.parent / ".." / example_copy.parent.name / example_copy.name
    for lang, said in (("da", "er selve projektfilen"), ("en", "is the project file itself")):
        assert main(["export", str(example_copy), "-o", str(other_name), "--lang", lang]) == 1
        assert said in capsys.readouterr().err
    assert example_copy.read_bytes() == before and not recorder


def test_a_write_that_fails_is_said(example_copy: Path, recorder: list[dict], capsys: pytest.CaptureFixture) -> None:
    missing = example_copy.parent / "findes-ikke" / "rapport.md"
    assert main(["export", str(example_copy), "-o", str(missing), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"The report was not written to {missing}: ") and "Traceback" not in err


def test_the_html_report_for_real(example_copy: Path, tmp_path: Path) -> None:
    before = example_copy.read_bytes()
    assert main(["export", str(example_copy), "--format", "html", "--redact"]) == 0
    page = example_copy.with_name("hjaelpemidler.html").read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "[skjult]" in page
    for secret in SECRETS:
        assert secret not in page, secret
    assert main(["export", str(example_copy), "--format", "html", "--concept", CONCEPT, "-o",
                 str(tmp_path / "kort.html"), "--lang", "en"]) == 0
    assert "Samme dag" in (tmp_path / "kort.html").read_text("utf-8")
    assert example_copy.read_bytes() == before


def test_the_markdown_report_for_real(example_copy: Path, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    before = example_copy.read_bytes()
    assert main(["export", str(example_copy)]) == 0
    plain = example_copy.with_name("hjaelpemidler.md").read_text("utf-8")
    assert "Mette Holm" in plain and "[skjult]" not in MarkdownIt("gfm-like").render(plain)
    assert main(["export", str(example_copy), "--redact", "-o", str(tmp_path / "delt.md")]) == 0
    text = (tmp_path / "delt.md").read_text("utf-8")
    shown = MarkdownIt("gfm-like").render(text)
    assert "[skjult]" in shown and "Fritekst" in shown  # the report says it is redacted, and what is not
    for secret in SECRETS:
        assert secret not in text, secret
    assert main(["export", str(example_copy), "--part", "concepts", "--lang", "en", "-o", str(tmp_path / "k.md")]) == 0
    cards = (tmp_path / "k.md").read_text("utf-8")
    assert "Samme dag" in cards and "Mette Holm" not in cards  # only the concept cards, not the team
    assert example_copy.read_bytes() == before


def test_export_does_not_import_textual(example_copy: Path, tmp_path: Path) -> None:
    import subprocess

    code = ("import sys; from borgerspil_tui.cli import main; "
            f"main(['export', {str(example_copy)!r}, '-o', {str(tmp_path / 'r.md')!r}]); "
            f"main(['export', {str(example_copy)!r}, '--format', 'html', '-o', {str(tmp_path / 'r.html')!r}]); "
            "assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert (tmp_path / "r.md").exists() and (tmp_path / "r.html").exists()


@pytest.mark.parametrize(("lang", "words"), [("da", "skriv en rapport over projektet"), ("en", "write a report")])
def test_help_in_both_languages(lang: str, words: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help", "--lang", lang])
    out = capsys.readouterr().out
    assert words in out and "value-case" in out and "--redact" in out
