import os
import sys

# With PYTHONDONTWRITEBYTECODE set, each test process compiled nnstudio and rewrote the asserts of every test
# module again (~5 s of CPU per process); the suite keeps them in __pycache__ (ignored by git) like any run.
# Set before hypothesis is imported: pytest rewrites the asserts of a plugin's whole package, and hypothesis'
# 73 modules, rewritten afresh in every test process, cost ~0.7 s of CPU each time.
sys.dont_write_bytecode = False

import pytest  # noqa: E402 - after the line above, on purpose
from hypothesis import HealthCheck, settings  # noqa: E402
from program_host import ProgramHost  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The fuzzers' settings: no deadline (the suite shares two cores with other work, so one slow example says
# nothing) and 50 examples each unless a fuzzer sets its own count. A deeper run on purpose:
# HYPOTHESIS_PROFILE=thorough pytest tests/io tests/cli
settings.register_profile("suite", deadline=None, max_examples=50, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", settings.get_profile("suite"), max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(scope="session")
def program_host():
    """Runs exported programs (and imports exported files) in one isolated interpreter: program_host.py."""
    host = ProgramHost()
    yield host
    host.close()


# -- which test process runs which files (pytest-xdist, --dist loadfile) ----------------------------------------
# A file's tests run in one process (a window they share is built once). These files also go to one process
# together: each runs PyTorch exports in the test process's program host, which imports PyTorch (~2.3 s of
# CPU) once; split, each test process would start a host that imports it.
RUN_TOGETHER = {f"tests/io/{name}": "tests/io: the PyTorch exports"
                for name in ("test_exports.py", "test_export_predict.py", "test_export_safety.py")}
# The longest units start first (measured on a quiet run, 2026-12-01), so the last to finish are short and
# neither process waits long for the other at the end. Only the order depends on this list: a file missing
# from it runs all the same, after these, larger files (more tests) first as pytest-xdist orders them.
RUN_FIRST = [
    "tests/gui/test_step_math_records.py", "tests/io: the PyTorch exports", "tests/gui/test_lessons.py",
    "tests/gui/test_new_defaults.py", "tests/gui/test_training_truth.py", "tests/gui/test_image_views.py",
    "tests/cli/test_untrusted_files.py", "tests/gui/test_runs_gui.py", "tests/gui/test_accessibility.py",
]


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LoadFileTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return RUN_TOGETHER.get(file, file)

        def _assign_work_unit(self, node) -> None:
            first = min(self.workqueue, key=lambda s: RUN_FIRST.index(s) if s in RUN_FIRST else len(RUN_FIRST))
            self.workqueue.move_to_end(first, last=False)
            super()._assign_work_unit(node)

    return LoadFileTogether(config, log)
