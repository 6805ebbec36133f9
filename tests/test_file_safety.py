"""Files attacked as a careless user and a hostile one would: special files, read-only files,
symbolic links, interrupted saves."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.core import located
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.storage import load_project

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
