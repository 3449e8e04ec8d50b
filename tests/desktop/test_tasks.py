"""The task bridge: background work whose newest request wins, whose failures are signals, and
whose threads are all joined when the app closes."""

from __future__ import annotations

import threading

import pytest

from desktop.tasks import TaskRunner


def _gated(state, gate: threading.Event, value):
    """Waits for ``gate`` (or a cancel), then returns ``value``."""
    while not gate.wait(0.01):
        if state.is_cancelled():
            break
    return value


def _blocked(state, gate: threading.Event, value):
    """Ignores cancels: returns ``value`` once ``gate`` opens (work that cannot stop early)."""
    gate.wait(10)
    return value


@pytest.fixture
def runner(qapp):
    runner = TaskRunner("test")
    yield runner
    runner.shutdown()


def test_the_newest_request_wins_and_stale_results_are_dropped(qtbot, runner):
    results = []
    runner.result.connect(results.append)
    old_gate, new_gate = threading.Event(), threading.Event()
    runner.start(_blocked, old_gate, "old")
    runner.start(_gated, new_gate, "new")
    new_gate.set()
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    old_gate.set()  # the first request ends late: what it returns is stale
    qtbot.waitUntil(lambda: runner.thread_count() == 0, timeout=5000)
    assert results == ["new"]
    assert not runner.is_busy()


def test_a_cancelled_request_returns_early_and_reports_nothing(qtbot, runner):
    results, errors = [], []
    runner.result.connect(results.append)
    runner.error.connect(errors.append)
    runner.start(_gated, threading.Event(), "never")
    assert runner.is_busy()
    runner.cancel()
    qtbot.waitUntil(lambda: runner.thread_count() == 0, timeout=5000)
    assert results == [] and errors == [] and not runner.is_busy()


def test_an_exception_is_reported_as_a_signal_not_a_crash(qtbot, runner):
    def broken(_state):
        raise ValueError("the file is not a model")

    with qtbot.waitSignal(runner.error, timeout=5000) as blocker:
        runner.start(broken)
    assert blocker.args == ["ValueError: the file is not a model"]
    results = []
    runner.result.connect(results.append)
    with qtbot.waitSignal(runner.result, timeout=5000):  # the runner still works afterwards
        runner.start(lambda _state: 42)
    assert results == [42]


def test_progress_and_partial_results_reach_the_gui_thread(qtbot, runner):
    seen, parts = [], []
    runner.progress.connect(seen.append)
    runner.partial.connect(parts.append)
    on_gui_thread = []
    runner.result.connect(lambda _v: on_gui_thread.append(threading.current_thread() is threading.main_thread()))

    def work(state):
        for i in range(1, 5):
            state.set_progress(i / 4)
            state.set_progress(i / 4)  # the same percentage twice crosses the thread once
            state.partial(i)
        return "done"

    with qtbot.waitSignal(runner.result, timeout=5000):
        runner.start(work)
    assert seen == [0.25, 0.5, 0.75, 1.0]
    assert parts == [1, 2, 3, 4]
    assert on_gui_thread == [True]


def test_queue_mode_runs_every_request_in_order(qtbot, qapp):
    runner = TaskRunner("queue", mode="queue")
    results = []
    runner.result.connect(results.append)
    for i in range(4):
        runner.start(lambda _state, i=i: i * i)
    assert runner.wait_idle(5000)
    assert results == [0, 1, 4, 9]
    runner.shutdown()


def test_shutdown_cancels_and_joins_every_thread(qtbot, qapp):
    runner = TaskRunner("closing")
    results = []
    runner.result.connect(results.append)
    gate = threading.Event()
    runner.start(_blocked, gate, "first")
    runner.start(_gated, threading.Event(), "second")
    assert runner.thread_count() == 2
    threading.Timer(0.2, gate.set).start()  # the uncancellable one ends a moment later
    assert runner.shutdown()
    assert runner.thread_count() == 0
    qapp.processEvents()
    assert results == []  # nothing is delivered after shutdown
    assert runner.start(lambda _state: "late") == 0  # a request that arrives while closing is ignored
    assert runner.thread_count() == 0 and not runner.is_busy()
