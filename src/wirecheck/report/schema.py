"""The dossier's JSON Schema, and a small validator for the subset of JSON Schema it uses.

The schema file (``dossier.schema.json``) is the documented contract for other tools.
The validator covers exactly the keywords that file uses (type, enum, const, properties,
required, additionalProperties, items, anyOf, $ref to ``#/$defs``, minimum, maximum), so
wirecheck can check its own output without a jsonschema dependency.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
    "integer": (int,), "number": (int, float), "null": (type(None),),
}


@cache
def dossier_schema() -> dict[str, Any]:
    text = resources.files("wirecheck.report").joinpath("dossier.schema.json").read_text("utf-8")
    schema = json.loads(text)
    assert isinstance(schema, dict)
    return schema


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def validate(instance: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Every violation as "path: problem"; an empty list means valid."""
    root = schema if schema is not None else dossier_schema()
    errors: list[str] = []
    _check(instance, root, root, "$", errors)
    return errors


def _check(value: Any, node: dict[str, Any], root: dict[str, Any], path: str, errors: list[str]) -> None:
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        _check(value, root["$defs"][name], root, path, errors)
        return
    if "anyOf" in node:
        if not any(not validate_at(value, alt, root) for alt in node["anyOf"]):
            errors.append(f"{path}: matches none of the allowed shapes")
        return
    types = node.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, n) for n in names):
            errors.append(f"{path}: expected {' or '.join(names)}, got {type(value).__name__}")
            return
    if "const" in node and value != node["const"]:
        errors.append(f"{path}: must be {node['const']!r}")
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{path}: {value!r} is not one of {node['enum']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in node and value < node["minimum"]:
            errors.append(f"{path}: {value} < minimum {node['minimum']}")
        if "maximum" in node and value > node["maximum"]:
            errors.append(f"{path}: {value} > maximum {node['maximum']}")
    if isinstance(value, dict):
        _check_object(value, node, root, path, errors)
    if isinstance(value, list) and "items" in node:
        for i, item in enumerate(value):
            _check(item, node["items"], root, f"{path}[{i}]", errors)


def _check_object(value: dict[str, Any], node: dict[str, Any], root: dict[str, Any], path: str,
                  errors: list[str]) -> None:
    props = node.get("properties", {})
    for key in node.get("required", []):
        if key not in value:
            errors.append(f"{path}: missing {key!r}")
    extra = node.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            _check(item, props[key], root, f"{path}.{key}", errors)
        elif extra is False:
            errors.append(f"{path}: unexpected {key!r}")
        elif isinstance(extra, dict):
            _check(item, extra, root, f"{path}.{key}", errors)


def validate_at(value: Any, node: dict[str, Any], root: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    _check(value, node, root, "$", errors)
    return errors
