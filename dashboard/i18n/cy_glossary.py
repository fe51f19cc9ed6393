"""Enwau, diffiniadau a chyfeiriadau pob mesur yn Gymraeg (dashboard/glossary.py).

References to published work keep their authors and titles as published.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # What a measure is measured for
    "measure.level_chosen": "Yr ysgolion a ddewisir gan yr hidlwyr",
    "measure.level_system": "Cymru",
    "measure.level_group": "Pob awdurdod lleol a chonsortiwm, a Chymru",
    "measure.level_pair": "Pob pâr o awdurdodau lleol neu o gonsortia",
    "measure.level_la": "Pob awdurdod lleol",
    "measure.level_school": "Pob ysgol",
    "measure.level_tie": "Pob cysylltiad rhwng dwy ysgol",
    "measure.level_plc": "Pob CDP",
    "measure.level_impact": "Pob ysgol a blwyddyn, yn y dadansoddiad o wella",
    "measure.yes": "Ydy",
    "measure.no": "Nac ydy",
    # Names
    "measure.n_schools": "Ysgolion",
    "measure.n_ties": "Cysylltiadau",
    "measure.internal_ties": "Cysylltiadau mewnol",
    "measure.external_ties": "Cysylltiadau allanol",
    "measure.density": "Dwysedd",
    "measure.ei_index": "Mynegai E-I",
    "measure.isolate_share": "Ysgolion ynysig (cyfran)",
    "measure.n_components": "Cydrannau",
    "measure.giant_component_share": "Y gydran fwyaf (cyfran)",
    "measure.cross_consortium_share": "Cysylltiadau sy'n croesi ffiniau consortia",
    "measure.n_communities": "Cymunedau",
    "measure.modularity_communities": "Modiwlaredd y cymunedau",
    "measure.modularity_la": "Modiwlaredd yr awdurdodau lleol",
    "measure.nmi_communities_la": "Cymunedau yn erbyn awdurdodau lleol (NMI)",
    "measure.betweenness_error": "Cyfeiliornad rhyngoldeb",
    "measure.pair_ties": "Cysylltiadau rhwng dau grŵp",
    "measure.welsh_medium_share": "Cyfran cyfrwng Cymraeg",
    "measure.similarity_distance": "Pellter rhwng awdurdodau lleol",
    "measure.degree": "Gradd",
    "measure.weighted_degree": "Gradd wedi'i phwysoli",
    "measure.betweenness": "Rhyngoldeb",
    "measure.clustering": "Clystyru",
    "measure.n_plcs": "CDPau",
    "measure.cross_la_ties": "Cysylltiadau ag awdurdodau lleol eraill",
    "measure.cross_consortium_ties": "Cysylltiadau â chonsortia eraill",
    "measure.is_isolate": "Ynysig",
    "measure.eigenvector": "Canolrwydd fector eigen",
    "measure.community_id": "Cymuned",
    "measure.mean_clustering": "Clystyru cymedrig",
    "measure.assort_la": "Cysylltu â'r tebyg: awdurdod lleol",
    "measure.assort_medium": "Cysylltu â'r tebyg: cyfrwng iaith",
    "measure.assort_sector": "Cysylltu â'r tebyg: sector",
    "measure.assort_category": "Cysylltu â'r tebyg: categori cymorth",
    "measure.support_schools": "Ysgolion sydd angen cymorth",
    "measure.n_support_tied": "Ysgolion sydd angen cymorth wedi'u cysylltu ag ysgol werdd",
    "measure.support_tied_share": "Cysylltiadau cymorth (cyfran)",
    "measure.support_category": "Categori cymorth",
    "measure.broker_role": "Broceru: {role}",
    "measure.broker_total": "Broceru (pob rôl)",
    "measure.partners": "Partneriaid: {category}",
    "measure.ties_gained": "Cysylltiadau a enillwyd",
    "measure.ties_lost": "Cysylltiadau a gollwyd",
    "measure.weight": "CDPau a rennir",
    "measure.plc_schools": "Ysgolion yn y CDP",
    "measure.n_members": "Aelodau",
    "measure.n_las": "Awdurdodau lleol dan sylw",
    "measure.n_activities": "Gweithgareddau",
    "measure.attendance": "Presenoldeb",
    "measure.activity_per_member": "Presenoldeb fesul aelod",
    "measure.cycle_completeness": "Cyflawnder y cylch ymholi",
    "measure.review_feature": "Adolygiad: {feature}",
    "measure.review_mean": "Adolygiad (cymedr)",
    "measure.health_score": "Iechyd",
    "measure.is_shallow": "Arwynebol",
    "measure.attainment_change": "Newid mewn cyrhaeddiad",
    "measure.impact_estimate": "Amcangyfrif",
    "measure.confidence_interval": "Cyfwng hyder 95%",
    # Definitions
    "measure.schools_in_plcs_definition": (
        "Ysgolion ag o leiaf un aelodaeth sy'n cyfrif mewn CDP a oedd yn weithredol yn y "
        "flwyddyn: mae dyddiadau'r CDP a'r aelodaeth ill dau'n gorgyffwrdd â'r flwyddyn "
        "academaidd."
    ),
    "measure.active_plcs_definition": (
        "CDPau y mae eu dyddiadau'n gorgyffwrdd â'r flwyddyn academaidd ac sydd ag aelod o "
        "un o'r ysgolion a ddewiswyd y mae ei aelodaeth yn gorgyffwrdd â hi hefyd."
    ),
    "measure.cross_la_share_definition": (
        "O'r cysylltiadau ag o leiaf un ysgol ymhlith y rhai a ddewiswyd, y gyfran sy'n "
        "cysylltu ysgolion mewn awdurdodau lleol gwahanol; i Gymru, cyfran yr holl "
        "gysylltiadau."
    ),
    "measure.isolated_schools_definition": (
        "Ysgolion heb gysylltiad ag unrhyw ysgol arall yn y flwyddyn (gradd 0): nid ydynt yn "
        "rhannu CDP gweithredol ag ysgol arall."
    ),
    "measure.n_schools_definition": (
        "Ysgolion yn y grŵp, o'r rhestr cyfeiriadau ysgolion. Mae pob ysgol yn cyfrif bob "
        "blwyddyn, p'un a yw'n cymryd rhan mewn CDP ai peidio."
    ),
    "measure.n_ties_definition": (
        "Parau o ysgolion sydd â chysylltiad yn y flwyddyn, hynny yw sy'n rhannu o leiaf un "
        "CDP a oedd yn weithredol ynddi. I grŵp, y cysylltiadau â'r ddwy ysgol ynddo (yr un "
        "fath â'r cysylltiadau mewnol)."
    ),
    "measure.internal_ties_definition": (
        "Cysylltiadau â'r ddwy ysgol yn y grŵp, pob un wedi'i gyfrif unwaith."
    ),
    "measure.external_ties_definition": (
        "Cysylltiadau ag union un ysgol yn y grŵp: cysylltiadau ag ysgolion awdurdodau lleol "
        "neu gonsortia eraill."
    ),
    "measure.density_definition": (
        "Cysylltiadau rhwng ysgolion y grŵp dros y cysylltiadau posibl, n(n−1)/2 i n o "
        "ysgolion: 0 heb gysylltiadau, 1 pan fo pob ysgol wedi'i chysylltu â phob un arall. "
        "Gwag o dan ddwy ysgol."
    ),
    "measure.ei_index_definition": (
        "(cysylltiadau allanol − cysylltiadau mewnol) / (cysylltiadau allanol + cysylltiadau "
        "mewnol): −1 pan fo pob cysylltiad yn aros o fewn y grŵp, +1 pan fo pob cysylltiad "
        "yn ei adael, 0 yn rhaniad cyfartal. Gwag heb gysylltiadau."
    ),
    "measure.isolate_share_definition": (
        "Cyfran ysgolion y grŵp heb gysylltiad ag unrhyw ysgol arall yn unman: nid yw ysgol "
        "sydd wedi'i chysylltu ag ysgolion awdurdodau lleol eraill yn unig yn ynysig."
    ),
    "measure.n_components_definition": (
        "Rhannau cysylltiedig o'r rhwydwaith, pob ysgol ynysig yn cyfrif fel un: gall "
        "ysgolion un gydran gyrraedd ei gilydd drwy gysylltiadau."
    ),
    "measure.giant_component_share_definition": (
        "Cyfran yr ysgolion yn y gydran fwyaf: i ba raddau y mae'r rhwydwaith yn dal at ei gilydd."
    ),
    "measure.cross_consortium_share_definition": (
        "Cyfran yr holl gysylltiadau sy'n cysylltu ysgolion mewn consortia rhanbarthol gwahanol."
    ),
    "measure.n_communities_definition": (
        "Cymunedau y mae dull Louvain yn eu canfod yn rhwydwaith y flwyddyn, gan gyfrif y "
        "rhai ag o leiaf un cysylltiad; nid yw ysgolion ynysig yn perthyn i'r un."
    ),
    "measure.modularity_communities_definition": (
        "Modiwlaredd Q cymunedau Louvain: cyfran y cysylltiadau o fewn cymunedau llai'r "
        "gyfran a ddisgwylid ar hap i ysgolion â'r un graddau. Mae gwerth uwch yn golygu "
        "grwpiau mwy amlwg ar wahân. Gwag heb gysylltiadau."
    ),
    "measure.modularity_la_definition": (
        "Yr un modiwlaredd Q i'r ysgolion wedi'u grwpio fesul awdurdod lleol: i ba raddau y "
        "mae cysylltiadau'n aros o fewn awdurdodau lleol y tu hwnt i hap."
    ),
    "measure.nmi_communities_la_definition": (
        "Gwybodaeth gydfuddiannol normaleiddiedig y cymunedau a'r awdurdodau lleol, dros "
        "ysgolion â chysylltiadau: 1 pan fo'r cymunedau'n union yr un fath â'r awdurdodau "
        "lleol, yn agos at 0 pan fyddant yn torri ar eu traws."
    ),
    "measure.betweenness_error_definition": (
        "Mewn blynyddoedd digon mawr i amcangyfrif rhyngoldeb o sampl o ysgolion ffynhonnell, "
        "y cyfeiliornad safonol amcangyfrifedig mwyaf yn rhyngoldeb ysgol; 0 pan fo'r "
        "rhyngoldeb yn union."
    ),
    "measure.pair_ties_definition": (
        "Cysylltiadau ag un ysgol ym mhob un o ddau awdurdod lleol (neu gonsortiwm) yn y "
        "flwyddyn; mae grŵp gydag ef ei hun yn dal ei gysylltiadau mewnol. Celloedd y matrics "
        "E-I."
    ),
    "measure.welsh_medium_share_definition": (
        "Cyfran ysgolion awdurdod lleol sy'n ysgolion cyfrwng Cymraeg (cod cyfrwng iaith y "
        "rhestr cyfeiriadau ysgolion), dros ei holl ysgolion."
    ),
    "measure.similarity_distance_definition": (
        "Pa mor annhebyg yw dau awdurdod lleol: y pellter Euclidaidd rhyngddynt wedi i bob "
        "nodwedd (nifer yr ysgolion, cyfran cyfrwng Cymraeg) gael ei safoni dros yr holl "
        "awdurdodau lleol (llai'r cymedr, dros wyriad safonol y sampl). 0 yw unfath."
    ),
    "measure.degree_definition": "Ysgolion y mae ysgol wedi'i chysylltu â nhw yn y flwyddyn.",
    "measure.weighted_degree_definition": (
        "Swm pwysau cysylltiadau ysgol, pob pwysau'n nifer y CDPau y mae'r ddwy ysgol yn eu "
        "rhannu yn y flwyddyn."
    ),
    "measure.betweenness_definition": (
        "Pa mor aml y mae ysgol ar y llwybrau byrraf rhwng dwy ysgol arall, wedi'i "
        "normaleiddio o 0 i 1: mae ysgolion â rhyngoldeb uchel yn froceriaid rhwng ysgolion "
        "heb gysylltiad uniongyrchol. Mae pob cysylltiad yn cyfrif yr un fath beth bynnag "
        "ei bwysau."
    ),
    "measure.clustering_definition": (
        "Cyfran y parau o bartneriaid ysgol sydd wedi'u cysylltu â'i gilydd; 0 gyda llai na "
        "dau bartner."
    ),
    "measure.n_plcs_definition": (
        "CDPau y mae gan ysgol aelodaeth sy'n cyfrif ynddynt yn ystod y flwyddyn, gan gynnwys "
        "CDPau o fewn yr ysgol."
    ),
    "measure.cross_la_ties_definition": (
        "Cysylltiadau ysgol ag ysgolion mewn awdurdod lleol arall."
    ),
    "measure.cross_consortium_ties_definition": (
        "Cysylltiadau ysgol ag ysgolion mewn consortiwm rhanbarthol arall."
    ),
    "measure.is_isolate_definition": (
        "Nid yw'r ysgol wedi'i chysylltu ag unrhyw ysgol arall yn y flwyddyn."
    ),
    "measure.eigenvector_definition": (
        "Canolrwydd ysgol sy'n cyfrif canolrwydd ei phartneriaid: prif fector eigen matrics "
        "cyfagosedd y rhwydwaith, o hyd 1 dros yr holl ysgolion; 0 y tu allan i'r brif "
        "gydran."
    ),
    "measure.community_id_definition": (
        "Cymuned Louvain ysgol yn y flwyddyn, wedi'i rhifo yn ôl maint (1 yw'r fwyaf); mae'r "
        "rhifau'n perthyn i'r flwyddyn. Nid oes gan ysgolion ynysig un."
    ),
    "measure.mean_clustering_definition": (
        "Clystyru cymedrig ysgolion y grŵp, gyda chlystyru pob ysgol wedi'i gymryd yn y "
        "rhwydwaith cyfan (mae ysgolion ynysig yn cyfrif 0): pa mor glòs yw eu cymdogaethau."
    ),
    "measure.assort_la_definition": (
        "O fewn ysgolion a chysylltiadau'r grŵp ei hun, i ba raddau y mae cysylltiadau'n "
        "cysylltu ysgolion o'r un awdurdod lleol: 1 pan fo pob cysylltiad yn gwneud hynny, 0 "
        "pan fo cysylltiadau'n cymysgu awdurdodau fel y byddai hap, negatif pan fyddant yn "
        "ffafrio awdurdodau eraill. Gwag pan nad yw wedi'i ddiffinio: dim cysylltiadau, neu'r "
        "un awdurdod ar bob pen (bob amser felly o fewn un awdurdod lleol)."
    ),
    "measure.assort_medium_definition": (
        "Yr un peth ar gyfer cyfrwng iaith: i ba raddau y mae cysylltiadau'r grŵp yn cysylltu "
        "ysgolion o'r un cyfrwng, 1 bob amser, 0 fel hap, negatif llai na hap."
    ),
    "measure.assort_sector_definition": (
        "Yr un peth ar gyfer sector: i ba raddau y mae cysylltiadau'r grŵp yn cysylltu "
        "ysgolion o'r un sector."
    ),
    "measure.assort_category_definition": (
        "Yr un peth ar gyfer categori cymorth y flwyddyn, dros ysgolion y grŵp sydd ag un: a "
        "yw ysgolion yn cysylltu ag ysgolion o'u categori eu hunain?"
    ),
    "measure.support_schools_definition": (
        "Ysgolion y grŵp y mae eu categori cymorth y flwyddyn honno'n ambr neu'n goch: y rhai "
        "sydd angen cymorth."
    ),
    "measure.n_support_tied_definition": (
        "O'r ysgolion sydd angen cymorth (ambr neu goch), y rhai sydd wedi'u cysylltu ag o "
        "leiaf un ysgol werdd, mewn unrhyw awdurdod lleol neu gonsortiwm."
    ),
    "measure.support_tied_share_definition": (
        "Cyfran yr ysgolion sydd angen cymorth (ambr neu goch) sydd wedi'u cysylltu ag o "
        "leiaf un ysgol werdd: a yw ysgolion sydd angen cymorth wedi'u cysylltu ag ysgolion â "
        "chapasiti? Gwag pan nad oes yr un ysgol angen cymorth."
    ),
    "measure.support_category_definition": (
        "Categori'r ysgol y flwyddyn honno yn y System Genedlaethol ar gyfer Categoreiddio "
        "Ysgolion: gwyrdd sydd angen y lleiaf o gymorth, yna melyn, ambr a choch, y mwyaf."
    ),
    "measure.broker_coordinator_definition": (
        "Parau a → ysgol → c y mae'r ysgol yn eu broceru gydag a, yr ysgol ac c i gyd yn yr "
        "un awdurdod lleol. Mae cysylltiadau'n rhedeg o ysgol arweiniol CDP i'w haelodau "
        "eraill; dim ond pan nad oes gan a gysylltiad ag c y mae pâr yn cyfrif."
    ),
    "measure.broker_gatekeeper_definition": (
        "Parau y mae'n eu broceru gydag a mewn awdurdod lleol arall ac c yn ei un ei hun: "
        "mae'n gadael awdurdod arall i mewn i'w un ei hun."
    ),
    "measure.broker_representative_definition": (
        "Parau y mae'n eu broceru gydag a yn ei awdurdod lleol ei hun ac c mewn un arall: "
        "mae'n cario cyswllt ei awdurdod allan."
    ),
    "measure.broker_itinerant_definition": (
        "Parau y mae'n eu broceru gydag a ac c yn yr un awdurdod lleol a'r ysgol mewn un "
        "arall: mae'n cysylltu dwy ysgol mewn awdurdod nad yw ynddo."
    ),
    "measure.broker_liaison_definition": (
        "Parau y mae'n eu broceru gydag a, yr ysgol ac c mewn tri awdurdod lleol gwahanol: "
        "mae'n cysylltu dau awdurdod, heb yr un ohonynt yn eiddo iddo."
    ),
    "measure.broker_total_definition": (
        "Parau trefnedig o ysgolion (a, c) y mae'r ysgol yn eu broceru: cysylltiad o a i'r "
        "ysgol ac un o'r ysgol i c, cysylltiadau'n rhedeg o ysgol arweiniol CDP i'w haelodau "
        "eraill, a dim cysylltiad o a i c. Swm y pum rôl."
    ),
    "measure.partners_green_definition": (
        "Ysgolion sydd wedi'u cysylltu â hi y mae eu categori cymorth y flwyddyn honno'n wyrdd."
    ),
    "measure.partners_yellow_definition": (
        "Ysgolion sydd wedi'u cysylltu â hi y mae eu categori cymorth y flwyddyn honno'n felyn."
    ),
    "measure.partners_amber_definition": (
        "Ysgolion sydd wedi'u cysylltu â hi y mae eu categori cymorth y flwyddyn honno'n ambr."
    ),
    "measure.partners_red_definition": (
        "Ysgolion sydd wedi'u cysylltu â hi y mae eu categori cymorth y flwyddyn honno'n goch."
    ),
    "measure.ties_gained_definition": (
        "Ysgolion y mae wedi'i chysylltu â nhw eleni ac nad oedd wedi'i chysylltu â nhw y "
        "flwyddyn cynt. Gwag yn y flwyddyn gyntaf."
    ),
    "measure.ties_lost_definition": (
        "Ysgolion yr oedd wedi'i chysylltu â nhw y flwyddyn cynt ac nad yw wedi'i chysylltu "
        "â nhw eleni. Gwag yn y flwyddyn gyntaf."
    ),
    "measure.weight_definition": (
        "Y CDPau y mae dwy ysgol gysylltiedig yn eu rhannu yn y flwyddyn: pwysau eu cysylltiad."
    ),
    "measure.plc_schools_definition": (
        "Ysgolion ag aelodaeth sy'n cyfrif yn y CDP y flwyddyn honno."
    ),
    "measure.n_members_definition": (
        "Aelodau ffugenwol gwahanol ag aelodaeth sy'n cyfrif y flwyddyn honno; dangosir llai "
        "na 5 fel c, a 5 hefyd mewn CDP â 4 ysgol yn aelodau."
    ),
    "measure.n_las_definition": "Awdurdodau lleol gwahanol ysgolion y CDP y flwyddyn honno.",
    "measure.n_activities_definition": "Gweithgareddau'r CDP sydd wedi'u dyddio yn y flwyddyn.",
    "measure.attendance_definition": (
        "Presenoldeb gweithgareddau'r flwyddyn wedi'i adio: cyfarfodydd aelodau. Dangosir "
        "fel c o 1 i 4, a lle bynnag y dangosir yr aelodau fel c."
    ),
    "measure.activity_per_member_definition": (
        "Presenoldeb dros aelodau: y cyfarfodydd y cymerodd yr aelod cyfartalog ran ynddynt y "
        "flwyddyn honno. Dangosir fel c lle bynnag y dangosir yr aelodau neu'r presenoldeb "
        "fel c."
    ),
    "measure.cycle_completeness_definition": (
        "Cyfran chwe cham y cylch ymholi (dadansoddi data, gosod nodau, ymchwilio, cynllunio, "
        "gweithredu, adolygu) ag o leiaf un gweithgaredd yn y flwyddyn."
    ),
    "measure.review_feature_definition": (
        "{feature}: sgôr adolygiad y CDP ar gyfer y nodwedd hon y flwyddyn honno, 1 i 5."
    ),
    "measure.review_mean_definition": (
        "Cymedr naw sgôr adolygiad y flwyddyn, 1 i 5; gwag heb adolygiad."
    ),
    "measure.health_score_definition": (
        "0 i 100: cymedr tair rhan, pob un 0 i 1, dros y rhai sy'n bresennol: yr adolygiad "
        "((cymedr − 1) / 4), y cylch ymholi (ei gyflawnder) a gweithgarwch (presenoldeb fesul "
        "aelod / 6, hyd at 1). Dangosir fel c lle bynnag y dangosir presenoldeb fesul aelod "
        "fel c."
    ),
    "measure.is_shallow_definition": (
        "Wedi'i nodi pan fu, y flwyddyn honno, yn cyfarfod heb ddadansoddi data nac adolygu "
        "effaith, pan fo'i adolygiad yn sgorio ffocws ar ddysgwyr yn 2 neu lai, pan nad yw'n "
        "cysylltu ysgolion er y bwriedid iddo wneud, pan fo ganddo aelodau ond dim "
        "gweithgarwch, neu pan fu'n cyfarfod lai nag unwaith y tymor. Mae'r dudalen yn rhestru'r "
        "rhesymau."
    ),
    "measure.deep_cross_plcs_definition": (
        "CDPau o fwy nag un ysgol, heb eu nodi'n arwynebol y flwyddyn honno, y mae gan yr "
        "ysgol aelodaeth sy'n cyfrif ynddynt y flwyddyn honno: prif fesur y cydweithio."
    ),
    "measure.deep_cross_ties_definition": (
        "Ysgolion eraill sy'n rhannu o leiaf un CDP o'r fath (o fwy nag un ysgol, nid "
        "arwynebol) gyda'r ysgol y flwyddyn honno."
    ),
    "measure.green_ties_definition": (
        "Ysgolion y mae wedi'i chysylltu â nhw y flwyddyn honno y mae eu categori cymorth y "
        "flwyddyn honno'n wyrdd."
    ),
    "measure.any_cross_plcs_definition": (
        "CDPau o fwy nag un ysgol y mae ynddynt y flwyddyn honno, yn arwynebol ai peidio."
    ),
    "measure.attainment_change_definition": (
        "Cyrhaeddiad ysgol eleni llai ei chyrhaeddiad y flwyddyn cynt; gwag yn y flwyddyn "
        "gyntaf neu pan fo'r naill neu'r llall ar goll."
    ),
    "measure.impact_estimate_definition": (
        "Y newid mewn cyrhaeddiad sy'n mynd gydag un uned yn rhagor o gydweithio, gan gymharu "
        "blynyddoedd pob ysgol â'i gilydd (effeithiau sefydlog ysgol a blwyddyn). Cysylltiad, "
        "nid prawf o achos."
    ),
    "measure.confidence_interval_definition": (
        "Yr ystod y mae'r amcangyfrif yn debygol o fod ynddi, 95 gwaith o bob 100, o "
        "gyfeiliornadau safonol wedi'u clystyru fesul ysgol."
    ),
    # References
    "reference.plcnet": (
        "plcnet, docs/measures.md: y rhwydwaith o ysgolion wedi'i adeiladu o aelodaeth CDPau, "
        "flwyddyn wrth flwyddyn."
    ),
    "reference.address_list": (
        "Llywodraeth Cymru, rhestr cyfeiriadau ysgolion (ysgolion a gynhelir, gyda'u hawdurdod "
        "lleol a'u cyfrwng iaith). Trwydded Llywodraeth Agored v3.0."
    ),
    "reference.wasserman1994": (
        "Wasserman, S. a Faust, K. (1994). Social Network Analysis: Methods and "
        "Applications. Cambridge University Press."
    ),
    "reference.krackhardt1988": (
        "Krackhardt, D. a Stern, R. N. (1988). Informal networks and organizational crises: "
        "an experimental simulation. Social Psychology Quarterly, 51(2), 123–140."
    ),
    "reference.freeman1977": (
        "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. "
        "Sociometry, 40(1), 35–41."
    ),
    "reference.watts1998": (
        "Watts, D. J. a Strogatz, S. H. (1998). Collective dynamics of 'small-world' "
        "networks. Nature, 393, 440–442."
    ),
    "reference.bonacich1972": (
        "Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique "
        "identification. Journal of Mathematical Sociology, 2(1), 113–120."
    ),
    "reference.blondel2008": (
        "Blondel, V. D., Guillaume, J.-L., Lambiotte, R. a Lefebvre, E. (2008). Fast "
        "unfolding of communities in large networks. Journal of Statistical Mechanics, P10008."
    ),
    "reference.newman2006": (
        "Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS, "
        "103(23), 8577–8582."
    ),
    "reference.danon2005": (
        "Danon, L., Díaz-Guilera, A., Duch, J. ac Arenas, A. (2005). Comparing community "
        "structure identification. Journal of Statistical Mechanics, P09008."
    ),
    "reference.brandes2007": (
        "Brandes, U. a Pich, C. (2007). Centrality estimation in large networks. "
        "International Journal of Bifurcation and Chaos, 17(7), 2303–2318."
    ),
    "reference.everitt2011": (
        "Everitt, B. S., Landau, S., Leese, M. a Stahl, D. (2011). Cluster Analysis, 5ed "
        "argraffiad, pennod 3 (mesur agosrwydd). Wiley."
    ),
    "reference.newman2003": (
        "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126."
    ),
    "reference.gould1989": (
        "Gould, R. V. a Fernandez, R. M. (1989). Structures of mediation: a formal approach "
        "to brokerage in transaction networks. Sociological Methodology, 19, 89–126."
    ),
    "reference.categorisation": (
        "Llywodraeth Cymru, y System Genedlaethol ar gyfer Categoreiddio Ysgolion: categorïau "
        "cymorth ysgolion. Trwydded Llywodraeth Agored v3.0."
    ),
    "reference.harris2010": (
        "Harris, A. a Jones, M. (2010). Professional learning communities and system "
        "improvement. Improving Schools, 13(2), 172–181."
    ),
    "reference.dufour2004": (
        'DuFour, R. (2004). What is a "professional learning community"? Educational '
        "Leadership, 61(8), 6–11."
    ),
    "reference.dufour2006": (
        "DuFour, R., DuFour, R., Eaker, R. a Many, T. (2006). Learning by Doing: A Handbook "
        "for Professional Learning Communities at Work. Solution Tree."
    ),
    "reference.wooldridge2010": (
        "Wooldridge, J. M. (2010). Econometric Analysis of Cross Section and Panel Data, 2il "
        "argraffiad, pennod 10. MIT Press."
    ),
    "reference.cameron2015": (
        "Cameron, A. C. a Miller, D. L. (2015). A practitioner's guide to cluster-robust "
        "inference. Journal of Human Resources, 50(2), 317–372."
    ),
}
