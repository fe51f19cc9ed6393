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
}
