"""The demo's pension files: opened for the coming months only (those past their TMT since
the 2023 snapshot have retired), several of them taken through the workflow's steps."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from sikap.pension import selectors
from sikap.pension.models import BerkasPensiun
from sikap.people.models import Pegawai
from sikap.rules.pension import tambah_bulan


@pytest.mark.django_db
def test_the_demo_has_pensions_due_and_files_in_several_states(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--scale", "0.05", "--seed", "7")
    today = timezone.localdate()
    due, _ = selectors.due(selectors.candidates(), today)
    assert due and all(r.tmt > today for r in due)
    assert Pegawai.objects.filter(kedudukan="pensiun").exists()
    files = BerkasPensiun.objects.all()
    limit = tambah_bulan(today, settings.SIKAP_PENSIUN_BUKA_BULAN + 1)
    assert files and all(today < b.tmt_pensiun < limit for b in files)
    states = set(files.values_list("state", flat=True))
    assert {"dibuka", "dpcp_dikonfirmasi", "dikembalikan", "diajukan", "sk_terbit"} <= states
