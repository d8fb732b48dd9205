"""Opt-in measurements stored with each job: CPU time and greenlet switches (--trace-greenlets),
a cProfile summary (--profile) and the memory a job kept (--trace-memory)."""

from __future__ import annotations

from harness import StackUnderTest

from mrq import Client

WAIT_S = 20.0


def test_a_cpu_bound_job_under_greenlet_tracing_stores_its_cpu_time(stack: StackUnderTest, client: Client) -> None:
    # Given a worker tracing greenlets
    stack.start_worker("default", greenlets=2, extra_args=("--trace-greenlets",))

    # When a job burns a second of CPU time, and another one sleeps in small steps
    burning = client.enqueue("mrq_test_tasks.burn_cpu", {"cpu_s": 1.0})
    sleeping = client.enqueue("mrq_test_tasks.sleep_briefly", {"times": 20})
    burnt, slept = client.wait([burning, sleeping], timeout=WAIT_S)

    # Then the burning job's CPU time is the second it burnt (its wall time is longer when other
    # processes share the CPU)
    assert burnt["status"] == "success" and burnt["duration_s"] >= 1.0
    assert burnt["cpu_s"] is not None and 1.0 <= burnt["cpu_s"] <= burnt["duration_s"] * 1.05
    # And it ran in one go, or nearly (switches count the first one)
    assert burnt["switches"] is not None and 1 <= burnt["switches"] <= 3
    # And the sleeping one was switched into once per sleep, using little CPU
    assert slept["status"] == "success" and slept["switches"] >= 20
    assert slept["cpu_s"] is not None and slept["cpu_s"] < 0.5 * slept["duration_s"]
    # And nothing else was measured
    assert (burnt["profile"], burnt["memory_diff_bytes"], burnt["memory_top"]) == ("", None, "")


def test_without_tracing_a_job_stores_its_duration_only(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default")

    job = client.wait(client.enqueue("mrq_test_tasks.sleep_briefly", {"times": 2}), timeout=WAIT_S)

    assert job["status"] == "success" and job["duration_s"] > 0
    assert (job["cpu_s"], job["switches"], job["profile"], job["memory_diff_bytes"]) == (None, None, "", None)


def test_a_profiled_job_stores_a_profile_naming_its_task(stack: StackUnderTest, client: Client) -> None:
    # Given a profiling worker running two jobs at once
    stack.start_worker("default", greenlets=2, extra_args=("--profile",))

    # When they run
    burning = client.enqueue("mrq_test_tasks.burn_cpu", {"s": 0.2})
    sleeping = client.enqueue("mrq_test_tasks.sleep_briefly", {"times": 5})
    burnt, slept = client.wait([burning, sleeping], timeout=WAIT_S)

    # Then each stores a cProfile summary by cumulative time that names its own task only
    assert burnt["status"] == "success" and "cumulative" in burnt["profile"]
    assert "(burn_cpu)" in burnt["profile"] and "(sleep_briefly)" not in burnt["profile"]
    assert "(sleep_briefly)" in slept["profile"] and "(burn_cpu)" not in slept["profile"]


def test_memory_tracing_stores_what_a_leaking_job_kept(stack: StackUnderTest, client: Client) -> None:
    # Given a worker tracing memory
    stack.start_worker("default", greenlets=1, extra_args=("--trace-memory",))

    # When a job keeps 100,000 strings in a module-level list
    job = client.wait(client.enqueue("mrq_test_tasks.leak_memory", {"n": 100_000}), timeout=WAIT_S)

    # Then its memory difference counts them, and the top allocation is in the task
    assert job["status"] == "success"
    assert job["memory_diff_bytes"] is not None and job["memory_diff_bytes"] > 5_000_000
    assert "mrq_test_tasks.py" in job["memory_top"].splitlines()[0]
