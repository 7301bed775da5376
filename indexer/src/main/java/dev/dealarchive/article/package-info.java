/** The article model: what a reader finds ({@link dev.dealarchive.article.ArticleDraft}) and what the archive stores ({@link dev.dealarchive.article.Article}). */
package dev.dealarchive.article;
