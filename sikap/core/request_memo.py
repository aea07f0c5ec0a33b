"""Answers computed once per request: the unit trees behind the superior relation, the menu's
inbox count. A page asks the same question several times (the menu, each home card, each inbox
source); inside a request the first answer is kept, outside one (commands, jobs, tests calling
a function directly) nothing is kept.

Correctness: a kept answer is dropped as soon as anything it was derived from may have changed
in the same request. `forget()` empties the request's memo; `core.apps` connects it to the
saves and deletes of the models the unit trees are built from (`people.selectors.struktur`),
and a job (which may write with bulk updates that send no signal) runs without the memo and
empties it when it ends.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("request_memo", default=None)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per request for `key`."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(*args: Any, **kwargs: Any) -> None:
    """Drop every kept answer of the current request (a signal receiver, hence the args)."""
    memo = _memo.get()
    if memo:
        memo.clear()


@contextmanager
def scope(enabled: bool = True) -> Iterator[None]:
    """A fresh memo for the duration (`enabled=False`: none at all)."""
    token = _memo.set({} if enabled else None)
    try:
        yield
    finally:
        _memo.reset(token)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with scope():
            return self.get_response(request)
