from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import connection

from sikap.attendance.models import Presensi
from sikap.core import audit
from sikap.core.bulk import insert_rows, insert_values
from sikap.core.models import AuditEntry
from sikap.people.models import RiwayatPangkat


def test_inserted_rows_equal_what_the_orm_would_store(world):
    rows = [
        RiwayatPangkat(
            pegawai=world.pegawai,
            golongan=g,
            tmt=date(2005 + i * 4, 4, 1),
            mkg_tahun=i * 4,
            sk_nomor=f"823/{i}/2024",
        )
        for i, g in enumerate(["III/a", "III/b", "III/c"])
    ]
    assert insert_rows(RiwayatPangkat, rows) == 3
    stored = list(
        RiwayatPangkat.objects.filter(pegawai=world.pegawai)
        .order_by("tmt")
        .values_list("golongan", "tmt", "mkg_tahun", "sk_nomor", "sk_tanggal")
    )
    assert stored == [
        ("III/a", date(2005, 4, 1), 0, "823/0/2024", None),
        ("III/b", date(2009, 4, 1), 4, "823/1/2024", None),
        ("III/c", date(2013, 4, 1), 8, "823/2/2024", None),
    ]


def test_audit_rows_keep_their_json_and_timestamp(world):
    entry = audit.build_entry(
        world.pegawai,
        actor=world.users["admin_bkd"],
        action="import",
        kind="pegawai.imported",
        changes={"golongan": [None, "III/a"], "catatan": 'kutip "ganda"\ttab'},
        note="uji",
    )
    insert_rows(AuditEntry, [entry])
    stored = AuditEntry.objects.get()
    assert stored.changes == {"golongan": [None, "III/a"], "catatan": 'kutip "ganda"\ttab'}
    assert stored.at is not None and stored.actor == world.users["admin_bkd"]


def test_nothing_to_insert_is_a_no_op(db):
    assert insert_rows(AuditEntry, []) == 0


def test_tuples_in_database_form_read_back_as_the_orm_reads_them(world):
    # Times adapted as the database takes them (SQLite: naive UTC text) come back aware.
    at = datetime(2026, 4, 7, 7, 41, 30, 500000, tzinfo=ZoneInfo("Asia/Jakarta"))
    waktu = connection.ops.adapt_datetimefield_value(at)
    tanggal = connection.ops.adapt_datefield_value(at.date())
    fields = ("pegawai_id", "jenis", "waktu", "tanggal", "mock", "device_id", "kunci", "sidik",
              "alasan", "pesan", "lokasi", "via", "swafoto", "swafoto_format")  # fmt: skip
    rows = (
        (world.pegawai.pk, jenis, waktu, tanggal, False, "", f"k{jenis}", "x", "diterima", "",
         "", "api", "", "")
        for jenis in ("masuk", "pulang")
    )  # fmt: skip
    assert insert_values(Presensi, fields, rows) == 2
    stored = Presensi.objects.order_by("jenis").values_list("jenis", "waktu", "tanggal", "jarak_m")
    assert list(stored) == [
        ("masuk", at, date(2026, 4, 7), None),
        ("pulang", at, date(2026, 4, 7), None),
    ]
