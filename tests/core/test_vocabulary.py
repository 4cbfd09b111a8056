"""One concept, one name: task kinds, stop reasons, column roles and kinds are StrEnums whose values are the
strings the files use, defined once."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.core import datasets, training
from nnstudio.core.data import INPUT, TARGET, Column, ColumnKind, Dataset, Role
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import StopReason, Task
from nnstudio.errors import DataError


def test_the_values_are_the_strings_of_the_files():
    assert [r.value for r in Role] == ["input", "target", "ignored"]
    assert [k.value for k in ColumnKind] == ["numeric", "categorical"]
    assert [t.value for t in Task] == ["classification", "regression"]
    assert json.dumps([Role.TARGET, Task.REGRESSION, StopReason.EARLY_STOPPING]) == \
        '["target", "regression", "early_stopping"]'


def test_task_kinds_are_defined_once():
    assert datasets.CLASSIFICATION is training.CLASSIFICATION is Task.CLASSIFICATION
    assert datasets.REGRESSION is training.REGRESSION is Task.REGRESSION


def test_a_column_read_from_text_holds_the_enum_members():
    col = Column("y", "target", "categorical", labels=["a", "b"])
    assert col.role is Role.TARGET and col.kind is ColumnKind.CATEGORICAL and col.role == "target"
    with pytest.raises(DataError, match="kind must be one of numeric, categorical"):
        Column("y", INPUT, "text")


def test_the_trainer_says_why_it_stopped_with_a_stop_reason():
    data = Dataset([Column.numeric("x", [0.0, 1.0, 2.0]), Column.numeric("y", [1.0, 3.0, 5.0], role=TARGET)], "d")
    project = Project(Network.build([1, 1], "linear", seed=0), dataset=data)
    trainer = project.make_trainer().trainer
    assert trainer.run(2) is StopReason.COMPLETED and trainer.run(2) == "completed"
    assert trainer.task is Task.REGRESSION and np.isfinite(trainer.history.array("loss")).all()
