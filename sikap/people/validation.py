"""Checks on a pegawai's identity that every entry path shares (forms, services, imports).

Each returns {field: [Indonesian messages]}; empty means valid. The rules themselves live in
`sikap.rules`; this module only applies them to a record's fields.
"""

from datetime import date

from sikap.rules import RuleError
from sikap.rules.nik import nik_mismatches, parse_nik
from sikap.rules.nip import nip_mismatches, parse_nip


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
