"""What a demo builder is. Each module's demo data has one builder in a file of this package,
listed in `registry.BUILDERS`."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    seed: int
    scale: float  # 0 < scale ≤ 1; shrinks head counts, for fast tests
    actor: object  # who the audit trail names: the system actor unless `--user` is given


@dataclass(frozen=True)
class Builder:
    name: str  # what it builds, for messages ("SAKIP 2023: data sudah ada")
    exists: Callable[[], bool]  # its data is already in the database
    build: Callable[[Options], str]  # writes its data; returns a one-line summary
    # Removes its data before `--reset` builds again (run in reverse order); None when
    # building again replaces the data by itself.
    delete: Callable[[], None] | None = None
