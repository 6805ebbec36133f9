"""Links to items someone else deleted (a clean textual merge can leave them): the app opens the
file with them removed and says which, ``validate`` still reports them, ``repair`` removes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.dangling import DanglingLink
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.storage import MODELINE, load_project, to_data
from borgerspil_tui.core.yaml_writer import dump_data
from tests.app_helpers import SIZE, make_app, until
from tests.conftest import EXAMPLE

REMOVED = [
    DanglingLink("experience.insights.insight-a3b4cd.observations", "obs-gone-1"),
    DanglingLink("experience.insights.insight-a3b4cd.observations", "obs-gone-2"),
    DanglingLink("create.ideas.idea-b7c8de.inspired_by", "whatif-gone"),
    DanglingLink("create.votes.guest-y9z2ab+idea-gone", "idea-gone"),
    DanglingLink("create.concepts.concept-c3d4ef.ideas", "idea-gone"),
    DanglingLink("insist.concept", "concept-gone"),
]


@pytest.fixture(autouse=True)
def _no_saved_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


def write_dangling(path: Path, change=None) -> Path:  # noqa: ANN001
    """The example with links to an idea, a what-if and a concept that a colleague deleted."""
    data = to_data(load_project(EXAMPLE).project)
    data["experience"]["insights"][0]["observations"] = ["obs-gone-1", "obs-j2k3lm", "obs-gone-2"]
    data["create"]["ideas"][0]["inspired_by"].insert(0, "whatif-gone")
    data["create"]["votes"].append({"voter": "guest-y9z2ab", "idea": "idea-gone", "dots": 3})  # too many dots, too
    data["create"]["concepts"][0]["ideas"].append("idea-gone")
    data["insist"]["concept"] = "concept-gone"
    if change is not None:
        change(data)
    path.write_text(MODELINE + dump_data(data), "utf-8")
    return path


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    return write_dangling(tmp_path / "flettet.borgerspil.yaml")


def no_dangling(project) -> None:  # noqa: ANN001
    assert project.experience.insights[0].observations == ["obs-j2k3lm"], "only the dangling ones go"
    assert "whatif-gone" not in project.create.ideas[0].inspired_by
    assert all(vote.idea != "idea-gone" for vote in project.create.votes)
    assert "idea-gone" not in project.create.concepts[0].ideas
    assert project.insist.concept is None


# -- core ---------------------------------------------------------------------------------------------
def test_the_session_opens_with_the_links_removed_unsaved_and_says_which(dangling: Path) -> None:
    before = dangling.read_bytes()
    with pytest.raises(FileProblemError):
        load_project(dangling)  # the strict loader (validate) still refuses the file
    session = Session.open(dangling)
    assert session.repaired == REMOVED
    no_dangling(session.project)
    assert len(session.project.create.votes) == len(load_project(EXAMPLE).project.create.votes)
    assert session.dirty and session.state is SaveState.UNSAVED
    assert dangling.read_bytes() == before, "nothing is written until saved"
    assert session.save()
    no_dangling(load_project(dangling).project)


@pytest.mark.parametrize("other", [
    lambda data: data["focus"].update(problme="typo"),  # an unknown field
    lambda data: data["create"]["concepts"][0]["ideas"].append("obs-j2k3lm"),  # a link to the wrong kind
    lambda data: data["create"]["votes"].append({"voter": "person-k3x9fa", "idea": "idea-b7c8de", "dots": 3}),
], ids=["unknown-field", "wrong-kind", "too-many-dots-left"])
def test_a_file_with_any_other_problem_is_not_opened(tmp_path: Path, other) -> None:  # noqa: ANN001
    path = write_dangling(tmp_path / "x.borgerspil.yaml", other)
    with pytest.raises(FileProblemError) as raised:
        Session.open(path)
    keys = {problem.key for problem in raised.value.problems}
    assert keys - {"link.missing"}, "the strict loader's problems are reported, located"
    assert all(problem.line for problem in raised.value.problems)


# -- command line ----------------------------------------------------------------------------------------
def test_validate_still_reports_them(dangling: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["validate", str(dangling), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "'idea-gone', which does not exist" in err and "'concept-gone', which does not exist" in err


def test_repair_removes_them_saves_and_says_which(dangling: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["repair", str(dangling), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for link in REMOVED:
        assert f"removed link {link.where} → {link.target}" in out
    assert "6 links removed, the file is saved" in out
    no_dangling(load_project(dangling).project)
    assert main(["validate", str(dangling)]) == 0
    capsys.readouterr()
    assert main(["repair", str(dangling), "--lang", "da"]) == 0
    assert "intet at reparere" in capsys.readouterr().out


def test_repair_leaves_a_file_with_other_problems_alone(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = write_dangling(tmp_path / "x.borgerspil.yaml", lambda data: data["focus"].update(problme="typo"))
    before = path.read_bytes()
    assert main(["repair", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "unknown field 'problme'" in err and "nothing is changed" in err
    assert path.read_bytes() == before


# -- the app ------------------------------------------------------------------------------------------------
async def test_the_app_opens_the_file_says_which_links_went_and_saves_without_them(
        dangling: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(dangling)
    sent: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, *a, **k: (sent.append(message), notify(message, *a, **k)))
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.NAME == "overview"
        notice = next(text for text in sent if "links til ting, der ikke findes" in text)
        for link in REMOVED:
            assert f"{link.where} → {link.target}" in notice
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.session.dirty)  # saved in a worker, however slow the machine
    no_dangling(load_project(dangling).project)
