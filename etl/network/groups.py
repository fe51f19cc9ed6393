"""Measures of groups of schools: every LA, every consortium and Wales.

Each group is measured on its induced subgraph: its schools and the ties among
them. Components come from one igraph call per level and year, on the graph of
the ties that stay inside a group of that level (no component of it crosses a
group line, so each group's components are exactly those of its subgraph).
Communities are found per consortium, on the consortium's subgraph, and compared
with its LAs as :func:`etl.network.structure.compute_communities` compares the
whole graph's with Wales's LAs; for Wales the whole graph's own are used. Within
an LA the LA partition is a single block, so LAs get no modularity or NMI.
Assortativity is counted with numpy over the year's tie array, every group of a
level at once. Counts, means and support ties are SQL
(``etl/sql/marts/net_group_*.sql``); see ``docs/measures.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import igraph
import numpy as np
import pyarrow as pa

from etl.network.structure import Communities, compute_communities

__all__ = [
    "GROUP_STRUCTURE_SCHEMA",
    "WALES_ID",
    "GroupLevel",
    "SchoolAttributes",
    "SchoolGroups",
    "compute_group_assortativity",
    "compute_group_communities",
    "compute_group_components",
    "compute_group_structure",
    "fetch_school_attributes",
    "fetch_school_groups",
]

# The group_id of the whole system (the ONS code of Wales).
WALES_ID = "W92000004"

# The per-group igraph and numpy measures handed to net_group_metrics.sql as
# net_group_structure.
GROUP_STRUCTURE_SCHEMA = pa.schema(
    [
        ("year", pa.string()),
        ("level", pa.string()),
        ("group_id", pa.string()),
        ("n_components", pa.int64()),
        ("giant_component_size", pa.int64()),
        ("modularity_communities", pa.float64()),
        ("modularity_la", pa.float64()),
        ("nmi_communities_la", pa.float64()),
        ("assort_la", pa.float64()),
        ("assort_medium", pa.float64()),
        ("assort_sector", pa.float64()),
        ("assort_category", pa.float64()),
    ]
)


@dataclass(frozen=True)
class GroupLevel:
    """The groups of one level: each vertex's group as a code 0, 1, ..., and each code's id."""

    codes: np.ndarray
    names: list[str]


@dataclass(frozen=True)
class SchoolGroups:
    """Every school's LA, consortium and Wales, in vertex (``school_id``) order.

    Integer codes, because numpy groups integers much faster than text.
    """

    la: GroupLevel
    consortium: GroupLevel
    wales: GroupLevel


def fetch_school_groups(con: duckdb.DuckDBPyConnection) -> SchoolGroups:
    """Each school's LA and consortium, in ``school_id`` order (the vertex order)."""
    found = con.execute(
        "SELECT cast(s.la_code AS VARCHAR) AS la, l.consortium_code AS consortium "
        "FROM schools AS s JOIN local_authorities AS l ON l.la_code = s.la_code "
        "ORDER BY s.school_id"
    ).fetchnumpy()
    n = len(found["la"])
    return SchoolGroups(
        la=_encode(np.asarray(found["la"], dtype=object)),
        consortium=_encode(np.asarray(found["consortium"], dtype=object)),
        wales=GroupLevel(np.zeros(n, dtype=np.int64), [WALES_ID] if n else []),
    )


@dataclass(frozen=True)
class SchoolAttributes:
    """What assortativity is measured by, as codes 0, 1, ... in vertex order.

    ``category`` holds each year's support categories, -1 for a school with none.
    """

    medium: np.ndarray
    sector: np.ndarray
    category: dict[str, np.ndarray]


def fetch_school_attributes(con: duckdb.DuckDBPyConnection) -> SchoolAttributes:
    """Each school's language medium, sector and yearly support category, in vertex order.

    The categories are read from ``net_school_metrics``, which must be filled.
    """
    schools = con.execute(
        "SELECT language_medium, sector FROM schools ORDER BY school_id"
    ).fetchnumpy()
    yearly = con.execute(
        "SELECT year, coalesce(support_category, '') AS category FROM net_school_metrics "
        "ORDER BY year, school_id"
    ).fetchnumpy()
    names, codes = np.unique(np.asarray(yearly["category"], dtype=object), return_inverse=True)
    # '' (no category) sorts first when present: it becomes -1.
    codes = codes.ravel().astype(np.int64) - (1 if len(names) and names[0] == "" else 0)
    years = np.asarray(yearly["year"], dtype=object)
    return SchoolAttributes(
        medium=_encode(np.asarray(schools["language_medium"], dtype=object)).codes,
        sector=_encode(np.asarray(schools["sector"], dtype=object)).codes,
        category={str(y): codes[years == y] for y in np.unique(years)},
    )


