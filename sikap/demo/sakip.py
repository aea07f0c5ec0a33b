"""SAKIP: the seed's own 2023 tables, shipped with the app (sikap/performance/data/), imported
through the same importer a perencana uses. Importing a year again replaces it."""

from pathlib import Path

from sikap.demo.builders import Builder, Options
from sikap.performance.importer import files_in_directory, parse_bundle
from sikap.performance.selectors import years
from sikap.performance.services import import_sakip

SHIPPED_DATA = Path(__file__).resolve().parents[1] / "performance" / "data" / "lumajang-2023"
SHIPPED_YEAR = 2023


def _exists() -> bool:
    return SHIPPED_YEAR in years()


def load_shipped(*, actor) -> str:
    """Import (or import again, replacing the year) the shipped tables; the import's summary."""
    year, files = files_in_directory(SHIPPED_DATA, SHIPPED_YEAR)
    return import_sakip(parse_bundle(files, year), actor=actor).summary


def _build(options: Options) -> str:
    return load_shipped(actor=options.actor)


BUILDER = Builder(f"SAKIP {SHIPPED_YEAR}", _exists, _build)
