"""The project model: one pydantic model per part of the method, assembled in ``project``."""

from borgerspil_tui.core.model.project import SCHEMA_VERSION, Project

__all__ = ["SCHEMA_VERSION", "Project"]
