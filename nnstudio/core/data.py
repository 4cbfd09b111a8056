"""Datasets: named columns with roles (input / target / ignored), kinds, normalization and validation.

A numeric column keeps its values in a float array; a cell that is not a number is kept as its text in
``Column.bad`` (value NaN) so an editor can show it and training can refuse with a precise message.
A categorical column holds text labels; its classes (in first-seen order unless set) become class
indices, and one-hot targets when the output layer has one unit per class (the tutorials' oneHot).
Text is only ever a target (or ignored): an input column of text is refused, since the category
mapping would not travel with the model and predictions would disagree with training.
A derived column (``Column.formula``, see features.py: x², x·y, sin(x), ...) is computed from numeric base
columns; the dataset recomputes it whenever a source cell changes and refuses edits of its own cells.
An image dataset declares that some numeric input columns are the pixels of a grey image (``ImageSpec``:
width x height, the columns row by row from the top left, and the values of a blank and a fully inked
pixel); an edit that breaks the declaration (a pixel column removed, made a target, or made text) drops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np

from nnstudio.core import limits
from nnstudio.core.features import Formula
from nnstudio.core.i18n import tr
from nnstudio.core.limits import too_long, too_many
from nnstudio.core.numbers import count
from nnstudio.core.preprocessing import NORMALIZATIONS, Normalizer, Preprocessing
from nnstudio.errors import DataError, ShapeError


class Role(StrEnum):
    """What a column is for (the strings the project files use)."""

    INPUT = "input"
    TARGET = "target"
    IGNORED = "ignored"


class ColumnKind(StrEnum):
    """What a column holds: numbers or class labels (the strings the project files use)."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"


INPUT, TARGET, IGNORED = Role.INPUT, Role.TARGET, Role.IGNORED
ROLES = tuple(Role)
NUMERIC, CATEGORICAL = ColumnKind.NUMERIC, ColumnKind.CATEGORICAL


@dataclass(frozen=True)
class CellProblem:
    row: int  # 0-based data row
    column: int
    message: str

    def __str__(self) -> str:
        return tr("row {row}, column {column}: {message}").format(row=self.row + 1, column=self.column + 1,
                                                                  message=self.message)


def parse_cell(text: str) -> float | None:
    """The number in a cell's text (a decimal comma is accepted), which may be NaN or infinite ("nan",
    "inf", "1e999": a number, but a bad one); None for text that is no number at all ("50%", "")."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        try:
            return float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else None
        except ValueError:
            return None


def parse_number(text: str) -> float | None:
    """A finite float from a cell's text (a decimal comma is accepted), or None."""
    value = parse_cell(text)
    return value if value is not None and np.isfinite(value) else None


def table_problem(n_rows: int, n_columns: int) -> str | None:
    """Why a table of this size is refused ("250,000 rows (the limit is 200,000)"), or None."""
    return (too_many(n_columns, limits.MAX_COLUMNS, tr("columns")) or too_many(n_rows, limits.MAX_ROWS, tr("rows"))
            or too_many(n_rows * n_columns, limits.MAX_CELLS, tr("cells (rows x columns)")))


def text_input_problem(name: str, index: int, example: str) -> str:
    """Why the text column ``name`` (column ``index``, 0-based; ``example`` one of its cells) cannot be an
    input. Inputs must be numbers: a category mapping made while training would not travel with the model,
    so predictions would disagree with training."""
    return (tr("column {column} ({name!r}) is an input but holds text such as {example!r}; inputs must be "
               "numbers (text can be the target, or be ignored)").format(column=index + 1, name=name, example=example))


