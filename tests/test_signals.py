"""The terminal closes, the user logs out, the system stops the app: the last edit is on disk (or in
a rescue copy), and the terminal is given back as it was. Real processes on a pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import termios
import threading
from pathlib import Path

import pytest

from borgerspil_tui.core.rescue import fallback_folder, find_rescues
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE

pytestmark = [pytest.mark.timeout(120), pytest.mark.xdist_group("pty")]

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")
ANSWERED = "readiness-competences"
"""The checklist question the keys ``r c j`` answer (readiness checklist, first question → yes)."""
CHECKLIST = "Svar ærligt"
"""Only the checklist screen says this: the keys after ``r c`` go to its questions once it is on screen
(on a busy machine a ``j`` sent while the screen was still coming could go elsewhere)."""


class Terminal:
    """``borgerspil ARGS`` on a pseudo-terminal of 120×40, with everything it writes kept."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the app, with the pty as its controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
                os.execve(sys.executable, [sys.executable, "-m", "borgerspil_tui", *args], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = b""
        self.status: int | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def text(self) -> str:
        """What was written so far, without escape sequences."""
        with self._lock:
            raw = self.output.decode("utf-8", "replace")
        return _ANSI.sub("", raw)

    def wait_for(self, text: str, *, seconds: float = 60) -> None:
        """Wait until ``text`` is on the terminal (a guard against hanging, not a timed check)."""
        event = threading.Event()
        for _ in range(int(seconds / 0.05)):
            if text in self.text():
                return
            event.wait(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen said:\n{self.text()[-2000:]}")

    def send(self, *keys: str) -> None:
        """Type keys, one at a time, as a person does."""
        for key in keys:
            os.write(self.fd, key.encode("utf-8"))
            threading.Event().wait(0.05)

    def hang_up(self) -> None:
        """Close the terminal window: the kernel sends SIGHUP to the app."""
        self._stop.set()
        self._reader.join()
        os.close(self.fd)
        self.fd = -1

    def wait_exit(self, *, seconds: float = 60) -> int:
        """Wait for the app to end; return its exit status (128 + N after signal N)."""
        event = threading.Event()
        for _ in range(int(seconds / 0.05)):
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = status
                self._stop.set()
                return os.waitstatus_to_exitcode(status)
            event.wait(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError(f"the app did not end; the screen said:\n{self.text()[-2000:]}")

    def close(self) -> None:
        """Make sure nothing is left running."""
        self._stop.set()
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The app in Danish, remembering nothing of the user's, autosaving only after ten minutes."""
    return {**os.environ, "TERM": "xterm-256color", "BORGERSPIL_LANG": "da",
            "BORGERSPIL_CONFIG_DIR": str(tmp_path / "config"), "BORGERSPIL_DATA_DIR": str(tmp_path / "data"),
            "BORGERSPIL_AUTOSAVE_DELAY": "600", "COLUMNS": "120", "LINES": "40"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "hjaelpemidler.borgerspil.yaml"
    path.parent.mkdir()
    shutil.copyfile(EXAMPLE, path)
    return path


def _edit(terminal: Terminal, unsaved: str = "ikke gemt endnu") -> None:
    """Answer a checklist question, and wait until the app says the edit is not saved yet."""
    terminal.wait_for("Overblik")
    terminal.send("r", "c")
    terminal.wait_for(CHECKLIST)  # the checklist screen is up ("Tjekliste" is on the overview already)
    terminal.send("j")
    terminal.wait_for(unsaved)


def _answer(path: Path) -> str | None:
    answer = load_project(path).project.checklists.get(ANSWERED)
    return answer.answer if answer else None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_before_the_autosave_saves_the_edit_and_gives_the_terminal_back(
        project: Path, env: dict[str, str], signum: int) -> None:
    assert _answer(project) is None
    terminal = Terminal([str(project)], env)
    try:
        _edit(terminal)
        assert _answer(project) is None, "not saved before the signal (the autosave waits ten minutes)"
        os.kill(terminal.pid, signum)
        code = terminal.wait_exit()
    finally:
        terminal.close()
    assert _answer(project) == "yes"
    assert code == 128 + signum
    assert terminal.output.rstrip().endswith(b"\x1b[?1049l") or b"\x1b[?1049l" in terminal.output[-400:], \
        "the alternate screen is left: the terminal is restored"
    assert find_rescues(project) == []


def test_closing_the_terminal_saves_the_edit(project: Path, env: dict[str, str]) -> None:
    terminal = Terminal([str(project)], env)
    try:
        _edit(terminal)
        terminal.hang_up()
        code = terminal.wait_exit()
    finally:
        terminal.close()
    assert _answer(project) == "yes"
    assert code == 128 + signal.SIGHUP


def test_a_file_changed_on_disk_is_not_overwritten_the_edit_goes_to_a_rescue_copy(
        project: Path, env: dict[str, str]) -> None:
    terminal = Terminal([str(project)], env)
    try:
        _edit(terminal)
        theirs = project.read_text("utf-8").replace("title: Hurtigere hjælp", "title: Ændret i git")
        project.write_text(theirs, "utf-8")
        os.kill(terminal.pid, signal.SIGTERM)
        terminal.wait_exit()
    finally:
        terminal.close()
    assert project.read_text("utf-8") == theirs, "their change is kept"
    rescues = find_rescues(project)
    assert len(rescues) == 1 and rescues[0].parent == project.parent
    assert re.fullmatch(r"hjaelpemidler\.borgerspil\.yaml\.rescued-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d", rescues[0].name)
    assert _answer(rescues[0]) == "yes"
    assert rescues[0].name in terminal.text().replace("\r\n", "").replace("\n", "")


def test_a_read_only_folder_sends_the_edit_to_a_rescue_copy_in_the_data_folder(
        project: Path, env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = project.read_bytes()
    os.chmod(project.parent, 0o555)
    try:
        terminal = Terminal([str(project)], env)
        try:
            terminal.wait_for("skrivebeskyttet")
            _edit(terminal, "ændringerne er ikke gemt")
            os.kill(terminal.pid, signal.SIGHUP)
            terminal.wait_exit()
        finally:
            terminal.close()
    finally:
        os.chmod(project.parent, 0o755)
    assert project.read_bytes() == before
    assert sorted(p.name for p in project.parent.iterdir()) == [project.name]
    rescues = list((tmp_path / "data" / "rescued").rglob("*.rescued-*"))
    assert len(rescues) == 1 and _answer(rescues[0]) == "yes"
    monkeypatch.setenv("BORGERSPIL_DATA_DIR", env["BORGERSPIL_DATA_DIR"])
    assert rescues[0].parent == fallback_folder(project)
    assert find_rescues(project) == rescues


def test_quit_without_saving_means_it_no_rescue_copy(project: Path, env: dict[str, str]) -> None:
    os.chmod(project, 0o444)
    before = project.read_bytes()
    terminal = Terminal([str(project)], env)
    try:
        _edit(terminal, "ændringerne er ikke gemt")
        terminal.send("\x11")  # Ctrl+Q
        terminal.wait_for("Afslut uden at gemme")
        terminal.send("\t", "\r")  # from "Gem som…" to "Afslut uden at gemme"
        code = terminal.wait_exit()
    finally:
        terminal.close()
    assert code == 0
    assert project.read_bytes() == before
    assert find_rescues(project) == [] and sorted(p.name for p in project.parent.iterdir()) == [project.name]
