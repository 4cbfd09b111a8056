"""One name for one thing: the registry key is the JSON key, the CLI flag value and (via label) the GUI text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from nnstudio.core.numbers import is_finite_number
from nnstudio.errors import ConfigError

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    key: str
    label: str
    item: T
    params: Mapping[str, float] = field(default_factory=dict)  # parameter name -> default value
    doc: str = ""


class Registry(Mapping[str, Entry[T]]):
    """An ordered name -> entry table with helpful errors for unknown names."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, Entry[T]] = {}

    def add(self, key: str, label: str, item: T, params: Mapping[str, float] | None = None, doc: str = "") -> T:
        self._entries[key] = Entry(key, label, item, dict(params or {}), doc)
        return item

    def __getitem__(self, key: str) -> Entry[T]:
        try:
            return self._entries[key]
        except (KeyError, TypeError):
            names = ", ".join(self._entries)
            raise ConfigError(f"unknown {self.kind} {key!r}; choose one of: {names}") from None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def label(self, key: str) -> str:
        return self[key].label

    def resolve_params(self, key: str, params: Mapping[str, object] | None) -> dict[str, float]:
        """Defaults overlaid with ``params``; unknown or non-numeric parameters raise ConfigError."""
        entry = self[key]
        merged = dict(entry.params)
        for name, value in (params or {}).items():
            if name not in entry.params:
                allowed = ", ".join(entry.params) or "none"
                raise ConfigError(f"{self.kind} {key!r} has no parameter {name!r} (allowed: {allowed})")
            if not is_finite_number(value):
                raise ConfigError(f"{self.kind} {key!r} parameter {name!r} must be a finite number, got {value!r}")
            merged[name] = float(value)
        return merged
