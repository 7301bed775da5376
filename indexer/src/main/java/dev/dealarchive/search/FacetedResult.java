package dev.dealarchive.search;

/** A search and the facets of its query, as {@link ArticleSearch#searchWithFacets} reads them together. */
public record FacetedResult(SearchResult result, Facets facets) {}
