"""The limits of NN Studio's files and tables: one set, shared by every reader and every writer.

A reader refuses anything beyond them with a clear message; a writer checks them before it writes, so
the app never writes a file it would refuse to open. They keep reading a file from a stranger bounded
in bytes, time and memory. (Lives in core because the dataset and the network enforce them too.)
"""

from __future__ import annotations

from nnstudio.core.i18n import tr

MIB = 1024 * 1024

# -- files ------------------------------------------------------------------------------------------------
MAX_FILE_BYTES = 64 * MIB  # a model (.json) or project (.nnstudio) file
MAX_CSV_BYTES = 200 * MIB  # a CSV table
MAX_JSON_DEPTH = 100  # NN Studio files nest about 6 deep
MAX_JSON_VALUES = 8_000_000  # numbers, strings and lists in one file: a full table, weights and history fit
MAX_JSON_OBJECTS = 100_000  # {...} objects in one file (a few per layer, input, output and column)
READ_IDLE_SECONDS = 10.0  # a pipe or device that sends nothing for this long is refused
READ_TOTAL_SECONDS = 60.0  # ... and so is one that trickles for longer than this

# -- tables (CSV files and a project's dataset) -------------------------------------------------------------
MAX_ROWS = 200_000
MAX_COLUMNS = 2_000
MAX_CELLS = 5_000_000  # rows x columns (a table this size still fits in a project file)
MAX_CSV_LINES = 10 * MAX_ROWS  # lines of a CSV file, blank lines and line breaks inside quotes included
MAX_CELL_TEXT = 131_072  # characters in one CSV cell (the csv module's field limit)

# -- networks ------------------------------------------------------------------------------------------------
MAX_LAYERS = 100  # dense layers after the inputs
MAX_UNITS = 10_000  # neurons in one layer, and inputs
MAX_PARAMETERS = 2_000_000  # weights and biases of the whole network (about 48 MB as JSON)

# -- images (an image dataset's declaration, a drawing) ------------------------------------------------------
MAX_IMAGE_PIXELS = MAX_UNITS  # width x height of an image whose pixels are inputs
MAX_DRAWING_PIXELS = 4096 * 4096  # a drawing (from a pad) turned into an input

# -- text ----------------------------------------------------------------------------------------------------
MAX_NAME = 200  # a model, dataset, column, input or output name
MAX_DESCRIPTION = 10_000

# -- training settings and history ------------------------------------------------------------------------------
MAX_EPOCHS = 10_000_000
MAX_BATCH_SIZE = 1_000_000
MAX_SEED = 2**31 - 1
MAX_PATIENCE = 100_000
MAX_HISTORY_POINTS = 10_000  # a longer history is thinned when written (first, last, evenly spread)
MAX_HISTORY_METRICS = 64  # columns of the history (epoch, loss, accuracy, val_loss, ...)

# -- lessons (a lesson file is bounded like a project file: MAX_FILE_BYTES and the JSON shape limits) ---------
MAX_LESSON_STEPS = 200
MAX_LESSON_TEXT = 50_000  # characters of one step's Markdown text (and of a lesson's summary)
MAX_LESSON_ITEMS = 100  # checks, hints, setup actions or solution actions of one step
MAX_LESSON_PROJECTS = 20  # projects embedded in one lesson file
MAX_LESSON_EPOCHS = 100_000  # epochs one "train" action of a lesson may run (a setup or "Show me" must end)
MAX_LESSON_TRAIN_ROWS = 5_000_000  # epochs x rows of one "train" action (a few seconds for a small network)
MAX_LESSON_ASSET_BYTES = 10 * MIB  # an image a lesson's text shows


def too_long(text: str, limit: int = MAX_NAME) -> str | None:
    """A short description of why ``text`` is too long (``"230 characters; the limit is 200"``), or None."""
    if len(text) > limit:
        return tr("{length:,} characters long (the limit is {limit:,})").format(length=len(text), limit=limit)
    return None


def too_many(count: int, limit: int, what: str) -> str | None:
    """``"1,300,000 layers (the limit is 100)"`` when ``count`` exceeds ``limit``, else None."""
    if count > limit:
        return tr("{count:,} {what} (the limit is {limit:,})").format(count=count, what=what, limit=limit)
    return None

# -- training runs (core/runs.py) --------------------------------------------------------------------------------
MAX_RUNS = 100  # runs a project keeps (the oldest is dropped first)
MAX_RUN_HISTORY_POINTS = 2_000  # rows of one run's curves (thinned evenly, first and last kept)
MAX_RUN_CHANGES = 10_000  # settings changes recorded while one run trained
RUN_CHECKPOINT_NUMBERS = 250_000  # numbers (weights and optimizer slots) of all runs' checkpoints in a file
RUN_HISTORY_NUMBERS = 500_000  # numbers of all runs' curves in a file (each run's are thinned to its share)
