"""Checks on a pegawai's identity that every entry path shares (forms, services, imports).

Each returns {field: [Indonesian messages]}; empty means valid. The rules themselves live in
`sikap.rules`; this module only applies them to a record's fields.
"""

from datetime import date

from sikap.rules import RuleError
from sikap.rules.education import golongan_maksimum, melebihi_plafon, tingkat_label
from sikap.rules.nik import nik_mismatches, parse_nik
from sikap.rules.nip import cpns_age_warning, nip_mismatches, parse_nip
from sikap.rules.ranks import GOLONGAN


def identity_errors(
    *,
    nip: str,
    status: str,
    tanggal_lahir: date | None,
    jenis_kelamin: str | None,
    nik: str = "",
    tmt_cpns: date | None = None,
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    try:
        parsed = parse_nip(nip, pppk=status == "pppk")
    except RuleError as e:
        add("nip", e.message)
    else:
        for message in nip_mismatches(
            parsed, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin
        ):
            add("nip", message)
        if (
            status != "pppk"
            and tmt_cpns
            and (tmt_cpns.year, tmt_cpns.month)
            != (
                parsed.tmt_cpns.year,
                parsed.tmt_cpns.month,
            )
        ):
            add("tmt_cpns", "TMT CPNS tidak sesuai dengan digit 9–14 NIP.")
    if nik:
        try:
            parsed_nik = parse_nik(nik)
        except RuleError as e:
            add("nik", e.message)
        else:
            for message in nik_mismatches(
                parsed_nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin
            ):
                add("nik", message)
    return errors


def data_warnings(pegawai) -> list[str]:
    """Things that are allowed but worth a second look by the admin (not refusals)."""
    warnings = []
    if pegawai.status != "pppk":
        try:
            warning = cpns_age_warning(parse_nip(pegawai.nip))
        except RuleError:
            warning = None  # an invalid NIP is refused where it is entered, not warned about here
        if warning:
            warnings.append(f"{warning}.")
        if (
            pegawai.golongan in GOLONGAN
            and pegawai.tingkat_pendidikan
            and melebihi_plafon(pegawai.golongan, pegawai.tingkat_pendidikan)
        ):
            warnings.append(
                f"Golongan {pegawai.golongan} di atas plafon kenaikan pangkat reguler untuk "
                f"pendidikan {tingkat_label(pegawai.tingkat_pendidikan)} "
                f"({golongan_maksimum(pegawai.tingkat_pendidikan)}); pastikan riwayat pangkat "
                "mencatat kenaikan pangkat pilihan yang mendasarinya."
            )
    return warnings
