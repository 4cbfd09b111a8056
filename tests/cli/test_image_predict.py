"""The image declaration end to end: a CSV of images, offered as an image, trained, saved as a project and
as a model file, and `nnstudio predict` on that model gives what the project predicts."""

from __future__ import annotations

import json

import numpy as np
from cli_helpers import cli

from nnstudio.core.images import apply_guess, guess_image, input_image, row_images
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.training import TrainingConfig
from nnstudio.io.csv_io import read_csv
from nnstudio.io.files import load_path, save_model, save_project


def image_csv(path, rows: int = 12, side: int = 5, seed: int = 0) -> None:
    """label first, then side*side whole-number pixels 0..255 (as MNIST's CSV files are laid out)."""
    rng = np.random.default_rng(seed)
    lines = ["label," + ",".join(f"pixel{i}" for i in range(side * side))]
    for r in range(rows):
        lines.append(f"{r % 3}," + ",".join(str(v) for v in rng.integers(0, 256, side * side)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def image_project_from_csv(path) -> Project:
    data = read_csv(path, strict=False)
    guess = guess_image(data)
    assert guess is not None and guess.target == "label"
    data = apply_guess(data, guess)
    net = Network.build([len(data.input_names), 4, 3], ["tanh", "softmax"], seed=1, input_names=data.input_names,
                        output_names=["0", "1", "2"])
    cfg = TrainingConfig(loss="categorical_crossentropy", optimizer="adam", learning_rate=0.01, batch_size=4,
                         epochs=2, seed=0)
    for col in data.columns[1:]:
        col.normalization = "min_max"
    project = Project(net, cfg, dataset=data, name="tiny images")
    setup = project.make_trainer()
    setup.trainer.run(2)
    project.keep_fit(setup)
    return project


def test_image_round_trip_from_csv_to_project_to_model_to_predict(tmp_path):
    image_csv(tmp_path / "tiny.csv")
    project = image_project_from_csv(tmp_path / "tiny.csv")
    image = project.dataset.image
    assert (image.width, image.height, image.low, image.high) == (5, 5, 0.0, 255.0)

    save_project(project, tmp_path / "tiny.nnstudio")
    reopened = load_path(tmp_path / "tiny.nnstudio")
    assert reopened.dataset.image == image
    assert np.array_equal(row_images(reopened.dataset), row_images(project.dataset))
    assert input_image(reopened) == image

    save_model(reopened, tmp_path / "tiny.json")
    written = json.loads((tmp_path / "tiny.json").read_text(encoding="utf-8"))
    assert written["image"] == {"width": 5, "height": 5, "low": 0.0, "high": 255.0,
                                "columns": [f"pixel{i}" for i in range(25)]}
    model = load_path(tmp_path / "tiny.json")
    assert model.dataset is None and model.image == image and input_image(model) == image

    row = project.dataset.raw_inputs()[3]
    out = cli("predict", tmp_path / "tiny.json", "--input", ",".join(repr(float(v)) for v in row), "--json").ok()
    predicted = json.loads(out)
    expected = project.predict(row[None, :])[0]
    assert np.allclose([predicted[name] for name in ("0", "1", "2")], expected, rtol=1e-6, atol=1e-9)
    assert cli("validate", tmp_path / "tiny.json").ok().startswith("tiny.json: ok")


