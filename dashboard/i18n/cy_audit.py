"""Welsh messages of the audit log page (pages/audit.py, components/audit.py,
audit_data.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "audit.nav": "Log archwilio",
    "audit.title": "Log archwilio",
    "audit.intro": (
        "Pwy fewngofnododd ac allgofnododd, lawrlwythodd pa CSV neu ddelwedd siart, a "
        "gafodd ei wrthod beth: y diweddaraf yn gyntaf, amseroedd yn UTC. Mae'r log yn "
        "enwi tudalennau, ysgolion, CDPau a hidlwyr, byth aelodau."
    ),
    "audit.refused": "Nid oes gennych fynediad i'r dudalen hon.",
    "audit.filters_label": "Dewis digwyddiadau",
    "audit.filter_kind": "Math o ddigwyddiad",
    "audit.filter_kind_all": "Pob math",
    "audit.filter_user": "Defnyddiwr",
    "audit.filter_user_all": "Pob defnyddiwr",
    "audit.filter_from": "O (BBBB-MM-DD)",
    "audit.day_placeholder": "BBBB-MM-DD",
    "audit.filter_to": "I (BBBB-MM-DD)",
    "audit.kind_sign_in": "Mewngofnodi",
    "audit.kind_sign_out": "Allgofnodi",
    "audit.kind_download": "Lawrlwytho CSV",
    "audit.kind_image": "Delwedd siart",
    "audit.kind_refused": "Gwrthodwyd",
    "audit.kind_database_unreadable": "Ni ellir darllen y data",
    "audit.status": "{shown} o {count} digwyddiad wedi'u rhestru.",
    "audit.bad_dates": "Caiff dyddiad nad yw'n ddiwrnod ar y ffurf BBBB-MM-DD ei adael allan.",
    "audit.events_heading": "Digwyddiadau",
    "audit.caption": "Y {count} digwyddiad diweddaraf a ddewiswyd, y diweddaraf yn gyntaf",
    "audit.none": "Dim digwyddiadau.",
    "audit.column_time": "Amser (UTC)",
    "audit.column_kind": "Math",
    "audit.column_user": "Defnyddiwr",
    "audit.column_page": "Tudalen",
    "audit.column_what": "Beth",
    "audit.column_filters": "Hidlwyr",
    "audit.column_address": "Cyfeiriad",
    "audit.download": "Lawrlwytho CSV: y digwyddiadau a ddewiswyd",
}
