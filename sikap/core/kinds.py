"""What an audit row records, as `domain.event`: the typed counterpart of its free-text note.

Plain records name their model and what happened to it (`pegawai.updated`,
`riwayat_pangkat.created`), derived by `of`; workflow steps name their workflow's domain and the
transition (`usulan.setujui`, `dokumen.verifikasi`); other events are the constants below.
"""

import re

from django.db import models

_EVENT = {"create": "created", "update": "updated", "delete": "deleted", "import": "imported"}

LKJ_PUBLISHED = "lkj.published"
LKJ_FINDING_CONFIRMED = "lkj.finding_confirmed"
PASSWORD_CHANGED = "user.password_changed"
PASSWORD_RESET = "user.password_reset"
ONE_TIME_CODE_ISSUED = "user.one_time_code_issued"
SECOND_FACTOR_ENROLLED = "user.second_factor_enrolled"
SECOND_FACTOR_REMOVED = "user.second_factor_removed"
SAKIP_IMPORTED = "sakip.imported"
PEGAWAI_SYNCED = "pegawai.synced_from_history"
REALISASI_CORRECTED = "realisasi_triwulan.corrected"
TOKEN_ISSUED = "token.issued"
TOKEN_REVOKED = "token.revoked"
USERNAME_FOLLOWS_NIP = "user.username_follows_nip"
KGB_DRAFTED = "kgb.drafted"
KGB_REDRAFTED = "kgb.redrafted"
KGB_SUPERSEDED = "kgb.superseded"
KGB_PUBLISHED = "kgb.published"
KGB_APPLIED = "riwayat_gaji.from_kgb"

_LABELS = {
    LKJ_PUBLISHED: "LKj diterbitkan",
    LKJ_FINDING_CONFIRMED: "Temuan konsistensi LKj dikonfirmasi",
    PASSWORD_CHANGED: "Kata sandi diganti",
    PASSWORD_RESET: "Kata sandi diatur ulang lewat e-mail",
    ONE_TIME_CODE_ISSUED: "Kode masuk sekali pakai diberikan",
    SECOND_FACTOR_ENROLLED: "Verifikasi dua langkah diaktifkan",
    SECOND_FACTOR_REMOVED: "Verifikasi dua langkah dinonaktifkan",
    SAKIP_IMPORTED: "Data SAKIP diimpor",
    PEGAWAI_SYNCED: "Data terkini diperbarui dari riwayat",
    REALISASI_CORRECTED: "Realisasi dikoreksi",
    TOKEN_ISSUED: "Token perangkat dibuat",
    TOKEN_REVOKED: "Token perangkat dicabut",
    USERNAME_FOLLOWS_NIP: "Nama log-in mengikuti NIP baru",
    KGB_DRAFTED: "Draf KGB disusun",
    KGB_REDRAFTED: "Draf KGB disusun ulang",
    KGB_SUPERSEDED: "Draf KGB dihapus: dasar gajinya diganti SK baru",
    KGB_PUBLISHED: "Surat KGB diterbitkan",
    KGB_APPLIED: "Riwayat gaji dicatat dari surat KGB",
}
_EVENT_LABELS = {
    "created": "dibuat",
    "updated": "diubah",
    "deleted": "dihapus",
    "imported": "diimpor",
}


def domain_of(model: type[models.Model] | models.Model) -> str:
    """`RiwayatPangkat` → `riwayat_pangkat`."""
    name = model._meta.object_name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def of(model: type[models.Model] | models.Model, action: str) -> str:
    """The kind of a plain create/update/delete/import of `model` (`AuditEntry.Aksi` value)."""
    return f"{domain_of(model)}.{_EVENT[action]}"


def workflow(domain: str, transition: str) -> str:
    return f"{domain}.{transition}"


def label(kind: str) -> str:
    """In words for the trail: `riwayat_pangkat.created` → "Riwayat pangkat dibuat",
    `dokumen.verifikasi` → "Dokumen: verifikasi"."""
    if kind in _LABELS:
        return _LABELS[kind]
    domain, _, event = kind.partition(".")
    subject = domain.replace("_", " ").capitalize()
    if event in _EVENT_LABELS:
        return f"{subject} {_EVENT_LABELS[event]}"
    return f"{subject}: {event.replace('_', ' ')}" if event else subject
