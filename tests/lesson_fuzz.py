"""Hypothesis strategies for lesson files: a bundled lesson (or a small one with an embedded project) with one
to three of its entries replaced, removed or added, anywhere in its tree."""

from __future__ import annotations

import copy
import json

from hypothesis import strategies as st

from nnstudio.io.examples import load_example
from nnstudio.io.project_format import project_to_dict
from nnstudio.resource_files import resource

BUNDLED = [json.loads(node.read_text(encoding="utf-8")) for node in sorted(resource("lessons").iterdir(),
                                                                          key=lambda n: n.name)
           if node.name.endswith(".nnlesson")]
SMALL = {
    "format": "nnstudio.lesson", "version": 1, "id": "small", "title": "Small",
    "projects": {"start": project_to_dict(load_example("perceptron"))},
    "steps": [{"title": "One", "project": {"embedded": "start"},
               "checks": [{"check": "quiz", "id": "z", "of": {"quantity": "delta", "layer": 1, "neuron": 1}},
                          {"check": "dataset", "rows": 9, "values": {"pink": [0.1]}}],
               "solution": [{"do": "step", "to": "backward", "layer": 1, "batch": 1},
                            {"do": "set_dataset", "columns": [
                                {"name": "a", "values": [1, 2]},
                                {"name": "b", "labels": ["x", "y"], "role": "target"}]}]}],
}
AWKWARD = [None, True, False, -1, 0, 1, 2, 3, 10**400, 1e308, -1e308, 0.5, "", "x", "relu", "softmax", "forward",
           "update", "and", "laptop", "*", "min_max", "full", "\x1b[2J", "../x", "a/b.nnstudio", [], {}, [[1.0]],
           [1, 2], [0.1, 0.6], ["math"], {"quantity": "z", "layer": 1, "neuron": 1},
           {"quantity": "grad_weight", "layer": 2, "from": 1, "to": 1}, {"check": "quiz", "id": "q", "of": {}},
           {"do": "step", "to": "update"}, {"do": "train", "epochs": 2}, {"do": "remove_layer", "layer": 1},
           {"do": "add_layer", "before": 1, "units": 2, "activation": "step"},
           {"do": "set_training", "settings": {"optimizer": "perceptron"}}, {"embedded": "start"},
           {"example": "digits"}, {"file": "x.nnstudio"}]
SLIPS = [0, 1, 2, 3, 4, 5, 9, 10, 1000, -1, 0.0, 0.5, -0.5, 1e-9, 2.5, 1e30]
KEYS = ["layer", "neuron", "from", "to", "inputs", "sample", "output", "measure", "equals", "tolerance", "below",
        "class", "reached", "settings", "batch", "row", "until_epoch", "text", "quantity", "check", "do", "project"]


def _containers(node, found):
    if isinstance(node, dict | list):
        found.append(node)
        for child in (node.values() if isinstance(node, dict) else node):
            _containers(child, found)
    return found


@st.composite
def lesson_documents(draw) -> dict:
    doc = copy.deepcopy(draw(st.sampled_from([*BUNDLED, SMALL])))
    for _ in range(draw(st.integers(1, 3))):
        # mostly the steps, where the checks are; an earlier slip may have removed "steps" or made it a number
        # or a string: then the slip goes to the document
        root = doc if draw(st.integers(0, 4)) == 0 else doc.get("steps", doc)
        containers = [c for c in _containers(root, []) if not (isinstance(c, list) and len(c) > 50)]
        node = draw(st.sampled_from(containers or [doc]))
        if isinstance(node, dict) and draw(st.booleans()):  # a value of the same type: a plausible slip
            numbers = [k for k, v in node.items() if isinstance(v, int | float) and not isinstance(v, bool)]
            if numbers:
                node[draw(st.sampled_from(sorted(numbers)))] = draw(st.sampled_from(SLIPS))
                continue
        value = copy.deepcopy(draw(st.sampled_from(AWKWARD)))
        how = draw(st.sampled_from(["replace", "remove", "add"]))
        if isinstance(node, dict):
            if how == "add" or not node:
                node[draw(st.sampled_from(KEYS))] = value
            else:
                key = draw(st.sampled_from(sorted(node)))
                if how == "remove":
                    del node[key]
                else:
                    node[key] = value
        elif how == "add" or not node:
            node.append(value)
        else:
            i = draw(st.integers(0, len(node) - 1))
            if how == "remove":
                del node[i]
            else:
                node[i] = value
    return doc


@st.composite
def lesson_files(draw) -> bytes:
    doc = draw(lesson_documents())
    raw = json.dumps(doc).encode()
    cut = draw(st.sampled_from([None, None, None, 0, 1, 10, 100]))
    return raw if cut is None else raw[: len(raw) * cut // 1000]
