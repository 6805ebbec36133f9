"""The project model: one pydantic model per part of the method, assembled in ``project``."""

from borgerspil_tui.core.model.project import SCHEMA_VERSION, Project

__all__ = ["SCHEMA_VERSION", "Project", "build_validators"]


def build_validators() -> None:
    """Build the project model's validator and serializer now. Models build theirs on first use
    (``defer_build``, see base.Strict), so a project from the cache (core/cache) is drawn without
    them; the app calls this once it is idle, so the first edit does not wait for it."""
    Project.model_rebuild()
