"""Negeseuon Cymraeg proffil ysgol (``/school/<rhif ysgol>``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "school.nav": "Proffil ysgol",
    "school.title": "{name}: proffil ysgol",
    "school.lede": "Rhif ysgol {number}, {la}, {consortium}. {sector}, {medium}.",
    "school.pupils": "{pupils} o ddisgyblion ar y gofrestr.",
    "school.not_found_title": "Ni chafwyd hyd i'r ysgol",
    "school.not_found": "Nid oes gan unrhyw ysgol y rhif {number} yn y data a gyhoeddwyd.",
    "school.back": "Yn ôl i'r trosolwg",
    # Y flwyddyn yn gryno
    "school.glance_heading": "{year} yn gryno",
    "school.card_plcs": "CDPau",
    "school.card_plcs_help": "Y CDPau y bu'r ysgol yn rhan ohonynt y flwyddyn honno.",
    "school.card_partners": "Ysgolion partner",
    "school.card_partners_help": "Ysgolion y rhannodd o leiaf un CDP â nhw.",
    "school.card_cross_la": "Partneriaid mewn awdurdodau lleol eraill",
    "school.card_cross_la_help": "Ysgolion partner y tu allan i'w hawdurdod lleol ei hun.",
    "school.card_category": "Categori cymorth",
    "school.card_category_help": (
        "Ei chategori yn y System Genedlaethol ar gyfer Categoreiddio Ysgolion."
    ),
    "school.no_category": "Heb ei chategoreiddio",
    # Ei CDPau
    "school.plcs_heading": "CDPau yn {year}",
    "school.plcs_caption": "Y CDPau y bu {name} yn rhan ohonynt, {year}",
    "school.plcs_empty": "Ni fu {name} yn rhan o unrhyw CDP yn {year}.",
    "school.download_plcs": "Lawrlwytho CSV: CDPau'r ysgol",
    "school.col_plc": "CDP",
    "school.col_focus": "Ffocws",
    "school.col_scope": "Cwmpas",
    "school.col_membership": "Aelodaeth",
    "school.col_lead": "Dan arweiniad yr ysgol hon",
    "school.col_schools": "Ysgolion sy'n aelodau",
    "school.col_members": "Aelodau",
    "school.yes": "Ie",
    "school.no": "Na",
    # Ei hysgolion partner
    "school.partners_heading": "Ysgolion partner yn {year}",
    "school.partners_intro": (
        "Ysgolion sydd wedi'u cysylltu â'r ysgol hon drwy o leiaf un CDP a rannwyd ganddynt "
        "y flwyddyn honno, y mwyaf o CDPau a rennir yn gyntaf. Mae pob enw'n agor proffil "
        "yr ysgol honno."
    ),
    "school.partners_caption": "Ysgolion wedi'u cysylltu â {name}, {year}",
    "school.partners_empty": "Nid oedd {name} wedi'i chysylltu ag unrhyw ysgol arall yn {year}.",
    "school.download_partners": "Lawrlwytho CSV: ysgolion partner yr ysgol",
    "school.col_school": "Ysgol",
    "school.col_number": "Rhif ysgol",
    "school.col_la": "Awdurdod lleol",
    "school.col_sector": "Sector",
    "school.col_category": "Categori cymorth",
    "school.col_shared": "CDPau a rennir",
    "school.col_cross_la": "Mewn awdurdod lleol arall",
    # Mesurau dros y blynyddoedd
    "school.measures_heading": "Mesurau rhwydwaith dros y blynyddoedd",
    "school.measures_intro": (
        "Mesurau'r ysgol bob blwyddyn wrth ymyl cymedr holl ysgolion {la} a holl ysgolion "
        "Cymru (gan gynnwys ysgolion ynysig). Mae'r flwyddyn a ddewiswyd wedi'i thynnu'n "
        "fwy."
    ),
    "school.measures_caption": (
        "Mesurau rhwydwaith fesul blwyddyn: {name}, cymedr {la} a chymedr Cymru"
    ),
    "school.download_measures": "Lawrlwytho CSV: mesurau rhwydwaith fesul blwyddyn",
    "school.this_school": "Yr ysgol hon",
    "school.la_mean": "Cymedr {la}",
    "school.wales_mean": "Cymedr Cymru",
    "school.col_series": "O'i gymharu â",
    "school.measure_degree": "Ysgolion partner (gradd)",
    "school.measure_weighted_degree": "CDPau a rennir â phartneriaid (gradd wedi'i phwysoli)",
    "school.measure_betweenness": "Rhyngoldeb (broceriaeth)",
    "school.measure_clustering": "Clystyru",
    "school.measure_n_plcs": "CDPau",
    "school.measure_cross_la_ties": "Partneriaid mewn awdurdodau lleol eraill",
    "school.card_brokerage": "Parau a froceriwyd",
    "school.card_brokerage_help": (
        "Parau o ysgolion heb gysylltiad eu hunain y mae'n eu cysylltu, ym mhob rôl (isod)."
    ),
    # Rolau brocera dros y blynyddoedd
    "school.brokerage_heading": "Rolau brocera dros y blynyddoedd",
    "school.brokerage_intro": (
        "Parau o ysgolion heb gysylltiad â'i gilydd y mae'r ysgol hon yn eu cysylltu, ar y "
        "cysylltiadau sy'n rhedeg o ysgol arweiniol pob CDP i'w haelodau, yn ôl lle mae'r "
        "tair ysgol (Gould a Fernandez): mae cydlynydd yn cysylltu dwy ysgol yn ei "
        "awdurdod lleol ei hun; mae porthor yn dod ag ysgol o awdurdod arall at un o'i "
        "rhai ei hun; mae cynrychiolydd yn mynd â chyswllt ei awdurdod ei hun allan i un "
        "arall; mae un teithiol yn cysylltu dwy ysgol mewn awdurdod nad yw ynddo; mae "
        "cyswllt yn cysylltu dau awdurdod arall."
    ),
    "school.brokerage_caption": "Parau o ysgolion y mae {name} yn eu brocera, fesul rôl a blwyddyn",
    "school.brokerage_axis": "Parau a froceriwyd",
    "school.brokerage_hover": "{role}, {year}: {pairs}",
    "school.col_total": "Pob rôl",
    "school.download_brokerage": "Lawrlwytho CSV: rolau brocera fesul blwyddyn",
    # Categori cymorth dros y blynyddoedd
    "school.support_heading": "Categori cymorth dros y blynyddoedd",
    "school.support_intro": (
        "Categori'r ysgol yn y System Genedlaethol ar gyfer Categoreiddio Ysgolion bob "
        "blwyddyn: ysgolion gwyrdd sydd angen y lleiaf o gymorth, ac ysgolion coch y mwyaf."
    ),
    "school.support_caption": "Categori cymorth {name} fesul blwyddyn",
    "school.support_empty": "Nid oes categori cymorth wedi'i gofnodi ar gyfer {name}.",
    "school.support_hover": "{year}: {category}",
    "school.download_support": "Lawrlwytho CSV: categori cymorth fesul blwyddyn",
}
