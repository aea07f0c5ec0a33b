"""How much one user may upload: a rate (uploads per minute) shared by every upload path, and
the storage quota of one pegawai's digital file (documents/services.py asks `check_quota`).

The rate counts attempts, refused files included (a refused file also costs the server), in
Django's cache: one fixed one-minute window per user. With the default in-process cache each
web process counts on its own, so several processes multiply the bound but never lift it.
"""

import time

from django.conf import settings
from django.core.cache import cache

from sikap.core.errors import Kode, SikapError
from sikap.rules.formatting import angka, ukuran_berkas


def check_rate(user) -> None:
    """Count an upload by `user`; refuse when it is over SIKAP_UPLOAD_RATE_PER_MINUTE."""
    limit = settings.SIKAP_UPLOAD_RATE_PER_MINUTE
    key = f"sikap:unggah:{user.pk}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > limit:
        raise SikapError(
            Kode.TERLALU_BANYAK,
            f"Terlalu banyak unggahan: paling banyak {angka(limit)} berkas per menit. "
            "Tunggu sebentar, lalu unggah lagi.",
            {"file": ["Tunggu sebentar sebelum mengunggah lagi."]},
        )


def check_quota(*, used_files: int, used_bytes: int, adding: int, nama: str) -> None:
    """Refuse a file that would take a pegawai's stored files over the count or byte quota
    (SIKAP_UPLOAD_QUOTA_FILES, SIKAP_UPLOAD_QUOTA_MB); every stored version counts."""
    max_files, max_bytes = settings.SIKAP_UPLOAD_QUOTA_FILES, settings.SIKAP_UPLOAD_QUOTA_BYTES
    if used_files + 1 > max_files or used_bytes + adding > max_bytes:
        message = (
            f"Kuota arsip digital {nama} penuh: {angka(used_files)} berkas, "
            f"{ukuran_berkas(used_bytes)} tersimpan (batas {angka(max_files)} berkas, "
            f"{ukuran_berkas(max_bytes)}). Hubungi admin BKD untuk menghapus versi lama."
        )
        raise SikapError(Kode.BERKAS_TIDAK_VALID, message, {"file": [message]})
