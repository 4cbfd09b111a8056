"""The headless command line: ``nnstudio train | predict | validate | export | examples | new | lessons``.

Every error a user can cause prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import itertools
import json
import math
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from nnstudio import __version__
from nnstudio.core import limits
from nnstudio.core.activations import ACTIVATIONS
from nnstudio.core.decisions import decide
from nnstudio.core.defaults import loss_scale_hint, set_normalization, training_defaults
from nnstudio.core.initializers import INITIALIZERS
from nnstudio.core.losses import LOSSES
from nnstudio.core.network import Network
from nnstudio.core.numbers import count, display_number
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.core.preprocessing import NORMALIZATIONS
from nnstudio.core.project import Project, prediction_inputs
from nnstudio.core.recording import SnapshotRecorder, keep_run
from nnstudio.core.training import Callback, Trainer
from nnstudio.errors import ConfigError, NNStudioError, TargetChoiceError
from nnstudio.io.atomic import same_file
from nnstudio.io.csv_io import read_csv
from nnstudio.io.examples import EXAMPLES, list_examples
from nnstudio.io.exports import EXPORT_FORMATS, export_model
from nnstudio.io.files import name_from_path, project_from_data, read_file, save_path
from nnstudio.io.jsonio import read_json_file
from nnstudio.io.lesson_format import bundled_lessons, is_lesson_data, lesson_from_data, rehearse_lesson
from nnstudio.io.training_data import read_for_training
from nnstudio.resource_files import resource

SUBCOMMANDS = ("train", "predict", "validate", "export", "examples", "new", "lessons")


class UsageError(NNStudioError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage + error)
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _fields(text: str, what: str, sep: str = ",") -> list[str]:
    """The comma-separated fields of an option; an empty one (``1,,2``) is refused, never dropped, so the
    values cannot shift into the wrong places."""
    fields = [v.strip() for v in text.split(sep)]
    if any(not v for v in fields):
        where = "it is empty" if not text.strip() else f"value {fields.index('') + 1} is empty"
        raise UsageError(f"{what} needs comma-separated values, got {text!r}: {where}")
    return fields


def _floats(text: str) -> list[float]:
    try:
        values = [float(v) for v in _fields(text.replace(";", ","), "--input")]
    except ValueError:
        raise UsageError(f"--input needs comma-separated numbers, got {text!r}") from None
    if not all(math.isfinite(v) for v in values):
        raise UsageError(f"--input needs finite comma-separated numbers, got {text!r}")
    return values


def _ints(text: str, what: str) -> list[int]:
    try:
        return [int(v) for v in _fields(text, what)]
    except ValueError:
        raise UsageError(f"{what} needs comma-separated whole numbers, got {text!r}") from None


def _whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low:,} to {high:,}, got {text}")
        return value
    return parse


def _positive(text: str) -> float:
    """An argparse type: a finite number above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text}")
    return value


