"""A tiny published database written by hand, for the dashboard's tests.

Eight schools in three LAs of two consortia, over three academic years:

    GWE  660 Isle of Anglesey   A 6602001, B 6602002
         661 Gwynedd            C 6612001, D 6612002, E 6614001
    CSC  681 Cardiff            F 6812001, G 6812002, H 6814001

E and H are secondary, the rest primary; A-D are Welsh medium, E bilingual,
F-H English medium.

PLCs (members by school; joined on the PLC's start unless said):

    P1 literacy       2016-09-01 to open      A, C, B (joined 2017-09-01)
    P2 numeracy       2016-09-01 to 2018-08-31  F, G
    P3 maths          2017-09-01 to open      C, F, D (joined 2018-09-01)
    P4 wellbeing      2018-01-01 to open      H (two members: a PLC within one school)
    P5 digital        2016-09-01 to 2017-06-30  D, E
    P6 leadership     2016-09-01 to open      G (left 2017-08-31: P6 is then without members)

Ties (school pairs sharing an active PLC), cross-LA ones starred:

    2016/17  A-C*  F-G  D-E
    2017/18  A-B  A-C*  B-C*  C-F*  F-G
    2018/19  A-B  A-C*  B-C*  C-D  C-F*  D-F*

So, for all of Wales (worked by hand, asserted in the tests):

    year     in PLCs  active PLCs  cross-LA share  isolated
    2016/17  6        4            1/3             2 (B, H)
    2017/18  6        4            3/5             3 (D, E, H)
    2018/19  6        3            4/6             3 (E, G, H)

Network measures are derived here from the ties above (degree, components) so
that the net_* tables agree with each other; PLC counts per school are by hand.
net_group_pairs, the E-I matrix, counts the ties between each pair of LAs and of
consortia the same way; in 2018/19, for instance, 660-660 1, 660-661 2, 661-661
1, 661-681 2, and GWE-GWE 4, CSC-GWE 2.
The other group measures of net_group_metrics come from networkx on each group's
own subgraph (components, largest component, mean clustering in the whole graph,
assortativity by LA, medium, sector and support category); modularity and NMI
are left empty. Support ties by hand from SUPPORT: in 2016/17, 661 has C (amber)
and D (red) needing support, C tied to green A: 1 of 2; 681 has G (amber), tied
to green F: 1 of 1; Wales 2 of 3. In 2018/19 only E (amber, 661) needs support
and E is isolated: 0 of 1.

For the network page's map: every school but H has a location (H is not
geocoded), and each LA's boundary is a rectangle around its schools drawn with
a midpoint on every edge (9 points, closed), which simplification reduces to its
5 corners; Anglesey's also has an islet 0.001 degrees wide, which the map leaves
out (see LOCATIONS and BOUNDARIES). The force layout puts every school at the same
place each year (FORCE_LAYOUT). Every tie is drawn (net_edges_drawn) except in
2017/18, where the fixture pretends a cap of 4 ties: F-G is left out, and
net_drawing_rules says "the 4 strongest of 5, weight at least 1".

The impact tables (impact_estimates, impact_bins) hold numbers chosen by hand in
the shape the ETL writes them. From eight schools the ETL would estimate
nothing (fewer than MIN_SCHOOLS = 30): these rows test how the dashboard shows
estimates, not how they are computed. Estimates, in insertion order (the page
puts the main model first, then its exposure's other models, then the rest):

    model              exposure         estimate  95% CI            p       schools  obs
    green_ties         green_ties       -0.25     -0.46 to 0.04     0.0912  40       80
    main               deep_cross_plcs   1.25      0.86 to 1.64     0.00001 40       80
    sector_primary     deep_cross_plcs   1.40      0.38 to 2.42     0.0081  32       64
    year_effects_only  deep_cross_plcs   1.10      0.49 to 1.71     0.0009  40       80
    any_cross_plcs     any_cross_plcs    0.50     -0.31 to 1.31     0.2189  40       80

Bands (mean change in attainment, 95% CI, schools/school-years); no band in
2016/17, the first year. Each "all" row pools the years' rows (school-years
add up, the mean is theirs weighted by school-years):

    deep_cross_plcs  0    2017/18 0.60 (0.20 to 1.00) 18/18   2018/19 0.40 (0.00 to 0.80) 12/12
                          all     0.52 (0.12 to 0.92) 20/30
                     1    2017/18 1.25 (0.80 to 1.70) 15/15   2018/19 1.75 (1.20 to 2.30) 10/10
                          all     1.45 (1.05 to 1.85) 15/25
                     2    2017/18 3.00 (no CI: one school) 1/1;  all 3.00 (no CI) 1/1
    green_ties       0    2017/18 0.90 (0.50 to 1.30) 20/20   2018/19 1.10 (0.50 to 1.70) 20/20
                          all     1.00 (0.60 to 1.40) 20/40
                     1-2  2017/18 0.50 (0.10 to 0.90) 20/20   2018/19 1.00 (0.40 to 1.60) 20/20
                          all     0.75 (0.30 to 1.20) 20/40

Brokerage (Gould and Fernandez, LAs as groups) on ties directed from each PLC's
lead school (P1 A, P2 F, P3 C, P4 H, P5 D, P6 G) to its other members that year,
counting open two-paths a -> b -> c (no a -> c), by hand:

    2016/17  A->C  F->G  D->E: no two-path
    2017/18  A->B  A->C  F->G  C->F: A->C->F (660, 661, 681): C liaison;
                                     C->F->G (661, 681, 681): F gatekeeper
    2018/19  A->B  A->C  C->F  C->D: A->C->F: C liaison; A->C->D (660, 661, 661):
                                     C gatekeeper

Activities (stage and attendance) and reviews (the nine scores, in the review's
order) for the PLC pages; net_plc_metrics is computed from them by the ETL's own
model (etl.network.plcs), and the PLC pages' tests check it against these hand
workings. Health = 100 x the mean of the parts present: review (mean - 1) / 4,
cycle stages / 6, attendance per member / 6 (at most 1).

    PLC year     schools members acts attend stages reached      review  health  shallow
    P1  2016/17  2       2       3    6      analyse set plan    -       50.00   -
    P1  2017/18  3       3       6    18     all six             all 4   91.67   -
    P1  2018/19  3       3       3    8      analyse act review  5 4 4 3 4 4 5 4 3 (4.0)
                                                                         56.48   -
    P2  2016/17  2       2       3    6      set act             2 3 2 3 3 2 2 3 2 (2.44)
                                                                         39.81   no analysis
                                                                                 or review,
                                                                                 low learner
                                                                                 focus
    P2  2017/18  2       2       1    2      act                 -       16.67   no analysis
                                                                                 or review,
                                                                                 low activity
    P3  2017/18  2       2       3    6      analyse plan review -       50.00   -
    P3  2018/19  3       3       6    18     all six             4 5 4 4 5 4 4 5 4 (4.33)
                                                                         94.44   -
    P4  2017/18  1       2       2    4      analyse review      -       33.33   - (2 >= 3 x
                                                                                 243 / 365)
    P4  2018/19  1       2       4    8      analyse plan act    3 each  61.11   -
                                             review
    P5  2016/17  2       2       0    0      none                -       0.00    no activity
    P6  2016/17  1       1       1    1      research            -       16.67   no analysis
                                                                                 or review,
                                                                                 low activity
    P6  2017/18, 2018/19: no members, no activity: health 0, not shallow.

The mean review of the PLCs reviewed in 2018/19 (P1, P3, P4), feature by feature:
4, 4, 11/3, 10/3, 4, 11/3, 4, 4, 10/3.

The maps (regions, network) draw each LA's boundary: a rectangle around its
schools (BOUNDARIES, below). For the data page: two successful refreshes (an earlier one on
1 August 2019 that read three files, the latest on 1 September that read four,
two of them new or changed) and a failed one, which a real database never holds;
and the rows the latest set aside (REJECTED), one of them a duplicate member id
(m02) that the page must never show:

    file                  table            reason                         rows
    plcs.csv              plcs             focus area not allowed         2 (lines 3, 4)
    plc_memberships.csv   plc_memberships  duplicate key                  1 (line 5)
    plc_memberships.csv   plc_memberships  no such school_id              1 (line 7)
    plc_memberships.csv   plc_memberships  not a date                     1 (line 7)
"""

