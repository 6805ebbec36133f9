"""The JSON Schema of the project file (draft 2020-12), for editors and CI."""

from __future__ import annotations

import json
from typing import Any

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import SCHEMA_URL


def project_schema() -> dict[str, Any]:
    """The JSON Schema every valid project file satisfies."""
    schema = Project.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": "borgerspil project",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def project_schema_text() -> str:
    """The schema as stable, indented JSON text with a final newline."""
    return json.dumps(project_schema(), indent=2, ensure_ascii=False) + "\n"
