"""Negeseuon Cymraeg tudalen CDP (``/plc/<dynodydd CDP>``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "plc.nav": "CDP",
    "plc.title": "{name}: CDP",
    "plc.lede": "{id} · {focus} · {scope} · {membership}.",
    "plc.led_by": "Dan arweiniad",
    "plc.running": "Yn rhedeg o {start} i {end}.",
    "plc.running_open": "Yn rhedeg o {start}, heb ddyddiad gorffen.",
    "plc.active_years": "Yn weithredol yn y data o {first} i {last}.",
    "plc.never_active": "Heb fod yn weithredol yn unrhyw flwyddyn y mae'r data'n ei chwmpasu.",
    "plc.not_found_title": "Ni chafwyd hyd i'r CDP",
    "plc.not_found": "Nid oes gan unrhyw CDP y dynodydd {id} yn y data a gyhoeddwyd.",
    "plc.back": "Pori'r cyfeiriadur CDPau",
    # Y flwyddyn a ddewiswyd
    "plc.year_heading": "Yn {year}",
    "plc.not_active": "Nid oedd {name} yn weithredol yn {year}.",
    "plc.card_health": "Sgôr iechyd",
    "plc.health_value": "{score} o 100",
    "plc.health_parts": "Cymedr ei rhannau, pob un allan o 100: {parts}.",
    "plc.part_review": "adolygiad {value}",
    "plc.part_cycle": "cylch ymholi {value}",
    "plc.part_activity": "presenoldeb {value}",
    "plc.health_withheld": (
        "Fe'i dangosir fel c, gan y byddai ei ran presenoldeb yn datgelu faint o "
        "aelodau neu bresenoldebau a fu, ac mae'r rheini wedi'u hatal."
    ),
    "plc.card_shallow": "Arwynebol?",
    "plc.shallow_yes": "Wedi'i nodi'n arwynebol",
    "plc.shallow_no": "Heb ei nodi",
    "plc.shallow_help_yes": "Oherwydd:",
    "plc.shallow_help_no": "Dim un o arwyddion CDP arwynebol.",
    "plc.card_schools": "Ysgolion sy'n aelodau",
    "plc.card_schools_help": "Ysgolion ag aelod y flwyddyn honno.",
    "plc.card_members": "Aelodau",
    "plc.card_members_help": (
        "Dangosir cyfrifon o dan 5 fel c, a 5 hefyd pan fo 4 ysgol yn aelodau."
    ),
    "plc.card_activities": "Gweithgareddau",
    "plc.card_activities_help": "Cyfarfodydd a gofnodwyd yn y flwyddyn.",
    # Y cylch ymholi
    "plc.cycle_heading": "Cylch ymholi",
    "plc.cycle_intro": (
        "Chwe cham cylch o ymholi ar y cyd, yn eu trefn. Mae CDP sy'n ymholi i "
        "ganlyniadau ei dysgwyr yn mynd drwy'r chwech mewn blwyddyn."
    ),
    "plc.cycle_list_label": "Camau yn {year}",
    "plc.stage_reached": "Wedi'i gyrraedd",
    "plc.stage_missing": "Ar goll",
    "plc.cycle_summary": "{reached} o 6 cham wedi'u cyrraedd yn {year}.",
    "plc.cycle_missing": "Ar goll: {stages}.",
    "plc.cycle_caption": "Camau'r cylch ymholi a gyrhaeddwyd, fesul blwyddyn",
    "plc.download_cycle": "Lawrlwytho CSV: camau'r cylch ymholi fesul blwyddyn",
    "plc.col_stages": "Camau a gyrhaeddwyd",
    # Yr adolygiad
    "plc.review_heading": "Adolygiad: naw nodwedd CDPau effeithiol",
    "plc.review_intro": (
        "Rhoddir sgôr o 1 i 5 i bob un o naw nodwedd Harris a Jones yn adolygiad y CDP "
        "o'r flwyddyn, wrth ymyl cymedr y {n} CDP a adolygwyd y flwyddyn honno."
    ),
    "plc.review_none": "Ni chafodd {name} adolygiad yn {year}.",
    "plc.review_caption": (
        "Sgoriau'r adolygiad fesul nodwedd a blwyddyn, gyda chymedr pob CDP, {year}"
    ),
    "plc.features_summary": "Y naw nodwedd yng ngeiriau Harris a Jones",
    "plc.col_feature": "Nodwedd",
    "plc.this_plc": "Y CDP hwn, {year}",
    "plc.all_plcs": "Cymedr pob CDP, {year}",
    "plc.review_axis": "Sgôr (1 i 5)",
    "plc.download_review": "Lawrlwytho CSV: sgoriau'r adolygiad fesul nodwedd a blwyddyn",
    # Gweithgarwch ac iechyd dros y blynyddoedd
    "plc.activity_heading": "Gweithgarwch dros y blynyddoedd",
    "plc.activity_intro": (
        "Y gweithgareddau (cyfarfodydd) a gofnodwyd ym mhob blwyddyn yr oedd y CDP yn "
        "weithredol, gyda'i hysgolion sy'n aelodau a'i haelodau. Mae presenoldeb yn "
        "cyfrif cyfarfodydd aelodau; fe'i hatelir (c) pan atelir yr aelodau."
    ),
    "plc.activity_caption": "Gweithgarwch ac aelodaeth {name} fesul blwyddyn",
    "plc.activity_axis": "Gweithgareddau",
    "plc.activity_hover": "{year}: {activities} gweithgaredd, {schools} ysgol sy'n aelod",
    "plc.col_schools": "Ysgolion sy'n aelodau",
    "plc.col_members": "Aelodau",
    "plc.col_las": "Awdurdodau lleol",
    "plc.col_activities": "Gweithgareddau",
    "plc.col_attendance": "Presenoldeb",
    "plc.col_per_member": "Presenoldeb fesul aelod",
    "plc.download_activity": "Lawrlwytho CSV: gweithgarwch fesul blwyddyn",
    "plc.health_heading": "Iechyd dros y blynyddoedd",
    "plc.health_caption": (
        "Sgôr iechyd, adolygiad, cylch ymholi a baner arwynebol {name} fesul blwyddyn"
    ),
    "plc.col_health": "Sgôr iechyd",
    "plc.col_review_mean": "Cymedr yr adolygiad (1 i 5)",
    "plc.col_shallow": "Arwynebol",
    "plc.download_health": "Lawrlwytho CSV: iechyd fesul blwyddyn",
    # Ysgolion sy'n aelodau
    "plc.members_heading": "Ysgolion sy'n aelodau yn {year}",
    "plc.members_caption": "Ysgolion sy'n aelodau o {name}, {year}",
    "plc.members_empty": "Nid oedd unrhyw ysgol yn aelod o {name} yn {year}.",
    "plc.col_school": "Ysgol",
    "plc.col_number": "Rhif ysgol",
    "plc.col_la": "Awdurdod lleol",
    "plc.col_sector": "Sector",
    "plc.col_category": "Categori cymorth",
    "plc.col_lead": "Ysgol arweiniol",
    "plc.yes": "Ie",
    "plc.no": "Na",
    "plc.no_category": "Heb ei chategoreiddio",
    "plc.download_members": "Lawrlwytho CSV: ysgolion sy'n aelodau",
}
