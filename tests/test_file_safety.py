"""Files attacked as a careless user and a hostile one would: special files, read-only files,
symbolic links, interrupted saves."""

from __future__ import annotations

import fnmatch
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from borgerspil_tui.core import located
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.disk import write_refusal
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import (
    SaveError,
    create_project_file,
    dump_project,
    load_project,
    save_project,
)
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.timeout(60)


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``borgerspil ARGS`` in a fresh process; a hang is a failure, not a stuck test run."""
    env = {**os.environ, "BORGERSPIL_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "borgerspil_tui", *args], capture_output=True, text=True,
                          timeout=30, cwd=cwd, env=env, stdin=subprocess.DEVNULL)


def _says(output: str, key: str, **values: object) -> bool:
    """Whether ``output`` holds the UI text ``key`` (in either language: the CLI's choice)."""
    return any(tr(lang, key, **values) in output for lang in ("da", "en"))


# -- special files ----------------------------------------------------------------------------
def test_validate_refuses_a_device_without_reading_it() -> None:
    result = _cli("validate", "/dev/zero")
    assert result.returncode == 1
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("/dev/zero: ") and _says(result.stderr, "file.not_regular")


def test_validate_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.borgerspil.yaml"
    os.mkfifo(fifo)
    result = _cli("validate", str(fifo))  # times out (fails) if it waits for a writer
    assert result.returncode == 1
    assert result.stderr.startswith(f"{fifo}: ") and _says(result.stderr, "file.not_regular")


def test_a_fifo_behind_a_link_is_refused_in_process(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.borgerspil.yaml"
    link.symlink_to(fifo)
    with pytest.raises(FileProblemError) as caught:
        load_project(link)
    assert caught.value.problems[0].key == "file.not_regular"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblemError) as caught:
        load_project(tmp_path)
    assert "folder" in caught.value.problems[0].message


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.borgerspil.yaml"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        assert stat.S_ISSOCK(path.stat().st_mode)
        with pytest.raises(FileProblemError) as caught:
            load_project(path)
    finally:
        server.close()
    assert caught.value.problems[0].key == "file.not_regular"


def test_the_size_cap_holds_while_reading_when_stat_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files are regular files whose size is 0 until read: the cap must not trust stat.
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc")
    assert maps.stat().st_size == 0 and len(maps.read_bytes()) > 100
    monkeypatch.setattr(located, "MAX_FILE_BYTES", 100)
    with pytest.raises(FileProblemError) as caught:
        located.read_bytes(maps)
    assert caught.value.problems[0].key == "file.too_large"


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_refused(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(located, "MAX_FILE_BYTES", 10)
    path = tmp_path / "a.borgerspil.yaml"
    path.write_bytes(b"x" * 10)
    assert located.read_bytes(path) == b"x" * 10
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileProblemError):
        located.read_bytes(path)


# -- read-only files and folders ----------------------------------------------------------------
def test_os_access_lets_root_write_a_read_only_file_so_the_mode_bits_are_checked_too(example_copy: Path) -> None:
    os.chmod(example_copy, 0o444)
    if os.geteuid() == 0:
        assert os.access(example_copy, os.W_OK), "root may write anything: os.access alone is not enough"
    loaded = load_project(example_copy)
    before = example_copy.read_bytes()
    loaded.project.title = "Never written"
    with pytest.raises(SaveError) as caught:
        save_project(example_copy, loaded.project, loaded.fingerprint)
    assert caught.value.key == "file.read_only"
    assert example_copy.read_bytes() == before
    assert stat.S_IMODE(example_copy.stat().st_mode) == 0o444
    with pytest.raises(SaveError):
        save_project(example_copy, loaded.project, loaded.fingerprint, force=True)
    assert example_copy.read_bytes() == before


def test_a_file_in_a_read_only_folder_is_not_replaced(example_copy: Path) -> None:
    loaded = load_project(example_copy)
    before = example_copy.read_bytes()
    loaded.project.title = "Never written"
    os.chmod(example_copy.parent, 0o555)
    try:
        with pytest.raises(SaveError) as caught:
            save_project(example_copy, loaded.project, loaded.fingerprint)
        assert caught.value.key == "file.folder_read_only"
        with pytest.raises(SaveError):
            create_project_file(example_copy.parent / "new.borgerspil.yaml", loaded.project)
    finally:
        os.chmod(example_copy.parent, 0o755)
    assert example_copy.read_bytes() == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]


def test_a_file_only_its_owner_may_write_is_still_writable(example_copy: Path) -> None:
    os.chmod(example_copy, 0o600)
    loaded = load_project(example_copy)
    loaded.project.title = "Written"
    save_project(example_copy, loaded.project, loaded.fingerprint)
    assert load_project(example_copy).project.title == "Written"


def test_the_refusal_is_said_in_the_users_language(example_copy: Path) -> None:
    os.chmod(example_copy, 0o444)
    error = write_refusal(example_copy)
    assert error is not None
    assert error.text("da") == "filen er skrivebeskyttet"
    assert error.text("en") == "the file is read-only"


