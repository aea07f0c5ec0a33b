"""What the Dukcapil client adds to a lookup, against a bare HTTP request measured in the same run.

The local stand-in (a real HTTP server on 127.0.0.1, in this process on a thread) serves
--families synthetic families. Times, best of --repeat rounds of --lookups lookups of distinct
NIKs each:
  bare      httpx.Client.post of the same JSON body to the same stand-in (the floor);
  client    registry().cari_nik with the response cache off: validation of the NIK, the circuit
            breaker's cache reads and writes, the mapping to `Penduduk`, the log line;
  cached    the same lookups again with the cache on and every answer already cached.
Prints client/bare and cached/bare. No database; Django's memory cache.
"""

import argparse
import logging
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DEBUG"] = "false"
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.pop("SIKAP_CACHE_REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # The log line is built as in production; only its printing to the console is left out.
    log = logging.getLogger("sikap.dukcapil")
    log.handlers, log.propagate = [logging.NullHandler()], False


def families(n: int):
    from sikap.dukcapil.standin import DataPenduduk
    from sikap.rules.nik import encode_nik_date

    data, niks = DataPenduduk(), []
    for i in range(n):
        lahir = date(1965, 1, 1) + timedelta(days=i * 7 % 12000)
        nik = f"350801{encode_nik_date(lahir, 'L')}{i + 1:04d}"
        anak = f"350801{encode_nik_date(lahir + timedelta(days=9000), 'P')}{i + 1:04d}"
        orang = {
            "TMPT_LHR": "LUMAJANG", "STATUS_KAWIN": "KAWIN", "ALAMAT": "JL. VETERAN NO. 4",
            "NO_RT": "002", "NO_RW": "001", "KEC_NAME": "LUMAJANG", "KAB_NAME": "LUMAJANG",
        }  # fmt: skip
        data.tambah_keluarga(
            f"35080100{i:08d}",
            [
                {**orang, "NIK": nik, "NAMA_LGKP": f"PEGAWAI {i}", "JENIS_KLMIN": "LAKI-LAKI",
                 "TGL_LHR": lahir.strftime("%d-%m-%Y"), "STAT_HBKEL": "KEPALA KELUARGA"},
                {**orang, "NIK": anak, "NAMA_LGKP": f"ANAK {i}", "JENIS_KLMIN": "PEREMPUAN",
                 "TGL_LHR": (lahir + timedelta(days=9000)).strftime("%d-%m-%Y"),
                 "STAT_HBKEL": "ANAK", "STATUS_KAWIN": "BELUM KAWIN"},
            ],
        )  # fmt: skip
        niks.append(nik)
    return data, niks


def best_interleaved(repeat: int, *runs) -> list[float]:
    """Best time of each run, the runs alternating so that a busy moment of the machine (two
    cores shared) weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times, strict=True):
            start = time.perf_counter()
            run()
            spent.append(time.perf_counter() - start)
    return [min(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=2000)
    parser.add_argument("--lookups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    import httpx
    from django.conf import settings
    from django.core.cache.backends.locmem import LocMemCache

    from sikap.dukcapil.client import JALUR, HttpRegistry, Setelan
    from sikap.dukcapil.standin import StandinServer, jalankan_di_latar

    data, niks = families(args.families)
    niks = niks[: args.lookups]
    server = StandinServer(data, user="bench", password="bench", batas_per_menit=10**9)
    jalankan_di_latar(server)
    settings.SIKAP_DUKCAPIL_URL = server.url
    settings.SIKAP_DUKCAPIL_USER = settings.SIKAP_DUKCAPIL_PASSWORD = "bench"
    settings.SIKAP_DUKCAPIL_PER_MINUTE = 0  # SIKAP's own quota is not what is measured
    bare_client = httpx.Client(base_url=server.url, timeout=5)

    def bare():
        for nik in niks:
            r = bare_client.post(
                JALUR, json={"NIK": nik, "user_id": "bench", "password": "bench", "ip_user": ""}
            )
            r.raise_for_status()
            r.json()

    # Room for every answer (the default memory cache keeps 300 entries).
    cache = LocMemCache("bench-dukcapil", {"OPTIONS": {"MAX_ENTRIES": 10**6}})
    settings.SIKAP_DUKCAPIL_CACHE_SECONDS = 0
    uncached = HttpRegistry(Setelan.dari_settings(), cache=cache)

    def client():
        for nik in niks:
            uncached.cari_nik(nik)

    settings.SIKAP_DUKCAPIL_CACHE_SECONDS = 3600
    cached_registry = HttpRegistry(Setelan.dari_settings(), cache=cache)

    def cached():
        for nik in niks:
            cached_registry.cari_nik(nik)

    bare(), client()  # warm-up: connections open, code paths warm
    for nik in niks:
        cached_registry.cari_nik(nik)  # fill the cache
    t_bare, t_client, t_cached = best_interleaved(args.repeat, bare, client, cached)
    # Every bare and uncached lookup reached the stand-in, no cached one did.
    assert server.permintaan == len(niks) * (2 * args.repeat + 3), server.permintaan
    server.shutdown()
    n = len(niks)
    print(f"Dukcapil lookups: {n} distinct NIKs, {args.families} families, best of {args.repeat}")
    print(f"  bare httpx POST      {t_bare / n * 1000:7.3f} ms/lookup (floor)")
    print(f"  client, cache off    {t_client / n * 1000:7.3f} ms/lookup   client/bare = "
          f"{t_client / t_bare:.2f}")  # fmt: skip
    print(f"  client, cache hit    {t_cached / n * 1000:7.3f} ms/lookup   cached/bare = "
          f"{t_cached / t_bare:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
