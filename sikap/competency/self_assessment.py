"""Recording a scored attempt in the taker's history as a self-assessment
(`PenilaianMandiri`: its own section, never mixed with official assessments)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.competency.models import PenilaianMandiri, Percobaan
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry


@transaction.atomic
def record(percobaan: Percobaan, *, actor) -> PenilaianMandiri:
    percobaan = Percobaan.objects.select_for_update().get(pk=percobaan.pk)
    if not access.may_record_self_assessment(actor, percobaan):
        if percobaan.pegawai_id != actor.pegawai_id:
            raise tidak_berhak("Hanya peserta yang dapat mencatat hasil ujiannya sendiri.")
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH, "Hasil ujian ini belum dinilai; belum dapat dicatat."
        )
    if PenilaianMandiri.objects.filter(percobaan=percobaan).exists():
        raise SikapError(
            Kode.DUPLIKAT,
            "Hasil ujian ini sudah tercatat di riwayat Anda sebagai penilaian mandiri.",
        )
    try:
        with transaction.atomic():
            row = PenilaianMandiri.objects.create(
                pegawai_id=percobaan.pegawai_id,
                percobaan=percobaan,
                tanggal=timezone.localtime(percobaan.diserahkan or timezone.now()).date(),
                dicatat_oleh=actor,
            )
    except IntegrityError:
        raise SikapError(
            Kode.DUPLIKAT,
            "Hasil ujian ini sudah tercatat di riwayat Anda sebagai penilaian mandiri.",
        ) from None
    audit.record(
        row, actor=actor, action=AuditEntry.Aksi.CREATE, kind=kinds.of(PenilaianMandiri, "create"),
        note=f"hasil {percobaan.ujian} dicatat sebagai penilaian mandiri",
    )  # fmt: skip
    return row
