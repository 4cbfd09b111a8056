"""--out through the real command line: never over the command's own input, through a link to its target,
never into a device, pipe or read-only file, whatever the name's length, and no temp file left behind.
Every refused write leaves the original file byte-identical."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from cli_helpers import REPO, SUBPROCESS_TIMEOUT, cli

from nnstudio.io.files import load_path


@pytest.fixture
def model(tmp_path) -> Path:
    path = tmp_path / "self.json"
    cli("new", "--layers", "2,3,1", "--inputs", "pink,small", "--outputs", "buy", "--out", path).ok()
    return path


def _temps(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


# -- an output is never one of the inputs --------------------------------------------------------------------
def test_export_over_its_own_model_is_refused(model, tmp_path):
    before = model.read_bytes()
    cli("export", model, "--format", "onnx", "--out", model).user_error("--out", "is the FILE being read")
    other_spelling = tmp_path / "sub" / ".." / "self.json"
    (tmp_path / "sub").mkdir()
    cli("export", model, "--format", "python", "--out", other_spelling).user_error("is the FILE being read")
    os.symlink(model, tmp_path / "alias.json")
    cli("export", model, "--format", "json", "--out", tmp_path / "alias.json").user_error("is the FILE being read")
    assert model.read_bytes() == before


def test_train_over_its_own_data_or_model_is_refused(model, tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("pink,small,buy\n0.1,0.2,0\n0.3,0.4,1\n")
    before = data.read_bytes(), model.read_bytes()
    cli("train", model, "--data", data, "--out", data).user_error("--out", "is the --data being read")
    cli("train", model, "--data", data, "--out", model).user_error("is the FILE being read")
    assert (data.read_bytes(), model.read_bytes()) == before
    cli("train", model, "--data", data, "--epochs", "1", "--out", tmp_path / "trained.json").ok()


# -- links, devices, pipes, read-only files -----------------------------------------------------------------
def test_out_writes_through_a_symbolic_link_to_its_target(model, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    cli("new", "--layers", "3,1", "--out", link).ok()
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert load_path(target).network.sizes == [3, 1]
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_out_refuses_a_device(device):
    before = os.stat(device)
    cli("new", "--layers", "2,1", "--out", device).user_error(f"cannot write {device}: it is a device")
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_out_refuses_a_pipe_without_waiting_for_a_reader(tmp_path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    cli("new", "--layers", "2,1", "--out", fifo).user_error("it is a pipe, not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_out_dev_stdout_is_refused_and_the_system_link_stays(tmp_path):
    """As root, --out /dev/stdout once replaced the system's /dev/stdout link with a plain file."""
    link_before = os.readlink("/dev/stdout")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "nnstudio", "new", "--layers", "2,1", "--out", "/dev/stdout"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=SUBPROCESS_TIMEOUT)
    assert done.returncode == 2, done.stderr
    assert "it is a pipe" in done.stderr and done.stdout == ""
    assert os.path.islink("/dev/stdout") and os.readlink("/dev/stdout") == link_before


def test_out_refuses_a_read_only_file_even_for_root(model, tmp_path):
    locked = tmp_path / "locked.json"
    locked.write_bytes(model.read_bytes())
    locked.chmod(0o444)
    before = locked.read_bytes()
    cli("new", "--layers", "4,1", "--out", locked).user_error("cannot write", "locked.json: the file is read-only")
    assert locked.read_bytes() == before and stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert _temps(tmp_path) == []


def test_out_refuses_a_folder(tmp_path):
    cli("new", "--layers", "2,1", "--out", tmp_path).user_error("it is a folder")


# -- names and temp files ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", ["m" * 245, "é" * 122])
def test_a_file_name_of_250_bytes_is_written(tmp_path, stem):
    out = tmp_path / f"{stem}.json"
    assert len(os.fsencode(out.name)) >= 249
    cli("new", "--layers", "2,1", "--out", out).ok()
    assert load_path(out).network.sizes == [2, 1]
    assert _temps(tmp_path) == []


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def test_stale_temp_files_of_the_same_target_are_removed(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f".m.json.{dead}-0123abcd.tmp"
    legacy = tmp_path / ".m.json.k3j_x9aa.tmp"  # named by an older version, without a pid
    live = tmp_path / f".m.json.{os.getpid()}-0123abcd.tmp"  # a write in progress
    other = tmp_path / f".other.json.{dead}-0123abcd.tmp"  # another file's
    for path in (stale, legacy, live, other):
        path.write_text("half a file")
    hours_ago = time.time() - 2 * 3600
    os.utime(legacy, (hours_ago, hours_ago))
    cli("new", "--layers", "2,1", "--out", tmp_path / "m.json").ok()
    assert _temps(tmp_path) == sorted([live.name, other.name])


_SAVER = textwrap.dedent("""
    import os, sys, time
    from nnstudio.io.atomic import atomic_write_bytes

    def stuck(src, dst):  # the temp file is written and synced; be killed before the rename
        print("mid-write", flush=True)
        time.sleep(3600)

    os.replace = stuck
    atomic_write_bytes(sys.argv[1], b"half of a new file")
""")


def test_a_temp_file_left_by_kill_9_is_removed_on_the_next_write(tmp_path):
    target = tmp_path / "busy.json"
    target.write_text("the old file")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(target)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert saver.stdout.readline().strip() == "mid-write"
        os.kill(saver.pid, signal.SIGKILL)
    finally:
        saver.kill()
        saver.wait(timeout=SUBPROCESS_TIMEOUT)
        saver.stdout.close()
    assert len(_temps(tmp_path)) == 1 and target.read_text() == "the old file"
    cli("new", "--layers", "2,1", "--out", target).ok()
    assert _temps(tmp_path) == []
    assert load_path(target).network.sizes == [2, 1]