from __future__ import annotations

import json
import math
import warnings
from datetime import date, datetime
from pathlib import Path

import duckdb
import networkx as nx

from etl.contract import REVIEW_FEATURES
from etl.network import compute_focus_networks
from etl.network.plcs import compute_plc_measures
from etl.schema import apply_schema

__all__ = [
    "BOUNDARIES",
    "FORCE_LAYOUT",
    "LOCATIONS",
    "REJECTED",
    "RUNS",
    "SCHOOLS",
    "YEARS",
    "build_overview_db",
]

LOCAL_AUTHORITIES = [
    (660, "W06000001", "Isle of Anglesey", "Ynys Môn", "GWE", "GwE", "GwE"),
    (661, "W06000002", "Gwynedd", "Gwynedd", "GWE", "GwE", "GwE"),
    (
        681,
        "W06000015",
        "Cardiff",
        "Caerdydd",
        "CSC",
        "Central South Consortium",
        "Consortiwm Canolbarth y De",
    ),
]

# letter: (school number, name, LA, sector, language medium)
SCHOOLS = {
    "A": (6602001, "Ysgol Aber", 660, "primary", "welsh"),
    "B": (6602002, "Ysgol Bodedern", 660, "primary", "welsh"),
    "C": (6612001, "Ysgol Caernarfon", 661, "primary", "welsh"),
    "D": (6612002, "Ysgol Dolgellau", 661, "primary", "welsh"),
    "E": (6614001, "Ysgol Eryri", 661, "secondary", "bilingual"),
    "F": (6812001, "Fairwater Primary", 681, "primary", "english"),
    "G": (6812002, "Grangetown Primary", 681, "primary", "english"),
    "H": (6814001, "Heath High School", 681, "secondary", "english"),
}

