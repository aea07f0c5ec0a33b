"""`percobaan_ditutup`: sent after the commit that closed attempts (submitted by their taker,
or closed when their time ran out), with `ids` — the seam where scoring hangs."""

from django.dispatch import Signal

percobaan_ditutup = Signal()
