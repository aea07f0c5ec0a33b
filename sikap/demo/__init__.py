"""Demo data for every module and `sikap demo` (docs/demo.md).

Each module's data is one builder (`builders.Builder`), listed in build order in `registry.py`.
The regency (`regency.py`): generator.build_demo (plain data, no database) → loader.load (bulk
writes), with a deterministic synthetic regency whose 2023 counts equal the seed's.
"""
