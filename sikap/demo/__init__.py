"""`sikap demo`: a deterministic synthetic regency whose 2023 counts equal the seed's.

generator.build_demo (plain data, no database) → loader.load (bulk writes). See docs/demo.md.
"""
