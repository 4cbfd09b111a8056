"""The pacer lives with the training loop in ``nnstudio.core.pacing``; this name stays for the GUI's imports."""

from nnstudio.core.pacing import Clock, Pacer, Wait, wait_on_event

__all__ = ["Clock", "Pacer", "Wait", "wait_on_event"]
