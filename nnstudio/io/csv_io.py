"""CSV import and export for datasets.

Reading: UTF-8 with or without BOM; comma, semicolon or tab detected from the header; quoted fields;
a header row is required. A column is numeric when most of its cells are numbers, and then every other
cell is an error naming its row and column; otherwise it holds text labels (classes). By default the last
column is the target and the others are inputs.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from nnstudio.core.data import (
    CATEGORICAL,
    INPUT,
    MAX_COLUMNS,
    MAX_ROWS,
    TARGET,
    Column,
    Dataset,
    parse_number,
)
from nnstudio.errors import CSVFormatError
from nnstudio.io.atomic import atomic_write_text
from nnstudio.io.reading import read_limited_bytes

MAX_CSV_BYTES = 200 * 1024 * 1024
DELIMITERS = (",", ";", "\t")


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most fields (outside quotes)."""
    best, best_count = ",", 0
    for d in DELIMITERS:
        count = len(next(csv.reader([header_line], delimiter=d), []))
        if count > best_count:
            best, best_count = d, count
    return best


def read_csv_text(text: str, name: str = "data", targets: Sequence[str] | None = None,
                  strict: bool = True) -> Dataset:
    """Parse CSV text into a Dataset. With ``strict`` a non-numeric cell in a numeric column raises
    CSVFormatError naming its row and column; otherwise it is kept as a bad cell for the editor to show."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CSVFormatError(f"{name}: the file is empty or has no header row")
    delimiter = detect_delimiter(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        rows = []
        for row in reader:
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):  # rows are counted as in the other messages: data rows, blanks skipped
                raise CSVFormatError(f"{name}: row {len(rows) + 1} (line {reader.line_num}) has {len(row)} fields "
                                     f"but the header has {len(header)}")
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise CSVFormatError(f"{name}: too many rows (the limit is {MAX_ROWS})")
    except csv.Error as exc:
        raise CSVFormatError(f"{name}: not a readable CSV file: {exc}") from None
    if len(header) > MAX_COLUMNS:
        raise CSVFormatError(f"{name}: too many columns: {len(header)} (the limit is {MAX_COLUMNS})")
    if any(not h for h in header):
        raise CSVFormatError(f"{name}: column {[bool(h) for h in header].index(False) + 1} has no name in the "
                             "header row")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise CSVFormatError(f"{name}: repeated column name(s) in the header: {', '.join(dupes)}")
    if not rows:
        raise CSVFormatError(f"{name}: the file has a header but no data rows")
    target_set = set(targets) if targets else {header[-1]} if len(header) > 1 else set()
    unknown = sorted(target_set - set(header))
    if unknown:
        raise CSVFormatError(f"{name}: no column named {', '.join(map(repr, unknown))}")
    columns = [_column(h, [r[j] for r in rows], j, TARGET if h in target_set else INPUT, name, strict)
               for j, h in enumerate(header)]
    return Dataset(columns, name)


def _column(header: str, cells: list[str], index: int, role: str, name: str, strict: bool) -> Column:
    numbers = [parse_number(c) for c in cells]
    n_numeric = sum(v is not None for v in numbers)
    if n_numeric * 2 < len(cells):  # mostly text: class labels
        labels = [c.strip() for c in cells]
        if strict:
            for r, label in enumerate(labels):
                if not label:
                    raise CSVFormatError(f"{name}: row {r + 1}, column {index + 1} ({header!r}) is empty")
        return Column.categorical(header, labels, role=role)
    bad = {r: cells[r] for r, v in enumerate(numbers) if v is None}
    if strict and bad:
        r, text = next(iter(bad.items()))
        what = "is empty" if not text.strip() else f"{text.strip()!r} is not a number"
        raise CSVFormatError(f"{name}: row {r + 1}, column {index + 1} ({header!r}): {what}")
    values = [float("nan") if v is None else v for v in numbers]
    return Column(header, role, "numeric", values, bad=bad)


def read_csv(path: str | os.PathLike, targets: Sequence[str] | None = None, strict: bool = True) -> Dataset:
    path = Path(path)
    raw = read_limited_bytes(path, MAX_CSV_BYTES, CSVFormatError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CSVFormatError(f"{path.name}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    return read_csv_text(text, path.stem, targets, strict)


def dataset_to_csv_text(dataset: Dataset, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(dataset.column_names())
    for r in range(dataset.n_rows):
        writer.writerow([c.cell_text(r) for c in dataset.columns])
    return out.getvalue()


def write_csv(dataset: Dataset, path: str | os.PathLike, delimiter: str = ",") -> None:
    atomic_write_text(path, dataset_to_csv_text(dataset, delimiter))


__all__ = ["CATEGORICAL", "dataset_to_csv_text", "detect_delimiter", "read_csv", "read_csv_text", "write_csv"]
