"""One family as the registry holds it, in the agreement's default field names."""

from sikap.dukcapil.standin import DataPenduduk

NIK_BUDI = "3508011705800001"
NIK_SITI = "3508016208830002"
NIK_ANAK = "3508010301100003"
NO_KK = "3508010000000001"


def _orang(nik, nama, lahir, jk, status, hubungan, **lain):
    return {
        "NIK": nik,
        "NAMA_LGKP": nama,
        "TMPT_LHR": "LUMAJANG",
        "TGL_LHR": lahir,
        "JENIS_KLMIN": jk,
        "STATUS_KAWIN": status,
        "STAT_HBKEL": hubungan,
        "ALAMAT": "JL. VETERAN NO. 4",
        "NO_RT": "002",
        "NO_RW": "001",
        "KEL_NAME": "DITOTRUNAN",
        "KEC_NAME": "LUMAJANG",
        "KAB_NAME": "LUMAJANG",
        "TGL_KEMATIAN": None,
        **lain,
    }


def keluarga_budi(**ubah_budi) -> DataPenduduk:
    data = DataPenduduk()
    data.tambah_keluarga(
        NO_KK,
        [
            _orang(
                NIK_BUDI, "BUDI SANTOSO", "17-05-1980", "LAKI-LAKI", "KAWIN", "KEPALA KELUARGA",
                **ubah_budi,
            ),
            _orang(NIK_SITI, "SITI AMINAH", "22-08-1983", "PEREMPUAN", "KAWIN", "ISTRI"),
            _orang(NIK_ANAK, "RIZKY PRATAMA", "03-01-2010", "LAKI-LAKI", "BELUM KAWIN", "ANAK"),
        ],
    )  # fmt: skip
    return data