def check_cells(dataset_name: str, column: Column, index: int) -> None:
    """DataError naming the first bad cell of ``column`` (column ``index``, 0-based, of the dataset
    ``dataset_name``) and how many more there are; nothing when every cell holds a number."""
    problems = column.problems(index)
    if not problems:
        return
    first = problems[0]
    where = tr("{name}: row {row}, column {column} ({column_name!r})").format(
        name=dataset_name, row=first.row + 1, column=index + 1, column_name=column.name)
    if len(problems) > 1:
        raise DataError(tr("{problem} (and {more} more)").format(problem=f"{where}: {first.message}",
                                                                 more=len(problems) - 1))
    raise DataError(f"{where}: {first.message}")


def check_column_name(name: str) -> None:
    """DataError for a column name the files cannot store (longer than MAX_NAME)."""
    why = too_long(name, limits.MAX_NAME)
    if why:
        raise DataError(tr("the column name {name!r}... is {why}").format(name=name[:40], why=why))


@dataclass
class Column:
    name: str
    role: Role = INPUT
    kind: ColumnKind = NUMERIC
    values: np.ndarray = field(default_factory=lambda: np.zeros(0))  # numeric values (NaN where bad)
    labels: list[str] = field(default_factory=list)  # categorical cells
    classes: list[str] = field(default_factory=list)  # categorical class order
    normalization: str = "none"
    bad: dict[int, str] = field(default_factory=dict)  # row -> raw text of an invalid numeric cell
    formula: Formula | None = None  # a derived column's feature and sources (see features.py)

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise DataError(tr("column {name!r}: role must be one of {names}, got {role!r}")
                            .format(name=self.name, names=', '.join(ROLES), role=self.role))
        if self.kind not in tuple(ColumnKind):
            raise DataError(tr("column {name!r}: kind must be one of {names}, got {kind!r}")
                            .format(name=self.name, names=', '.join(ColumnKind), kind=self.kind))
        self.role, self.kind = Role(self.role), ColumnKind(self.kind)
        NORMALIZATIONS[self.normalization]
        self.values = np.asarray(self.values, dtype=float)
        if self.kind == CATEGORICAL and not self.classes:
            first_seen = dict.fromkeys(self.labels)
            first_seen.pop("", None)
            self.classes = list(first_seen)

    @classmethod
    def numeric(cls, name: str, values: Sequence[float], role: Role = INPUT, normalization: str = "none") -> Column:
        return cls(name, role, NUMERIC, np.asarray(values, dtype=float), normalization=normalization)

    @classmethod
    def categorical(cls, name: str, labels: Sequence[str], role: Role = TARGET,
                    classes: Sequence[str] | None = None) -> Column:
        return cls(name, role, CATEGORICAL, labels=[str(x) for x in labels], classes=list(classes or []))

    def __len__(self) -> int:
        return len(self.labels) if self.kind == CATEGORICAL else len(self.values)

    @property
    def is_derived(self) -> bool:
        return self.formula is not None

    @property
    def sources(self) -> list[str]:
        """The columns a derived column is computed from ([] for a plain column)."""
        return list(self.formula.sources) if self.formula else []

    def derived_note(self) -> str:
        """"computed from x1; edit x1 instead" for a derived column."""
        return tr("{name} is computed from {sources}; edit {choices} instead").format(
            name=self.name, sources=tr(" and ").join(self.sources), choices=tr(" or ").join(self.sources))

    def cell_text(self, row: int) -> str:
        if self.kind == CATEGORICAL:
            return self.labels[row]
        if row in self.bad:
            return self.bad[row]
        if self.formula is not None:  # computed: 12 significant digits read better than 0.010000000000000002
            value = float(self.values[row])
            return f"{value:.12g}" if np.isfinite(value) else ""
        return format_number(self.values[row])

    def set_cell_text(self, row: int, text: str) -> None:
        """Set one cell from typed text; invalid numbers are remembered as bad cells, never lost."""
        if self.kind == CATEGORICAL:
            self.labels[row] = text.strip()
            if self.labels[row] and self.labels[row] not in self.classes:
                self.classes.append(self.labels[row])
            return
        value = parse_number(text)
        if value is None:
            self.values[row] = np.nan
            self.bad[row] = text
        else:
            self.values[row] = value
            self.bad.pop(row, None)

    def class_indices(self) -> np.ndarray:
        lookup = {c: i for i, c in enumerate(self.classes)}
        return np.array([lookup.get(label, -1) for label in self.labels], dtype=float)

    def numbers(self) -> np.ndarray:
        """The column as numbers: values, or class indices for a categorical column."""
        return self.class_indices() if self.kind == CATEGORICAL else self.values

    def problems(self, index: int) -> list[CellProblem]:
        if self.formula is not None and self.kind == NUMERIC:
            why = tr("cannot compute {name}: {sources} is not a number in this row").format(
                name=self.name, sources=tr(" or ").join(self.sources))
            return [CellProblem(int(r), index, why) for r in np.flatnonzero(~np.isfinite(self.values))]
        if self.kind == CATEGORICAL:
            return [CellProblem(r, index, tr("empty label")) for r, label in enumerate(self.labels) if not label]
        out = [CellProblem(r, index, tr("{text!r} is not a number").format(text=text))
               for r, text in sorted(self.bad.items()) if text.strip()]
        out += [CellProblem(r, index, tr("empty cell")) for r, text in sorted(self.bad.items()) if not text.strip()]
        return sorted(out, key=lambda p: p.row)

    def copy(self) -> Column:
        return Column(self.name, self.role, self.kind, self.values.copy(), list(self.labels), list(self.classes),
                      self.normalization, dict(self.bad), self.formula)