YEARS = {
    "2016/17": (date(2016, 9, 1), date(2017, 8, 31)),
    "2017/18": (date(2017, 9, 1), date(2018, 8, 31)),
    "2018/19": (date(2018, 9, 1), date(2019, 8, 31)),
}

PLCS = [
    ("P1", "Literacy across Môn and Gwynedd", "literacy", "across_las", "self_selected",
     date(2016, 9, 1), None, "A"),
    ("P2", "Cardiff numeracy", "numeracy", "between_schools", "assigned",
     date(2016, 9, 1), date(2018, 8, 31), "F"),
    ("P3", "Maths across the regions", "numeracy", "across_consortia", "self_selected",
     date(2017, 9, 1), None, "C"),
    ("P4", "Wellbeing at Heath", "wellbeing", "within_school", "self_selected",
     date(2018, 1, 1), None, "H"),
    ("P5", "Gwynedd digital skills", "digital_competence", "between_schools", "assigned",
     date(2016, 9, 1), date(2017, 6, 30), "D"),
    ("P6", "Early years", "leadership", "within_school", "assigned",
     date(2016, 9, 1), None, "G"),
]  # fmt: skip

# (PLC, school letter, member id, joined, left)
MEMBERSHIPS = [
    ("P1", "A", "m01", date(2016, 9, 1), None),
    ("P1", "C", "m02", date(2016, 9, 1), None),
    ("P1", "B", "m03", date(2017, 9, 1), None),
    ("P2", "F", "m04", date(2016, 9, 1), None),
    ("P2", "G", "m05", date(2016, 9, 1), None),
    ("P3", "C", "m06", date(2017, 9, 1), None),
    ("P3", "F", "m07", date(2017, 9, 1), None),
    ("P3", "D", "m08", date(2018, 9, 1), None),
    ("P4", "H", "m09", date(2018, 1, 1), None),
    ("P4", "H", "m10", date(2018, 1, 1), None),
    ("P5", "D", "m11", date(2016, 9, 1), None),
    ("P5", "E", "m12", date(2016, 9, 1), None),
    ("P6", "G", "m13", date(2016, 9, 1), date(2017, 8, 31)),
]

TIES = {
    "2016/17": ["AC", "FG", "DE"],
    "2017/18": ["AB", "AC", "BC", "CF", "FG"],
    "2018/19": ["AB", "AC", "BC", "CD", "CF", "DF"],
}

# PLCs each school is in, per year (by hand from the lists above)
N_PLCS = {
    "2016/17": {"A": 1, "B": 0, "C": 1, "D": 1, "E": 1, "F": 1, "G": 2, "H": 0},
    "2017/18": {"A": 1, "B": 1, "C": 2, "D": 0, "E": 0, "F": 2, "G": 1, "H": 1},
    "2018/19": {"A": 1, "B": 1, "C": 2, "D": 1, "E": 0, "F": 1, "G": 0, "H": 1},
}

SUPPORT = {
    "2016/17": "green yellow amber red yellow green amber yellow",
    "2017/18": "green yellow yellow amber yellow green amber green",
    "2018/19": "green green yellow yellow amber green yellow green",
}

# Brokerage roles worked by hand above: (year, school letter) -> (gatekeeper, liaison);
# every other role and school-year is 0.
BROKERAGE = {
    ("2017/18", "C"): (0, 1),
    ("2017/18", "F"): (1, 0),
    ("2018/19", "C"): (1, 1),
}

# (PLC, date, enquiry-cycle stage, attendance); ids are A01, A02, ... in this order.
ACTIVITIES = [
    ("P1", date(2016, 10, 1), "analyse_data", 2),
    ("P1", date(2017, 1, 15), "set_goals", 2),
    ("P1", date(2017, 3, 1), "plan", 2),
    ("P1", date(2017, 10, 1), "analyse_data", 3),
    ("P1", date(2017, 11, 1), "set_goals", 3),
    ("P1", date(2018, 1, 10), "research", 3),
    ("P1", date(2018, 3, 1), "plan", 3),
    ("P1", date(2018, 5, 1), "act", 3),
    ("P1", date(2018, 7, 1), "review", 3),
    ("P1", date(2018, 10, 1), "analyse_data", 3),
    ("P1", date(2019, 2, 1), "act", 2),
    ("P1", date(2019, 6, 1), "review", 3),
    ("P2", date(2016, 11, 1), "set_goals", 2),
    ("P2", date(2017, 2, 1), "act", 2),
    ("P2", date(2017, 5, 1), "act", 2),
    ("P2", date(2018, 1, 1), "act", 2),
    ("P3", date(2017, 10, 15), "analyse_data", 2),
    ("P3", date(2018, 2, 1), "plan", 2),
    ("P3", date(2018, 6, 1), "review", 2),
    ("P3", date(2018, 9, 20), "analyse_data", 3),
    ("P3", date(2018, 11, 1), "set_goals", 3),
    ("P3", date(2019, 1, 15), "research", 3),
    ("P3", date(2019, 3, 1), "plan", 3),
    ("P3", date(2019, 5, 1), "act", 3),
    ("P3", date(2019, 7, 1), "review", 3),
    ("P4", date(2018, 2, 1), "analyse_data", 2),
    ("P4", date(2018, 6, 1), "review", 2),
    ("P4", date(2018, 10, 1), "analyse_data", 2),
    ("P4", date(2019, 1, 10), "plan", 2),
    ("P4", date(2019, 4, 1), "act", 2),
    ("P4", date(2019, 7, 1), "review", 2),
    ("P6", date(2016, 10, 1), "research", 1),
]

