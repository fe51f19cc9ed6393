"""Negeseuon Cymraeg y dudalen ddata (pages/data.py, components/data.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "data.nav": "Data",
    "data.title": "Y data",
    "data.intro": (
        "O ble mae'r ffigurau'n dod: pryd y cafodd y data eu hadnewyddu ac o ba ffeiliau, y "
        "rhesi a neilltuwyd a pham, y ffynonellau a'u trwyddedau, a beth yw ystyr pob mesur."
    ),
    # Refreshes
    "data.runs_heading": "Adnewyddiadau",
    "data.runs_intro": (
        "Cyhoeddodd pob adnewyddiad llwyddiannus gronfa ddata newydd gyflawn; mae'r un "
        "diweddaraf mewn gwasanaeth. Mae adnewyddiad sy'n methu yn gadael y data a "
        "gyhoeddwyd fel yr oeddent, ac fe'i cofnodir yn y log rhediadau wrth ymyl y gronfa "
        "ddata yn unig. Mae'r amseroedd yn UTC."
    ),
    "data.runs_caption": "Y {count} adnewyddiad llwyddiannus diweddaraf, y mwyaf newydd yn gyntaf",
    "data.column_run": "Adnewyddiad",
    "data.column_started": "Dechreuwyd (UTC)",
    "data.column_finished": "Gorffennwyd (UTC)",
    "data.column_seconds": "Eiliadau",
    "data.column_trigger": "Dechreuwyd gan",
    "data.column_files_read": "Ffeiliau a ddarllenwyd",
    "data.column_files_changed": "Ffeiliau newydd neu wedi newid",
    "data.column_rows_read": "Rhesi a ddarllenwyd",
    "data.column_rows_set_aside": "Rhesi a neilltuwyd",
    "data.column_message": "Neges",
    "data.column_outcome": "Canlyniad",
    "data.outcome_published": "Cyhoeddwyd",
    "data.outcome_failed": "Methodd: ni chyhoeddwyd dim",
    "data.runs_caption_failed": (
        "Y {count} adnewyddiad llwyddiannus diweddaraf a'r {failed} a fethodd ers hynny, "
        "y mwyaf newydd yn gyntaf"
    ),
    "data.failed_label": "Methodd yr adnewyddiad diwethaf.",
    "data.failed_notice": "Dechreuodd am {time} UTC a daeth i ben: {message}",
    "data.failed_shown": ("Daw'r data a ddangosir o'r adnewyddiad a orffennodd am {time} UTC."),
    "data.failed_count": (
        "Mae {count} adnewyddiad wedi methu ers hynny; rhestrir pob un o dan Adnewyddiadau."
    ),
    "data.damaged_label": "Ni ellir darllen y gronfa ddata a gyhoeddwyd ddiwethaf.",
    "data.damaged_notice": (
        "Mae'r data a ddangosir yn dal i ddod o'r adnewyddiad a orffennodd am {time} UTC. "
        "Beth sydd o'i le: {problem} Rhedwch yr adnewyddiad eto, neu rhowch gopi da yn ei "
        "le (docs/operations.md)."
    ),
    "data.first_run": "Adnewyddiad cyntaf",
    "data.trigger_manual": "Â llaw",
    "data.trigger_make": "make",
    "data.trigger_schedule": "Amserlen",
    "data.trigger_cron": "cron",
    "data.download_runs": "Lawrlwytho CSV: adnewyddiadau",
    # Files
    "data.files_heading": "Ffeiliau a ddarllenwyd gan yr adnewyddiad diweddaraf",
    "data.files_intro": (
        "Caiff pob ffeil y mae adnewyddiad yn ei darllen ei chadw unwaith yn y ffolder archif "
        "wrth ymyl y gronfa ddata, wedi'i henwi yn ôl ei siec-swm SHA-256 ({example}), gyda "
        "maniffest o ffeiliau pob adnewyddiad ({manifest})."
    ),
    "data.files_caption": (
        "Ffeiliau a ddarllenwyd gan adnewyddiad {run_id}, yn y drefn y'u darllenwyd"
    ),
    "data.files_none": "Nid oes adnewyddiad wedi cofnodi'r ffeiliau a ddarllenodd.",
    "data.column_file": "Ffeil",
    "data.column_kind": "Darllenwyd fel",
    "data.column_encoding": "Amgodiad",
    "data.column_rows": "Rhesi",
    "data.column_sha256": "Siec-swm SHA-256",
    "data.column_archived_as": "Archifwyd fel",
    "data.kind_local_authorities": "Awdurdodau lleol",
    "data.kind_address_list": "Rhestr cyfeiriadau ysgolion",
    "data.kind_categorisation": "Categorïau cymorth",
    "data.kind_locations": "Lleoliadau ysgolion",
    "data.kind_boundaries_geojson": "Ffiniau awdurdodau lleol (GeoJSON)",
    "data.kind_boundaries_topojson": "Ffiniau awdurdodau lleol (TopoJSON)",
    "data.kind_plcs": "CDPau",
    "data.kind_plc_memberships": "Aelodaeth CDPau",
    "data.kind_plc_activities": "Gweithgareddau CDPau",
    "data.kind_plc_reviews": "Adolygiadau CDPau",
    "data.kind_school_outcomes": "Canlyniadau ysgolion",
    "data.download_files": "Lawrlwytho CSV: ffeiliau a ddarllenwyd",
    # Rows set aside
    "data.rejected_heading": "Rhesi a neilltuwyd",
    "data.rejected_intro": (
        "Neilltuwyd rhesi a oedd yn torri'r contract data gan adnewyddiad {run_id}, a "
        "llwythwyd y gweddill. Gellir neilltuo rhes am fwy nag un rheswm. Mae'r rhesymau fel "
        "y'u cofnodwyd gan yr adnewyddiad (yn Saesneg)."
    ),
    "data.rejected_caption": "Rhesi a neilltuwyd fesul ffeil, tabl a rheswm",
    "data.rejected_axis": "Rhesi a neilltuwyd",
    "data.rejected_none": "Ni neilltuwyd unrhyw resi.",
    "data.column_table": "Tabl",
    "data.column_reason": "Rheswm",
    "data.download_rejected": "Lawrlwytho CSV: rhesi a neilltuwyd fesul rheswm",
    "data.rejected_rows_heading": "Y rhesi cyntaf a neilltuwyd",
    "data.rejected_rows_intro": (
        "Pob problem gyda'i ffeil, ei llinell (y pennawd yw llinell 1), ei cholofn a'r gwerth "
        "a ganfuwyd. Nid yw dynodwyr aelodau byth yn gadael y gronfa ddata, hyd yn oed rhai "
        "ffugenwol: mae gwerth mewn colofn dynodwyr aelodau, neu un sy'n edrych fel "
        "dynodwr aelod mewn unrhyw golofn, wedi'i guddio."
    ),
    "data.rejected_rows_caption": "Y {count} problem gyntaf, fesul ffeil a llinell",
    "data.column_line": "Llinell",
    "data.column_column": "Colofn",
    "data.column_value": "Gwerth a ganfuwyd",
    "data.value_hidden": "Wedi'i guddio (dynodwr aelod)",
    "data.value_hidden_member_file": "Wedi'i guddio (ffeil o ddynodwyr aelodau)",
    "data.value_hidden_looks_like": "Wedi'i guddio (edrych fel dynodwr aelod)",
    "data.details_data_team_only": (
        "Dim ond i'r tîm data y dangosir hanes yr adnewyddu, y ffeiliau a ddarllenwyd a'r "
        "rhesi a neilltuwyd."
    ),
    "data.download_rejected_rows": "Lawrlwytho CSV: y rhesi cyntaf a neilltuwyd",
    # Sources and licences
    "data.sources_heading": "Ffynonellau a thrwyddedau",
    "data.sources_intro": (
        "Y ffeiliau cyhoeddedig y mae plcnet yn eu darllen a'r telerau sy'n berthnasol "
        "iddynt. Cadwch y gydnabyddiaeth hon lle bynnag y caiff y ffigurau hyn eu dangos neu "
        "eu rhannu."
    ),
    "data.sources_only": "Ffynonellau a'u trwyddedau",
    "data.sources_caption": (
        "Ffynonellau, eu trwyddedau a'r ffeiliau a ddarllenwyd gan yr adnewyddiad diweddaraf"
    ),
    "data.column_source": "Ffynhonnell",
    "data.column_origin": "O ble y daw",
    "data.column_licence": "Trwydded",
    "data.column_files_read_now": "Ffeiliau a ddarllenwyd gan yr adnewyddiad diweddaraf",
    "data.source_local_authorities": (
        "Y 22 awdurdod lleol: codau ALl ac ONS, enwau Cymraeg a Saesneg, consortiwm "
        "rhanbarthol fel yn 2019"
    ),
    "data.origin_local_authorities": (
        "Wedi'i lunio o'r codau ONS a cholofn consortiwm y rhestr categoreiddio"
    ),
    "data.source_address_list": (
        "Rhestr cyfeiriadau ysgolion Llywodraeth Cymru, ysgolion a gynhelir: rhif ysgol, enw, "
        "ALl, sector, cyfrwng iaith, disgyblion, cod post"
    ),
    "data.origin_address_list": (
        "Llywodraeth Cymru, fel y'i cedwir yn y storfa gyhoeddus "
        "tomwhite/leveltheplayingfield (data/geo/)"
    ),
    "data.source_categorisation": (
        "System Genedlaethol ar gyfer Categoreiddio Ysgolion: categorïau cymorth (gwyrdd, "
        "melyn, ambr, coch)"
    ),
    "data.origin_categorisation": (
        "Llywodraeth Cymru, fel y'i cedwir yn tomwhite/leveltheplayingfield "
        "(data/support-category/)"
    ),
    "data.source_locations": "Lleoliadau ysgolion: rhif ysgol i ledred a hydred",
    "data.origin_locations": "tomwhite/leveltheplayingfield (data/geo/)",
    "data.source_boundaries": "Ffiniau'r awdurdodau lleol, GeoJSON a TopoJSON",
    "data.origin_boundaries": (
        "Y storfa gyhoeddus martinjc/UK-GeoJSON (json/administrative/wal/), yn deillio o ddata "
        "agored yr ONS ac Arolwg Ordnans"
    ),
    "data.source_contract": (
        "CDPau, aelodaeth, gweithgareddau, adolygiadau a chanlyniadau ysgolion (y contract data)"
    ),
    "data.origin_demo": (
        "Synthetig: wedi'u gwneud gan eneradur enghreifftiol hadog plcnet ar yr ysgolion go iawn"
    ),
    "data.origin_own": "Y ffeiliau a lwythwyd gan bwy bynnag sy'n rhedeg y plcnet hwn",
    "data.licence_ogl": "Trwydded Llywodraeth Agored v3.0",
    "data.licence_locations": (
        "Trwydded Llywodraeth Agored v3.0; yn cynnwys data OS © Hawlfraint y Goron a hawl "
        "cronfa ddata"
    ),
    "data.licence_boundaries": (
        "CC BY 4.0, gyda thelerau OGL v3.0 / OS OpenData: yn cynnwys data OS © Hawlfraint y "
        "Goron a hawl cronfa ddata; yn cynnwys data Ystadegau Gwladol © Hawlfraint y Goron a "
        "hawl cronfa ddata"
    ),
    "data.licence_demo": "Data synthetig, o dan drwydded plcnet ei hun (MIT)",
    "data.licence_own": "Fel y pennir gan eu perchennog",
    # Glossary
    "data.glossary_heading": "Rhestr termau'r mesurau",
    "data.glossary_intro": (
        "Pob mesur a ddangosir gan y tudalennau: beth ydyw, ar gyfer beth y caiff ei fesur, "
        "a'r gwaith y mae'n seiliedig arno. Mae docs/measures.md yn rhoi pob manylyn."
    ),
    "data.glossary_caption": "Y {count} mesur, yn ôl enw",
    "data.column_measure": "Mesur",
    "data.column_definition": "Diffiniad",
    "data.column_measured_for": "Wedi'i fesur ar gyfer",
    "data.column_references": "Cyfeiriadau",
}
