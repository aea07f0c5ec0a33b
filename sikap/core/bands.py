"""A place on a rating scale as one of five colours, `band-0` (best, dark green) … `band-4`
(worst, red), shared by every scale SIKAP shows (SAKIP predikat, IP ASN categories), so that a
colour means the same on every page and chart. A scale with more or fewer steps is spread over
the five: its best is always green and its worst always red."""

WORST = 4


def spread(position: int, steps: int) -> int:
    """The colour of the `position`-th step (0 = best) of a scale of `steps` steps."""
    if steps <= 1:
        return 0
    return round(position * WORST / (steps - 1))


def rank(label: str | None, best_first) -> int | None:
    """The colour of `label` on a scale whose labels are listed best first; None for a label
    that is not on it (no data, or a category of another configuration)."""
    labels = list(best_first)
    return spread(labels.index(label), len(labels)) if label in labels else None
