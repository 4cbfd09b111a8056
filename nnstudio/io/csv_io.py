"""CSV import and export for datasets.

Reading: UTF-8 with or without BOM; comma, semicolon or tab detected from the header; quoted fields;
a header row is required. A column is numeric when most of its cells are numbers (``nan`` and ``inf``
count as numbers, bad ones), and then every other cell is an error naming its row and column; otherwise
it holds text labels (classes). By default the last column is the target and the others are inputs.

Reading is bounded by the limits in core/limits.py and checked early: the file's size and line count
before parsing, the header (column count, names) before any row, rows and cells while reading. Rows are
parsed in chunks and their numbers converted by NumPy, so memory stays within a small multiple of the
file: its bytes, 8 bytes per numeric cell, and the labels of text columns (read in a second pass).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnstudio.core import limits
from nnstudio.core.data import (
    CATEGORICAL,
    INPUT,
    NUMERIC,
    TARGET,
    Column,
    Dataset,
    parse_cell,
    table_problem,
    text_input_problem,
)
from nnstudio.core.i18n import tr
from nnstudio.core.limits import too_long
from nnstudio.errors import CSVFormatError, WriteError
from nnstudio.io.atomic import atomic_write_bytes
from nnstudio.io.reading import read_limited_bytes

DELIMITERS = (",", ";", "\t")
CHUNK_CELLS = 250_000  # cells converted at a time
DECODE_BYTES = 1024 * 1024
MAX_LINE_CHARS = 16 * 1024 * 1024  # one physical line
MAX_HEADER_CHARS = limits.MAX_COLUMNS * (2 * limits.MAX_NAME + 3)  # every name quoted, quotes doubled


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most fields (outside quotes)."""
    best, best_count = ",", 0
    for d in DELIMITERS:
        count = len(next(csv.reader([header_line], delimiter=d), []))
        if count > best_count:
            best, best_count = d, count
    return best


def read_csv(path: str | os.PathLike, targets: Sequence[str] | None = None, strict: bool = True,
             numbers: Collection[str] = ()) -> Dataset:
    """Read a CSV file (see ``read_csv_text``). The columns named in ``numbers`` (a model's inputs) must hold
    numbers: one holding text is refused as soon as that is known, before its labels are read."""
    path = Path(path)
    raw = read_limited_bytes(path, limits.MAX_CSV_BYTES, CSVFormatError)
    return read_csv_bytes(raw, path.stem, targets, strict, source=path.name, numbers=numbers)


def read_csv_text(text: str, name: str = "data", targets: Sequence[str] | None = None,
                  strict: bool = True) -> Dataset:
    """Parse CSV text into a Dataset. With ``strict`` a non-numeric cell in a numeric column raises
    CSVFormatError naming its row and column; otherwise it is kept as a bad cell for the editor to show."""
    return read_csv_bytes(text.encode("utf-8", "surrogatepass"), name, targets, strict)


def read_csv_bytes(raw: bytes | bytearray, name: str = "data", targets: Sequence[str] | None = None,
                   strict: bool = True, source: str | None = None, numbers: Collection[str] = ()) -> Dataset:
    """Parse UTF-8 CSV bytes into a Dataset named ``name`` (see ``read_csv_text``); ``source`` (the file
    name) is named when the bytes are not text."""
    lines = raw.count(b"\n")
    if lines > limits.MAX_CSV_LINES:
        raise CSVFormatError(tr("{name}: too many lines ({lines:,}; the limit is {max_csv_lines:,}, for "
                                "at most {max_rows:,} rows)")
                             .format(name=name, lines=lines, max_csv_lines=limits.MAX_CSV_LINES,
                                     max_rows=limits.MAX_ROWS))
    header_end = raw.find(b"\n", 0, 4 * MAX_HEADER_CHARS)
    if header_end < 0 and len(raw) > 4 * MAX_HEADER_CHARS:
        raise CSVFormatError(tr("{name}: the header row is too long (the column names of a table take at most "
                                "{MAX_HEADER_CHARS:,} characters)")
                             .format(name=name, MAX_HEADER_CHARS=MAX_HEADER_CHARS))
    return _Parser(name, strict).parse(lambda: _decoded_lines(raw, source or name), targets, numbers)