def _encode(labels: np.ndarray) -> GroupLevel:
    names, codes = np.unique(labels, return_inverse=True)
    return GroupLevel(codes.ravel().astype(np.int64), [str(name) for name in names])


def compute_group_components(
    graph: igraph.Graph, edges: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Components of each group's induced subgraph, for every group at once.

    Parameters
    ----------
    graph
        The whole graph.
    edges
        Its ties as an ``(m, 2)`` array of vertex indices, row i being edge i of
        ``graph`` (as :class:`etl.network.build.YearGraph` holds them).
    labels
        The group of each vertex.

    Returns
    -------
    groups, n_components, giant
        The distinct labels (sorted), and for each the number of connected
        components of its induced subgraph (isolated vertices count, as in
        ``nx.number_connected_components``) and the size of the largest.

    Examples
    --------
    >>> # 0 - 1 - 2 with 0 and 2 in group "x", 1 in "y": x falls apart in two.
    >>> path = np.array([[0, 1], [1, 2]])
    >>> groups, count, giant = compute_group_components(
    ...     igraph.Graph(n=3, edges=path.tolist()), path, np.array(["x", "y", "x"])
    ... )
    >>> groups.tolist(), count.tolist(), giant.tolist()
    (['x', 'y'], [2, 1], [1, 1])
    """
    groups, codes = np.unique(labels, return_inverse=True)
    codes = codes.ravel()
    edges = edges.reshape(-1, 2)
    inside = codes[edges[:, 0]] == codes[edges[:, 1]]
    # Keeping the graph's own edges is much faster than building a new graph.
    if not inside.all():
        graph = graph.subgraph_edges(np.flatnonzero(inside).tolist(), delete_vertices=False)
    components = graph.connected_components()
    membership = np.asarray(components.membership, dtype=np.int64)
    sizes = np.bincount(membership)
    # Every vertex of a component is in the same group, so any one names it.
    component_group = np.zeros(len(sizes), dtype=np.int64)
    component_group[membership] = codes
    count = np.bincount(component_group, minlength=len(groups))
    giant = np.zeros(len(groups), dtype=np.int64)
    np.maximum.at(giant, component_group, sizes)
    return groups, count, giant


def compute_group_assortativity(
    edges: np.ndarray, labels: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Attribute assortativity of each group's induced subgraph, for every group at once.

    The coefficient of :func:`networkx.attribute_assortativity_coefficient`
    (Newman 2003): with m ties in the subgraph, s of them joining two equal
    values, and d_i the tie ends at vertices of value i (2m in all),
    r = (4ms - sum d_i^2) / (4m^2 - sum d_i^2), counted in integers. NaN where
    it is undefined: no ties, or every end of one value (networkx gives 0.0 and
    NaN there).

    Parameters
    ----------
    edges
        The ties, an ``(m, 2)`` array of vertex indices.
    labels
        The group of each vertex.
    values
        Each vertex's value as a code 0, 1, ...; a negative code leaves the
        vertex (and its ties) out, as a school without a support category.

    Returns
    -------
    groups, r
        The distinct labels (sorted) and each one's coefficient.

    Examples
    --------
    >>> # The path 0 - 1 - 2 - 3, values 0 0 1 1, all one group: m = 3, s = 2,
    >>> # d = 3, 3: r = (24 - 18) / (36 - 18).
    >>> path = np.array([[0, 1], [1, 2], [2, 3]])
    >>> groups, r = compute_group_assortativity(path, np.zeros(4), np.array([0, 0, 1, 1]))
    >>> round(float(r[0]), 4)
    0.3333
    """
    groups, codes = np.unique(labels, return_inverse=True)
    codes = codes.ravel()
    n_groups, n_values = len(groups), max(int(values.max(initial=0)) + 1, 1)
    a, b = edges.reshape(-1, 2).T
    keep = (codes[a] == codes[b]) & (values[a] >= 0) & (values[b] >= 0)
    group, value_a, value_b = codes[a[keep]], values[a[keep]], values[b[keep]]
    ties = np.bincount(group, minlength=n_groups)
    same = np.bincount(group[value_a == value_b], minlength=n_groups)
    # Tie ends per (group, value), from both ends of every tie.
    ends = np.bincount(
        np.concatenate((group * n_values + value_a, group * n_values + value_b)),
        minlength=n_groups * n_values,
    ).reshape(n_groups, n_values)
    squares = (ends**2).sum(axis=1)
    numerator = 4 * ties * same - squares
    denominator = 4 * ties * ties - squares
    r = np.full(n_groups, np.nan)
    defined = denominator != 0
    r[defined] = numerator[defined] / denominator[defined]
    return groups, r


def compute_group_communities(
    graph: igraph.Graph, labels: np.ndarray, las: np.ndarray
) -> dict[object, Communities]:
    """Louvain communities of each group's induced subgraph, compared with its LAs.

    For each distinct label, :func:`compute_communities` on the subgraph induced
    by its vertices, with their LAs as the partition to compare: its
    modularity, the LAs' modularity and their NMI, all on that subgraph.

    Examples
    --------
    >>> # Two triangles joined by one tie, each triangle an LA, all in one consortium.
    >>> ties = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    >>> found = compute_group_communities(
    ...     igraph.Graph(n=6, edges=ties), np.array(["C"] * 6), np.array(list("aaabbb"))
    ... )["C"]
    >>> round(found.modularity, 4), round(found.modularity_groups, 4), found.nmi
    (0.3571, 0.3571, 1.0)
    """
    found = {}
    # tolist() gives plain Python labels, so the keys are ints or strings.
    for label in np.unique(labels).tolist():
        vertices = np.flatnonzero(labels == label)
        subgraph = graph.induced_subgraph(vertices.tolist())
        found[label] = compute_communities(subgraph, las[vertices])
    return found


def compute_group_structure(
    year: str,
    graph: igraph.Graph,
    edges: np.ndarray,
    groups: SchoolGroups,
    attributes: SchoolAttributes,
    wales: Communities,
) -> pa.Table:
    """Components and assortativity of every LA, consortium and Wales, communities of consortia.

    ``wales`` is the whole graph's :class:`Communities`, already found. One row
    per group with at least one school; LAs have no modularity or NMI (NULL),
    and undefined assortativities are NULL.
    """
    consortia = compute_group_communities(graph, groups.consortium.codes, groups.la.codes)
    # A year without schools has no categories.
    categories = attributes.category.get(year, np.full(graph.vcount(), -1, dtype=np.int64))
    by = (groups.la.codes, attributes.medium, attributes.sector, categories)
    rows: list[tuple] = []
    for level, groups_of_level in (
        ("la", groups.la),
        ("consortium", groups.consortium),
        ("wales", groups.wales),
    ):
        labels = groups_of_level.codes
        codes, count, giant = compute_group_components(graph, edges, labels)
        assortativity = np.column_stack(
            [compute_group_assortativity(edges, labels, values)[1] for values in by]
        )
        for i, code in enumerate(codes.tolist()):
            found = {"consortium": consortia.get(code), "wales": wales}.get(level)
            rows.append(
                (
                    year,
                    level,
                    groups_of_level.names[code],
                    int(count[i]),
                    int(giant[i]),
                    *_community_columns(found),
                    *(None if np.isnan(r) else float(r) for r in assortativity[i]),
                )
            )
    columns = list(zip(*rows, strict=True)) if rows else [[]] * len(GROUP_STRUCTURE_SCHEMA)
    return pa.table(
        [pa.array(list(c), f.type) for c, f in zip(columns, GROUP_STRUCTURE_SCHEMA, strict=True)],
        schema=GROUP_STRUCTURE_SCHEMA,
    )


def _community_columns(found: Communities | None) -> tuple[float | None, ...]:
    if found is None:
        return (None, None, None)
    return (found.modularity, found.modularity_groups, found.nmi)
