"""Display forms for SAKIP figures (`{% load sakip %}`)."""

from decimal import Decimal

from django import template

from sikap.core import bands as colours
from sikap.performance.models import Status
from sikap.rules import formatting
from sikap.rules.formatting import angka_ringkas

register = template.Library()

KOSONG = "—"
STATE_CLASS = {
    "draf": "secondary",
    "diajukan": "primary",
    "dikembalikan": "warning",
    "ditolak": "danger",
    "terverifikasi": "success",
    "disetujui": "success",
}


@register.filter
def k(value):
    """A K value with the decimals it has: 3.293, 94,12, 5,54."""
    if value is None or value == "":
        return KOSONG
    return angka_ringkas(Decimal(value))


@register.filter
def figure(value):
    """A finding's published or recomputed value: a number in Indonesian form, or the text."""
    if value is None or value == "":
        return "kosong"
    if isinstance(value, Decimal):
        return k(value)
    return value


@register.filter
def persen(value):
    """A capaian or absorption percentage: '96,71 %'."""
    if value is None or value == "":
        return KOSONG
    return formatting.persen(Decimal(value))


@register.filter
def state_class(state):
    return STATE_CLASS.get(state, "secondary")


STATE_SHORT = {
    "draf": "DR",
    "diajukan": "AJ",
    "dikembalikan": "KB",
    "ditolak": "TL",
    "terverifikasi": "✓",
    "disetujui": "✓",
}


@register.filter
def state_short(state):
    """A quarter's status in two characters, for the dense tables read on a phone."""
    return STATE_SHORT.get(state, state)


@register.filter
def state_label(state):
    """A state's label for people ("Terverifikasi"), never its code."""
    return Status(state).label if state in Status.values else state


@register.filter
def predikat_rank(predikat, bands):
    """`band-N`'s N for a predikat of the year's bands (the colour every rating scale shares)."""
    return colours.rank(predikat, [b.label for b in bands])  # SAKIP bands are best first


@register.filter
def get(mapping, key):
    return mapping.get(key, "")
