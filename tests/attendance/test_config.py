"""Configuration at /kelola/ goes through audited services that only admin BKD may use, and the
holiday calendar imports from a spreadsheet all-or-nothing."""

from datetime import date, time

import pytest

from sikap.attendance.imports import import_hari_libur
from sikap.attendance.models import HariLibur, Shift
from sikap.attendance.services import save_config
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry


def test_admin_bkd_saves_a_shift_audited_and_nobody_else_may(world):
    shift = Shift(opd=world.opd_a, nama="Malam", masuk=time(21, 0), pulang=time(7, 0))
    save_config(shift, actor=world.users["admin_bkd"])
    entry = AuditEntry.objects.get(kind="shift.created")
    assert entry.changes["masuk"] == [None, "21:00:00"]
    for persona in ("admin_opd", "atasan", "pegawai"):
        with pytest.raises(SikapError, match="Hanya admin BKD"):
            save_config(Shift(opd=world.opd_a, nama="Pagi", masuk=time(7), pulang=time(14)),
                        actor=world.users[persona])  # fmt: skip
    assert Shift.objects.count() == 1


def test_holidays_import_from_csv(world):
    data = (
        b"Tanggal;Keterangan;Jenis\n"
        b"01-01-2027;Tahun Baru 2027 Masehi;nasional\n"
        b"2027-02-08;Cuti bersama Imlek;cuti bersama\n"
        b"20-04-2027;Hari Jadi Kabupaten;daerah\n"
    )
    assert import_hari_libur(data, actor=world.users["admin_bkd"]) == 3
    assert HariLibur.objects.get(tanggal=date(2027, 2, 8)).jenis == "cuti_bersama"
    assert AuditEntry.objects.filter(kind="hari_libur.imported").count() == 3


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("31-02-2027;Salah;nasional\n", "tidak valid"),
        ("01-03-2027;;nasional\n", "kosong"),
        ("01-03-2027;Libur;bulanan\n", "Jenis harus"),
        ("01-03-2027;A;nasional\n01-03-2027;B;nasional\n", "sudah ada di baris 3"),
    ],
)
def test_a_bad_holiday_row_stops_the_whole_import(world, rows, message):
    data = ("tanggal;keterangan;jenis\n01-01-2027;Tahun Baru;nasional\n" + rows).encode()
    with pytest.raises(SikapError) as refused:
        import_hari_libur(data, actor=world.users["admin_bkd"])
    assert message in " ".join(m for ms in refused.value.errors.values() for m in ms)
    assert not HariLibur.objects.exists()


def test_only_admin_bkd_imports_holidays(world):
    with pytest.raises(SikapError, match="Hanya admin BKD"):
        import_hari_libur(b"tanggal;keterangan\n01-01-2027;x\n", actor=world.users["admin_opd"])
