"""The DPCP (data perorangan calon penerima pensiun) printed from SIMAK as it stands now, for
the pegawai (or the heir) to check before confirming; a wrong line is corrected through
self-service (or the admin OPD), after which the DPCP printed again shows the correction."""

from django.utils import timezone

from sikap.pension.models import BerkasPensiun
from sikap.reports.pdf import render_pdf


def dpcp_context(berkas: BerkasPensiun) -> dict:
    p = berkas.pegawai
    return {
        "berkas": berkas,
        "p": p,
        "pangkat": p.riwayat_pangkat.order_by("tmt"),
        "jabatan": p.riwayat_jabatan.order_by("tmt"),
        "keluarga": p.keluarga.order_by("hubungan", "tanggal_lahir"),
        "dicetak": timezone.localtime(),
    }


def dpcp_pdf(berkas: BerkasPensiun) -> bytes:
    return render_pdf("pension/dpcp.html", dpcp_context(berkas))