def _decoded_lines(raw: bytes | bytearray, name: str) -> Iterator[str]:
    """The lines of ``raw`` (split at \\n, which each keeps), decoded a chunk at a time."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    view = memoryview(raw)
    pending: list[str] = []  # the start of a line that continues in the next chunk
    pending_chars = 0
    for start in range(0, max(len(view), 1), DECODE_BYTES):
        end = min(start + DECODE_BYTES, len(view))
        try:
            text = decoder.decode(view[start:end], final=end == len(view))
        except UnicodeDecodeError as exc:
            raise CSVFormatError(tr("{name}: not UTF-8 text (byte {byte}); save the file as UTF-8")
                                 .format(name=name, byte=start + exc.start)) \
                from None
        parts = text.split("\n")
        if len(parts) > 1:
            pending.append(parts[0])
            yield "".join(pending) + "\n"
            yield from (part + "\n" for part in parts[1:-1])
            pending, pending_chars = [], 0
        pending_chars += len(parts[-1])
        if pending_chars > MAX_LINE_CHARS:
            raise CSVFormatError(tr("{name}: a line is longer than {millions} million "
                                    "characters").format(name=name, millions=MAX_LINE_CHARS // (1024 * 1024)))
        pending.append(parts[-1])
    rest = "".join(pending)
    if rest:
        yield rest


_NUMBER_START = frozenset("0123456789+-.,nNiI")  # how a number, "nan" or "inf" can begin


def _number_or_none(cell: str) -> float | None:
    """``parse_cell``, quicker for text that cannot be a number (most cells of a text column)."""
    text = cell.lstrip()
    if not text or (text[0] not in _NUMBER_START and not text[0].isdigit()):
        return None
    return parse_cell(text)


@dataclass
class _Numbers:
    """Pass one over a column: its values (NaN where not a finite number) and how many cells were numbers."""

    chunks: list[np.ndarray] = field(default_factory=list)
    numbers: int = 0  # cells that parse as numbers, NaN and infinity included
    example: str = ""  # the first text cell

    def add(self, cells: tuple[str, ...]) -> None:
        try:
            values = np.fromiter(map(float, cells), dtype=np.float64, count=len(cells))
            self.numbers += len(cells)
        except ValueError:  # some cell is text, empty or has a decimal comma: one by one
            parsed = list(map(_number_or_none, cells))
            self.numbers += len(parsed) - parsed.count(None)
            if not self.example:
                self.example = next((c.strip() for c, v in zip(cells, parsed) if v is None and c.strip()), "")
            values = np.array(parsed, dtype=np.float64)  # None becomes NaN
        values[~np.isfinite(values)] = np.nan
        self.chunks.append(values)


class _Parser:
    def __init__(self, name: str, strict: bool) -> None:
        self.name, self.strict = name, strict

    def parse(self, lines: Callable[[], Iterator[str]], targets: Sequence[str] | None,
              numbers_only: Collection[str] = ()) -> Dataset:
        name = self.name
        header = self._header(lines())
        target_set = set(targets) if targets else {header[-1]} if len(header) > 1 else set()
        unknown = sorted(target_set - set(header))
        if unknown:
            raise CSVFormatError(tr("{name}: no column named {names}")
                                 .format(name=name, names=', '.join(map(repr, unknown))))
        numbers = [_Numbers() for _ in header]
        n_rows = 0
        for chunk in self._chunks(lines(), len(header)):
            n_rows += len(chunk)
            for column, cells in zip(numbers, zip(*chunk)):
                column.add(cells)
        if not n_rows:
            raise CSVFormatError(tr("{name}: the file has a header but no data rows").format(name=name))
        numeric = [c.numbers * 2 >= n_rows for c in numbers]
        for j, h in enumerate(header):
            if h in numbers_only and not numeric[j]:
                raise CSVFormatError(f"{name}: {text_input_problem(h, j, numbers[j].example)}")
        values = [np.concatenate(c.chunks) if is_numeric else None for c, is_numeric in zip(numbers, numeric)]
        del numbers
        bad_rows = {j: np.flatnonzero(np.isnan(v)) for j, v in enumerate(values) if v is not None and np.isnan(v).any()}
        labels, bad = self._texts(lines(), len(header), [j for j, n in enumerate(numeric) if not n], bad_rows)
        columns = []
        for j, h in enumerate(header):
            role = TARGET if h in target_set else INPUT
            if numeric[j]:
                columns.append(self._numeric(h, j, role, values[j], bad.get(j, {})))
            else:
                columns.append(self._categorical(h, j, role, labels[j]))
        return Dataset(columns, name)

    # -- reading -------------------------------------------------------------------------------------------
    def _reader(self, lines: Iterator[str]) -> csv.Reader:
        first = next(lines, "").lstrip("\ufeff")
        if not first.strip():
            raise CSVFormatError(tr("{name}: the file is empty or has no header row").format(name=self.name))
        try:
            delimiter = detect_delimiter(first)
        except csv.Error:
            raise CSVFormatError(tr("{name}: a column name in the header row is longer than "
                                    "{max_name} characters").format(name=self.name, max_name=limits.MAX_NAME)) from None
        return csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)

    def _header(self, lines: Iterator[str]) -> list[str]:
        """The column names, checked before any row is read: how many, empty, too long, repeated."""
        reader = self._reader(lines)
        try:
            header = [h.strip() for h in next(reader)]
        except csv.Error as exc:
            raise CSVFormatError(tr("{name}: the header row is not readable: {exc}")
                                 .format(name=self.name, exc=exc)) from None
        name = self.name
        if len(header) > limits.MAX_COLUMNS:
            raise CSVFormatError(tr("{name}: too many columns: {count:,} (the limit is {max_columns:,})")
                                 .format(name=name, count=len(header), max_columns=limits.MAX_COLUMNS))
        if any(not h for h in header):
            raise CSVFormatError(tr("{name}: column {column} has no name in the "
                                    "header row").format(name=name, column=[bool(h) for h in header].index(False) + 1))
        for j, h in enumerate(header):
            if too_long(h):
                raise CSVFormatError(tr("{name}: the name of column {column} is {why}")
                                     .format(name=name, column=j + 1, why=too_long(h)))
        dupes = sorted({h for h in header if header.count(h) > 1}) if len(set(header)) < len(header) else []
        if dupes:
            raise CSVFormatError(tr("{name}: repeated column name(s) in the header: {names}")
                                 .format(name=name, names=', '.join(dupes)))
        return header

    def _rows(self, lines: Iterator[str], width: int) -> Iterator[list[str]]:
        """The data rows (blank lines skipped), each checked for its width, within the row and cell limits."""
        reader = self._reader(lines)
        most = min(limits.MAX_ROWS, limits.MAX_CELLS // width)
        n = 0
        try:
            next(reader)
            for row in filter(None, reader):
                if not "".join(row).strip():
                    continue
                if len(row) != width:  # rows are counted as in the other messages: data rows, blanks skipped
                    raise CSVFormatError(tr("{name}: row {row} (line {line_num}) has {count} fields "
                                            "but the header has {width}")
                                         .format(name=self.name, row=n + 1, line_num=reader.line_num,
                                                 count=len(row), width=width))
                n += 1
                if n > most:
                    raise CSVFormatError(tr("{name}: too large: {table_problem}")
                                         .format(name=self.name, table_problem=table_problem(n, width)))
                yield row
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise CSVFormatError(tr("{name}: row {row} (line {line_num}): a cell is longer than "
                                        "{field_size_limit:,} characters")
                                     .format(name=self.name, row=n + 1, line_num=reader.line_num,
                                             field_size_limit=csv.field_size_limit())) from None
            raise CSVFormatError(tr("{name}: not a readable CSV file: {exc}").format(name=self.name, exc=exc)) from None

    def _chunks(self, lines: Iterator[str], width: int) -> Iterator[list[list[str]]]:
        rows = self._rows(lines, width)
        size = max(1, CHUNK_CELLS // width)
        while chunk := list(itertools.islice(rows, size)):
            yield chunk

    def _texts(self, lines: Iterator[str], width: int, text_columns: list[int],
               bad_rows: dict[int, np.ndarray]) -> tuple[dict[int, list[str]], dict[int, dict[int, str]]]:
        """Pass two, only when needed: the labels of the text columns and the text of the bad cells of the
        numeric ones. Equal labels share one string."""
        labels: dict[int, list[str]] = {j: [] for j in text_columns}
        bad: dict[int, dict[int, str]] = {j: {} for j in bad_rows}
        if not labels and not bad:
            return labels, bad
        same: dict[int, dict[str, str]] = {j: {} for j in text_columns}  # one string per distinct label
        first = 0
        for chunk in self._chunks(lines, width):
            columns = list(zip(*chunk))
            for j, out in labels.items():
                stripped = list(map(str.strip, columns[j]))
                if j not in same:
                    out.extend(stripped)
                    continue
                out.extend(map(same[j].setdefault, stripped, stripped))
                if len(out) >= 10_000 and len(same[j]) * 2 > len(out):  # mostly distinct (ids, notes): sharing
                    del same[j]  # saves nothing, the lookup table would only double the memory
            for j, rows in bad_rows.items():  # rows: sorted; those in this chunk
                here = rows[np.searchsorted(rows, first):np.searchsorted(rows, first + len(chunk))].tolist()
                bad[j].update((r, columns[j][r - first]) for r in here)
            first += len(chunk)
        return labels, bad

    # -- columns -------------------------------------------------------------------------------------------
    def _numeric(self, header: str, j: int, role: str, values: np.ndarray, bad: dict[int, str]) -> Column:
        if self.strict and bad:
            r = min(bad)
            text = bad[r].strip()
            where = tr("{name}: row {row}, column {column} ({header!r})").format(name=self.name, row=r + 1,
                                                                               column=j + 1, header=header)
            if not text:
                raise CSVFormatError(tr("{where}: is empty").format(where=where))
            raise CSVFormatError(tr("{where}: {text!r} is not a number").format(where=where, text=text))
        return Column(header, role, NUMERIC, values, bad=dict(sorted(bad.items())))

    def _categorical(self, header: str, j: int, role: str, labels: list[str]) -> Column:
        if self.strict and not all(labels):
            r = labels.index("")
            raise CSVFormatError(tr("{name}: row {row}, column {column} ({header!r}) is empty")
                                 .format(name=self.name, row=r + 1, column=j + 1, header=header))
        return Column(header, role, CATEGORICAL, labels=labels)


# -- writing -------------------------------------------------------------------------------------------------
def dataset_to_csv_text(dataset: Dataset, delimiter: str = ",") -> str:
    """The table as CSV text. A column name holding any of the delimiters is quoted, so a name such as
    ``a;b`` cannot change the delimiter detected when the file is read back."""
    out = io.StringIO()
    out.write(delimiter.join(_header_field(name) for name in dataset.column_names()) + "\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for r in range(dataset.n_rows):
        writer.writerow([c.cell_text(r) for c in dataset.columns])
    return out.getvalue()


def _header_field(name: str) -> str:
    if any(c in name for c in (*DELIMITERS, '"', "\n", "\r")):
        return '"' + name.replace('"', '""') + '"'
    return name


def write_csv(dataset: Dataset, path: str | os.PathLike, delimiter: str = ",") -> None:
    """Write the table, unless the CSV reader would refuse the file (no rows, a cell too long, too big)."""
    shown = Path(path).name
    if dataset.n_rows == 0 or not dataset.columns:
        raise WriteError(tr("cannot write {shown}: the table has no rows (a CSV file needs a header and data rows)")
                         .format(shown=shown))
    unnamed = next((i for i, c in enumerate(dataset.columns) if not c.name.strip()), None)
    if unnamed is not None:
        raise WriteError(tr("cannot write {shown}: column {column} has no name").format(shown=shown,
                                                                                        column=unnamed + 1))
    for col in dataset.columns:
        long = next((r for r in range(dataset.n_rows) if len(col.cell_text(r)) > limits.MAX_CELL_TEXT), None) \
            if col.kind == CATEGORICAL or col.bad else None
        if long is not None:
            raise WriteError(tr("cannot write {shown}: row {row} of column {name!r} is longer than "
                                "{max_cell_text:,} characters")
                             .format(shown=shown, row=long + 1, name=col.name, max_cell_text=limits.MAX_CELL_TEXT))
    raw = dataset_to_csv_text(dataset, delimiter).encode("utf-8", "surrogatepass")
    if len(raw) > limits.MAX_CSV_BYTES:
        raise WriteError(tr("cannot write {shown}: the table would take {size:.0f} MB; CSV files "
                            "are limited to {limit} MB")
                         .format(shown=shown, size=len(raw) / limits.MIB, limit=limits.MAX_CSV_BYTES // limits.MIB))
    atomic_write_bytes(path, raw)


__all__ = ["CATEGORICAL", "dataset_to_csv_text", "detect_delimiter", "read_csv", "read_csv_bytes", "read_csv_text",
           "write_csv"]
