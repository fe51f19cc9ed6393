"""Negeseuon Cymraeg y dudalen effaith (Welsh messages of the impact page). Geiriau
cysylltiad, nid achos: "gwellodd ysgolion ... yn fwy ar gyfartaledd", byth "achosodd"."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "impact.nav": "Effaith",
    "impact.title": "Cydweithio a gwella",
    "impact.intro": (
        "A wnaeth ysgolion wella mwy yn y blynyddoedd pan oeddent mewn mwy o CDPau dwfn "
        "rhwng ysgolion? Mae'r amcangyfrifon yn cymharu blynyddoedd pob ysgol â mwy o CDPau "
        "o'r fath â'i blynyddoedd ei hun â llai, ar ôl y newid sy'n gyffredin i bob ysgol "
        "bob blwyddyn."
    ),
    "impact.scope": (
        "Mae'r amcangyfrifon ar gyfer pob ysgol yn y data, wedi'u cyfuno dros {first} i "
        "{last}: nid yw'r dadansoddiad wedi'i rannu fesul rhanbarth, felly nid oes hidlydd "
        "rhanbarth ar y dudalen hon. Mae'r flwyddyn a ddewiswyd yn berthnasol i siart y "
        "bandiau yn unig."
    ),
    "impact.scope_none": (
        "Nid oes newidiadau mewn cyrhaeddiad wedi'u cofnodi, felly nid oes dim i'w ddangos."
    ),
    "impact.exposure_label": "Mesur cydweithio yn siart y bandiau",
    # Y prif amcangyfrif
    "impact.main_heading": "Y prif amcangyfrif",
    "impact.main_more": (
        "Gwellodd ysgolion {estimate} pwynt cyrhaeddiad yn fwy ar gyfartaledd mewn blwyddyn "
        "pan oeddent mewn un CDP dwfn rhwng ysgolion yn fwy nag yn eu blynyddoedd eraill eu "
        "hunain (cyfwng hyder 95% {low} i {high})."
    ),
    "impact.main_less": (
        "Gwellodd ysgolion {estimate} pwynt cyrhaeddiad yn llai ar gyfartaledd mewn blwyddyn "
        "pan oeddent mewn un CDP dwfn rhwng ysgolion yn fwy nag yn eu blynyddoedd eraill eu "
        "hunain (cyfwng hyder 95% {low} i {high})."
    ),
    "impact.main_zero_inside": (
        "Mae'r cyfwng yn cynnwys sero: mae'r data'n gyson â dim cysylltiad o gwbl."
    ),
    "impact.main_zero_outside": (
        "Nid yw'r cyfwng yn cynnwys sero: mae'n annhebygol bod cysylltiad mor fawr â hyn yn "
        "deillio o siawns yn unig, ond nid yw'n dystiolaeth mai'r CDPau a achosodd y gwelliant."
    ),
    "impact.main_basis": (
        "Yn seiliedig ar {schools} o ysgolion a {observations} o flynyddoedd-ysgol o newid "
        "dros {years} blynedd."
    ),
    "impact.main_none": (
        "Dim amcangyfrif: mae gan lai na {min_schools} o ysgolion gyrhaeddiad wedi'i gofnodi "
        "mewn dwy flynedd neu fwy."
    ),
    "impact.card_estimate": "Amcangyfrif",
    "impact.card_estimate_value": "{estimate} pwynt",
    "impact.card_estimate_help": (
        "Newid mewn cyrhaeddiad am bob CDP dwfn rhwng ysgolion yn y flwyddyn."
    ),
    "impact.card_interval": "Cyfwng hyder 95%",
    "impact.card_interval_value": "{low} i {high}",
    "impact.card_interval_help": (
        "Yr ystod o werthoedd a gefnogir gan y data; gwall samplu yn unig."
    ),
    "impact.card_schools": "Ysgolion",
    "impact.card_schools_help": "Ysgolion â chyrhaeddiad mewn dwy flynedd neu fwy.",
    "impact.card_observations": "Blynyddoedd-ysgol",
    "impact.card_observations_help": (
        "Newidiadau blynyddol mewn cyrhaeddiad y tu ôl i'r amcangyfrif."
    ),
    # Yr amrywiadau
    "impact.variants_heading": "Yr amcangyfrif o dan ddewisiadau eraill",
    "impact.variants_intro": (
        "Yr un dadansoddiad gyda mesur arall o gydweithio, heb gymharu ysgolion â nhw eu "
        "hunain (effeithiau blwyddyn yn unig), ac o fewn pob sector. Mae pob amcangyfrif am "
        "bob uned o'i fesur ei hun: cymharwch bob un â sero, nid â'i gilydd."
    ),
    "impact.variants_caption": (
        "Amcangyfrifon o'r cysylltiad fesul model, pob blwyddyn wedi'u cyfuno"
    ),
    "impact.variants_axis": "Pwyntiau am bob uned (cyfwng 95%)",
    "impact.variants_hover": (
        "{model}<br>{estimate} ({low} i {high}) am bob {unit}<br>{schools} o ysgolion"
    ),
    "impact.column_model": "Model",
    "impact.column_estimate": "Amcangyfrif (cyfwng 95%)",
    "impact.estimate_cell": "{estimate} ({low} i {high}) am bob {unit}",
    "impact.column_p_value": "Gwerth p",
    "impact.column_schools": "Ysgolion",
    "impact.column_observations": "Blynyddoedd-ysgol",
    "impact.model_main": "Prif fodel: CDPau dwfn rhwng ysgolion",
    "impact.model_year_effects_only": "Effeithiau blwyddyn yn unig (dim cymharu o fewn ysgolion)",
    "impact.model_deep_cross_ties": "Ysgolion partner drwy CDPau dwfn",
    "impact.model_green_ties": "Ysgolion partner yn y categori gwyrdd",
    "impact.model_any_cross_plcs": "Pob CDP rhwng ysgolion, dwfn neu arwynebol",
    "impact.model_sector": "Prif fodel, sector: {sector}",
    "impact.subgroup_all": "Pob ysgol",
    "impact.subgroup_sector": "Sector: {sector}",
    "impact.unit_deep_cross_plcs": "CDP dwfn rhwng ysgolion",
    "impact.unit_deep_cross_ties": "ysgol bartner drwy CDPau dwfn",
    "impact.unit_green_ties": "ysgol bartner werdd",
    "impact.unit_any_cross_plcs": "CDP rhwng ysgolion, dwfn neu arwynebol",
    # Y bandiau
    "impact.bands_heading": "Gwella fesul band o gydweithio",
    "impact.bands_intro": (
        "Newid blynyddol cymedrig mewn cyrhaeddiad yr ysgolion ym mhob band, dros bob "
        "blwyddyn ac yn y flwyddyn a ddewiswyd, gyda chyfyngau hyder 95%. Cyfartaleddau syml "
        "yw'r rhain: yn wahanol i'r amcangyfrifon, nid ydynt yn cymharu ysgolion â nhw eu "
        "hunain, felly mae'r bandiau'n wahanol mewn ffyrdd eraill hefyd."
    ),
    "impact.bands_caption": (
        "Newid cymedrig mewn cyrhaeddiad (pwyntiau) fesul band: {exposure} yn y flwyddyn; "
        "pob blwyddyn a {year}"
    ),
    "impact.bands_axis": "Newid cymedrig mewn cyrhaeddiad (pwyntiau)",
    "impact.bands_all_years": "Pob blwyddyn",
    "impact.bands_hover": (
        "{series}, {band}: {mean} ({low} i {high})<br>{schools} o ysgolion, {observations} o "
        "flynyddoedd-ysgol"
    ),
    "impact.bands_cell": "{mean} ({low} i {high})",
    "impact.bands_cell_no_interval": "{mean} (un ysgol: dim cyfwng)",
    "impact.bands_no_year": "Nid oes newid mewn cyrhaeddiad wedi'i gofnodi ar gyfer {year}.",
    "impact.column_band": "Band",
    "impact.column_mean_of": "{series}: newid cymedrig (cyfwng 95%)",
    "impact.column_schools_of": "{series}: ysgolion",
    "impact.exposure_deep_cross_plcs": "CDPau dwfn rhwng ysgolion",
    "impact.exposure_any_cross_plcs": "CDPau rhwng ysgolion, dwfn neu arwynebol",
    "impact.exposure_green_ties": "Ysgolion partner yn y categori gwyrdd",
    "impact.exposure_deep_cross_ties": "Ysgolion partner drwy CDPau dwfn",
    # Beth mae'r ffigurau'n ei ddangos
    "impact.caveats_heading": (
        "Beth mae'r ffigurau hyn yn ei ddangos a beth nad ydynt yn ei ddangos"
    ),
    "impact.caveat_association": (
        "Maent yn dangos cysylltiadau: gwellodd ysgolion mewn mwy o CDPau dwfn rhwng ysgolion "
        "yn fwy ar gyfartaledd nag yn eu blynyddoedd eu hunain â llai. Nid ydynt yn dangos mai'r "
        "cydweithio a achosodd y gwelliant."
    ),
    "impact.caveat_selection": (
        "Nid yw ysgolion yn cael eu neilltuo i CDPau ar hap. Gall rhywbeth sy'n newid o fewn "
        "ysgol o un flwyddyn i'r llall (pennaeth newydd, ymgyrch gan yr awdurdod lleol, cyllid "
        "ychwanegol) ddod â mwy o gydweithio a chanlyniadau gwell, a gall ysgolion sydd wedi "
        "dechrau gwella ymuno â mwy o CDPau."
    ),
    "impact.caveat_noise": (
        "Mae sŵn yn y mesur o gyrhaeddiad: mae ysgol a gafodd flwyddyn anarferol o wael yn "
        "tueddu i wneud yn well y flwyddyn nesaf (atchweliad tuag at y cymedr)."
    ),
    "impact.caveat_interval": (
        "Mae'r cyfyngau hyder yn ystyried gwall samplu yn unig, nid y tueddiadau hyn. Dangosir "
        "nifer yr ysgolion wrth ymyl pob ffigur: mae gan fandiau ag ychydig o ysgolion gyfyngau "
        "llydan."
    ),
    "impact.demo_note": (
        "Data enghreifftiol yw'r rhain, gyda chysylltiad wedi'i blannu'n fwriadol: mae pob CDP "
        "dwfn rhwng ysgolion yn ychwanegu {beta} pwynt cyrhaeddiad at newid ysgol y flwyddyn "
        "honno, a dewiswyd yr aelodaeth heb edrych ar y canlyniadau. Os yw'r prif amcangyfrif "
        "yn ei ganfod, mae hynny'n gwirio'r cyfrifiad; nid yw'n dweud dim am ysgolion go iawn."
    ),
    # Lawrlwytho
    "impact.download_variants": "Lawrlwytho CSV: amcangyfrifon fesul model",
    "impact.download_bands": "Lawrlwytho CSV: gwella fesul band o gydweithio",
    "impact.csv_model": "Model",
    "impact.csv_exposure": "Mesur cydweithio",
    "impact.csv_subgroup": "Ysgolion a gynhwysir",
    "impact.csv_estimate": "Amcangyfrif (pwyntiau am bob uned)",
    "impact.csv_std_error": "Gwall safonol (wedi'i glystyru fesul ysgol)",
    "impact.csv_ci_low": "Cyfwng 95%, isaf",
    "impact.csv_ci_high": "Cyfwng 95%, uchaf",
    "impact.csv_p_value": "Gwerth p",
    "impact.csv_schools": "Ysgolion",
    "impact.csv_observations": "Blynyddoedd-ysgol",
    "impact.csv_years": "Blynyddoedd o newid",
    "impact.csv_band": "Band",
    "impact.csv_year": "Blwyddyn",
    "impact.csv_mean": "Newid cymedrig mewn cyrhaeddiad (pwyntiau)",
    "impact.csv_all_years": "pob blwyddyn",
}