# (PLC, year, the nine scores in the order of etl.contract.REVIEW_FEATURES)
REVIEWS = [
    ("P1", "2017/18", (4, 4, 4, 4, 4, 4, 4, 4, 4)),
    ("P1", "2018/19", (5, 4, 4, 3, 4, 4, 5, 4, 3)),
    ("P2", "2016/17", (2, 3, 2, 3, 3, 2, 2, 3, 2)),
    ("P3", "2018/19", (4, 5, 4, 4, 5, 4, 4, 5, 4)),
    ("P4", "2018/19", (3, 3, 3, 3, 3, 3, 3, 3, 3)),
]


def _file(path: str, kind: str, sha: str, rows: int) -> dict[str, object]:
    return {"path": path, "kind": kind, "sha256": sha * 64, "encoding": "utf-8", "rows": rows}


# The files each run read (checksums of one repeated hex digit, for short tests).
EARLIER_FILES = [
    _file("/srv/reference/local_authorities.csv", "local_authorities", "1", 3),
    _file("/srv/raw/plcs.csv", "contract:plcs", "2", 5),
    _file("/srv/raw/plc_memberships.csv", "contract:plc_memberships", "3", 12),
]
LATEST_FILES = [
    _file("/srv/reference/local_authorities.csv", "local_authorities", "1", 3),
    _file("/srv/reference/boundaries/lad.json", "boundaries:geojson", "4", 3),
    _file("/srv/raw/plcs.csv", "contract:plcs", "2", 8),
    _file("/srv/raw/plc_memberships.csv", "contract:plc_memberships", "5", 16),
]

# (run id, started, finished, status, trigger, files read, rows set aside per table)
RUNS = [
    ("20190801T080000-e5f6", datetime(2019, 8, 1, 8, 0), datetime(2019, 8, 1, 8, 0, 42),
     "success", "schedule", EARLIER_FILES, {}),
    ("20190901T101500-a1b2", datetime(2019, 9, 1, 10, 15), datetime(2019, 9, 1, 10, 16, 30),
     "success", "make", LATEST_FILES, {"plcs": 2, "plc_memberships": 2}),
    ("20190902T090000-c3d4", datetime(2019, 9, 2, 9, 0), datetime(2019, 9, 2, 9, 0, 5),
     "failed", "schedule", None, None),
]  # fmt: skip

# Rows the latest run set aside: (file, table, line, column, value, reason)
REJECTED = [
    ("/srv/raw/plcs.csv", "plcs", 3, "focus_area", "astrology",
     "not one of the allowed values: literacy, numeracy"),
    ("/srv/raw/plcs.csv", "plcs", 4, "focus_area", "tarot",
     "not one of the allowed values: literacy, numeracy"),
    ("/srv/raw/plc_memberships.csv", "plc_memberships", 5, "member_id", "m02",
     "duplicate key (plc_id, member_id): the same row is given twice; keep one"),
    ("/srv/raw/plc_memberships.csv", "plc_memberships", 7, "school_id", "9999999",
     "no such school_id in schools; check the code or load the schools row first"),
    ("/srv/raw/plc_memberships.csv", "plc_memberships", 7, "joined", "2019-13-01",
     "not a date (YYYY-MM-DD)"),
]  # fmt: skip

WALES = "W92000004"

# (model, exposure, subgroup, estimate, std error, CI low, CI high, p, schools, school-years)
IMPACT_ESTIMATES = [
    ("green_ties", "green_ties", "all", -0.25, 0.105, -0.46, 0.04, 0.0912, 40, 80),
    ("main", "deep_cross_plcs", "all", 1.25, 0.195, 0.86, 1.64, 0.00001, 40, 80),
    ("sector_primary", "deep_cross_plcs", "sector = primary", 1.40, 0.5, 0.38, 2.42, 0.0081,
     32, 64),
    ("year_effects_only", "deep_cross_plcs", "all", 1.10, 0.305, 0.49, 1.71, 0.0009, 40, 80),
    ("any_cross_plcs", "any_cross_plcs", "all", 0.50, 0.405, -0.31, 1.31, 0.2189, 40, 80),
]  # fmt: skip

