"""The circuit breaker in front of the registry, its state in Django's cache.

Every web and worker process reads and writes the same three keys, so when the registry is down
one process's failures spare all the others the wait (with Redis as the cache: all servers; with
the per-process memory cache each process learns on its own — docs/dukcapil.md).

closed ─(N failures in a row)─► open ─(after `buka_detik`)─► half-open: ONE caller probes
   ▲                                                            │ success → closed
   └────────────────────────────────────────────────────────────┘ failure → open again
"""

import time
from collections.abc import Callable

from django.core.cache import BaseCache

_GAGAL = "dukcapil:pemutus:gagal"
_BUKA_SAMPAI = "dukcapil:pemutus:buka-sampai"
_UJI = "dukcapil:pemutus:uji"


class Pemutus:
    def __init__(
        self,
        cache: BaseCache,
        *,
        batas_gagal: int,
        buka_detik: float,
        uji_detik: float,
        jam: Callable[[], float] = time.time,
    ):
        self.cache = cache
        self.batas_gagal = batas_gagal
        self.buka_detik = buka_detik
        # How long the one probe may take before another caller may probe instead.
        self.uji_detik = uji_detik
        self.jam = jam

    def keadaan(self) -> str:
        """ "tertutup" (calls go through), "terbuka" (refused) or "setengah" (one probe)."""
        sampai = self.cache.get(_BUKA_SAMPAI)
        if sampai is None:
            return "tertutup"
        return "terbuka" if self.jam() < sampai else "setengah"

    def izinkan(self) -> bool:
        keadaan = self.keadaan()
        if keadaan == "tertutup":
            return True
        if keadaan == "terbuka":
            return False
        # Half-open: the first caller to claim the probe key goes through, the rest wait.
        return self.cache.add(_UJI, 1, timeout=max(1, round(self.uji_detik)))

    def berhasil(self) -> None:
        self.cache.delete_many([_GAGAL, _BUKA_SAMPAI, _UJI])

    def gagal(self) -> None:
        if self.cache.get(_BUKA_SAMPAI) is not None:
            self._buka()  # the half-open probe failed
            return
        # The count decays: failures spread over hours do not open the circuit.
        self.cache.add(_GAGAL, 0, timeout=max(1, round(self.buka_detik * 10)))
        try:
            jumlah = self.cache.incr(_GAGAL)
        except ValueError:  # expired between add and incr
            jumlah = 1
            self.cache.set(_GAGAL, 1, timeout=max(1, round(self.buka_detik * 10)))
        if jumlah >= self.batas_gagal:
            self._buka()

    def _buka(self) -> None:
        self.cache.set(_BUKA_SAMPAI, self.jam() + self.buka_detik, timeout=None)
        self.cache.delete_many([_GAGAL, _UJI])
