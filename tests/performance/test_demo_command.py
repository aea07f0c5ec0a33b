from io import StringIO

from django.core.management import call_command

from sikap.performance.models import IndikatorRenja, RealisasiTriwulan


def run() -> str:
    out = StringIO()
    call_command("sakip", "demo", stdout=out)
    return out.getvalue()


def test_shipped_2023_tables_load_once(db):
    assert "65 indikator Renja" in run()
    counts = (IndikatorRenja.objects.count(), RealisasiTriwulan.objects.count())
    assert "sudah ada" in run()
    assert (IndikatorRenja.objects.count(), RealisasiTriwulan.objects.count()) == counts