@dataclass(frozen=True)
class ImageSpec:
    """The inputs form a grey image: ``columns`` (dataset columns, or a model's inputs) are its pixels row by row,
    from the top-left corner, ``width`` per row and ``height`` rows. ``low`` is the value of a blank pixel and
    ``high`` that of a fully inked one (digits: 0 and 16; most CSV images: 0 and 255 or 0 and 1), so a view
    maps low..high to its background..ink colours and a drawing is scaled to the same values.

    Raises DataError when the shape and the columns disagree or a value is out of the limits."""

    width: int
    height: int
    columns: tuple[str, ...]
    low: float = 0.0
    high: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(self.columns))
        for what, side in ((tr("width"), self.width), (tr("height"), self.height)):
            if isinstance(side, bool) or not isinstance(side, int | np.integer) or side < 1:
                raise DataError(tr("an image's {what} must be a whole number of pixels from 1 up, got {side!r}")
                                .format(what=what, side=side))
        object.__setattr__(self, "width", int(self.width))
        object.__setattr__(self, "height", int(self.height))
        why = too_many(self.width * self.height, limits.MAX_IMAGE_PIXELS, tr("pixels"))
        if why:
            raise DataError(tr("an image of {width}x{height} is too large: {why}")
                            .format(width=self.width, height=self.height, why=why))
        if len(self.columns) != self.width * self.height:
            raise DataError(tr("an image of {width}x{height} needs {pixels} pixel "
                               "columns, got {count}")
                            .format(width=self.width, height=self.height, pixels=self.width * self.height,
                                    count=len(self.columns)))
        if len(set(self.columns)) != len(self.columns):
            raise DataError(tr("an image names each pixel column once"))
        for what, value in (("low", self.low), ("high", self.high)):
            if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating) \
                    or not np.isfinite(value):
                raise DataError(tr("an image's {what} value must be a finite number, got {value!r}")
                                .format(what=what, value=value))
        object.__setattr__(self, "low", float(self.low))
        object.__setattr__(self, "high", float(self.high))
        if self.low == self.high:
            raise DataError(tr("an image's blank (low) and ink (high) values must differ"))

    @property
    def shape(self) -> tuple[int, int]:
        """(height, width): the shape of the image's arrays (rows of pixels)."""
        return self.height, self.width

    @property
    def label(self) -> str:
        """"8×8" (width × height)."""
        return f"{self.width}×{self.height}"

    def renamed(self, old: str, new: str) -> ImageSpec:
        return replace(self, columns=tuple(new if c == old else c for c in self.columns))

    def to_dict(self) -> dict:
        return {"width": self.width, "height": self.height, "low": self.low, "high": self.high,
                "columns": list(self.columns)}