# (exposure, band, band order, low, high, year, schools, school-years, mean, CI low, CI high)
IMPACT_BINS = [
    ("deep_cross_plcs", "0", 1, 0, 0, "all", 20, 30, 0.52, 0.12, 0.92),
    ("deep_cross_plcs", "0", 1, 0, 0, "2017/18", 18, 18, 0.60, 0.20, 1.00),
    ("deep_cross_plcs", "0", 1, 0, 0, "2018/19", 12, 12, 0.40, 0.00, 0.80),
    ("deep_cross_plcs", "1", 2, 1, 1, "all", 15, 25, 1.45, 1.05, 1.85),
    ("deep_cross_plcs", "1", 2, 1, 1, "2017/18", 15, 15, 1.25, 0.80, 1.70),
    ("deep_cross_plcs", "1", 2, 1, 1, "2018/19", 10, 10, 1.75, 1.20, 2.30),
    ("deep_cross_plcs", "2", 3, 2, 2, "all", 1, 1, 3.00, None, None),
    ("deep_cross_plcs", "2", 3, 2, 2, "2017/18", 1, 1, 3.00, None, None),
    ("green_ties", "0", 1, 0, 0, "all", 20, 40, 1.00, 0.60, 1.40),
    ("green_ties", "0", 1, 0, 0, "2017/18", 20, 20, 0.90, 0.50, 1.30),
    ("green_ties", "0", 1, 0, 0, "2018/19", 20, 20, 1.10, 0.50, 1.70),
    ("green_ties", "1-2", 2, 1, 2, "all", 20, 40, 0.75, 0.30, 1.20),
    ("green_ties", "1-2", 2, 1, 2, "2017/18", 20, 20, 0.50, 0.10, 0.90),
    ("green_ties", "1-2", 2, 1, 2, "2018/19", 20, 20, 1.00, 0.40, 1.60),
]


# The columns the rows above give, by name: a column added to a table in the middle
# cannot shift the values that follow it (tests/test_insert_by_name.py).
LA_COLUMNS = (
    "la_code",
    "ons_code",
    "name_en",
    "name_cy",
    "consortium_code",
    "consortium_name_en",
    "consortium_name_cy",
)
PLC_COLUMNS = (
    "plc_id",
    "name",
    "focus_area",
    "scope",
    "membership_type",
    "start_date",
    "end_date",
    "lead_school_id",
)
EDGE_COLUMNS = (
    "year",
    "school_a",
    "school_b",
    "weight",
    "shared_members",
    "cross_la",
    "cross_consortium",
)
SCHOOL_METRIC_COLUMNS = (
    "year",
    "school_id",
    "degree",
    "weighted_degree",
    "betweenness",
    "clustering",
    "n_plcs",
    "cross_la_ties",
    "cross_consortium_ties",
    "is_isolate",
)
SYSTEM_METRIC_COLUMNS = (
    "year",
    "n_schools",
    "n_ties",
    "density",
    "n_components",
    "giant_component_share",
    "cross_la_share",
    "cross_consortium_share",
)
DRAWING_RULE_COLUMNS = (
    "year",
    "ties_total",
    "ties_drawn",
    "max_ties_drawn",
    "min_weight_drawn",
    "rule",
    "layout_method",
    "layout_seed",
)
IMPACT_ESTIMATE_COLUMNS = (
    "model",
    "outcome",
    "exposure",
    "subgroup",
    "estimate",
    "std_error",
    "ci_low",
    "ci_high",
    "p_value",
    "n_schools",
    "n_observations",
    "n_years",
    "method",
)
IMPACT_BIN_COLUMNS = (
    "exposure", "band", "band_order", "band_low", "band_high", "year",
    "n_schools", "n_observations", "mean_improvement", "ci_low", "ci_high",
)  # fmt: skip


def build_overview_db(path: Path, *, outcome_source: str = "demo") -> Path:
    """Write the fixture database to ``path`` (outcomes carry ``outcome_source``)."""
    con = duckdb.connect(str(path))
    try:
        apply_schema(con)
        _insert_reference(con)
        _insert_places(con)
        _insert_contract(con, outcome_source)
        _insert_network(con)
        _insert_drawing(con)
        _insert_impact(con)
        _insert_settings(con, outcome_source)
        # The PLC measures from the contract rows above, by the ETL's own model.
        compute_plc_measures(con, progress=lambda _line: None)
        # The focus areas' networks from the same rows, as the refresh measures them.
        compute_focus_networks(con, progress=lambda _line: None)
        _insert_runs(con)
    finally:
        con.close()
    return path


# Values for NOT NULL columns the fixture does not fill, by DuckDB type. The network
# tables grow new measures; the dashboard's tests need only some of them.
_FILLERS = {"VARCHAR": "", "BOOLEAN": False}


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: tuple[str, ...],
    rows: list[tuple[object, ...]],
) -> None:
    """Insert rows that give ``columns``, by name (a column added to the table cannot
    shift them); the table's other columns get NULL, or a zero of their type where NULL
    is not allowed."""
    if not rows:
        return
    others = [
        (name, None if nullable else _FILLERS.get(kind, 0))
        for name, kind, nullable in con.execute(
            "SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
            " WHERE table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        if name not in columns
    ]
    names = ", ".join(f'"{name}"' for name in (*columns, *(name for name, _ in others)))
    marks = ", ".join("?" for _ in range(len(columns) + len(others)))
    rest = tuple(value for _, value in others)
    con.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})", [(*row, *rest) for row in rows]
    )


