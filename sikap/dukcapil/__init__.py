"""The population registry (Dukcapil) connector: "look up a NIK" behind one interface.

`contract.py` holds what every implementation returns and raises; the real HTTP client and the
local stand-in server that speaks the same JSON contract live beside it (docs/dukcapil.md).
"""
