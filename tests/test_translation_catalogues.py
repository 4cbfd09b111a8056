"""Every translation keeps its English source's {fields}: a field missing from or added to a translation would
raise KeyError in ``tr(...).format(...)`` for people using that language only."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

CATALOGUES = sorted((Path(__file__).resolve().parents[1] / "resources" / "translations").glob("*/*.ts"))


def fields(text: str) -> list[str] | str:
    try:
        return sorted(f"{name}!{conversion}:{spec}" for _, name, spec, conversion in string.Formatter().parse(text)
                      if name is not None)
    except ValueError as exc:  # not a template (a lone brace): the translation must not be one either
        return f"not a template: {exc}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=[f"{p.parent.name}/{p.name}" for p in CATALOGUES])
def test_every_translation_keeps_the_fields_of_its_source(catalogue):
    messages = list(ET.parse(catalogue).getroot().iter("message"))
    assert messages
    changed = [(m.findtext("source"), m.findtext("translation")) for m in messages
               if fields(m.findtext("source") or "") != fields(m.findtext("translation") or "")]
    assert changed == []