def _school(letter: str) -> int:
    return SCHOOLS[letter][0]


def _la_of(school_id: int) -> int:
    return next(school[2] for school in SCHOOLS.values() if school[0] == school_id)


def _consortium_of(la_code: int) -> str:
    return next(row[4] for row in LOCAL_AUTHORITIES if row[0] == la_code)


def _insert_reference(con: duckdb.DuckDBPyConnection) -> None:
    _insert(con, "local_authorities", LA_COLUMNS, LOCAL_AUTHORITIES)
    con.executemany(
        "INSERT INTO schools (school_id, name, la_code, sector, language_medium, source_file)"
        " VALUES (?, ?, ?, ?, ?, 'fixture')",
        list(SCHOOLS.values()),
    )
    _insert(
        con,
        "academic_years",
        ("year", "start_date", "end_date", "has_plc_data"),
        [(year, start, end, True) for year, (start, end) in YEARS.items()],
    )


def _insert_settings(con: duckdb.DuckDBPyConnection, outcome_source: str) -> None:
    # As etl.settings_table records them: the planted effect in a demo database only.
    rows = [("max_ties_drawn", 20_000, "cap"), ("impact_min_schools", 30, "fewest schools")]
    if outcome_source == "demo":
        rows.append(("demo_planted_effect", 1.0, "planted"))
    con.executemany(
        "INSERT INTO refresh_settings (setting, value, description) VALUES (?, ?, ?)", rows
    )


def _insert_runs(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany(
        "INSERT INTO etl_runs (run_id, started_at, finished_at, status, trigger, input_files,"
        " rejected_counts) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (*run[:5], None if run[5] is None else json.dumps(run[5]),
             None if run[6] is None else json.dumps(run[6]))
            for run in RUNS
        ],
    )  # fmt: skip
    latest = RUNS[1][0]
    _insert(
        con,
        "rejected_rows",
        ("run_id", "table_name", "source_file", "line", "column_name", "value", "reason"),
        [(latest, table, path, line, column, value, reason)
         for path, table, line, column, value, reason in REJECTED],
    )  # fmt: skip


def _insert_contract(con: duckdb.DuckDBPyConnection, outcome_source: str) -> None:
    _insert(con, "plcs", PLC_COLUMNS, [(*plc[:7], _school(plc[7])) for plc in PLCS])
    _insert(
        con,
        "plc_memberships",
        ("plc_id", "school_id", "member_id", "role", "joined", "left"),
        [
            (plc, _school(letter), member, "teacher", joined, left)
            for plc, letter, member, joined, left in MEMBERSHIPS
        ],
    )
    _insert(
        con,
        "plc_activities",
        ("activity_id", "plc_id", "activity_date", "stage", "attendance"),
        [(f"A{i:02d}", *row) for i, row in enumerate(ACTIVITIES, start=1)],
    )
    _insert(
        con,
        "plc_reviews",
        ("plc_id", "year", *REVIEW_FEATURES),
        [(plc, year, *scores) for plc, year, scores in REVIEWS],
    )
    outcomes = [
        (_school(letter), year, "support_category", category, outcome_source)
        for year, categories in SUPPORT.items()
        for letter, category in zip(SCHOOLS, categories.split(), strict=True)
    ]
    _insert(con, "school_outcomes", ("school_id", "year", "measure", "value", "source"), outcomes)


def _build_graph(year: str) -> nx.Graph:
    graph = nx.Graph(year=year)
    graph.add_nodes_from(school[0] for school in SCHOOLS.values())
    for a, b in TIES[year]:
        graph.add_edge(_school(a), _school(b))
    return graph


def _is_cross_la(a: int, b: int) -> bool:
    return _la_of(a) != _la_of(b)


def _is_cross_consortium(a: int, b: int) -> bool:
    return _consortium_of(_la_of(a)) != _consortium_of(_la_of(b))


def _insert_network(con: duckdb.DuckDBPyConnection) -> None:
    for year in YEARS:
        graph = _build_graph(year)
        _insert_edges(con, year, graph)
        _insert_school_metrics(con, year, graph)
        _insert_system_metrics(con, year, graph)
        _insert_group_metrics(con, year, graph)
        _insert_group_pairs(con, year, graph)


def _insert_edges(con: duckdb.DuckDBPyConnection, year: str, graph: nx.Graph) -> None:
    rows = []
    for u, v in graph.edges:
        a, b = sorted((u, v))
        rows.append((year, a, b, 1, 2, _is_cross_la(a, b), _is_cross_consortium(a, b)))
    _insert(
        con,
        "net_edges",
        EDGE_COLUMNS,
        rows,
    )


