"""arq's side of the benchmark: the trivial task, results kept (arq's default), tuned polling."""

import asyncio
import os

from arq import create_pool
from arq.connections import RedisSettings

REDIS = RedisSettings.from_dsn(os.environ["BENCH_REDIS_URL"])
# Enqueues in flight at once on the pool: arq has no bulk enqueue, each job is a transaction.
CONCURRENT_ENQUEUES = 200


async def add(ctx, x):
    return x + 1


async def sleep(ctx, seconds):
    await asyncio.sleep(seconds)


class WorkerSettings:
    functions = [add, sleep]
    redis_settings = REDIS
    poll_delay = 0.01
    max_jobs = int(os.environ.get("BENCH_CONCURRENCY", "50"))  # set by the harness


async def _enqueue(jobs, task):
    pool = await create_pool(REDIS)
    arg = (lambda i: i) if task == "add" else (lambda i: 0.1)
    for start in range(0, jobs, CONCURRENT_ENQUEUES):
        await asyncio.gather(
            *(
                pool.enqueue_job(task, arg(i), _job_id=f"{task}{i}")
                for i in range(start, min(jobs, start + CONCURRENT_ENQUEUES))
            )
        )
    await pool.aclose()


def enqueue(jobs, task="add"):
    asyncio.run(_enqueue(jobs, task))
