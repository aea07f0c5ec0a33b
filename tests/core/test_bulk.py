from datetime import date

from sikap.core import audit
from sikap.core.bulk import insert_rows
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
