"""The window limits its own BLAS threads; the processes it starts for training get the user's setting back."""

from __future__ import annotations

import os

from nnstudio.core.training_process import BLAS_THREADS, WINDOW_BLAS, engine_environment


def test_a_training_process_starts_without_the_windows_thread_limit(monkeypatch):
    monkeypatch.setenv(BLAS_THREADS, "1")
    monkeypatch.setenv(WINDOW_BLAS, "1")  # as nnstudio.__main__ sets them before opening the window
    with engine_environment():
        assert BLAS_THREADS not in os.environ and WINDOW_BLAS not in os.environ
    assert os.environ[BLAS_THREADS] == "1" and os.environ[WINDOW_BLAS] == "1"


def test_a_users_own_thread_setting_reaches_training_unchanged(monkeypatch):
    monkeypatch.setenv(BLAS_THREADS, "2")
    monkeypatch.delenv(WINDOW_BLAS, raising=False)
    with engine_environment():
        assert os.environ[BLAS_THREADS] == "2"
    assert os.environ[BLAS_THREADS] == "2"
