"""The KGB letter (surat pemberitahuan kenaikan gaji berkala) as one data object, printed by
WeasyPrint on A4 or F4. Every line comes from the case: the basis SK as recorded, the new
salary as the rule computed it, the regulation of the table in force at the TMT."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from sikap.lkj.pdf import PAPERS, paper
from sikap.reports.images import image_data_uri
from sikap.reports.pdf import render_pdf
from sikap.reports.qr import qr_data_uri
from sikap.rules.formatting import rupiah, tanggal, terbilang_rupiah
from sikap.rules.ranks import pangkat
from sikap.salary.models import Kgb, PengaturanSurat
from sikap.salary.signing import signer

DASAR_LABEL = {
    "cpns": "Surat Keputusan pengangkatan CPNS",
    "pns": "Surat Keputusan pengangkatan PNS",
    "kp": "Surat Keputusan kenaikan pangkat",
    "kgb": "Surat pemberitahuan kenaikan gaji berkala",
    "pp": "Penyesuaian gaji pokok berdasarkan peraturan gaji",
}
__all__ = ["PAPERS", "letter_pdf", "letter_context"]


@dataclass(frozen=True)
class Baris:
    label: str
    value: str


def _image_uri(f) -> str:
    if not f:
        return ""
    try:
        with f.open("rb") as fh:
            data = fh.read()
    except OSError:
        return ""
    return image_data_uri(data)


def _unit(p) -> str:
    """ "Bidang X — Dinas Y"; just the OPD when the unit is the OPD's root of the same name."""
    names = [x.nama for x in (p.unit, p.opd) if x]
    return " — ".join(dict.fromkeys(names)) or "—"


def _mkg(tahun: int, bulan: int) -> str:
    return f"{tahun} tahun {bulan} bulan"


def letter_context(kgb: Kgb, *, terbit=None, paper_code: str = "a4") -> dict:
    p = kgb.pegawai
    setting = PengaturanSurat.current()
    ttd = kgb.penandatangan
    dasar_sk = DASAR_LABEL.get(kgb.dasar_jenis, "Surat Keputusan")
    lama = [
        Baris("Oleh pejabat", kgb.dasar_pejabat) if kgb.dasar_pejabat else None,
        Baris("Tanggal SK", tanggal(kgb.dasar_sk_tanggal) if kgb.dasar_sk_tanggal else "—"),
        Baris("Nomor SK", kgb.dasar_sk_nomor or "—"),
        Baris("Berlaku mulai (TMT)", tanggal(kgb.dasar_tmt)),
        Baris("Masa kerja golongan", _mkg(kgb.dasar_mkg_tahun, kgb.dasar_mkg_bulan)),
        Baris("Gaji pokok lama", rupiah(kgb.dasar_gaji_pokok, sen=False)),
    ]
    baru = [
        Baris("Gaji pokok baru", rupiah(kgb.gaji_pokok, sen=False)),
        Baris("Terbilang", terbilang_rupiah(kgb.gaji_pokok).capitalize()),
        Baris("Masa kerja golongan", _mkg(kgb.mkg_tahun, kgb.mkg_bulan)),
        Baris("Golongan ruang", f"{pangkat(kgb.golongan)} ({kgb.golongan})"),
        Baris("Terhitung mulai tanggal", tanggal(kgb.tmt)),
    ]
    return {
        "kgb": kgb,
        "paper": paper(paper_code),
        "setting": setting,
        "kop": setting.kop_baris.splitlines(),
        "lambang": _image_uri(setting.lambang),
        "tujuan": setting.tujuan.splitlines(),
        "tembusan": [t for t in setting.tembusan.splitlines() if t.strip()],
        "nomor": terbit.nomor if terbit else "(belum bernomor)",
        "tanggal_surat": tanggal(
            timezone.localtime(terbit.issued_at).date() if terbit else timezone.localdate()
        ),
        "pegawai": [
            Baris("Nama", p.nama_lengkap),
            Baris("NIP", p.nip),
            Baris("Pangkat/golongan", f"{pangkat(kgb.golongan)} ({kgb.golongan})"),
            Baris("Jabatan", p.jabatan.nama if p.jabatan_id else "—"),
            Baris("Unit kerja", _unit(p)),
        ],
        "dasar_sk": dasar_sk,
        "lama": [b for b in lama if b],
        "baru": baru,
        "berikutnya": tanggal(kgb.tmt_berikutnya) if kgb.tmt_berikutnya else "",
        "regulasi": kgb.tabel.regulasi,
        "penundaan": kgb.penundaan.splitlines(),
        "ttd": ttd,
        "ttd_gambar": signer().image(ttd) if ttd else "",
        "qr": qr_data_uri(terbit.verification_url) if terbit else "",
        "terbit": terbit,
        "instansi": settings.SIKAP_INSTANSI,
    }


def letter_pdf(kgb: Kgb, *, terbit=None, paper_code: str = "a4") -> bytes:
    return render_pdf(
        "salary/surat.html", letter_context(kgb, terbit=terbit, paper_code=paper_code)
    )
