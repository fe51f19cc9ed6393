"""Negeseuon Cymraeg (Welsh messages). The same keys as ``en.py``; a test checks both ways."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # The shell, on every page
    "shell.site_name": "plcnet",
    "shell.tagline": "Cymunedau dysgu proffesiynol ar draws ysgolion Cymru",
    "shell.skip_link": "Neidio i'r prif gynnwys",
    "shell.other_language": "English",
    "shell.other_language_code": "en",
    "shell.nav_label": "Tudalennau",
    "shell.demo_label": "Data enghreifftiol:",
    "shell.demo_notice": (
        "CDPau a chanlyniadau efelychiedig ar ysgolion go iawn Cymru. "
        "Mae'r ffigurau'n dangos sut mae plcnet yn gweithio, nid sut mae ysgolion Cymru'n "
        "cydweithio."
    ),
    "shell.as_at": "Data fel ar {date} · adnewyddiad {run_id}",
    "shell.as_at_unknown": "Dim adnewyddiad llwyddiannus wedi'i gofnodi eto",
    "shell.months": (
        "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
    ),
    "shell.no_database": (
        "Nid oes cronfa ddata wedi'i chyhoeddi yn {path}. "
        "Rhedwch make etl (neu python -m etl refresh) i'w hadeiladu."
    ),
    "region.wales": "Cymru",
    # The command line (python -m dashboard)
    "cli.serving": "Yn gweini plcnet yn {url}",
    "cli.no_database": (
        "Dim cronfa ddata yn {path}.\n"
        "Adeiladwch hi yn gyntaf: make etl (neu python -m etl demo && python -m etl refresh),\n"
        "neu pwyntiwch --db at gronfa ddata plcnet wedi'i chyhoeddi."
    ),
    "cli.debug_help": "Modd dadfygio Dash: ail-lwytho wrth newid, dangos yr offer datblygu.",
    # The filters
    "filters.label": "Hidlwyr",
    "filters.year": "Blwyddyn academaidd",
    "filters.consortium": "Consortiwm",
    "filters.consortium_all": "Pob consortiwm",
    "filters.la": "Awdurdod lleol",
    "filters.la_all": "Pob awdurdod lleol",
    "filters.sector": "Sector",
    "filters.sector_all": "Pob sector",
    "filters.medium": "Cyfrwng iaith",
    "filters.medium_all": "Pob cyfrwng iaith",
    # The overview page
    "overview.nav": "Trosolwg",
    "overview.title": "Trosolwg o'r system",
    "overview.intro": (
        "A yw'r system yn cydweithio mwy, ac a yw ei hysgolion yn gwella? "
        "Y prif ffigurau ar gyfer y flwyddyn a ddewiswyd, pob un gyda'i newid ers y "
        "flwyddyn cynt."
    ),
    "overview.headlines_heading": "Prif ffigurau, {year}, {region}",
    "overview.trend_heading": "Tueddiadau dros y blynyddoedd",
    "overview.trend_caption": "Prif ffigurau fesul blwyddyn academaidd, {region}",
    "overview.support_heading": "Categorïau cymorth",
    "overview.support_intro": (
        "Cyfran yr ysgolion ym mhob categori cymorth yn y System Genedlaethol ar gyfer "
        "Categoreiddio Ysgolion, fesul blwyddyn. Ysgolion gwyrdd sydd angen y lleiaf o "
        "gymorth, ac ysgolion coch y mwyaf."
    ),
    "overview.support_caption": "Ysgolion fesul categori cymorth a blwyddyn, {region}",
    "overview.support_empty": "Nid oes categorïau cymorth wedi'u cofnodi ar gyfer y rhanbarth hwn.",
    "overview.support_axis": "Cyfran yr ysgolion",
    "overview.year_axis": "Blwyddyn academaidd",
    "overview.support_cell": "{share} ({schools})",
    "overview.support_hover": "{category}: {share} o'r ysgolion ({schools})",
    # The headline measures
    "headline.schools_in_plcs": "Ysgolion mewn o leiaf un CDP",
    "headline.schools_in_plcs_help": (
        "Ysgolion ag aelod mewn CDP a oedd yn weithredol y flwyddyn honno."
    ),
    "headline.active_plcs": "CDPau gweithredol",
    "headline.active_plcs_help": "CDPau ag aelod gweithredol o ysgol yn y rhanbarth.",
    "headline.cross_la_share": "Cysylltiadau sy'n croesi ffiniau awdurdodau lleol",
    "headline.cross_la_share_help": (
        "Cyfran y cysylltiadau rhwng ysgolion mewn awdurdodau lleol gwahanol, "
        "ymhlith cysylltiadau ysgolion y rhanbarth."
    ),
    "headline.isolated_schools": "Ysgolion ynysig",
    "headline.isolated_schools_help": ("Ysgolion heb gysylltiad ag unrhyw ysgol arall drwy CDP."),
    "headline.no_data": "Dim data",
    "headline.change_up": "Cynnydd o {amount} ers {year}",
    "headline.change_down": "Gostyngiad o {amount} ers {year}",
    "headline.change_same": "Dim newid ers {year}",
    "headline.change_none": "Dim blwyddyn gynharach i'w chymharu",
    "headline.points": "{amount} pwynt",
    # School sectors and language media
    "sector.nursery": "Meithrin",
    "sector.primary": "Cynradd",
    "sector.middle": "Pob oed (canol)",
    "sector.secondary": "Uwchradd",
    "sector.special": "Arbennig",
    "focus.literacy": "Llythrennedd",
    "focus.numeracy": "Rhifedd",
    "focus.welsh_language": "Y Gymraeg",
    "focus.digital_competence": "Cymhwysedd digidol",
    "focus.additional_learning_needs": "Anghenion dysgu ychwanegol",
    "focus.assessment_for_learning": "Asesu ar gyfer dysgu",
    "focus.leadership": "Arweinyddiaeth",
    "focus.wellbeing": "Llesiant",
    "scope.within_school": "O fewn ysgol",
    "scope.between_schools": "Rhwng ysgolion",
    "scope.across_las": "Ar draws awdurdodau lleol",
    "scope.across_consortia": "Ar draws consortia",
    "membership_type.self_selected": "Hunanddewisol",
    "membership_type.assigned": "Wedi'u penodi",
    "filters.focus": "Ffocws y CDP",
    "filters.focus_all": "Pob maes ffocws",
    "medium.welsh": "Cyfrwng Cymraeg",
    "medium.dual_stream": "Ffrwd ddeuol",
    "medium.transitional": "Trosiannol",
    "medium.bilingual": "Dwyieithog",
    "medium.english_significant_welsh": "Saesneg gyda defnydd sylweddol o'r Gymraeg",
    "medium.english": "Cyfrwng Saesneg",
    "medium.not_applicable": "Amherthnasol",
    # Support categories
    "category.green": "Gwyrdd",
    "category.yellow": "Melyn",
    "category.amber": "Ambr",
    "category.red": "Coch",
    # Rolau brocera (Gould a Fernandez), yr awdurdodau lleol yn grwpiau
    "broker.coordinator": "Cydlynydd",
    "broker.gatekeeper": "Porthor",
    "broker.representative": "Cynrychiolydd",
    "broker.itinerant": "Teithiol",
    "broker.liaison": "Cyswllt",
    # CDPau: camau'r cylch ymholi, naw nodwedd yr adolygiad (enw byr a geiriau Harris a
    # Jones) a'r rhesymau y nodir CDP yn arwynebol
    "stage.analyse_data": "Dadansoddi data",
    "stage.set_goals": "Gosod nodau",
    "stage.research": "Ymchwilio",
    "stage.plan": "Cynllunio",
    "stage.act": "Gweithredu",
    "stage.review": "Adolygu",
    "feature.learner_focus": "Ffocws ar ddysgwyr",
    "feature.learner_focus_help": "Ffocws di-baid ar ddysgu a chanlyniadau dysgwyr",
    "feature.trust": "Parch ac ymddiriedaeth",
    "feature.trust_help": (
        "Parch ac ymddiriedaeth rhwng cydweithwyr ar lefel yr ysgol a'r awdurdod"
    ),
    "feature.data_informed": "Data a thystiolaeth",
    "feature.data_informed_help": "Wedi'i lywio gan ddata a'i yrru gan dystiolaeth",
    "feature.innovation": "Arloesi",
    "feature.innovation_help": "Parodrwydd i arloesi a newid arfer",
    "feature.distributed_leadership": "Arweinyddiaeth wasgaredig",
    "feature.distributed_leadership_help": "Arweinyddiaeth gefnogol a gwasgaredig",
    "feature.broad_involvement": "Cyfranogiad eang",
    "feature.broad_involvement_help": "Cyfranogiad eang mewn penderfyniadau",
    "feature.critical_enquiry": "Ymholi beirniadol",
    "feature.critical_enquiry_help": "Ymholi beirniadol, myfyrio a mireinio parhaus",
    "feature.reciprocal_accountability": "Atebolrwydd cilyddol",
    "feature.reciprocal_accountability_help": "Atebolrwydd cilyddol a grymuso proffesiynol",
    "feature.dissemination": "Lledaenu",
    "feature.dissemination_help": "Lledaenu, cymhwyso ac ymestyn canlyniadau'r CDP",
    "shallow.no_analysis_or_review": (
        "Wedi cyfarfod, ond heb ddadansoddi data dysgwyr nac adolygu'r effaith"
    ),
    "shallow.low_learner_focus": "Mae ei adolygiad yn rhoi 2 neu lai o 5 i'r ffocws ar ddysgwyr",
    "shallow.between_one_school": "I fod i gysylltu ysgolion, ond o un ysgol y daw ei aelodau",
    "shallow.no_activity": "Aelodau, ond dim gweithgarwch wedi'i gofnodi",
    "shallow.low_activity": "Llai nag un gweithgaredd y tymor",
    # Downloads
    "download.button": "Lawrlwytho CSV",
    "download.headlines_label": "Lawrlwytho CSV: prif ffigurau fesul blwyddyn",
    "download.support_label": "Lawrlwytho CSV: categorïau cymorth fesul blwyddyn",
    "download.category": "Categori cymorth",
    "download.schools": "Ysgolion",
    "download.share": "Cyfran yr ysgolion (%)",
    # Small-number suppression (see queries/_macros.sql)
    "suppression.symbol": "c",
    # Tables
    "table.year": "Blwyddyn",
}
