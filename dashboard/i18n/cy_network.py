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
    "network.role_coordinator": "Cydlynydd",
    "network.role_gatekeeper": "Porthor",
    "network.role_representative": "Cynrychiolydd",
    "network.role_itinerant": "Ymgynghorydd teithiol",
    "network.role_liaison": "Cyswllt",
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
        "y crynodeb, ond nid eu lluniadu."
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
