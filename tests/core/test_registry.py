"""The one Registry behind every named choice: lookup by key, labels, a clear error for an unknown name, and
``get`` with a default."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.datasets import BUILTIN_TABLES, GENERATORS
from nnstudio.core.registry import Entry, Registry
from nnstudio.errors import ConfigError
from nnstudio.io.examples import EXAMPLES
from nnstudio.io.exports import EXPORT_FORMATS


@dataclass(frozen=True)
class Shape:
    key: str
    label: str
    sides: int


def shapes() -> Registry[Shape]:
    return Registry.of("shape", [Shape("tri", "Triangle", 3), Shape("sq", "Square", 4)])


def test_lookup_keeps_the_order_and_gives_entries_with_labels():
    reg = shapes()
    assert list(reg) == ["tri", "sq"] and len(reg) == 2
    entry = reg["sq"]
    assert isinstance(entry, Entry) and entry.key == "sq" and entry.label == "Square" and entry.item.sides == 4
    assert reg.label("tri") == "Triangle"
    assert "tri" in reg and "Triangle" not in reg and 3 not in reg


@pytest.mark.parametrize("name", ["circle", "", None, 3, ["tri"]])
def test_an_unknown_name_is_a_config_error_listing_the_known_ones(name):
    with pytest.raises(ConfigError, match=r"unknown shape .*; choose one of: tri, sq$"):
        shapes()[name]


def test_get_returns_the_default_for_an_unknown_name():
    reg = shapes()
    assert reg.get("tri").item.sides == 3
    assert reg.get("circle") is None and reg.get(["tri"]) is None
    fallback = reg["sq"]
    assert reg.get("circle", fallback) is fallback


def test_the_app_s_named_choices_are_registries():
    for registry, kind in ((BUILTIN_TABLES, "built-in table"), (GENERATORS, "generator"),
                           (EXPORT_FORMATS, "export format"), (EXAMPLES, "example"), (ACTIVATIONS, "activation")):
        assert isinstance(registry, Registry) and registry.kind == kind
        for key, entry in registry.items():
            assert entry.key == key and entry.label
    assert EXPORT_FORMATS.label("onnx") == "ONNX model" and EXAMPLES["xor"].label == "XOR"
    with pytest.raises(ConfigError, match="unknown export format 'tflite'; choose one of: json, onnx"):
        EXPORT_FORMATS["tflite"]
