"""Negeseuon Cymraeg y cyfeiriadur CDPau (``/plcs``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "plcs.nav": "CDPau",
    "plcs.title": "Cyfeiriadur CDPau",
    "plcs.intro": (
        "Pob cymuned dysgu proffesiynol a oedd yn weithredol yn y flwyddyn a ddewiswyd ag "
        "o leiaf un ysgol sy'n aelod yn y rhanbarth a ddewiswyd: ei ffocws, ei chwmpas, yr "
        "awdurdodau lleol y mae'n eu cwmpasu, ei haelodau, ei gweithgarwch a'i hiechyd, ac "
        "a yw wedi'i nodi'n arwynebol. Chwiliwch yn ôl enw, trefnwch, ac agorwch CDP i weld "
        "ei thudalen ei hun."
    ),
    "plcs.scope": "CDPau gweithredol yn {year}, {region}",
    "plcs.explain": (
        "Sgôr iechyd (0 i 100): cymedr adolygiad y CDP, cyfran y cylch ymholi a "
        "gyrhaeddodd a phresenoldeb ei haelodau. Arwynebol: aelodau a chyfarfodydd heb "
        "ymholi i ganlyniadau dysgwyr; rhoddir y rhesymau."
    ),
    "plcs.controls_label": "Chwilio a threfnu'r cyfeiriadur",
    "plcs.search": "Chwilio enwau CDPau",
    "plcs.sort": "Trefnu yn ôl",
    "plcs.sort_name": "Enw",
    "plcs.sort_health": "Sgôr iechyd",
    "plcs.sort_schools": "Ysgolion sy'n aelodau",
    "plcs.sort_members": "Aelodau",
    "plcs.sort_activities": "Gweithgareddau",
    "plcs.sort_las": "Awdurdodau lleol a gwmpesir",
    "plcs.order": "Trefn",
    "plcs.order_asc": "Esgynnol",
    "plcs.order_desc": "Disgynnol",
    "plcs.show": "Dangos",
    "plcs.show_all": "Pob CDP",
    "plcs.show_shallow": "CDPau arwynebol yn unig",
    "plcs.show_not_shallow": "CDPau heb eu nodi'n arwynebol",
    "plcs.status": (
        "CDPau {first} i {last} o {total} ({shallow} wedi'u nodi'n arwynebol). "
        "Tudalen {page} o {pages}."
    ),
    "plcs.status_none": "Nid oes CDP yn cyfateb.",
    "plcs.caption": "CDPau gweithredol yn {year}, {region}: tudalen {page} o {pages}",
    "plcs.col_plc": "CDP",
    "plcs.col_id": "Dynodydd y CDP",
    "plcs.col_focus": "Ffocws",
    "plcs.col_scope": "Cwmpas",
    "plcs.col_las": "Awdurdodau lleol",
    "plcs.col_n_las": "Awdurdodau lleol a gwmpesir",
    "plcs.col_schools": "Ysgolion sy'n aelodau",
    "plcs.col_members": "Aelodau",
    "plcs.col_activities": "Gweithgareddau",
    "plcs.col_health": "Sgôr iechyd",
    "plcs.col_shallow": "Arwynebol",
    "plcs.shallow_yes": "Ydy: {reasons}",
    "plcs.shallow_no": "Nac ydy",
    "plcs.previous": "Tudalen flaenorol",
    "plcs.next": "Tudalen nesaf",
    "plcs.pager_label": "Tudalennau'r cyfeiriadur",
    "plcs.download_label": "Lawrlwytho CSV: pob CDP a restrir ar gyfer yr hidlwyr hyn",
    "plcs.download_note": (
        "Mae'r CSV yn cynnwys pob CDP ar gyfer yr hidlwyr, y drefn a'r dewis dangos, ar bob "
        "tudalen; dim ond y dudalen y mae'r blwch chwilio'n ei chyfyngu."
    ),
}