def _insert_school_metrics(con: duckdb.DuckDBPyConnection, year: str, graph: nx.Graph) -> None:
    betweenness = nx.betweenness_centrality(graph)
    clustering = nx.clustering(graph)
    rows = []
    for letter, (school_id, *_) in SCHOOLS.items():
        neighbours = list(graph.neighbors(school_id))
        rows.append((
            year,
            school_id,
            len(neighbours),
            len(neighbours),
            betweenness[school_id],
            clustering[school_id],
            N_PLCS[year][letter],
            sum(_is_cross_la(school_id, n) for n in neighbours),
            sum(_is_cross_consortium(school_id, n) for n in neighbours),
            not neighbours,
        ))  # fmt: skip
    _insert(con, "net_school_metrics", SCHOOL_METRIC_COLUMNS, rows)
    for letter, category in zip(SCHOOLS, SUPPORT[year].split(), strict=True):
        gatekeeper, liaison = BROKERAGE.get((year, letter), (0, 0))
        con.execute(
            "UPDATE net_school_metrics SET support_category = ?, broker_gatekeeper = ?,"
            " broker_liaison = ?, broker_total = ? WHERE year = ? AND school_id = ?",
            [category, gatekeeper, liaison, gatekeeper + liaison, year, _school(letter)],
        )


def _insert_system_metrics(con: duckdb.DuckDBPyConnection, year: str, graph: nx.Graph) -> None:
    edges = list(graph.edges)
    giant = max(nx.connected_components(graph), key=len)
    _insert(
        con,
        "net_system_metrics",
        SYSTEM_METRIC_COLUMNS,
        [(
            year,
            graph.number_of_nodes(),
            len(edges),
            nx.density(graph),
            nx.number_connected_components(graph),
            len(giant) / graph.number_of_nodes(),
            sum(_is_cross_la(a, b) for a, b in edges) / len(edges),
            sum(_is_cross_consortium(a, b) for a, b in edges) / len(edges),
        )],
    )  # fmt: skip


def _insert_group_metrics(con: duckdb.DuckDBPyConnection, year: str, graph: nx.Graph) -> None:
    groups: dict[tuple[str, str], set[int]] = {("wales", WALES): set(graph.nodes)}
    for school_id in graph.nodes:
        la = _la_of(school_id)
        groups.setdefault(("la", str(la)), set()).add(school_id)
        groups.setdefault(("consortium", _consortium_of(la)), set()).add(school_id)
    rows = []
    for (level, group_id), members in sorted(groups.items()):
        internal = sum(a in members and b in members for a, b in graph.edges)
        external = sum((a in members) != (b in members) for a, b in graph.edges)
        n = len(members)
        rows.append({
            "year": year, "level": level, "group_id": group_id,
            "n_schools": n, "n_ties": internal,
            "density": internal / (n * (n - 1) / 2) if n > 1 else None,
            "internal_ties": internal, "external_ties": external,
            "ei_index": (
                (external - internal) / (external + internal) if external + internal else None
            ),
            "isolate_share": sum(graph.degree(s) == 0 for s in members) / n,
            **_describe_subgraph(graph, members),
            **_count_support_ties(graph, members, year),
        })  # fmt: skip
    # Each row names its columns: a measure added to the table cannot shift the others.
    _insert(con, "net_group_metrics", tuple(rows[0]), [tuple(row.values()) for row in rows])


def _describe_subgraph(graph: nx.Graph, members: set[int]) -> dict[str, object]:
    """Components and largest component of the group's own subgraph, mean clustering in
    the whole graph; modularity and NMI left empty (no Louvain here); assortativity by
    LA, medium, sector and support category (networkx; empty where undefined)."""
    subgraph = graph.subgraph(members).copy()
    components = list(nx.connected_components(subgraph))
    for school in subgraph.nodes:
        letter = _letter(school)
        subgraph.nodes[school].update(
            la=_la_of(school),
            medium=SCHOOLS[letter][4],
            sector=SCHOOLS[letter][3],
        )
    categorised = subgraph.copy()
    for school in subgraph.nodes:
        categorised.nodes[school]["category"] = _category(school, graph.graph["year"])
    return {
        "n_components": len(components),
        "giant_component_share": max(len(c) for c in components) / len(members),
        "mean_clustering": nx.average_clustering(graph, nodes=members),
        "modularity_communities": None,
        "modularity_la": None,
        "nmi_communities_la": None,
        **{f"assort_{name}": _assortativity(subgraph, name) for name in ("la", "medium", "sector")},
        "assort_category": _assortativity(categorised, "category"),
    }


def _assortativity(graph: nx.Graph, attribute: str) -> float | None:
    """networkx's coefficient; None where undefined (no ties, or 0/0 when every tie end
    has one value, where networkx warns and returns NaN)."""
    if graph.number_of_edges() == 0:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = nx.attribute_assortativity_coefficient(graph, attribute)
    return None if math.isnan(value) else value


def _letter(school_id: int) -> str:
    return next(letter for letter, school in SCHOOLS.items() if school[0] == school_id)


def _category(school_id: int, year: str) -> str:
    return SUPPORT[year].split()[list(SCHOOLS).index(_letter(school_id))]


def _count_support_ties(graph: nx.Graph, members: set[int], year: str) -> dict[str, object]:
    """Amber and red schools of the group, those tied to a green school anywhere, share."""
    needing = [s for s in members if _category(s, year) in {"amber", "red"}]
    tied = [s for s in needing if any(_category(p, year) == "green" for p in graph[s])]
    return {
        "support_schools": len(needing),
        "n_support_tied": len(tied),
        "support_tied_share": len(tied) / len(needing) if needing else None,
    }


