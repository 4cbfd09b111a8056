"""A SnapshotHistory survives pickling (a training process hands it back) with every snapshot intact."""

from __future__ import annotations

import pickle

import numpy as np

from nnstudio.core.snapshots import SnapshotHistory


def weights(rng: np.random.Generator, dtype: type = np.float64) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(rng.standard_normal((2, 4)).astype(dtype), rng.standard_normal(4).astype(dtype)),
            (rng.standard_normal((4, 1)).astype(dtype), rng.standard_normal(1).astype(dtype))]


def assert_same(a: SnapshotHistory, b: SnapshotHistory) -> None:
    assert (b.capacity, b.max_bytes, b.stride, b.epochs) == (a.capacity, a.max_bytes, a.stride, a.epochs)
    assert len(a.entries()) == len(b.entries())
    for (e1, w1), (e2, w2) in zip(a.entries(), b.entries()):
        assert e1 == e2
        for (wa, ba), (wb, bb) in zip(w1, w2, strict=True):
            assert wa.dtype == wb.dtype and ba.dtype == bb.dtype
            np.testing.assert_array_equal(wa, wb)
            np.testing.assert_array_equal(ba, bb)


def test_round_trip_keeps_every_snapshot_thinned_store_and_latest() -> None:
    rng = np.random.default_rng(1)
    store = SnapshotHistory(capacity=16)
    for epoch in range(1, 41):  # thinned: the stride has doubled; 41 is the latest, off the stride
        store.add(epoch, weights(rng, np.float32))
    store.add(41, weights(rng, np.float32))
    assert store.stride > 1
    back = pickle.loads(pickle.dumps(store))
    assert_same(store, back)
    assert back.at(41)[0] == 41 and back.at(10)[0] == store.at(10)[0]
    back.add(42, weights(rng, np.float32))  # the copy goes on recording
    assert back.epochs[-1] == 42


def test_round_trip_of_empty_and_of_mixed_shapes() -> None:
    assert_same(SnapshotHistory(), pickle.loads(pickle.dumps(SnapshotHistory())))
    rng = np.random.default_rng(2)
    store = SnapshotHistory()
    store.add(1, weights(rng))
    store._weights[0] = [(w[:, :2], b[:2]) for w, b in store._weights[0]]  # a layout unlike the latest's
    assert_same(store, pickle.loads(pickle.dumps(store)))
