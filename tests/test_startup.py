"""Start-up does only what the first frame needs (speed itself is measured in benchmarks/bench_app.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.tui.screens.base import BaseScreen

from tests.app_helpers import goto, make_app


async def test_each_screen_sets_itself_up_once(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual calls ``on_mount`` of every class along the MRO: a screen that also called
    ``super().on_mount()`` filled and refreshed itself twice."""
    calls: list[str] = []
    populate = BaseScreen.populate

    def counted(self: BaseScreen) -> None:
        calls.append(self.NAME)
        populate(self)

    monkeypatch.setattr(BaseScreen, "populate", counted)
    app = make_app(example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert calls == ["overview"]
        assert app.screen.focused is not None and app.screen.focused.id == "card-readiness"
        await goto(pilot, "phase-focus")
        assert calls == ["overview", "phase-focus"]
        assert app.screen.focused is not None and app.screen.focused.id == "steps"


FIRST_FRAME = """
import sys, time
from pathlib import Path
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.screens.overview import OverviewScreen
LOADED = []
class FirstFrame(BorgerspilApp):
    def on_mount(self):
        self._probe = self.set_interval(0.01, self._first_frame)
    def _first_frame(self):
        if isinstance(self.screen, OverviewScreen) and self.screen.is_mounted:
            self._probe.stop()
            LOADED.extend(sys.modules)
            if sys.argv[2:] == ["linger"]:  # until the project is kept in the cache, however slow the machine
                self._since = time.monotonic()
                self._probe = self.set_interval(0.05, self._kept)
            else:
                self.exit()
    def _kept(self):
        if self.session._to_keep is None or time.monotonic() - self._since > 60:  # kept (or never: the test fails)
            self._probe.stop()
            self.exit()
app = FirstFrame(method=bundled_method(), settings=Settings(), language="da",
                 session=Session.open(Path(sys.argv[1])), remember=False)
app.run(headless=True, size=(120, 40))
print(" ".join(sorted(LOADED)))
"""


def test_an_unchanged_project_reaches_the_overview_without_yaml_or_validators(example_copy: Path) -> None:
    """A file opened before comes from the cache (core/cache): until the overview is drawn, no
    YAML module is imported and no pydantic validator is built (building the first one imports
    ``importlib.metadata`` for pydantic's plugins). A module that imports YAML at its top and is
    imported at start-up undoes that: import it where a file is parsed or written."""
    run = [sys.executable, "-c", FIRST_FRAME, str(example_copy)]
    first = subprocess.run([*run, "linger"], capture_output=True, text=True, check=True, timeout=120)
    assert "yaml" in first.stdout.split()  # the first time, the file is parsed (and kept once idle)
    again = subprocess.run(run, capture_output=True, text=True, check=True, timeout=120)
    loaded = set(again.stdout.split())
    assert "borgerspil_tui.tui.screens.overview" in loaded
    assert not {name for name in loaded if name == "yaml" or name.startswith(("yaml.", "importlib.metadata"))}


IDLE = """
import sys, time
from pathlib import Path
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.tui.app import BorgerspilApp
SEEN = []
class Idle(BorgerspilApp):
    def on_mount(self):
        SEEN.append(Project.__pydantic_complete__)
        self._since = time.monotonic()
        self._probe = self.set_interval(0.05, self._done)
    def _done(self):  # once built and kept, however slow the machine (a minute at most: then the test fails)
        if (Project.__pydantic_complete__ and self.session._to_keep is None) or time.monotonic() - self._since > 60:
            self._probe.stop()
            SEEN.append(Project.__pydantic_complete__)
            self.exit()
app = Idle(method=bundled_method(), settings=Settings(), language="da",
           session=Session.open(Path(sys.argv[1])), remember=False)
app.run(headless=True, size=(120, 40))
print(*SEEN)
"""


def test_the_validators_are_built_while_the_app_waits_for_the_first_key(example_copy: Path) -> None:
    """From the cache, the project is drawn before its validator is built; the app builds it soon
    after, so the first edit does not wait for it."""
    run = [sys.executable, "-c", IDLE, str(example_copy)]
    subprocess.run(run, capture_output=True, text=True, check=True, timeout=120)  # fills the cache
    again = subprocess.run(run, capture_output=True, text=True, check=True, timeout=120)
    assert again.stdout.split() == ["False", "True"]


COLLECTOR = """
import argparse, gc, sys, time
from pathlib import Path
from borgerspil_tui.tui import launch
SEEN = []
app = launch.start_app(argparse.Namespace(lang=None, method=None), Path(sys.argv[1]))
app_class = type(app)
on_ready = app_class.on_ready
def noted(self):
    on_ready(self)
    SEEN.append(gc.isenabled())
    app.since = time.monotonic()
    app.probe = self.set_interval(0.05, done)
def done():  # once the collector runs again, however slow the machine (a minute at most: then the test fails)
    if gc.isenabled() or time.monotonic() - app.since > 60:
        app.probe.stop()
        SEEN.extend([gc.isenabled(), gc.get_freeze_count() > 0])
        app.exit()
app_class.on_ready = noted
app.run(headless=True, size=(120, 40))
print(*SEEN)
"""


def test_the_collector_waits_for_the_first_frame_and_then_runs_as_usual(example_copy: Path, tmp_path: Path) -> None:
    """The start makes many objects that live on and next to no garbage: the app starts with the
    cyclic collector paused, and once the first frame is on screen it collects, sets aside what
    lives on (``gc.freeze``) and collects as usual."""
    env = {**os.environ, "BORGERSPIL_CONFIG_DIR": str(tmp_path / "config"),
           "BORGERSPIL_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", COLLECTOR, str(example_copy)], capture_output=True, text=True,
                          check=True, timeout=120, env=env)
    assert done.stdout.split() == ["False", "True", "True"]
