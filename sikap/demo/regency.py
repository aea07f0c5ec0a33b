"""The regency: OPDs, units and positions, pegawai with their histories, and the accounts.

One builder for all three: they come from one seeded generator (`generator.build_demo`) and
are written together by `loader.load`.
"""

from sikap.core.errors import Kode, SikapError
from sikap.demo.builders import Builder, Options
from sikap.demo.generator import build_demo
from sikap.demo.loader import delete_demo, has_data, load, taken_usernames
from sikap.people.models import StatusPegawai


def _build(options: Options) -> str:
    data = build_demo(options.seed, options.scale)
    taken = taken_usernames(data)
    if taken:
        raise SikapError(
            Kode.DUPLIKAT,
            f"Nama pengguna yang dipakai demo sudah ada: {', '.join(taken[:5])}. "
            "Hapus akun tersebut atau gunakan basis data kosong.",
        )
    rows = load(data, actor=options.actor)
    pppk = sum(p.fields["status"] == StatusPegawai.PPPK for p in data.people)
    pns = len(data.people) - pppk
    return (
        f"Kabupaten demo dibangun: {len(data.opds)} OPD, {pns} PNS, {pppk} PPPK, {rows} baris "
        f"(benih {options.seed}, skala {options.scale:g})."
    )


BUILDER = Builder("OPD dan pegawai", has_data, _build, delete_demo)
