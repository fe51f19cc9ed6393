"""English names, definitions and references of every measure (dashboard/glossary.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # What a measure is measured for
    "measure.level_chosen": "The schools the filters choose",
    "measure.level_system": "Wales",
    "measure.level_group": "Each LA and consortium, and Wales",
    "measure.level_pair": "Each pair of LAs or of consortia",
    "measure.level_la": "Each LA",
    "measure.level_school": "Each school",
    "measure.level_tie": "Each tie between two schools",
    "measure.level_plc": "Each PLC",
    "measure.level_impact": "Each school and year, in the analysis of improvement",
    "measure.yes": "Yes",
    "measure.no": "No",
    # Names
    "measure.n_schools": "Schools",
    "measure.n_ties": "Ties",
    "measure.internal_ties": "Ties within",
    "measure.external_ties": "Ties out",
    "measure.density": "Density",
    "measure.ei_index": "E-I index",
    "measure.isolate_share": "Isolated schools (share)",
    "measure.n_components": "Components",
    "measure.giant_component_share": "Largest component (share)",
    "measure.cross_consortium_share": "Ties that cross consortium lines",
    "measure.n_communities": "Communities",
    "measure.modularity_communities": "Modularity of the communities",
    "measure.modularity_la": "Modularity of the LAs",
    "measure.nmi_communities_la": "Communities against LAs (NMI)",
    "measure.betweenness_error": "Betweenness error",
    "measure.pair_ties": "Ties between two groups",
    "measure.welsh_medium_share": "Welsh-medium share",
    "measure.similarity_distance": "Distance between LAs",
    "measure.degree": "Degree",
    "measure.weighted_degree": "Weighted degree",
    "measure.betweenness": "Betweenness",
    "measure.clustering": "Clustering",
    "measure.n_plcs": "PLCs",
    "measure.cross_la_ties": "Ties to other LAs",
    "measure.cross_consortium_ties": "Ties to other consortia",
    "measure.is_isolate": "Isolated",
    "measure.eigenvector": "Eigenvector centrality",
    "measure.community_id": "Community",
    "measure.mean_clustering": "Mean clustering",
    "measure.assort_la": "Assortativity by LA",
    "measure.assort_medium": "Assortativity by language medium",
    "measure.assort_sector": "Assortativity by sector",
    "measure.assort_category": "Assortativity by support category",
    "measure.support_schools": "Schools needing support",
    "measure.n_support_tied": "Schools needing support tied to a green school",
    "measure.support_tied_share": "Support ties (share)",
    "measure.support_category": "Support category",
    "measure.broker_role": "Brokerage: {role}",
    "measure.broker_total": "Brokerage (all roles)",
    "measure.partners": "{category} partners",
    "measure.ties_gained": "Ties gained",
    "measure.ties_lost": "Ties lost",
    "measure.weight": "Shared PLCs",
    "measure.plc_schools": "Schools in the PLC",
    "measure.n_members": "Members",
    "measure.n_las": "Local authorities spanned",
    "measure.n_activities": "Activities",
    "measure.attendance": "Attendance",
    "measure.activity_per_member": "Attendance per member",
    "measure.cycle_completeness": "Enquiry cycle completeness",
    "measure.review_feature": "Review: {feature}",
    "measure.review_mean": "Review (mean)",
    "measure.health_score": "Health",
    "measure.is_shallow": "Shallow",
    "measure.attainment_change": "Change in attainment",
    "measure.impact_estimate": "Estimate",
    "measure.confidence_interval": "95% confidence interval",
    # Definitions
    "measure.schools_in_plcs_definition": (
        "Schools with at least one membership counting in a PLC active in the year: the "
        "PLC's dates and the membership's both overlap the academic year."
    ),
    "measure.active_plcs_definition": (
        "PLCs whose dates overlap the academic year and that have a member from one of the "
        "schools chosen whose membership overlaps it too."
    ),
    "measure.cross_la_share_definition": (
        "Of the ties with at least one school among those chosen, the share joining schools "
        "in different local authorities; for Wales, the share of all ties."
    ),
    "measure.isolated_schools_definition": (
        "Schools tied to no other school in the year (degree 0): they share no active PLC "
        "with another school."
    ),
    "measure.n_schools_definition": (
        "Schools in the group, from the address list of schools. Every school counts every "
        "year, whether or not it takes part in a PLC."
    ),
    "measure.n_ties_definition": (
        "Pairs of schools tied in the year, that is sharing at least one PLC active in it. "
        "For a group, the ties with both schools in it (the same as ties within)."
    ),
    "measure.internal_ties_definition": "Ties with both schools in the group, each counted once.",
    "measure.external_ties_definition": (
        "Ties with exactly one school in the group: ties to schools of other LAs or consortia."
    ),
    "measure.density_definition": (
        "Ties among the group's schools over the ties possible, n(n−1)/2 for n schools: 0 "
        "with no ties, 1 when every school is tied to every other. Empty below two schools."
    ),
    "measure.ei_index_definition": (
        "(ties out − ties within) / (ties out + ties within): −1 when every tie stays inside "
        "the group, +1 when every tie leaves it, 0 an even split. Empty without ties."
    ),
    "measure.isolate_share_definition": (
        "Share of the group's schools tied to no other school anywhere: a school tied only "
        "to schools of other LAs is not isolated."
    ),
    "measure.n_components_definition": (
        "Connected parts of the network, each isolated school counting as one: the schools "
        "of one component can reach each other through ties."
    ),
    "measure.giant_component_share_definition": (
        "Share of the schools in the largest component: how far the network holds together."
    ),
    "measure.cross_consortium_share_definition": (
        "Share of all ties joining schools in different regional consortia."
    ),
    "measure.n_communities_definition": (
        "Communities the Louvain method finds in the year's network, counting those with at "
        "least one tie; isolated schools belong to none."
    ),
    "measure.modularity_communities_definition": (
        "Modularity Q of the Louvain communities: the share of ties inside communities less "
        "the share expected by chance for schools with the same degrees. Higher means more "
        "clearly separate groups. Empty without ties."
    ),
    "measure.modularity_la_definition": (
        "The same modularity Q for the schools grouped by local authority: how far ties stay "
        "inside LAs beyond chance."
    ),
    "measure.nmi_communities_la_definition": (
        "Normalised mutual information of the communities and the LAs, over schools with "
        "ties: 1 when the communities are exactly the LAs, near 0 when they cut across them."
    ),
    "measure.betweenness_error_definition": (
        "In years large enough for betweenness to be estimated from a sample of source "
        "schools, the largest estimated standard error of a school's betweenness; 0 when "
        "betweenness is exact."
    ),
    "measure.pair_ties_definition": (
        "Ties with one school in each of two LAs (or consortia) in the year; a group with "
        "itself holds its ties within. The cells of the E-I matrix."
    ),
    "measure.welsh_medium_share_definition": (
        "Share of an LA's schools that are Welsh medium (language medium code of the address "
        "list of schools), over all its schools."
    ),
    "measure.similarity_distance_definition": (
        "How unlike two LAs are: the Euclidean distance between them once each feature "
        "(number of schools, Welsh-medium share) is standardised over all LAs (less the mean, "
        "over the sample standard deviation). 0 is identical."
    ),
    "measure.degree_definition": "Schools a school is tied to in the year.",
    "measure.weighted_degree_definition": (
        "Sum of the weights of a school's ties, each weight the number of PLCs the two "
        "schools share in the year."
    ),
    "measure.betweenness_definition": (
        "How often a school lies on the shortest paths between two other schools, normalised "
        "from 0 to 1: schools with high betweenness are brokers between schools not tied "
        "directly. Ties count alike whatever their weight."
    ),
    "measure.clustering_definition": (
        "Share of the pairs of a school's partners that are tied to each other; 0 with fewer "
        "than two partners."
    ),
    "measure.n_plcs_definition": (
        "PLCs a school has a membership counting in during the year, PLCs within the school "
        "included."
    ),
    "measure.cross_la_ties_definition": "A school's ties to schools in another local authority.",
    "measure.cross_consortium_ties_definition": (
        "A school's ties to schools in another regional consortium."
    ),
    "measure.is_isolate_definition": "The school is tied to no other school in the year.",
    "measure.eigenvector_definition": (
        "A school's centrality counting the centrality of its partners: the leading "
        "eigenvector of the network's adjacency matrix, of length 1 over all schools; 0 "
        "outside the main component."
    ),
    "measure.community_id_definition": (
        "The Louvain community of a school in the year, numbered by size (1 the largest); "
        "numbers are per year. Isolated schools have none."
    ),
    "measure.mean_clustering_definition": (
        "The mean clustering of the group's schools, each school's clustering taken in the "
        "whole network (isolated schools count 0): how closely knit their neighbourhoods are."
    ),
    "measure.assort_la_definition": (
        "Within the group's own schools and ties, how far ties join schools of the same LA: "
        "1 when every tie does, 0 when ties mix LAs as chance would, negative when they "
        "prefer other LAs. Empty when undefined: no ties, or one LA at every tie end (always "
        "so inside one LA)."
    ),
    "measure.assort_medium_definition": (
        "The same for language medium: how far the group's ties join schools of the same "
        "medium, 1 always, 0 as chance, negative less than chance."
    ),
    "measure.assort_sector_definition": (
        "The same for sector: how far the group's ties join schools of the same sector."
    ),
    "measure.assort_category_definition": (
        "The same for the support category of the year, over the group's schools that have "
        "one: do schools tie to schools of their own category?"
    ),
    "measure.support_schools_definition": (
        "Schools of the group whose support category that year is amber or red: those that "
        "need support."
    ),
    "measure.n_support_tied_definition": (
        "Of the schools needing support (amber or red), those tied to at least one green "
        "school, in any LA or consortium."
    ),
    "measure.support_tied_share_definition": (
        "Share of the schools needing support (amber or red) that are tied to at least one "
        "green school: are schools that need support tied to schools with capacity? Empty "
        "when none needs support."
    ),
    "measure.support_category_definition": (
        "The school's category that year in the National School Categorisation System: "
        "green needs the least support, then yellow, amber and red, the most."
    ),
    "measure.broker_coordinator_definition": (
        "Pairs a → school → c the school brokers with a, the school and c all in "
        "one LA. Ties run from a PLC's lead school to its other members; a pair counts only "
        "when a has no tie to c."
    ),
    "measure.broker_gatekeeper_definition": (
        "Pairs it brokers with a in another LA and c in its own: it lets another LA in to its own."
    ),
    "measure.broker_representative_definition": (
        "Pairs it brokers with a in its own LA and c in another: it carries its LA's contact out."
    ),
    "measure.broker_itinerant_definition": (
        "Pairs it brokers with a and c in one LA and the school in another: it links two "
        "schools of an LA it is not in."
    ),
    "measure.broker_liaison_definition": (
        "Pairs it brokers with a, the school and c in three different LAs: it links two LAs, "
        "neither its own."
    ),
    "measure.broker_total_definition": (
        "Ordered pairs of schools (a, c) the school brokers: a tie from a to the school and "
        "one from the school to c, ties running from a PLC's lead school to its other "
        "members, and no tie from a to c. The sum of the five roles."
    ),
    "measure.partners_green_definition": (
        "Schools tied to it whose support category that year is green."
    ),
    "measure.partners_yellow_definition": (
        "Schools tied to it whose support category that year is yellow."
    ),
    "measure.partners_amber_definition": (
        "Schools tied to it whose support category that year is amber."
    ),
    "measure.partners_red_definition": (
        "Schools tied to it whose support category that year is red."
    ),
    "measure.ties_gained_definition": (
        "Schools it is tied to this year and was not tied to the year before. Empty in the "
        "first year."
    ),
    "measure.ties_lost_definition": (
        "Schools it was tied to the year before and is not tied to this year. Empty in the "
        "first year."
    ),
    "measure.weight_definition": (
        "The PLCs two tied schools share in the year: the weight of their tie."
    ),
    "measure.plc_schools_definition": "Schools with a membership counting in the PLC that year.",
    "measure.n_members_definition": (
        "Distinct pseudonymous members with a membership counting that year; fewer than 5 "
        "are shown as c, and so is 5 in a PLC with 4 member schools."
    ),
    "measure.n_las_definition": "Distinct local authorities of the PLC's schools that year.",
    "measure.n_activities_definition": "The PLC's activities dated in the year.",
    "measure.attendance_definition": (
        "The attendance of the year's activities added up: member-meetings. Shown as c "
        "from 1 to 4, and wherever the members are."
    ),
    "measure.activity_per_member_definition": (
        "Attendance over members: the meetings the average member took part in that year. "
        "Shown as c wherever the members or the attendance are."
    ),
    "measure.cycle_completeness_definition": (
        "Share of the six stages of the enquiry cycle (analyse data, set goals, research, "
        "plan, act, review) with at least one activity in the year."
    ),
    "measure.review_feature_definition": (
        "{feature}: the PLC's review score for this feature that year, 1 to 5."
    ),
    "measure.review_mean_definition": (
        "The mean of the year's nine review scores, 1 to 5; empty without a review."
    ),
    "measure.health_score_definition": (
        "0 to 100: the mean of three parts, each 0 to 1, over those present: the review "
        "((mean − 1) / 4), the enquiry cycle (its completeness) and activity "
        "(attendance per member / 6, at most 1). Shown as c wherever attendance per member "
        "is."
    ),
    "measure.is_shallow_definition": (
        "Flagged when, that year, it met without analysing data or reviewing impact, its "
        "review scores focus on learners 2 or less, it ties no schools though meant to, it "
        "has members but no activity, or it met less than once a term. The page lists the "
        "reasons."
    ),
    "measure.deep_cross_plcs_definition": (
        "PLCs of more than one school, not flagged shallow that year, in which the school "
        "has a membership counting that year: the main measure of collaboration."
    ),
    "measure.deep_cross_ties_definition": (
        "Other schools that share at least one such PLC (of more than one school, not "
        "shallow) with the school that year."
    ),
    "measure.green_ties_definition": (
        "Schools it is tied to that year whose support category that year is green."
    ),
    "measure.any_cross_plcs_definition": (
        "PLCs of more than one school it is in that year, shallow or not."
    ),
    "measure.attainment_change_definition": (
        "A school's attainment this year less its attainment the year before; empty in the "
        "first year or when either is missing."
    ),
    "measure.impact_estimate_definition": (
        "The change in attainment that goes with one more unit of collaboration, comparing "
        "each school's years with each other (school and year fixed effects). An "
        "association, not proof of cause."
    ),
    "measure.confidence_interval_definition": (
        "The range within which the estimate is likely to lie, 95 times in 100, from "
        "standard errors clustered by school."
    ),
    # References
    "reference.plcnet": (
        "plcnet, docs/measures.md: the network of schools built from PLC membership, year by year."
    ),
    "reference.address_list": (
        "Welsh Government, address list of schools (maintained schools, with their local "
        "authority and language medium). Open Government Licence v3.0."
    ),
    "reference.wasserman1994": (
        "Wasserman, S. and Faust, K. (1994). Social Network Analysis: Methods and "
        "Applications. Cambridge University Press."
    ),
    "reference.krackhardt1988": (
        "Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational crises: "
        "an experimental simulation. Social Psychology Quarterly, 51(2), 123–140."
    ),
    "reference.freeman1977": (
        "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. "
        "Sociometry, 40(1), 35–41."
    ),
    "reference.watts1998": (
        "Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of 'small-world' "
        "networks. Nature, 393, 440–442."
    ),
    "reference.bonacich1972": (
        "Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique "
        "identification. Journal of Mathematical Sociology, 2(1), 113–120."
    ),
    "reference.blondel2008": (
        "Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast "
        "unfolding of communities in large networks. Journal of Statistical Mechanics, P10008."
    ),
    "reference.newman2006": (
        "Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS, "
        "103(23), 8577–8582."
    ),
    "reference.danon2005": (
        "Danon, L., Díaz-Guilera, A., Duch, J. and Arenas, A. (2005). Comparing community "
        "structure identification. Journal of Statistical Mechanics, P09008."
    ),
    "reference.brandes2007": (
        "Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. "
        "International Journal of Bifurcation and Chaos, 17(7), 2303–2318."
    ),
    "reference.everitt2011": (
        "Everitt, B. S., Landau, S., Leese, M. and Stahl, D. (2011). Cluster Analysis, 5th "
        "edition, chapter 3 (measurement of proximity). Wiley."
    ),
    "reference.newman2003": (
        "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126."
    ),
    "reference.gould1989": (
        "Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach "
        "to brokerage in transaction networks. Sociological Methodology, 19, 89–126."
    ),
    "reference.categorisation": (
        "Welsh Government, National School Categorisation System: support categories of "
        "schools. Open Government Licence v3.0."
    ),
    "reference.harris2010": (
        "Harris, A. and Jones, M. (2010). Professional learning communities and system "
        "improvement. Improving Schools, 13(2), 172–181."
    ),
    "reference.dufour2004": (
        'DuFour, R. (2004). What is a "professional learning community"? Educational '
        "Leadership, 61(8), 6–11."
    ),
    "reference.dufour2006": (
        "DuFour, R., DuFour, R., Eaker, R. and Many, T. (2006). Learning by Doing: A "
        "Handbook for Professional Learning Communities at Work. Solution Tree."
    ),
    "reference.wooldridge2010": (
        "Wooldridge, J. M. (2010). Econometric Analysis of Cross Section and Panel Data, 2nd "
        "edition, chapter 10. MIT Press."
    ),
    "reference.cameron2015": (
        "Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to cluster-robust "
        "inference. Journal of Human Resources, 50(2), 317–372."
    ),
}
