"""The builders `sikap demo` runs, in this order (reset deletes in the reverse order).

A module that needs demo data adds a file to this package with its `Builder` and lists it
here after the builders whose data it uses (most need the regency's OPDs and pegawai).
"""

from sikap.demo import (
    attendance,
    competency,
    documents,
    pension,
    promotion,
    regency,
    sakip,
    salary,
)

BUILDERS = (
    regency.BUILDER,
    sakip.BUILDER,
    documents.BUILDER,
    salary.BUILDER,
    attendance.BUILDER,
    pension.BUILDER,
    promotion.BUILDER,
    competency.BUILDER,
)