def format_number(value: float) -> str:
    if np.isnan(value):
        return ""
    return repr(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


class Dataset:
    """A table of named columns, all of the same length; ``image`` (or None) declares that some input columns
    are the pixels of a grey image (see ``ImageSpec`` and ``set_image``)."""

    def __init__(self, columns: Sequence[Column], name: str = "data", image: ImageSpec | None = None) -> None:
        self.columns = list(columns)
        self.name = name
        self.image: ImageSpec | None = None
        lengths = {len(c) for c in self.columns}
        if len(lengths) > 1:
            raise ShapeError(tr("all columns need the same number of rows, got {lengths}")
                             .format(lengths=sorted(lengths)))
        problem = table_problem(self.n_rows, len(self.columns))
        if problem:
            raise DataError(tr("the table is too large: {problem}").format(problem=problem))
        for c in self.columns:
            check_column_name(c.name)
        names = [c.name for c in self.columns]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise DataError(tr("column names must be unique; repeated: {names}").format(names=', '.join(dupes)))
        if image is not None:
            self.set_image(image)

    @classmethod
    def from_arrays(cls, x: np.ndarray, y: np.ndarray, input_names: Sequence[str] | None = None,
                    target_names: Sequence[str] | None = None, name: str = "data") -> Dataset:
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if y.ndim == 1:
            y = y[:, None]
        input_names = input_names or [f"x{i + 1}" for i in range(x.shape[1])]
        target_names = target_names or (["y"] if y.shape[1] == 1 else [f"y{i + 1}" for i in range(y.shape[1])])
        cols = [Column.numeric(n, x[:, i]) for i, n in enumerate(input_names)]
        cols += [Column.numeric(n, y[:, i], role=TARGET) for i, n in enumerate(target_names)]
        return cls(cols, name)

    # -- facts ---------------------------------------------------------------------------------------
    @property
    def n_rows(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise DataError(tr("no column named {name!r}; the columns are: {names}")
                        .format(name=name, names=', '.join(self.column_names())))

    def by_role(self, role: Role) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    @property
    def input_names(self) -> list[str]:
        return [c.name for c in self.by_role(INPUT)]

    @property
    def target_names(self) -> list[str]:
        return [c.name for c in self.by_role(TARGET)]

    @property
    def is_classification(self) -> bool:
        targets = self.by_role(TARGET)
        return len(targets) == 1 and targets[0].kind == CATEGORICAL

    def output_width(self) -> int:
        """How many output neurons fit the targets: one per class for a categorical target (2+ classes
        as one-hot; a 2-class target may also use 1 sigmoid output), else one per target column."""
        targets = self.by_role(TARGET)
        if self.is_classification:
            return max(1, len(targets[0].classes))
        return len(targets)

    def target_fits(self, n_outputs: int) -> bool:
        targets = self.by_role(TARGET)
        if self.is_classification:
            return n_outputs == len(targets[0].classes) or (n_outputs == 1 and len(targets[0].classes) == 2)
        if len(targets) == 1 and n_outputs > 1:
            return self._integer_classes(targets[0], n_outputs)
        return n_outputs == len(targets)

    @staticmethod
    def _integer_classes(col: Column, n: int) -> bool:
        v = col.values[~np.isnan(col.values)]
        return bool(v.size) and np.all(v == np.round(v)) and v.min() >= 0 and v.max() < n

    def problems(self) -> list[CellProblem]:
        out: list[CellProblem] = []
        for i, col in enumerate(self.columns):
            if col.role != IGNORED:
                out += col.problems(i)
        return out

    # -- training arrays -------------------------------------------------------------------------------
    def check_ready(self, n_inputs: int, n_outputs: int) -> None:
        """Raise DataError/ShapeError with a message a person can act on unless training can start."""
        if self.n_rows == 0:
            raise DataError(tr("the dataset has no rows"))
        self.check_numeric_inputs()
        problems = self.problems()
        if problems:
            if len(problems) > 1:
                raise DataError(tr("{problem} (and {more} more)").format(problem=problems[0], more=len(problems) - 1))
            raise DataError(str(problems[0]))
        inputs, targets = self.by_role(INPUT), self.by_role(TARGET)
        if not inputs:
            raise DataError(tr("no input columns: set the role of at least one column to input"))
        if not targets:
            raise DataError(tr("no target column: set the role of at least one column to target"))
        if len(inputs) != n_inputs:
            raise ShapeError(tr("the dataset has {count} but the network has "
                                "{count2}")
                             .format(count=count(len(inputs), tr("input column"), tr("input columns")),
                                     count2=count(n_inputs, tr("input"), tr("inputs"))))
        if not self.target_fits(n_outputs):
            raise ShapeError(tr("the dataset's targets need {count} but the "
                                "network has {n_outputs}")
                             .format(count=count(self.output_width(), tr("output"), tr("outputs")),
                                     n_outputs=n_outputs))

    def check_numeric_inputs(self) -> None:
        """DataError naming the first input column that holds text: inputs must be numbers (a text column
        can be the target, or ignored)."""
        for i, col in enumerate(self.columns):
            if col.role == INPUT and col.kind == CATEGORICAL:
                raise DataError(text_input_problem(col.name, i, next((label for label in col.labels if label), "")))

    def raw_inputs(self) -> np.ndarray:
        cols = self.by_role(INPUT)
        return np.column_stack([c.numbers() for c in cols]) if cols else np.zeros((self.n_rows, 0))

    def raw_targets(self, n_outputs: int) -> np.ndarray:
        """Targets shaped for ``n_outputs`` neurons: one-hot for classes when there is one neuron per class."""
        targets = self.by_role(TARGET)
        if len(targets) == 1 and n_outputs > 1:
            idx = targets[0].numbers().astype(int)
            return np.eye(n_outputs)[idx]
        return np.column_stack([c.numbers() for c in targets])

    def fit_preprocessing(self, n_outputs: int) -> Preprocessing:
        """Normalizers fitted to the data, the class names and the formulas of derived inputs."""
        inputs = [Normalizer.fit(c.normalization, c.numbers()) for c in self.by_role(INPUT)]
        formulas = [c.formula for c in self.by_role(INPUT)]
        targets_cols = self.by_role(TARGET)
        one_hot = len(targets_cols) == 1 and n_outputs > 1
        if one_hot or self.is_classification:
            targets = [Normalizer()] * n_outputs
        else:
            targets = [Normalizer.fit(c.normalization, c.values) for c in targets_cols]
        classes = None
        if self.is_classification:
            classes = list(targets_cols[0].classes)
        elif one_hot:
            classes = [str(i) for i in range(n_outputs)]
        return Preprocessing(inputs, targets, classes, formulas if any(f is not None for f in formulas) else [])

    def training_arrays(self, n_inputs: int, n_outputs: int) -> tuple[np.ndarray, np.ndarray, Preprocessing]:
        """Normalized (x, y) for the network plus the preprocessing that produced them."""
        self.check_ready(n_inputs, n_outputs)
        prep = self.fit_preprocessing(n_outputs)
        x = prep.transform_inputs(self.raw_inputs())
        y = prep.transform_targets(self.raw_targets(n_outputs))
        return x, y, prep

    # -- image declaration ------------------------------------------------------------------------------
    def image_problem(self, image: ImageSpec) -> str | None:
        """Why ``image`` cannot be declared on this table (a pixel column that is missing, not an input, holds
        text or is computed), or None."""
        by_name = {c.name: c for c in self.columns}
        for name in image.columns:
            col = by_name.get(name)
            if col is None:
                return tr("the image's pixel column {name!r} is not in the table").format(name=name)
            if col.role != INPUT:
                return tr("the image's pixel column {name!r} is not an input column").format(name=name)
            if col.kind != NUMERIC:
                return tr("the image's pixel column {name!r} holds text, not numbers").format(name=name)
            if col.formula is not None:
                return tr("the image's pixel column {name!r} is computed; pixels must be plain columns").format(
                    name=name)
        return None

    def set_image(self, image: ImageSpec | None) -> None:
        """Declare that the input columns ``image.columns`` form a grey image (None: they do not). Raises
        DataError naming a pixel column that is missing, not an input, text or computed."""
        if image is not None:
            problem = self.image_problem(image)
            if problem:
                raise DataError(problem)
        self.image = image

    def declare_image(self, width: int, height: int, low: float = 0.0, high: float = 1.0) -> ImageSpec:
        """Declare the plain numeric input columns, in table order, a ``width`` x ``height`` image (their count
        must be width x height); returns the declaration."""
        columns = [c.name for c in self.by_role(INPUT) if c.kind == NUMERIC and c.formula is None]
        image = ImageSpec(width, height, tuple(columns), low, high)
        self.set_image(image)
        return image

    def _check_image(self) -> None:
        """Drop the image declaration when an edit broke it."""
        if self.image is not None and self.image_problem(self.image):
            self.image = None

    # -- editing ------------------------------------------------------------------------------------------
    def copy(self) -> Dataset:
        out = Dataset([c.copy() for c in self.columns], self.name)
        out.image = self.image
        return out

    def cell_text(self, row: int, column: int) -> str:
        return self.columns[column].cell_text(row)

    def set_cell_text(self, row: int, column: int, text: str) -> None:
        """Set one cell from typed text and recompute the derived cells of that row; a derived cell
        cannot be typed into (DataError "x1² is computed from x1; edit x1 instead")."""
        col = self.columns[column]
        if col.formula is not None:
            raise DataError(col.derived_note())
        col.set_cell_text(row, text)
        for derived in self.dependents(col.name):
            self._recompute(derived, slice(row, row + 1))

    def cell_texts(self, cells: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The current texts of ``cells`` as (row, column, text): what an undo restores."""
        return [(r, c, self.cell_text(r, c)) for r, c in cells]

    def set_cell_texts(self, edits: Sequence[tuple[int, int, str]]) -> None:
        """Set cells from (row, column, text), in order; see ``set_cell_text``."""
        for row, column, text in edits:
            self.set_cell_text(row, column, text)

    def paste(self, top: int, left: int, block: Sequence[Sequence[str]]) -> int:
        """Set a block of texts with its first cell at (top, left), adding empty rows below as needed; cells
        beyond the last column are dropped and cells that land in a derived column are skipped (they are
        computed). Returns the number of rows added."""
        width = len(self.columns) - left
        if not block or width <= 0:
            return 0
        added = max(0, top + len(block) - self.n_rows)
        if added:
            self.insert_rows(self.n_rows, added)
        for i, cells in enumerate(block):
            for j, text in enumerate(cells[:width]):
                if self.columns[left + j].formula is None:
                    self.set_cell_text(top + i, left + j, text)
        return added

    def insert_rows(self, at: int, count: int) -> None:
        problem = table_problem(self.n_rows + count, len(self.columns))
        if problem:
            raise DataError(tr("the table would be too large: {problem}").format(problem=problem))
        for c in self.columns:
            if c.kind == CATEGORICAL:
                c.labels[at:at] = [""] * count
            else:
                c.values = np.insert(c.values, at, np.full(count, np.nan))
                c.bad = {(r + count if r >= at else r): t for r, t in c.bad.items()}
                c.bad.update({r: "" for r in range(at, at + count)})
        self.recompute_derived()

    def remove_rows(self, rows: Sequence[int]) -> None:
        drop = set(rows)
        keep = [r for r in range(self.n_rows) if r not in drop]
        new_index = {old: new for new, old in enumerate(keep)}
        for c in self.columns:
            if c.kind == CATEGORICAL:
                c.labels = [c.labels[r] for r in keep]
            else:
                c.values = c.values[keep]
                c.bad = {new_index[r]: t for r, t in c.bad.items() if r in new_index}
        self.recompute_derived()

    # -- derived features ------------------------------------------------------------------------------
    def dependents(self, name: str) -> list[Column]:
        """The derived columns computed from column ``name``."""
        return [c for c in self.columns if c.formula is not None and name in c.sources]

    def source_column(self, name: str, what: str) -> Column:
        try:
            col = self.column(name)
        except DataError:
            raise DataError(tr("{what} is computed from {name!r}, but there is no column of that name; the columns "
                               "are: {names}")
                            .format(what=what, name=name, names=', '.join(self.column_names()))) from None
        if col.formula is not None:
            raise DataError(tr("{what} cannot be computed from {name}, which is computed itself; use "
                               "{names} instead").format(what=what, name=name, names=' and '.join(col.sources)))
        if col.kind != NUMERIC:
            raise DataError(tr("{what} needs numbers, but {name} holds class labels").format(what=what, name=name))
        return col

    def check_formulas(self) -> None:
        """DataError unless every derived column has a known formula over existing numeric base columns."""
        for c in self.columns:
            if c.formula is None:
                continue
            if c.kind != NUMERIC:
                raise DataError(tr("column {name!r} is computed, so it must hold numbers").format(name=c.name))
            for name in c.formula.sources:
                self.source_column(name, tr("column {name!r}").format(name=c.name))

    def _recompute(self, col: Column, rows: slice | None = None) -> None:
        rows = rows if rows is not None else slice(None)
        what = tr("column {name!r}").format(name=col.name)
        col.values[rows] = col.formula.compute([self.source_column(s, what).values[rows]
                                                for s in col.formula.sources])
        col.bad = {}

    def recompute_derived(self) -> None:
        """Recompute every derived column from its sources (after loading or a structural change)."""
        for c in self.columns:
            if c.formula is not None:
                if c.kind != NUMERIC or len(c.values) != self.n_rows:
                    c.kind, c.labels, c.classes = NUMERIC, [], []
                    c.values = np.full(self.n_rows, np.nan)
                self._recompute(c)

    def add_derived(self, op: str, sources: Sequence[str], name: str | None = None) -> Column:
        """Add an input column computed by feature ``op`` (a key of features.FEATURES) from the numeric
        base columns ``sources``; it goes after the last input column. Returns the new column."""
        formula = Formula(op, [str(s) for s in sources] if isinstance(sources, list | tuple) else sources)
        for s in formula.sources:
            self.source_column(s, formula.label)
        name = (name or "").strip() or formula.default_name
        if name in self.column_names():
            raise DataError(tr("there is already a column named {name!r}; choose another name").format(name=name))
        check_column_name(name)
        problem = table_problem(self.n_rows, len(self.columns) + 1)
        if problem:
            raise DataError(tr("the table would be too large: {problem}").format(problem=problem))
        col = Column(name, INPUT, NUMERIC, np.full(self.n_rows, np.nan), formula=formula)
        self._recompute(col)
        inputs = [i for i, c in enumerate(self.columns) if c.role == INPUT]
        self.columns.insert(inputs[-1] + 1 if inputs else len(self.columns), col)
        return col

    def rename_column(self, column: int, name: str) -> None:
        """Rename column ``column``; formulas that use it follow, and so do derived columns that still have
        their default name (x1² becomes a² when x1 becomes a)."""
        name = name.strip()
        col = self.columns[column]
        if not name or name == col.name:
            return
        if name in self.column_names():
            raise DataError(tr("there is already a column named {name!r}; choose another name").format(name=name))
        check_column_name(name)
        old = col.name
        col.name = name
        if self.image is not None:
            self.image = self.image.renamed(old, name)
        taken = set(self.column_names())
        for d in self.dependents(old):
            before, d.formula = d.formula, d.formula.renamed(old, name)
            new_default = d.formula.default_name
            if d.name == before.default_name and new_default not in taken:
                taken.discard(d.name)
                d.name = new_default
                taken.add(new_default)

    def insert_column(self, at: int, name: str | None = None, role: str = INPUT) -> Column:
        """Insert an empty numeric column before index ``at`` (clamped to the table); without a name it is
        called x<n>, the first such name not taken. Returns the new column."""
        names = set(self.column_names())
        if name is None:
            i = len(names) + 1
            while f"x{i}" in names:
                i += 1
            name = f"x{i}"
        if name in names:
            raise DataError(tr("there is already a column named {name!r}; choose another name").format(name=name))
        check_column_name(name)
        problem = table_problem(self.n_rows, len(self.columns) + 1)
        if problem:
            raise DataError(tr("the table would be too large: {problem}").format(problem=problem))
        column = Column.numeric(name, np.full(self.n_rows, np.nan), role=role)
        column.bad = {r: "" for r in range(self.n_rows)}
        self.columns.insert(max(0, min(at, len(self.columns))), column)
        return column

    def set_role(self, column: int, role: str) -> None:
        """Make column ``column`` an input, the target or ignored."""
        if role not in ROLES:
            raise DataError(tr("a column's role is one of {names}, not {role!r}")
                            .format(names=', '.join(ROLES), role=role))
        self.columns[column].role = role
        self._check_image()

    def set_normalization(self, column: int, normalization: str) -> None:
        """Normalize column ``column`` with ``normalization`` (a key of preprocessing.NORMALIZATIONS)."""
        NORMALIZATIONS[normalization]
        self.columns[column].normalization = normalization

    def set_kind(self, column: int, kind: str) -> None:
        """Read column ``column`` as numbers or as class labels, keeping every cell's text (a cell that is no
        number becomes a bad cell). A derived column and the sources of one stay numbers (DataError)."""
        col = self.columns[column]
        if kind not in (NUMERIC, CATEGORICAL):
            raise DataError(tr("a column holds {numeric} or {categorical} cells, not {kind!r}")
                            .format(numeric=NUMERIC, categorical=CATEGORICAL, kind=kind))
        if kind == col.kind:
            return
        if col.formula is not None:
            raise DataError(tr("{name} is computed, so it holds numbers").format(name=col.name))
        users = self.dependents(col.name)
        if users:
            if len(users) == 1:
                raise DataError(tr("{names} is computed from {name}, so it must hold numbers; remove {first} first")
                                .format(names=users[0].name, name=col.name, first=users[0].name))
            raise DataError(tr("{names} are computed from {name}, so it must hold numbers; remove {first} first")
                            .format(names=", ".join(c.name for c in users), name=col.name, first=users[0].name))
        texts = [col.cell_text(r) for r in range(len(col))]
        if kind == CATEGORICAL:
            new = Column.categorical(col.name, texts, role=col.role)
        else:
            new = Column.numeric(col.name, np.zeros(len(texts)), role=col.role, normalization=col.normalization)
            for r, text in enumerate(texts):
                new.set_cell_text(r, text)
        self.columns[column] = new
        self._check_image()

    def remove_columns(self, columns: Sequence[int]) -> list[str]:
        """Remove columns (and the derived columns computed from them); returns the removed names."""
        drop = {self.columns[i].name for i in columns if 0 <= i < len(self.columns)}
        drop |= {c.name for c in self.columns if c.formula is not None and drop & set(c.sources)}
        removed = [c.name for c in self.columns if c.name in drop]
        self.columns = [c for c in self.columns if c.name not in drop]
        self._check_image()
        return removed
