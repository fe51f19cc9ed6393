"""Whole-network measures of the school graph: eigenvector centrality and communities.

networkx is the model. Eigenvector centrality matches
:func:`networkx.eigenvector_centrality` (unweighted, Euclidean norm 1, on the
whole graph with isolated schools), communities are Louvain (igraph
``community_multilevel``, seeded) and modularity matches
:func:`networkx.community.modularity` (unweighted). See ``docs/measures.md``.
"""

from __future__ import annotations

import random
import warnings
from dataclasses import dataclass

import igraph
import numpy as np

__all__ = [
    "COMMUNITY_SEED",
    "Communities",
    "compute_communities",
    "compute_eigenvector",
    "number_by_size",
]

# The seed of the Louvain method's random order (python-igraph draws from a
# Python random.Random), so the same graph always gets the same communities.
COMMUNITY_SEED = 2008

# Components whose leading eigenvalues differ by less than this, relatively, tie.
EIGENVALUE_TIE = 1e-9


def compute_eigenvector(graph: igraph.Graph) -> np.ndarray:
    """Unweighted eigenvector centrality of every vertex, as ``nx.eigenvector_centrality``.

    networkx runs power iteration on A + I from a uniform start over the whole
    graph, so it converges to the leading eigenvector of the whole adjacency
    matrix with Euclidean norm 1: it lives on the component with the largest
    leading eigenvalue, and every other vertex (isolates included) gets 0. When
    components tie for that eigenvalue, each gets its own eigenvector weighted by
    the uniform start's share of it, as the iteration does; with no edges at all
    every vertex gets 1/sqrt(n). igraph gives each component's eigenvector
    scaled to a maximum of 1; it is rescaled here.

    Examples
    --------
    >>> star = igraph.Graph(n=4, edges=[(0, 1), (0, 2), (0, 3)])
    >>> (compute_eigenvector(star) ** 2).round(4).tolist()
    [0.5, 0.1667, 0.1667, 0.1667]
    """
    n = graph.vcount()
    if n == 0:
        return np.zeros(0)
    if graph.ecount() == 0:
        return np.full(n, 1 / np.sqrt(n))
    membership = np.asarray(graph.connected_components().membership)
    degree = np.asarray(graph.degree())
    sizes = np.bincount(membership)
    # The leading eigenvalue of a component is at most its largest degree and
    # its size less one: only components that could reach the best one are solved.
    bound = np.zeros(len(sizes))
    np.maximum.at(bound, membership, degree)
    bound = np.minimum(bound, sizes - 1)
    best = -1.0
    found: list[tuple[float, np.ndarray, np.ndarray]] = []
    for component in np.argsort(-bound, kind="stable"):
        if bound[component] < best * (1 - EIGENVALUE_TIE):
            break
        vertices = np.flatnonzero(membership == component)
        value, vector = _leading_eigenvector(graph, vertices)
        if value > best * (1 + EIGENVALUE_TIE):
            best, found = value, []
        if value >= best * (1 - EIGENVALUE_TIE):
            found.append((value, vertices, vector))
    centrality = np.zeros(n)
    for _, vertices, vector in found:
        # The uniform start's component along this eigenvector.
        centrality[vertices] = vector * vector.sum()
    return centrality / np.linalg.norm(centrality)


def _leading_eigenvector(graph: igraph.Graph, vertices: np.ndarray) -> tuple[float, np.ndarray]:
    """Leading eigenvalue and unit eigenvector of the component on ``vertices``."""
    if len(vertices) == 1:
        return 0.0, np.ones(1)
    if len(vertices) == 2:
        return 1.0, np.full(2, 1 / np.sqrt(2))
    sub = graph.induced_subgraph(vertices.tolist())
    # ARPACK may start from a random vector: seeded, the last bits repeat too.
    igraph.set_random_number_generator(random.Random(COMMUNITY_SEED))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            vector, value = sub.eigenvector_centrality(scale=True, return_eigenvalue=True)
    finally:
        igraph.set_random_number_generator(random)
    vector = np.abs(np.asarray(vector, dtype=float))
    return float(value), vector / np.linalg.norm(vector)


@dataclass(frozen=True)
class Communities:
    """Louvain communities of one year's graph and how far they follow the groups (LAs).

    ``community_id`` holds each vertex's community, numbered by size (largest 1),
    or None for isolated vertices. The modularities and NMI are None when the
    graph has no edges.
    """

    community_id: list[int | None]
    n_communities: int
    modularity: float | None
    modularity_groups: float | None
    nmi: float | None


def compute_communities(
    graph: igraph.Graph, groups: np.ndarray, seed: int = COMMUNITY_SEED
) -> Communities:
    """Louvain communities, their modularity, the groups' modularity, and their NMI.

    Unweighted, resolution 1. Isolated vertices belong to no community (None) and
    are left out of the NMI, which compares the communities with ``groups`` over
    the vertices with at least one tie (Danon et al. 2005: 2 I(C; G) / (H(C) + H(G))).

    Examples
    --------
    >>> ties = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    >>> two_triangles = igraph.Graph(n=7, edges=ties)
    >>> found = compute_communities(two_triangles, np.array([0, 0, 0, 1, 1, 1, 1]))
    >>> found.community_id, round(found.modularity, 4), found.nmi
    ([1, 1, 1, 2, 2, 2, None], 0.3571, 1.0)
    """
    n = graph.vcount()
    if graph.ecount() == 0:
        return Communities([None] * n, 0, None, None, None)
    labels = np.unique(groups, return_inverse=True)[1].ravel()
    igraph.set_random_number_generator(random.Random(seed))
    try:
        membership = np.asarray(graph.community_multilevel().membership)
    finally:
        igraph.set_random_number_generator(random)
    tied = np.asarray(graph.degree()) > 0
    numbers = number_by_size(membership, tied)
    return Communities(
        community_id=[int(c) if t else None for c, t in zip(numbers, tied, strict=True)],
        n_communities=int(numbers[tied].max()),
        modularity=float(graph.modularity(membership.tolist())),
        modularity_groups=float(graph.modularity(labels.tolist())),
        nmi=float(
            igraph.compare_communities(numbers[tied].tolist(), labels[tied].tolist(), method="nmi")
        ),
    )


def number_by_size(membership: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Renumber communities 1, 2, ... by size among ``keep`` vertices, largest first.

    Ties go to the community with the lowest vertex. Vertices not kept get 0.

    Examples
    --------
    >>> number_by_size(np.array([5, 3, 3, 5, 5, 9]), np.array([True] * 5 + [False])).tolist()
    [1, 2, 2, 1, 1, 0]
    """
    numbers = np.zeros(len(membership), dtype=np.int64)
    if not keep.any():
        return numbers
    labels, first, sizes = np.unique(membership[keep], return_index=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(labels), dtype=np.int64)
    rank[order] = np.arange(1, len(labels) + 1)
    numbers[keep] = rank[np.searchsorted(labels, membership[keep])]
    return numbers