def _insert_group_pairs(con: duckdb.DuckDBPyConnection, year: str, graph: nx.Graph) -> None:
    """The E-I matrix: every pair of LAs and of consortia (group_a <= group_b as text),
    counting the ties with one school in each, 0 when none."""
    group_of = {
        "la": lambda school: str(_la_of(school)),
        "consortium": lambda school: _consortium_of(_la_of(school)),
    }
    rows = []
    for level, of in group_of.items():
        groups = sorted({of(school) for school in graph.nodes})
        counts: dict[tuple[str, str], int] = {}
        for a, b in graph.edges:
            pair = tuple(sorted((of(a), of(b))))
            counts[pair] = counts.get(pair, 0) + 1
        rows += [
            (year, level, a, b, counts.get((a, b), 0))
            for i, a in enumerate(groups)
            for b in groups[i:]
        ]
    _insert(con, "net_group_pairs", ("year", "level", "group_a", "group_b", "ties"), rows)


# The network page's map: latitude and longitude of each school (H is not geocoded)...
LOCATIONS = {
    "A": (53.30, -4.40),
    "B": (53.25, -4.30),
    "C": (53.10, -4.27),
    "D": (52.74, -3.88),
    "E": (53.00, -4.10),
    "F": (51.49, -3.24),
    "G": (51.47, -3.18),
}


def _rectangle(west: float, south: float, east: float, north: float) -> list[list[float]]:
    """A closed ring round the rectangle, with the midpoint of each edge (9 points)."""
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    return [
        [west, south], [mid_x, south], [east, south], [east, mid_y], [east, north],
        [mid_x, north], [west, north], [west, mid_y], [west, south],
    ]  # fmt: skip


# ... and the LA boundaries, by ONS code: rectangles, Anglesey with an islet.
BOUNDARIES = {
    "W06000001": {
        "type": "MultiPolygon",
        "coordinates": [
            [_rectangle(-4.70, 53.15, -4.00, 53.45)],
            [[[-4.80, 53.30], [-4.799, 53.30], [-4.799, 53.301], [-4.80, 53.30]]],
        ],
    },
    "W06000002": {"type": "Polygon", "coordinates": [_rectangle(-4.50, 52.60, -3.50, 53.15)]},
    "W06000015": {"type": "Polygon", "coordinates": [_rectangle(-3.35, 51.40, -3.05, 51.60)]},
}


def _insert_places(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany(
        "UPDATE schools SET latitude = ?, longitude = ? WHERE school_id = ?",
        [(lat, lon, _school(letter)) for letter, (lat, lon) in LOCATIONS.items()],
    )
    _insert(
        con,
        "la_boundaries",
        ("ons_code", "geometry", "source_file"),
        [(code, json.dumps(geometry), "fixture") for code, geometry in BOUNDARIES.items()],
    )


# The network page's force layout (net_layout): the same place every year.
FORCE_LAYOUT = {
    "A": (-0.5, 0.5),
    "B": (-0.3, 0.7),
    "C": (0.0, 0.3),
    "D": (0.3, 0.0),
    "E": (0.9, -0.9),
    "F": (0.2, -0.3),
    "G": (0.5, -0.5),
    "H": (-0.9, -0.9),
}

# Ties not drawn (net_edges_drawn), by year, under the fixture's pretend cap.
NOT_DRAWN = {"2017/18": ["FG"]}


def _insert_drawing(con: duckdb.DuckDBPyConnection) -> None:
    _insert(
        con,
        "net_layout",
        ("year", "school_id", "x", "y"),
        [
            (year, _school(letter), x, y)
            for year in YEARS
            for letter, (x, y) in FORCE_LAYOUT.items()
        ],
    )
    for year, ties in TIES.items():
        drawn = [tie for tie in ties if tie not in NOT_DRAWN.get(year, [])]
        _insert(
            con,
            "net_edges_drawn",
            ("year", "school_a", "school_b", "weight"),
            [(year, *sorted((_school(a), _school(b))), 1) for a, b in drawn],
        )
        capped = len(drawn) < len(ties)
        _insert(con, "net_drawing_rules", DRAWING_RULE_COLUMNS, [(
            year, len(ties), len(drawn), len(drawn) if capped else 20_000, 1,
            "strongest" if capped else "all", "communities_fr_pivotmds", 2019,
        )])  # fmt: skip


def _insert_impact(con: duckdb.DuckDBPyConnection) -> None:
    method = "hand-made fixture rows"
    estimates = [
        (model, "attainment_change", exposure, subgroup, *numbers, 2, method)
        for model, exposure, subgroup, *numbers in IMPACT_ESTIMATES
    ]
    _insert(con, "impact_estimates", IMPACT_ESTIMATE_COLUMNS, estimates)
    _insert(con, "impact_bins", IMPACT_BIN_COLUMNS, IMPACT_BINS)
