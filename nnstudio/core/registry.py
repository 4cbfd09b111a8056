"""One name for one thing: the registry key is the JSON key, the CLI flag value and (via label) the GUI text.

Every named choice (activations, losses, optimizers, built-in tables, generators, export formats, examples)
is a ``Registry``: key → ``Entry`` (key, label, the item). An unknown key raises ConfigError naming the known
ones; ``get`` returns a default instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from nnstudio.core.i18n import tr
from nnstudio.core.numbers import is_finite_number
from nnstudio.errors import ConfigError

T = TypeVar("T")
N = TypeVar("N", bound="Named")


class Named(Protocol):
    """An item that carries its own key and label (a built-in table, an export format, ...)."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...


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

    @classmethod
    def of(cls, kind: str, items: Iterable[N]) -> Registry[N]:
        """A registry of items that carry their own key and label, in the given order."""
        registry: Registry[N] = cls(kind)
        for item in items:
            registry.add(item.key, item.label, item)
        return registry

    def add(self, key: str, label: str, item: T, params: Mapping[str, float] | None = None, doc: str = "") -> T:
        self._entries[key] = Entry(key, label, item, dict(params or {}), doc)
        return item

    def __getitem__(self, key: str) -> Entry[T]:
        try:
            return self._entries[key]
        except (KeyError, TypeError):
            names = ", ".join(self._entries)
            raise ConfigError(tr("unknown {kind} {key!r}; choose one of: {names}")
                              .format(kind=tr(self.kind), key=key, names=names)) from None

    def get(self, key: object, default: Entry[T] | None = None) -> Entry[T] | None:
        """The entry of ``key``, or ``default`` for a name that is not registered."""
        return self._entries.get(key, default) if isinstance(key, str) else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def label(self, key: str) -> str:
        """The entry's name as the GUI shows it, in the user's language (the key stays the file's word)."""
        return tr(self[key].label)

    def resolve_params(self, key: str, params: Mapping[str, object] | None) -> dict[str, float]:
        """Defaults overlaid with ``params``; unknown or non-numeric parameters raise ConfigError."""
        entry = self[key]
        merged = dict(entry.params)
        for name, value in (params or {}).items():
            if name not in entry.params:
                allowed = ", ".join(entry.params) or tr("none")
                raise ConfigError(tr("{kind} {key!r} has no parameter {name!r} (allowed: {allowed})")
                                  .format(kind=tr(self.kind), key=key, name=name, allowed=allowed))
            if not is_finite_number(value):
                raise ConfigError(tr("{kind} {key!r} parameter {name!r} must be a finite number, got {value!r}")
                                  .format(kind=tr(self.kind), key=key, name=name, value=value))
            merged[name] = float(value)
        return merged
