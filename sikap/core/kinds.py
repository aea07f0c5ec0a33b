"""What an audit row records, as `domain.event`: the typed counterpart of its free-text note.

Plain records name their model and what happened to it (`pegawai.updated`,
`riwayat_pangkat.created`), derived by `of`; workflow steps name their workflow's domain and the
transition (`usulan.setujui`, `dokumen.verifikasi`); other events are the constants below.
"""

import re

from django.db import models

_EVENT = {"create": "created", "update": "updated", "delete": "deleted", "import": "imported"}

LKJ_PUBLISHED = "lkj.published"
PASSWORD_CHANGED = "user.password_changed"
SAKIP_IMPORTED = "sakip.imported"
SIASN_IMPORTED = "siasn.imported"
DEMO_LOADED = "demo.loaded"
PEGAWAI_SYNCED = "pegawai.synced_from_history"
REALISASI_CORRECTED = "realisasi.corrected"


def domain_of(model: type[models.Model] | models.Model) -> str:
    """`RiwayatPangkat` → `riwayat_pangkat`."""
    name = model._meta.object_name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def of(model: type[models.Model] | models.Model, action: str) -> str:
    """The kind of a plain create/update/delete/import of `model` (`AuditEntry.Aksi` value)."""
    return f"{domain_of(model)}.{_EVENT[action]}"


def workflow(domain: str, transition: str) -> str:
    return f"{domain}.{transition}"
