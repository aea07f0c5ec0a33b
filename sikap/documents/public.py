"""What the public verification page may tell about an issued document — and nothing more.

Anyone holding a letter can scan its QR code. The page proves the letter exists as issued
(issuer, date, type, number, SHA-256 of the file) and lets the holder of a file check it byte
for byte. It never shows the NIP, the full name or the file itself.
"""

import hmac
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from sikap.documents.models import DokumenTerbit
from sikap.rules.formatting import tanggal


def mask_name(nama: str) -> str:
    """'Budi Santoso' → 'Bu** Sa*****': the first letters of each word, enough to match the
    letter in hand, not enough to learn who holds it."""
    return " ".join(_mask_word(word) for word in nama.split())


def _mask_word(word: str) -> str:
    keep = 1 if len(word) <= 3 else 2
    return word[:keep] + "*" * max(len(word) - keep, 1)


@dataclass(frozen=True)
class PublicFacts:
    penerbit: str
    instansi: str
    tanggal: str
    jenis: str
    nomor: str
    pemegang: str
    sha256: str


def public_facts(terbit: DokumenTerbit) -> PublicFacts:
    return PublicFacts(
        penerbit=settings.SIKAP_NAMA_BKD,
        instansi=settings.SIKAP_INSTANSI,
        tanggal=tanggal(timezone.localtime(terbit.issued_at).date()),
        jenis=terbit.jenis.nama,
        nomor=terbit.nomor,
        pemegang=mask_name(terbit.pegawai.nama) if terbit.pegawai_id else "—",
        sha256=terbit.sha256,
    )


def matches(terbit: DokumenTerbit, sha256_hex: str) -> bool:
    return hmac.compare_digest(terbit.sha256, sha256_hex)
