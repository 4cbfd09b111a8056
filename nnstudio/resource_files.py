"""Find the files shipped in ``resources/`` from a wheel, an editable install or a source checkout.

In an installed package the folder is the subpackage ``nnstudio.resources`` (pyproject maps the
top-level ``resources/`` there); running straight from a checkout it is the sibling folder.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    try:
        return importlib.resources.files("nnstudio.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Traversable:
    """The shipped file ``resources/<parts...>``, e.g. ``resource("datasets", "xor.csv")``."""
    node = resource_root()
    for part in parts:
        node = node / part
    return node


def read_resource_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