EPOCHS = _whole(0, limits.MAX_EPOCHS)
BATCH_SIZE = _whole(1, limits.MAX_BATCH_SIZE)
SEED = _whole(0, limits.MAX_SEED)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nnstudio", description="NN Studio: build, train and step through small neural "
                     "networks. Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"nnstudio {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("train", help="train a model or project file", description="Train a model (.json) or "
                       "project (.nnstudio) file and print the final metrics.")
    p.add_argument("file")
    p.add_argument("--data", metavar="CSV", help="train on this CSV (columns matched to the model's input and "
                   "output names)")
    p.add_argument("--target", metavar="NAME", help="with --data: the column to predict (needed when the CSV has "
                   "several columns besides the model's inputs)")
    p.add_argument("--epochs", type=EPOCHS, metavar="N")
    p.add_argument("--batch-size", type=BATCH_SIZE, metavar="B")
    p.add_argument("--learning-rate", type=_positive, metavar="X")
    p.add_argument("--optimizer", choices=list(OPTIMIZERS), metavar="NAME",
                   help="one of: " + ", ".join(OPTIMIZERS))
    p.add_argument("--loss", choices=list(LOSSES), metavar="NAME", help="one of: " + ", ".join(LOSSES))
    p.add_argument("--seed", type=SEED, metavar="S", help="seed for shuffling and the validation split")
    p.add_argument("--normalize", choices=list(NORMALIZATIONS), metavar="METHOD",
                   help="normalize the numeric inputs and a numeric target for this run, fitted to the data and "
                   "stored with the model (predictions take and give raw units): " + ", ".join(NORMALIZATIONS))
    p.add_argument("--out", metavar="FILE", help="write the trained model/project here (.json = model)")
    p.add_argument("--json", action="store_true", help="print the final metrics as one JSON object")

    p = sub.add_parser("predict", help="predict with a model or project", description="Print the outputs for "
                       "raw input values (normalization applied, regression outputs in raw units).")
    p.add_argument("file")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--input", metavar="V1,V2,...", help="one row of raw input values (the base features when "
                       "some inputs are derived, such as x1²)")
    group.add_argument("--data", metavar="CSV", help="a CSV with the model's input columns (other columns and "
                       "their cells are not read)")
    p.add_argument("--json", action="store_true", help="print JSON instead of CSV")

    p = sub.add_parser("validate", help="check a model, project or lesson file",
                       description="Exit 0 with a summary, or 2 with the first problem found. A lesson (.nnlesson) "
                       "is also played through: every step's solution must make its checks pass.")
    p.add_argument("file")

    p = sub.add_parser("export", help="export a model (JSON, ONNX, Python, PyTorch)",
                       description="Export the model of a model or project file. Formats: "
                       + "; ".join(f"{f.key}: {f.item.description}" for f in EXPORT_FORMATS.values()))
    p.add_argument("file")
    p.add_argument("--format", choices=list(EXPORT_FORMATS), default="json", metavar="FORMAT",
                   help="one of: " + ", ".join(EXPORT_FORMATS))
    p.add_argument("--out", required=True, metavar="PATH")

    sub.add_parser("examples", help="list the bundled examples", description="List the bundled examples "
                   "(open one in the app with File > Open Example).")

    sub.add_parser("lessons", help="list the bundled lessons", description="List the bundled lessons "
                   "(open one in the app with Help > Lessons).")

    p = sub.add_parser("new", help="create a new model file", description="Create a model with fresh weights.")
    p.add_argument("--layers", required=True, metavar="2,3,2", help="layer sizes, inputs first")
    p.add_argument("--activations", metavar="relu,softmax", help="one per layer after the inputs "
                   "(one name = all); names: " + ", ".join(ACTIVATIONS))
    p.add_argument("--initializer", default="glorot_uniform", choices=list(INITIALIZERS), metavar="NAME")
    p.add_argument("--no-bias", action="store_true")
    p.add_argument("--seed", type=SEED, default=0, metavar="S", help="seed for the initial weights")
    p.add_argument("--inputs", metavar="NAMES", help="comma-separated input names")
    p.add_argument("--outputs", metavar="NAMES", help="comma-separated output names")
    p.add_argument("--out", required=True, metavar="FILE")
    return parser


# -- commands ------------------------------------------------------------------------------------------------
class _Progress(Callback):
    """A progress bar on a terminal; otherwise at most ~20 plain lines."""

    def __init__(self, total: int, stream) -> None:
        self.total, self.stream = max(total, 1), stream
        self.tty = stream.isatty()
        self.every = max(1, self.total // 20)
        self.last = 0.0

    def on_epoch_end(self, trainer: Trainer, metrics: dict[str, float]) -> None:
        done = int(metrics["epoch"]) - self.start
        text = " ".join(f"{k} {display_number(v)}" for k, v in metrics.items() if k != "epoch")
        if self.tty:
            now = time.perf_counter()
            if now - self.last < 0.1 and done < self.total:
                return
            self.last = now
            filled = int(30 * done / self.total)
            self.stream.write(f"\repoch {done}/{self.total} [{'#' * filled}{'.' * (30 - filled)}] {text}  ")
            if done >= self.total:
                self.stream.write("\n")
        elif done % self.every == 0 or done == self.total:
            self.stream.write(f"epoch {done}/{self.total}: {text}\n")
        self.stream.flush()


def input_path(file: str) -> str:
    """The file a FILE argument names: the file itself, or a bundled example's (see ``nnstudio examples``)."""
    if not os.path.exists(file) and file in EXAMPLES:
        return str(resource("examples", EXAMPLES[file].item.filename))
    return file


def load_file(path: str | os.PathLike) -> tuple[Project, bool]:
    """The project in a model or project file, and whether it is a project (decided by the file's
    ``format``, not its name). A bundled example's name (``laptop``, see ``nnstudio examples``) works too."""
    return read_file(input_path(str(path)))


def _load_with_data(args: argparse.Namespace) -> tuple[Project, bool]:
    """``read_for_training`` of FILE (or a bundled example) with the --data CSV and --target column."""
    target = getattr(args, "target", None)
    data = getattr(args, "data", None)
    if target is not None and not data:
        raise UsageError("--target goes with --data (the CSV whose column it names)")
    try:
        return read_for_training(input_path(args.file), data, target)
    except TargetChoiceError as exc:
        raise UsageError(f"{exc} with --target NAME") from None


def cmd_train(args: argparse.Namespace) -> int:
    project, refit = _load_with_data(args)
    cfg = project.training
    if args.epochs is not None:
        cfg.epochs = args.epochs
    if args.batch_size is not None:
        cfg.batch_size = args.batch_size
    if args.learning_rate is not None:
        cfg.learning_rate = args.learning_rate
    if args.optimizer is not None and args.optimizer != cfg.optimizer:  # the same one keeps its parameters
        cfg.optimizer, cfg.optimizer_params = args.optimizer, {}
    if args.loss is not None:
        cfg.loss = args.loss
    if args.seed is not None:
        cfg.seed = args.seed
    if args.normalize is not None:
        if project.dataset is None:
            raise UsageError("--normalize needs data to fit to: add --data CSV (or train a project that has a "
                             "dataset)")
        set_normalization(project.dataset, args.normalize)
        refit = True  # fit the chosen normalization to this data; keep_fit stores it with the model
    setup = project.make_trainer(refit=refit)  # continues the optimizer a project file kept
    project.keep_fit(setup)  # saved with the normalization it was trained with
    trainer = setup.trainer
    progress = _Progress(cfg.epochs, sys.stderr if args.json else sys.stdout)
    progress.start = trainer.epoch
    trainer.callbacks += [progress, SnapshotRecorder(project, trainer)]
    offset = project.history.last_epoch()
    started = time.perf_counter()
    try:
        reason = trainer.run()
    finally:
        # Keep whatever was learned (on divergence the trainer restored the last finite weights).
        keep_run(project, trainer, offset)
    hint = loss_scale_hint(project.dataset, trainer.history.last().get("loss", math.nan))
    if hint:
        print(f"hint: {hint}", file=sys.stderr)
    result = {"epochs": len(trainer.history), "stop_reason": reason, "seconds": round(time.perf_counter() - started, 3),
              **{k: v for k, v in trainer.history.last().items() if k != "epoch"}}
    if args.out:
        save_path(project, args.out)
        result["out"] = str(args.out)
    if args.json:
        print(_json(result))
    else:
        print("done: " + ", ".join(f"{k} {display_number(v)}" if isinstance(v, float) else f"{k} {v}"
                                   for k, v in result.items()))
    return 0


def _finite_or_none(value: object) -> object:
    """JSON has no NaN or Infinity: a non-finite number is written as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite_or_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite_or_none(v) for v in value]
    return value


def _json(value: object) -> str:
    return json.dumps(_finite_or_none(value), allow_nan=False)


def cmd_predict(args: argparse.Namespace) -> int:
    project, _ = load_file(args.file)
    net = project.network
    names_in = project.base_input_names()
    if args.input is not None:
        x = np.array([_floats(args.input)])
        if x.shape[1] != len(names_in):
            derived = [n for n, f in zip(*project.input_spec()) if f is not None]
            verb = "is" if len(derived) == 1 else "are"
            note = f"; {', '.join(derived)} {verb} computed from them" if derived else ""
            raise UsageError(f"the model has {count(len(names_in), 'input')} ({', '.join(names_in)}{note}) but "
                             f"--input gives {count(x.shape[1], 'value')}")
    else:
        table = read_csv(args.data, targets=[], strict=False, numbers=project.base_input_names())
        x = prediction_inputs(project, table)
    out = project.predict(x, base=True)
    classes = project.class_names()
    names = list(net.output_names)
    if args.json:
        rows = [dict(zip(names, map(float, row))) for row in out]
        if classes and net.output_size > 1:
            for row, o in zip(rows, out):
                row["class"] = _class_of(classes, o)
        print(_json(rows if len(rows) != 1 else rows[0]))
        return 0
    rows = [names + (["class"] if classes and net.output_size > 1 else [])]
    for o in out:
        rows.append([f"{v:.6g}" for v in o])
        if classes and net.output_size > 1:
            rows[-1].append(_class_of(classes, o) or "")
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)  # names with commas or quotes stay one field
    print(terminal_text(text.getvalue()), end="")
    return 0


def _class_of(classes: list[str], outputs: np.ndarray) -> str | None:
    decision = decide(outputs, classes)
    return None if decision is None else decision.name


def summary(project: Project) -> str:
    net = project.network
    text = (f"{project.name!r}: network {'-'.join(map(str, net.sizes))} "
            f"({', '.join(layer.activation for layer in net.layers)}), {count(net.parameter_count(), 'parameter')}")
    if project.dataset is not None:
        text += f", dataset {count(project.dataset.n_rows, 'row')} x {count(len(project.dataset.columns), 'column')}"
    if len(project.history):
        text += f", trained {count(project.history.last_epoch(), 'epoch')}"
    return text


def cmd_validate(args: argparse.Namespace) -> int:
    path = input_path(args.file)
    data = read_json_file(path)
    if is_lesson_data(data):
        return _validate_lesson(data, path)
    project = project_from_data(data, Path(path).name)
    if project.name == "Untitled":
        project.name = name_from_path(path)
    print(terminal_text(f"{Path(args.file).name}: ok: {summary(project)}"))
    return 0


def _validate_lesson(data: dict, path: str) -> int:
    """A lesson file is valid when it reads and every step's solution makes its checks pass."""
    name = Path(path).name
    lesson = lesson_from_data(data, name, str(Path(path).resolve()))
    try:
        rehearsal = rehearse_lesson(lesson)
    except NNStudioError as exc:
        raise ConfigError(f"{name}: playing it through: {exc}") from None
    for step in rehearsal:
        failing = next((r for r in step.after if not r.ok), None)
        if failing is not None:
            raise ConfigError(f"{name}: step {step.index + 1} ({step.title!r}): after its solution a check still "
                              f"fails: {failing.text}")
    checks = sum(len(s.checks) for s in lesson.steps)
    quizzes = sum(len(s.quizzes) for s in lesson.steps)
    print(terminal_text(f"{name}: ok: lesson {lesson.title!r} ({lesson.key}), {_count(len(lesson.steps), 'step')}, "
                        f"{_count(checks, 'check')} ({_count(quizzes, 'quiz', 'quizzes')}); every step's solution "
                        "passes its checks"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    project, _ = load_file(args.file)
    export_model(project, args.format, args.out)
    print(f"wrote {args.out} ({EXPORT_FORMATS[args.format].label})")
    return 0


def cmd_examples(args: argparse.Namespace) -> int:
    width = max(len(e.key) for e in list_examples())
    for e in list_examples():
        print(f"{e.key:<{width}}  {e.label}: {e.description}")
    print(f"\nUse a name in place of a file, e.g. `nnstudio train laptop --out laptop.nnstudio`; the files are in "
          f"{resource('examples')}")
    return 0


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def cmd_lessons(args: argparse.Namespace) -> int:
    lessons = bundled_lessons()
    width = max(len(lesson.key) for lesson in lessons)
    for lesson in lessons:
        print(terminal_text(f"{lesson.key:<{width}}  {lesson.title} ({_count(len(lesson.steps), 'step')}): "
                            f"{lesson.summary}"))
    print(f"\nOpen one in the app with Help > Lessons; the files are in {resource('lessons')}")
    return 0


def _check_sizes(sizes: list[int], text: str) -> None:
    """--layers within the limits, checked before any weight is made."""
    if len(sizes) < 2 or min(sizes) < 1:
        return  # Network.build says what is wrong
    problem = (limits.too_many(len(sizes) - 1, limits.MAX_LAYERS, "layers after the inputs")
               or limits.too_many(max(sizes), limits.MAX_UNITS, "neurons in one layer")
               or limits.too_many(sum(a * b + b for a, b in itertools.pairwise(sizes)), limits.MAX_PARAMETERS,
                                  "weights and biases"))
    if problem:
        raise ConfigError(f"--layers {text} would make {problem}; NN Studio is for small networks")


def cmd_new(args: argparse.Namespace) -> int:
    sizes = _ints(args.layers, "--layers")
    _check_sizes(sizes, args.layers)
    activations = _fields(args.activations or "sigmoid", "--activations")
    if len(activations) == 1:
        activations = activations * (len(sizes) - 1)
    names_in = _fields(args.inputs, "--inputs") if args.inputs else None
    names_out = _fields(args.outputs, "--outputs") if args.outputs else None
    net = Network.build(sizes, activations, seed=args.seed, use_bias=not args.no_bias,
                        kernel_initializer=args.initializer, input_names=names_in, output_names=names_out)
    project = Project(net, training_defaults(net), name=name_from_path(args.out))
    save_path(project, args.out)
    print(terminal_text(f"wrote {args.out}: {summary(project)}"))
    return 0


COMMANDS = {"train": cmd_train, "predict": cmd_predict, "validate": cmd_validate, "export": cmd_export,
            "examples": cmd_examples, "new": cmd_new, "lessons": cmd_lessons}


def run_cli(argv: Sequence[str]) -> int:
    """Run a subcommand; user errors print one line on stderr and return 2."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
        if not args.command:
            parser.print_help()
            return 0
        _check_out(args)
        with np.errstate(over="ignore", invalid="ignore"):
            return COMMANDS[args.command](args)
    except BrokenPipeError:  # e.g. `nnstudio predict ... | head`: the reader has gone; stop quietly
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
        return 0
    except NNStudioError as exc:
        _print_error(f"error: {exc}")
        return 2
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        _print_error(f"error: {exc.strerror or exc}{where}")
        return 2
    except MemoryError:
        _print_error("error: not enough memory for this (is the network or the data very large?)")
        return 2
    except KeyboardInterrupt:
        print("nnstudio: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not the user's fault: still no traceback unless asked for
        if os.environ.get("NNSTUDIO_DEBUG"):
            raise
        _print_error(f"internal error: {type(exc).__name__}: {exc} (please report it; set NNSTUDIO_DEBUG=1 to see "
                     "the traceback)")
        return 1


def _check_out(args: argparse.Namespace) -> None:
    """Refuse an --out that is one of the command's own input files: writing would destroy it."""
    out = getattr(args, "out", None)
    if not out:
        return
    inputs = [(input_path(args.file), "FILE")] if getattr(args, "file", None) else []
    if getattr(args, "data", None):
        inputs.append((args.data, "--data"))
    for path, what in inputs:
        if same_file(out, path):
            raise UsageError(f"--out {out} is the {what} being read; writing there would replace it, so choose "
                             "another file")


# Control characters (C0, DEL, C1) and the bidirectional-text controls that can disguise text on a terminal.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` safe to print: control characters from a file (an ESC that would start a terminal escape
    sequence, a BEL) shown as escapes such as ``\\x1b``; tabs and line breaks kept."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                       f"\\u{ord(m.group()):04x}", text)


def _print_error(message: str) -> None:
    """Every error the CLI prints: one line (line breaks and tabs become spaces), control characters
    escaped, on stderr."""
    print(f"nnstudio: {terminal_text(' '.join(message.split()))}", file=sys.stderr)
