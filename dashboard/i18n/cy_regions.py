"""Negeseuon Cymraeg tudalen y rhanbarthau (pages/regions.py, components/regions.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "regions.nav": "Rhanbarthau",
    "regions.title": "Awdurdodau lleol a chonsortia",
    "regions.intro": (
        "Sut mae'r awdurdodau lleol a'r consortia'n cymharu ar bob mesur rhwydwaith: lle mae "
        "cydweithio'n aros o fewn rhanbarth a lle mae'n croesi ei ffiniau, a pha awdurdodau "
        "sydd fwyaf tebyg."
    ),
    "regions.not_filtered": (
        "Caiff y mesurau eu cyfrifo dros holl ysgolion pob awdurdod lleol a chonsortiwm, felly "
        "ni all sector, cyfrwng iaith na ffocws y CDP eu culhau ac ni chânt eu cynnig yma. Yr "
        "awdurdodau lleol a restrir yw rhai'r consortiwm a ddewiswyd; caiff yr awdurdod a "
        "ddewiswyd ei farcio a'i gymharu â'r rhai tebycaf iddo."
    ),
    "regions.measure_label": "Mesur a ddangosir",
    "regions.chosen": "{name} (a ddewiswyd)",
    # Every measure side by side
    "regions.table_heading": "Pob mesur, {year}",
    "regions.table_intro": (
        'Pob awdurdod lleol a chonsortiwm ochr yn ochr â Chymru. Mae "Dim data" yn nodi '
        "mesur heb werth yno: caiff modiwlaredd a NMI eu cyfrifo ar gyfer consortia a Chymru "
        "yn unig, ac nid yw cysylltu â'r tebyg wedi'i ddiffinio lle mae pob cysylltiad yn "
        "cysylltu ysgolion o'r un math (yn ôl awdurdod lleol, bob amser o fewn un awdurdod). "
        "Mae'r rhestr termau ar y dudalen Data yn diffinio pob mesur."
    ),
    "regions.table_caption": (
        "Mesurau rhwydwaith awdurdodau lleol {region}, y consortia a Chymru, {year}"
    ),
    "regions.sort_label": "Trefnu'r tabl yn ôl",
    "regions.sort_name": "Enw (A i Z)",
    "regions.sort_desc": "{measure}, yr uchaf yn gyntaf",
    "regions.sort_asc": "{measure}, yr isaf yn gyntaf",
    "regions.column_name": "Enw",
    "regions.column_code": "Cod",
    "regions.column_level": "Lefel",
    "regions.level_la": "Awdurdod lleol",
    "regions.level_consortium": "Consortiwm",
    "regions.group_las": "Awdurdodau lleol",
    "regions.group_consortia": "Consortia",
    "regions.download_measures": (
        "Lawrlwytho CSV: pob mesur ar gyfer yr awdurdodau lleol, y consortia a Chymru"
    ),
    # One measure by LA, and its map
    "regions.measure_heading": "{measure} fesul awdurdod lleol, {year}",
    "regions.measure_caption": "{measure} fesul awdurdod lleol, {region}, {year}, a Chymru",
    "regions.wales_line": "Cymru: {value}",
    "regions.not_for_las": (
        "Nid oes gwerth {measure} ar gyfer yr un awdurdod lleol unigol (caiff ei gyfrifo ar "
        "gyfer consortia a Chymru yn unig, neu nid yw wedi'i ddiffinio o fewn un awdurdod): "
        "gweler y consortia a Chymru yn y tabl uchod."
    ),
    "regions.download_measure": "Lawrlwytho CSV: y mesur a ddangosir fesul awdurdod lleol",
    "regions.map_heading": "Map: {measure}, {year}",
    "regions.map_intro": (
        "Mae gan awdurdodau lleol tywyllach werthoedd uwch; mae cylch trwchus o amgylch yr "
        "awdurdod neu'r consortiwm a ddewiswyd. Mae'r tabl yn rhoi ffigur pob awdurdod."
    ),
    "regions.map_caption": "{measure} fesul awdurdod lleol, gyda'i god ONS, {year}",
    "regions.map_missing": (
        "Nid oes ffiniau awdurdodau lleol wedi'u llwytho, felly ni ellir llunio'r map."
    ),
    "regions.column_ons": "Cod ONS",
    "regions.download_map": "Lawrlwytho CSV: y ffigurau ar y map",
    # The E-I matrices
    "regions.la_pairs_heading": "Cysylltiadau rhwng awdurdodau lleol (matrics E-I), {year}",
    "regions.consortium_pairs_heading": "Cysylltiadau rhwng consortia (matrics E-I), {year}",
    "regions.pairs_intro": (
        "Mae pob cell yn cyfrif y cysylltiadau rhwng ysgol o grŵp y rhes ac ysgol o grŵp y "
        "golofn; mae'r groeslin yn dal y cysylltiadau o fewn grŵp. Mae'r lliw yn dangos "
        "cyfran cysylltiadau'r rhes sy'n mynd i'r golofn. Wrth ymyl pob rhes: ei "
        "chysylltiadau mewnol, ei chysylltiadau allanol a'i mynegai E-I."
    ),
    "regions.la_pairs_caption": (
        "Cysylltiadau rhwng awdurdodau lleol {region} (rhesi) a phob awdurdod lleol "
        "(colofnau), {year}"
    ),
    "regions.consortium_pairs_caption": "Cysylltiadau rhwng consortia, {year}",
    "regions.pairs_scale": "Cyfran cysylltiadau'r rhes",
    "regions.pairs_hover": "{row} a {column}: {ties} cysylltiad, {share} o gysylltiadau {row}",
    "regions.pairs_too_many": (
        "Mae {count} awdurdod lleol: dewiswch gonsortiwm i weld cysylltiadau ei awdurdodau â "
        "phob un arall."
    ),
    "regions.column_from_code": "Cod o",
    "regions.column_from": "O",
    "regions.column_to_code": "Cod i",
    "regions.column_to": "I",
    "regions.download_la_pairs": "Lawrlwytho CSV: cysylltiadau rhwng awdurdodau lleol",
    "regions.download_consortium_pairs": "Lawrlwytho CSV: cysylltiadau rhwng consortia",
    # The LAs most like the one chosen
    "regions.similar_heading": "Yr awdurdodau lleol tebycaf i {la}",
    "regions.similar_heading_none": "Yr awdurdodau lleol mwyaf tebyg",
    "regions.similar_choose": (
        "Dewiswch awdurdod lleol yn yr hidlwyr i weld yr awdurdodau tebycaf iddo."
    ),
    "regions.similar_intro": (
        "Y {count} awdurdod lleol agosaf at {la} o ran nifer yr ysgolion a chyfran cyfrwng "
        "Cymraeg, pob un wedi'i safoni dros yr holl awdurdodau (pellter Euclidaidd wedi'i "
        "safoni), gyda'u {measure} yn {year} yn erbyn un {la} ac yn erbyn Cymru. Nid oes "
        "cyfran y disgyblion sy'n gymwys i gael prydau ysgol am ddim yn y data (nid yw'r "
        "rhestr cyfeiriadau ysgolion na'r contract data yn cynnwys un), felly ni all gyfrif."
    ),
    "regions.similar_caption": "{la} a'r awdurdodau lleol tebycaf iddo, gyda Chymru, {year}",
    "regions.column_rank": "Safle",
    "regions.download_similar": "Lawrlwytho CSV: yr awdurdodau lleol mwyaf tebyg",
}
