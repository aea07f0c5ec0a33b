"""One inbox for everything that waits for a decision, whatever module it comes from.

A module adds an `inbox.py` that registers a `Source` per kind of waiting item (a change
request, a document to verify, a leave request, a KGB letter to sign, …). The inbox page asks
every source for the items the user may decide, filtered by OPD and age, and each item links to
the page where it is decided. `count` and `items` must answer with a fixed number of queries.
A source that also offers `pending(user, filters)` (the queryset its count is taken from) lets
the menu count everything waiting in one query on every page (`total`). A source whose kind has
a page for deciding several items at once names it as `batch_url`; the inbox filtered by that
kind links to it (the change-request queue with its bulk approval, the document queue).

The decision page brings the verifier on to the next item: when it was opened from the inbox
(`?kotak=` carries the inbox's filters), its form posts `next` = `inbox_views.next_url(request)`
and, after a successful decision, the view redirects there (`inbox_views.after_decision`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Filters:
    opd_id: int | None = None
    older_than_days: int | None = None  # only items waiting at least this many days


@dataclass(frozen=True)
class Item:
    kind: str  # the source's kind
    key: str  # unique within the kind (usually the pk)
    title: str  # what is to be decided, in Indonesian
    url: str  # where it is decided
    waiting_since: datetime
    pegawai_nip: str = ""
    pegawai_nama: str = ""
    opd_nama: str = ""


class Source(Protocol):
    kind: str  # stable, "<module>.<what>", e.g. "selfservice.usulan"
    label: str  # plural, for the filter: "Usulan perubahan data"

    def count(self, user: Any, filters: Filters) -> int: ...

    def items(self, user: Any, filters: Filters, limit: int) -> Sequence[Item]:
        """The oldest first."""
        ...


def narrowed(queryset, filters: Filters, *, since: str, opd: str | None = "pegawai__opd_id"):
    """A source's waiting items narrowed by the inbox's filters: the OPD through the lookup
    `opd` (None: the items belong to no OPD, so an OPD filter leaves none) and the age through
    the date or datetime field `since`."""
    if filters.opd_id is not None:
        queryset = queryset.filter(**{opd: filters.opd_id}) if opd else queryset.none()
    if filters.older_than_days:
        cutoff = timezone.now() - timedelta(days=filters.older_than_days)
        queryset = queryset.filter(**{f"{since}__lte": cutoff})
    return queryset


_sources: dict[str, Source] = {}


def register(source: Source) -> Source:
    if source.kind in _sources:
        raise ValueError(f"inbox source {source.kind!r} registered twice")
    _sources[source.kind] = source
    return source


def discover() -> None:
    autodiscover_modules("inbox")


def sources() -> list[Source]:
    return list(_sources.values())


def get(kind: str) -> Source | None:
    return _sources.get(kind)


@dataclass(frozen=True)
class Waiting:
    """How much of one kind waits for a user, and since when (for the home page)."""

    source: Source
    count: int
    oldest: datetime | None


def waiting(user: Any, filters: Filters | None = None, *, oldest: bool = True) -> list[Waiting]:
    """Per source: the count and (unless `oldest` is false) when its oldest item arrived; two
    queries per source at most."""
    filters = filters or Filters()
    found = []
    for source in sources():
        count = source.count(user, filters)
        first = source.items(user, filters, 1) if count and oldest else ()
        found.append(Waiting(source, count, first[0].waiting_since if first else None))
    return found


def total(user: Any) -> int:
    """Everything waiting for `user`, for the menu on every page: the sources' pending rows
    counted in one SELECT of scalar subqueries (one query however many sources offer
    `pending`); a source without it is asked for its count."""
    found = 0
    parts: list[str] = []
    params: list[Any] = []
    alias = "default"
    for source in sources():
        pending = getattr(source, "pending", None)
        if pending is None:
            found += source.count(user, Filters())
            continue
        queryset = pending(user, Filters()).order_by().values("pk")
        try:
            sql, sql_params = queryset.query.get_compiler(queryset.db).as_sql()
        except EmptyResultSet:  # nothing can be waiting (e.g. `none()`): no query
            continue
        alias = queryset.db
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) waiting_{len(parts)})")
        params.extend(sql_params)
    if parts:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT " + " + ".join(parts), params)
            found += cursor.fetchone()[0]
    return found


def oldest_item(user: Any, filters: Filters, kind: str = "") -> Item | None:
    """The item waiting longest, of `kind` or of any kind: what opens after a decision."""
    chosen = [get(kind)] if kind else sources()
    firsts = [item for s in chosen if s for item in s.items(user, filters, 1)]
    return min(firsts, key=lambda i: i.waiting_since, default=None)
