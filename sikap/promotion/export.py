"""A period's proposals as XLSX in the column order of BKN's SIASN (docs/promotion.md, "SIASN
export"): SIASN's own names and codes — NIP BARU, golongan IDs, dd-mm-yyyy dates — so the BKD
desk can copy rows into the SIASN KP entry without re-keying."""

from sikap.reports.xlsx import xlsx_response
from sikap.rules.ranks import golongan_to_bkn

COLUMNS = (
    "NIP BARU", "NAMA", "JENIS KP", "GOL LAMA ID", "GOL LAMA NAMA", "TMT GOL LAMA",
    "GOL BARU ID", "GOL BARU NAMA", "TMT GOLONGAN", "MK TAHUN", "MK BULAN",
    "NOMOR PERTEK BKN", "TANGGAL PERTEK BKN", "NOMOR SK", "TANGGAL SK", "UNOR NAMA", "STATUS USUL",
)  # fmt: skip
WIDTHS = (21, 32, 28, 8, 8, 12, 8, 8, 12, 8, 8, 24, 12, 28, 12, 32, 20)


def _d(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def rows(qs):
    for u in qs.select_related("pegawai", "jenis", "opd", "riwayat_pangkat").order_by(
        "opd__nama", "pegawai__nama"
    ):
        golongan = u.sk_golongan or u.golongan_tujuan
        yield (
            u.pegawai.nip, u.pegawai.nama_lengkap, u.jenis.nama,
            golongan_to_bkn(u.golongan_asal), u.golongan_asal, _d(u.tmt_asal),
            golongan_to_bkn(golongan), golongan, _d(u.sk_tmt or u.periode.tanggal),
            u.sk_mkg_tahun if u.sk_mkg_tahun is not None else "",
            u.sk_mkg_bulan if u.sk_mkg_bulan is not None else "",
            u.pertek_nomor, _d(u.pertek_tanggal), u.sk_nomor, _d(u.sk_tanggal), u.opd.nama,
            u.get_state_display(),
        )  # fmt: skip


def siasn_response(periode, qs):
    return xlsx_response(
        f"usul-kp-{periode.tanggal:%Y-%m-%d}.xlsx",
        COLUMNS,
        rows(qs),
        title="Usul KP",
        widths=WIDTHS,
    )
