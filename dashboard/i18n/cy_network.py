"""Negeseuon Cymraeg archwiliwr y rhwydwaith (/network). The same keys as ``en_network.py``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "network.nav": "Rhwydwaith",
    "network.title": "Archwilio'r rhwydwaith",
    "network.intro": (
        "Pa ysgolion sy'n cydweithio drwy CDPau, a ble? Mae pob pwynt yn ysgol a phob llinell "
        "yn gysylltiad: mae'r ddwy ysgol yn rhannu CDP a oedd yn weithredol y flwyddyn honno. "
        "Dewiswch flwyddyn a rhanbarth, yna lliwiwch a meintiwch yr ysgolion yn ôl yr hyn yr "
        "ydych am ei gymharu."
    ),
    # The pickers
    "network.display": "Sut i luniadu'r rhwydwaith",
    "network.view": "Golwg",
    "network.view_map": "Map o Gymru",
    "network.view_force": "Cynllun grym",
    "network.colour": "Lliwio ysgolion yn ôl",
    "network.colour_la": "Awdurdod lleol",
    "network.colour_consortium": "Consortiwm",
    "network.colour_category": "Categori cymorth",
    "network.colour_community": "Cymuned",
    "network.colour_role": "Prif rôl brocera",
    "network.role_none": "Dim rôl brocera",
    "network.column_role": "Prif rôl brocera",
    "network.column_brokered": "Parau a froceriwyd",
    "network.size": "Maint ysgolion yn ôl",
    # Measures and groups
    "network.degree": "Gradd",
    "network.betweenness": "Rhyngoldeb",
    "network.plcs": "CDPau",
    "network.rank_degree": "gradd",
    "network.rank_betweenness": "rhyngoldeb",
    "network.category_none": "Heb gategori",
    "network.community": "Cymuned {number}",
    "network.community_other": "Cymunedau eraill",
    "network.community_none": "Dim (heb gysylltiadau)",
    # The chart
    "network.chart_heading": "Ysgolion a'u cysylltiadau",
    "network.chart_intro": (
        "Hofrwch dros ysgol i weld ei ffigurau; cliciwch arni i agor ei phroffil. Mae arwynebedd "
        "pob pwynt yn dilyn y mesur a ddewiswyd o dan Maint. Y llinellau yw'r cysylltiadau rhwng "
        "dwy ysgol a ddangosir; caiff cysylltiadau ag ysgolion y tu allan i'r dewis eu cyfrif yn "
        "y crynodeb, ond nid eu lluniadu. Mae'r cynllun grym yn lluniadu ysgolion sy'n "
        "cydweithio yn agos at ei gilydd: cymunedau'r flwyddyn yn gyntaf, yna'r ysgolion ym "
        "mhob un; mae ysgolion heb gysylltiad ar gylchoedd o'u cwmpas."
    ),
    "network.outlines": "Ffiniau awdurdodau lleol",
    "network.ties_legend": "Cysylltiadau ({ties} wedi'u lluniadu)",
    "network.empty": "Nid oes ysgolion yn cyfateb i'r hidlwyr hyn.",
    "network.download_label": "Lawrlwytho CSV: yr ysgolion a ddangosir gyda'u ffigurau",
    # The summary
    "network.summary_heading": "Crynodeb, {year}, {region}",
    "network.summary_caption": "Rhwydwaith yr ysgolion a ddangosir, {region}",
    "network.summary_measure": "Mesur",
    "network.summary_value": "Gwerth",
    "network.summary_schools": "Ysgolion a ddangosir",
    "network.summary_isolated": "Ysgolion ynysig (dim cysylltiad y flwyddyn honno)",
    "network.summary_ties": "Cysylltiadau rhwng ysgolion a ddangosir",
    "network.summary_cross_la": "O'r rhain, yn croesi ffiniau awdurdodau lleol",
    "network.summary_cross_la_value": "{ties} ({share})",
    "network.summary_outside": "Cysylltiadau ag ysgolion y tu allan i'r dewis",
    "network.summary_density": "Dwysedd y cysylltiadau rhwng ysgolion a ddangosir",
    "network.summary_drawn": "Cysylltiadau wedi'u lluniadu",
    "network.summary_unplaced": "Ysgolion heb leoliad (nid ar y map)",
    # The summary of a focus area's subgraph, and which ties are drawn
    "network.summary_isolated_focus": "Ysgolion ynysig (dim cysylltiad drwy'r CDPau hyn)",
    "network.summary_unplaced_force": "Ysgolion nad ydynt yn y cynllun grym",
    "network.summary_components": "Cydrannau (mae pob ysgol ynysig yn cyfrif fel un)",
    "network.summary_giant": "Ysgolion yn y gydran fwyaf",
    "network.summary_communities": "Cymunedau (Louvain, ysgolion â chysylltiadau)",
    "network.summary_modularity": "Modiwlaredd y cymunedau",
    "network.summary_modularity_la": "Modiwlaredd yr awdurdodau lleol",
    "network.summary_nmi": (
        "I ba raddau y mae'r cymunedau'n dilyn ffiniau awdurdodau lleol (NMI, 0 i 1)"
    ),
    "network.summary_betweenness": "Rhyngoldeb",
    "network.summary_betweenness_exact": "Union",
    "network.summary_betweenness_sampled": (
        "Wedi'i amcangyfrif o {sources} ysgol (gwall safonol mwyaf {error})"
    ),
    "network.rule_all": "Caiff pob un o'r {ties} cysylltiad yn {year} eu lluniadu.",
    "network.rule_strongest": (
        "Mae porwr yn lluniadu tua {cap} llinell yn llyfn, felly o'r {ties} cysylltiad yn "
        "{year} caiff y {cap} cryfaf eu lluniadu: y rhai drwy'r nifer fwyaf o CDPau a "
        "rennir (y gwannaf a luniadwyd drwy {weight}), yna'r nifer fwyaf o aelodau a "
        "rennir; ymhlith cysylltiadau yr un mor gryf, trefn sefydlog wedi'i thaenu dros y "
        "wlad. Mae'r crynodeb yn cyfrif pob cysylltiad."
    ),
    "network.rule_focus_all": (
        "Caiff pob un o'r {ties} cysylltiad drwy CDPau {focus} eu lluniadu."
    ),
    "network.rule_focus_strongest": (
        "O'r {ties} cysylltiad drwy CDPau {focus}, caiff y {cap} cryfaf eu lluniadu: y rhai "
        "drwy'r nifer fwyaf o CDPau a rennir (y gwannaf a luniadwyd drwy {weight}); ymhlith "
        "cysylltiadau yr un mor gryf, trefn sefydlog. Mae'r crynodeb yn cyfrif pob "
        "cysylltiad."
    ),
    "network.focus_note": (
        "Gradd, rhyngoldeb a chymunedau'r is-graff hwn yw'r rhain, wedi'u mesur ar gyfer "
        "yr olwg hon; rhai'r rhwydwaith cyfan yw'r CDPau, y categori cymorth a'r rôl "
        "brocera."
    ),
    # The table of schools
    "network.schools_caption_top": (
        "Y {shown} ysgol uchaf ar {measure}, o {schools} a ddangosir, {region}"
    ),
    "network.schools_caption_all": "Yr ysgolion a ddangosir yn ôl {measure}, {region}",
    "network.column_number": "Rhif yr ysgol",
    "network.column_school": "Ysgol",
    "network.column_la": "Awdurdod lleol",
    "network.column_category": "Categori cymorth",
    "network.column_community": "Cymuned",
    "network.column_weighted_degree": "Gradd wedi'i phwysoli",
}
