"""The HTML report (core/export/html): one self-contained page, safe with anyone's text, and
printed to A4 by a real browser when one is installed."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path
from typing import Any

import html5lib
import pytest

from borgerspil_tui.core.export import PARTS, export_report
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import parse_project, to_data

EXAMPLE = Path(__file__).parent.parent / "examples" / "hjaelpemidler.borgerspil.yaml"
METHOD = load_method(None)

HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "&amp; & < >",
    "]]>",
    "Long" + "x" * 240 + "word",
)
NOT_TEXT = {"id", "voter", "idea", "kind", "line", "phase", "status", "source", "rating",
            "target_group", "quote_from", "insight", "language", "exercise", "done_by", "date", "due",
            "created", "answer", "concept", "inspired_by", "observations", "supports", "contradicts",
            "target_groups", "ideas", "depends_on", "schema_version", "milestone", "aspect"}


def example() -> Project:
    return parse_project(EXAMPLE.read_text(encoding="utf-8"))


def hostile_project() -> Project:
    """The example with every text field replaced by hostile strings, taken in turn."""
    strings = itertools.cycle(HOSTILE)

    def walk(value: Any, key: str | None) -> Any:
        if key in NOT_TEXT:
            if key == "target_groups" and isinstance(value, list) and value and isinstance(value[0], dict):
                return [walk(v, None) for v in value]
            return value
        if isinstance(value, dict):
            return {k: walk(v, k if isinstance(k, str) else None) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, None if key is None else key) if isinstance(v, (dict, list)) else walk(v, None)
                    for v in value]
        if isinstance(value, str):
            return next(strings)
        return value

    data = to_data(example())
    data = {k: (v if k in ("schema_version", "language", "checklists", "conflicts") else walk(v, k))
            for k, v in data.items()}
    return Project.model_validate(data)


def parse(text: str):
    return html5lib.parse(text, namespaceHTMLElements=False)


SVG = "{http://www.w3.org/2000/svg}svg"


def words(tree) -> str:
    return "".join(tree.itertext())


def assert_self_contained(text: str) -> None:
    """No script, no event handler, no javascript: URL, nothing fetched from anywhere."""
    tree = parse(text)
    for element in tree.iter():
        tag = element.tag.split("}")[-1] if isinstance(element.tag, str) else ""
        assert tag not in ("script", "link", "iframe", "object", "embed", "img", "image", "base"), tag
        for name, value in element.attrib.items():
            local = name.split("}")[-1].lower()
            assert not local.startswith("on"), (tag, name, value)
            assert local not in ("src", "srcset", "xlink:href", "action", "formaction"), (tag, name)
            if local == "href":
                assert value.startswith("#"), value
            assert "javascript:" not in value.lower(), (tag, name, value)
            assert "url(" not in value.lower(), (tag, name, value)
    styles = [e.text or "" for e in tree.iter("style")]
    assert styles and all("url(" not in s and "@import" not in s for s in styles)
    assert tree.find(".//meta[@name='viewport']") is not None


@pytest.mark.parametrize("lang", ["da", "en"])
def test_example_has_every_part_the_pictures_and_a_concept(lang: str) -> None:
    project = example()
    text = export_report(project, method=METHOD, fmt="html", lang=lang)
    tree = parse(text)
    assert tree.tag == "html" and tree.get("lang") == lang
    headings = [words(h).strip() for h in tree.iter("h2")]
    for part in PARTS:
        assert tr(lang, f"report.html.part.{part}") in headings, part
    svgs = list(tree.iter(SVG))
    assert len(svgs) == 3  # the tree, the 2×2, the milestones' timeline
    timeline = words(svgs[2])
    dated = sorted((m for m in project.insist.milestones if m.due), key=lambda m: m.due)
    assert [timeline.index(m.title) for m in dated] == sorted(timeline.index(m.title) for m in dated)
    tree_text = words(svgs[0]).replace("\u00a0", " ")
    assert "PROBLEM" in tree_text and project.focus.causes[0].text.split()[0] in tree_text
    shown = words(tree)
    for said in (project.create.ideas[0].title, project.insist.risks[0].text, project.insist.stakeholders[0].name,
                 project.organisation.exercises[0].notes, project.experience.observations[0].quotes[0],
                 project.focus.target_groups[0].name, project.insist.value_case[0].goal):
        assert said in shown, said
    assert project.create.concepts[0].title in [words(h).split(" ")[0] for h in tree.iter("h3")] or \
        any(project.create.concepts[0].title in words(h) for h in tree.iter("h3"))
    assert_self_contained(text)


def test_parts_limit_the_report_and_one_concept_is_a_handout() -> None:
    project = example()
    text = export_report(project, method=METHOD, fmt="html", lang="en", parts=("concepts",))
    assert [words(h) for h in parse(text).iter("h2") if "contents" not in (h.get("class") or "")] == \
        [tr("en", "report.html.part.concepts")]
    concept = project.create.concepts[0]
    handout = parse(export_report(project, method=METHOD, fmt="html", lang="en", concept=concept.id))
    assert list(handout.iter("h2")) == [] and len(handout.findall(".//article")) == 1
    assert concept.title in words(handout) and concept.pitch.split('"')[0] in words(handout)
    missing = export_report(project, method=METHOD, fmt="html", lang="en", concept="concept-nope")
    assert tr("en", "report.html.no_concept", id="concept-nope") in words(parse(missing))


def test_redacted_report_says_so() -> None:
    text = export_report(example(), method=METHOD, fmt="html", lang="da", redact=True)
    assert tr("da", "report.redacted_note") in words(parse(text))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_text_is_shown_literally_and_never_interpreted(lang: str) -> None:
    project = hostile_project()
    assert project.title in HOSTILE and project.create.concepts[0].title in HOSTILE
    text = export_report(project, method=METHOD, fmt="html", lang=lang)
    assert_self_contained(text)
    shown = words(parse(text))
    for hostile in HOSTILE:
        assert hostile in shown, hostile
    assert "<script>" not in text.replace("&lt;script&gt;", "") and "<img" not in text
    handout = export_report(project, method=METHOD, fmt="html", lang=lang,
                            concept=project.create.concepts[0].id)
    assert_self_contained(handout)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NEEDS_BROWSER = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="chromium and poppler-utils (pdfinfo, pdftotext) are not on the PATH: "
           "the report is not printed in a real browser (apt-get install chromium poppler-utils)")


def print_pdf(text: str, folder: Path) -> tuple[int, str, str]:
    """Print the page with headless Chromium: (pages, page size, the PDF's text)."""
    page, pdf = folder / "report.html", folder / "report.pdf"
    page.write_text(text, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, timeout=120, capture_output=True)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    content = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return int(fields["Pages"]), fields["Page size"].strip(), content


@NEEDS_BROWSER
def test_a_concept_card_prints_on_one_a4_page(tmp_path: Path) -> None:
    project = example()
    concept = project.create.concepts[0]
    pages, size, content = print_pdf(
        export_report(project, method=METHOD, fmt="html", lang="da", concept=concept.id), tmp_path)
    assert "(A4)" in size and pages == 1
    assert concept.title in content


@NEEDS_BROWSER
def test_each_part_starts_a_new_a4_page(tmp_path: Path) -> None:
    project = example()
    chosen = ("status", "what-ifs", "votes", "value-case")
    pages, size, content = print_pdf(
        export_report(project, method=METHOD, fmt="html", lang="en", parts=chosen), tmp_path)
    assert "(A4)" in size and pages == len(chosen)
    for part in chosen:
        assert tr("en", f"report.html.part.{part}") in content
    full, _, text = print_pdf(export_report(project, method=METHOD, fmt="html", lang="en"), tmp_path)
    assert full >= len(PARTS) + len(project.create.concepts) - 1
    assert project.create.concepts[0].title in text


@NEEDS_BROWSER
def test_hostile_text_prints_within_the_margins(tmp_path: Path) -> None:
    """Long unbroken words wrap: every printed word lies inside the page's 14 mm side margins."""
    import re

    pages, size, content = print_pdf(
        export_report(hostile_project(), method=METHOD, fmt="html", lang="en"), tmp_path)
    assert "(A4)" in size and pages >= len(PARTS)
    assert "alert(1)" in content
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "report.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout
    width = float(size.split()[0])
    margin = 14 / 25.4 * 72
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    left = [float(x) for x in re.findall(r'xMin="([\d.]+)"', boxes)]
    assert len(right) > 100
    assert max(right) <= width - margin + 1 and min(left) >= margin - 1


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_empty_project_gives_a_page_with_every_part(lang: str) -> None:
    project = Project(schema_version=1, title="Tomt")
    text = export_report(project, method=METHOD, fmt="html", lang=lang)
    assert_self_contained(text)
    headings = [words(h) for h in parse(text).iter("h2")]
    assert all(tr(lang, f"report.html.part.{part}") in headings for part in PARTS)


def test_random_projects_render_self_contained() -> None:
    from hypothesis import HealthCheck, given, settings

    from tests.strategies import projects

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(projects())
    def check(project: Project) -> None:
        text = export_report(project, method=METHOD, fmt="html", lang=project.language)
        assert_self_contained(text)
        assert project.title in words(parse(text))

    check()


@NEEDS_BROWSER
def test_each_concept_card_is_one_printed_page(tmp_path: Path) -> None:
    project = example()
    first = project.create.concepts[0]
    copies = [first.model_copy(update={"id": f"concept-copy{n}", "title": f"Kopi {n}"}) for n in range(2)]
    project = project.model_copy(update={"create": project.create.model_copy(
        update={"concepts": [first, *copies]})})
    pages, size, content = print_pdf(
        export_report(project, method=METHOD, fmt="html", lang="da", parts=("concepts",)), tmp_path)
    assert "(A4)" in size and pages == 3
    assert all(c.title in content for c in project.create.concepts)


def test_timeline_only_of_dated_milestones_earliest_first() -> None:
    import datetime as dt

    from borgerspil_tui.core.export.svg import LABEL_CHARS, timeline_svg

    assert timeline_svg([("Uden dato", None, False)]) is None
    long = "L" * (LABEL_CHARS + 10)
    picture = timeline_svg([("Sidst", dt.date(2027, 3, 1), True), ("Uden dato", None, False),
                            ("Først", dt.date(2026, 5, 20), False), (long, dt.date(2026, 9, 1), False)])
    assert [m.label for m in picture.marks] == ["Først", long[:LABEL_CHARS - 1] + "…", "Sidst"]
    xs = [m.x for m in picture.marks]
    assert xs == sorted(xs) and picture.left <= xs[0] and xs[-1] <= picture.width
    assert picture.ticks[0][1] == "2026-05" and [m.done for m in picture.marks] == [False, False, True]


@NEEDS_BROWSER
def test_a_tree_wider_than_the_page_prints_as_lists_a_small_one_as_the_picture(tmp_path: Path) -> None:
    """A picture scaled down to the page would be too small to read: the wide tree prints as the
    same tree in nested lists (every cause's text in the PDF), the example's as its picture."""
    from borgerspil_tui.core.model.focus import TreeNode

    project = example()
    project.focus.causes = [TreeNode(text=f"Årsag nummer {i} med en lang forklaring af hvad der sker",
                                     children=[TreeNode(text=f"Underårsag {i}.{k}") for k in range(3)])
                            for i in range(14)]
    text = export_report(project, method=METHOD, fmt="html", lang="da", parts=("tree",))
    tree = parse(text)
    assert tree.find(".//figure[@class='picture wide']") is not None
    assert tree.find(".//details[@class='outline print-instead']") is not None
    _, _, content = print_pdf(text, tmp_path)
    assert "Underårsag 13.2" in content and "Årsag nummer 13" in content
    caption = tr("da", "report.html.tree_alt")
    assert caption not in " ".join(content.split())  # the picture (with its caption) is not printed
    _, _, printed_small = print_pdf(export_report(example(), method=METHOD, fmt="html", lang="da",
                                                  parts=("tree",)), tmp_path)
    assert caption in " ".join(printed_small.split())
    small = parse(export_report(example(), method=METHOD, fmt="html", lang="da", parts=("tree",)))
    assert small.find(".//figure[@class='picture']") is not None
    assert small.find(".//details[@class='outline']") is not None