def test_fmt_refuses_a_read_only_file_with_a_located_message(tmp_path: Path) -> None:
    path = tmp_path / "p.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    path.write_text(path.read_text("utf-8").replace("title: ", "title:   ", 1), "utf-8")  # not canonical
    os.chmod(path, 0o444)
    before = path.read_bytes()
    result = _cli("fmt", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: ") and _says(result.stderr, "file.read_only")
    assert path.read_bytes() == before


# -- symbolic links ---------------------------------------------------------------------------------
def _linked(tmp_path: Path) -> tuple[Path, Path]:
    real = tmp_path / "real" / "p.borgerspil.yaml"
    real.parent.mkdir()
    shutil.copyfile(EXAMPLE, real)
    link = tmp_path / "link.borgerspil.yaml"
    link.symlink_to(os.path.relpath(real, link.parent))
    return real, link


def test_saving_through_a_link_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real, link = _linked(tmp_path)
    os.chmod(real, 0o640)
    loaded = load_project(link)
    loaded.project.title = "Through the link"
    save_project(link, loaded.project, loaded.fingerprint)
    assert link.is_symlink()
    assert load_project(real).project.title == "Through the link"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.borgerspil.yaml", "real"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["p.borgerspil.yaml"]


def test_fmt_through_a_link_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real, link = _linked(tmp_path)
    real.write_text(real.read_text("utf-8").replace("title: ", "title:   ", 1), "utf-8")
    result = _cli("fmt", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.read_bytes() == dump_project(load_project(EXAMPLE).project).encode("utf-8")


def test_a_link_to_a_read_only_file_is_refused(tmp_path: Path) -> None:
    real, link = _linked(tmp_path)
    os.chmod(real, 0o444)
    loaded = load_project(link)
    with pytest.raises(SaveError) as caught:
        save_project(link, loaded.project, loaded.fingerprint)
    assert caught.value.key == "file.read_only"


# -- temp files of interrupted saves --------------------------------------------------------------
def test_temp_files_have_a_recognisable_name(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(source: str | Path, target: str | Path) -> None:
        seen.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    loaded = load_project(example_copy)
    save_project(example_copy, loaded.project, loaded.fingerprint, force=True)
    assert len(seen) == 1
    assert fnmatch.fnmatch(seen[0], ".*.borgerspil-tmp-*"), "the .gitignore pattern the README gives"
    assert seen[0].startswith(f".{example_copy.name}.borgerspil-tmp-{os.getpid()}-")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temp_files_of_the_file_are_removed_on_open_and_save(example_copy: Path) -> None:
    folder = example_copy.parent
    orphan = folder / f".{example_copy.name}.borgerspil-tmp-{_dead_pid()}-00aa11bb"
    running = folder / f".{example_copy.name}.borgerspil-tmp-{os.getpid()}-22cc33dd"
    old_running = folder / f".{example_copy.name}.borgerspil-tmp-{os.getpid()}-44ee55ff"
    legacy_old = folder / f".{example_copy.name}.ab_cd12z.tmp"
    legacy_new = folder / f".{example_copy.name}.zz99yy88.tmp"
    other_file = folder / f".other.borgerspil.yaml.borgerspil-tmp-{_dead_pid()}-66aa77bb"
    not_ours = folder / f".{example_copy.name}.notes"
    for path in (orphan, running, old_running, legacy_old, legacy_new, other_file, not_ours):
        path.write_text("half a save", "utf-8")
    hour_ago = time.time() - 3600
    for path in (old_running, legacy_old, not_ours):
        os.utime(path, (hour_ago, hour_ago))
    Session.open(example_copy)
    left = {p.name for p in folder.iterdir()}
    assert orphan.name not in left, "its process is gone"
    assert old_running.name not in left and legacy_old.name not in left, "abandoned long ago"
    assert {running.name, legacy_new.name, other_file.name, not_ours.name, example_copy.name} == left
    os.utime(running, (hour_ago, hour_ago))
    loaded = load_project(example_copy)
    save_project(example_copy, loaded.project, loaded.fingerprint, force=True)
    assert running.name not in {p.name for p in folder.iterdir()}


def test_an_interrupted_save_leaves_no_temp_file_behind_after_the_next_open(example_copy: Path) -> None:
    # A real process killed in the middle of a save (after writing the temp file, before renaming).
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from borgerspil_tui.core.storage import load_project, save_project\n"
        "def stop(*_):\n"
        "    os._exit(9)\n"
        "os.replace = stop\n"
        "loaded = load_project(Path(sys.argv[1]))\n"
        "save_project(Path(sys.argv[1]), loaded.project, loaded.fingerprint, force=True)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(example_copy)], timeout=60, check=False)
    left = [p.name for p in example_copy.parent.iterdir() if p != example_copy]
    assert len(left) == 1 and ".borgerspil-tmp-" in left[0]
    Session.open(example_copy)
    assert [p.name for p in example_copy.parent.iterdir()] == [example_copy.name]
