"""Validated files kept between runs (core/cache): an unchanged file opens without being parsed
again, and whatever changed (the bytes, the code, the entry itself) means parsing it as usual."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from borgerspil_tui.core import cache, method, storage
from borgerspil_tui.core.method import bundled_method_text, load_method
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import Session

from tests.conftest import EXAMPLE


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(storage, "parse_project", refuse)
    monkeypatch.setattr(method, "parse_method", refuse)


def _entries(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.pickle"))


def test_an_unchanged_project_opens_from_the_cache(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Session.open(example_copy)
    first.keep()  # the app does this once it is idle after the first frame
    _no_parsing(monkeypatch)
    again = Session.open(example_copy)
    assert again.project == first.project
    assert again.fingerprint == first.fingerprint
    again.edit("title", lambda p: setattr(p, "title", "Ny titel"))  # validators are built on first use
    assert again.save()
    assert "title: Ny titel" in example_copy.read_text("utf-8")


def test_changed_bytes_are_parsed_again(example_copy: Path) -> None:
    Session.open(example_copy).keep()
    text = example_copy.read_text("utf-8")
    example_copy.write_text(text.replace("\ntitle: ", "\ntitle: Ændret – ", 1), "utf-8")
    assert Session.open(example_copy).project.title.startswith("Ændret – ")
    example_copy.write_text(text.replace("\ntitle: ", "\ntitle: [", 1), "utf-8")
    with pytest.raises(FileProblemError):
        Session.open(example_copy)


def test_an_invalid_file_is_refused_every_time(example_copy: Path, own_cache: Path) -> None:
    example_copy.write_text(example_copy.read_text("utf-8").replace("schema_version: 1", "schema_version: x"), "utf-8")
    for _ in range(2):
        with pytest.raises(FileProblemError):
            Session.open(example_copy)
    assert _entries(own_cache, "project") == []


def test_other_code_does_not_use_the_entry(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Session.open(example_copy).keep()
    calls = []
    parse = storage.parse_project
    monkeypatch.setattr(storage, "parse_project", lambda *a: calls.append(a) or parse(*a))
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
    Session.open(example_copy)
    assert len(calls) == 1


def test_the_code_fingerprint_follows_the_core_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    core = tmp_path / "core"
    shutil.copytree(Path(cache.__file__).parent, core, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(core / "cache.py"))
    cache.code_fingerprint.cache_clear()
    try:
        before = cache.code_fingerprint()
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() == before
        model = core / "model" / "base.py"
        model.write_text(model.read_text("utf-8") + "\n# changed\n", "utf-8")
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != before
    finally:
        cache.code_fingerprint.cache_clear()


@pytest.mark.parametrize("damage", ["garbage", "empty", "truncated", "shared"])
def test_a_broken_or_foreign_entry_means_parsing(example_copy: Path, own_cache: Path, damage: str) -> None:
    first = Session.open(example_copy)
    first.keep()
    expected = first.project
    (entry,) = _entries(own_cache, "project")
    data = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    else:
        if not hasattr(os, "getuid"):
            pytest.skip("file modes")
        entry.chmod(0o666)  # others could have written it: not read
    again = Session.open(example_copy)
    assert again.project == expected
    again.keep()
    assert entry.stat().st_mode & 0o777 == 0o600  # written again, the user's own


def test_a_cache_that_cannot_be_written_is_no_problem(example_copy: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", "utf-8")
    monkeypatch.setenv("BORGERSPIL_CACHE_DIR", str(blocked))
    session = Session.open(example_copy)
    session.keep()
    assert Session.open(example_copy).project == session.project == Session.open(EXAMPLE).project


def test_the_files_of_the_cache_are_the_users_own(example_copy: Path, own_cache: Path) -> None:
    Session.open(example_copy).keep()
    (entry,) = _entries(own_cache, "project")
    if hasattr(os, "getuid"):
        assert entry.stat().st_mode & 0o777 == 0o600
    assert not list(own_cache.glob(".*.tmp"))


def test_a_method_file_is_kept_and_follows_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "metode.yaml"
    own.write_text(bundled_method_text(), "utf-8")
    first = load_method(own)
    with monkeypatch.context() as patched:
        _no_parsing(patched)
        assert load_method(own) == first
    own.write_text(bundled_method_text().replace("version: 1", "version: 2", 1), "utf-8")
    for _ in range(2):
        with pytest.raises(FileProblemError):
            load_method(own)


def test_entries_left_alone_for_long_are_removed(example_copy: Path, tmp_path: Path, own_cache: Path) -> None:
    other = tmp_path / "other.borgerspil.yaml"
    shutil.copyfile(example_copy, other)
    Session.open(other).keep()
    (old,) = _entries(own_cache, "project")
    stale_temp = own_cache / ".project-x.tmp"
    stale_temp.write_bytes(b"")
    long_ago = 1_000_000_000
    os.utime(old, (long_ago, long_ago))
    os.utime(stale_temp, (long_ago, long_ago))
    Session.open(example_copy).keep()  # writing an entry tidies the folder
    assert len(_entries(own_cache, "project")) == 1
    assert old not in _entries(own_cache, "project")
    assert not stale_temp.exists()


def test_only_an_unedited_project_is_kept(example_copy: Path, own_cache: Path) -> None:
    session = Session.open(example_copy)
    session.edit("title", lambda p: setattr(p, "title", "Ny titel"))
    session.keep()
    assert _entries(own_cache, "project") == []
    kept = Session.open(example_copy)
    kept.keep()
    kept.keep()  # once is enough
    assert len(_entries(own_cache, "project")) == 1
    (entry,) = _entries(own_cache, "project")
    os.utime(entry, (1_000_000_000, 1_000_000_000))
    from_cache = Session.open(example_copy)
    from_cache.keep()  # it came from the cache: nothing to write
    assert entry.stat().st_mtime == 1_000_000_000
