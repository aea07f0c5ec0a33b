"""Background jobs on django-q2, and the conventions every job follows (docs/jobs.md):

- a job is a function decorated with `@job`; it receives ids (ints or strings, or lists of
  them), never model instances, so it works on what the database holds when it runs;
- `enqueue(job, *ids)` queues it when the current transaction commits, so work that rolled back
  queues nothing and the worker never looks for rows it cannot see yet;
- a job is idempotent: running it twice changes nothing the second time (a retry after a crash,
  or the same job queued twice, must be harmless);
- a job acts as the system actor, passed as `actor`, and its audit rows say source=job.
"""

import functools

from django.conf import settings
from django.db import transaction
from django_q.tasks import async_task

from sikap.core import audit, request_memo

_ID = (int, str)


def job(func):
    @functools.wraps(func)
    def run(*ids):
        from sikap.accounts.system import system_actor

        # A job run inside a request (sync mode) reads afresh and may write with bulk updates
        # that send no signal: it keeps nothing, and what the request kept is dropped after it.
        try:
            with audit.source(audit.Sumber.JOB), request_memo.scope(enabled=False):
                return func(*ids, actor=system_actor())
        finally:
            request_memo.forget()

    run.is_job = True
    return run


def path_of(func) -> str:
    """The dotted path the worker imports; readable in the task lists at /kelola/."""
    return f"{func.__module__}.{func.__qualname__}"


def _check_ids(args) -> None:
    for arg in args:
        values = arg if isinstance(arg, list | tuple) else [arg]
        if not all(isinstance(v, _ID) and not isinstance(v, bool) for v in values):
            raise TypeError(f"jobs receive ids, not {type(arg).__name__}: {arg!r}")


def enqueue(func, *ids) -> None:
    """Queue `func(*ids)` once the current transaction commits (at once outside one)."""
    if not getattr(func, "is_job", False):
        raise TypeError(f"{path_of(func)} is not a @job")
    _check_ids(ids)
    path = path_of(func)
    transaction.on_commit(
        lambda: async_task(path, *ids, task_name=path, sync=settings.SIKAP_JOBS_SYNC)
    )
