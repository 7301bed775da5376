/**
 * Answers to questions in plain English: the passage of an article that answers, cited.
 *
 * <p>{@link dev.dealarchive.answer.Answerer} is the one entry point. It runs the pieces in order:
 * {@code SpellingCorrector} (unknown words replaced by the closest indexed word), {@link
 * dev.dealarchive.answer.QuestionAnalyzer} (question words and filler dropped, the kind of answer wanted),
 * {@code Concepts} (words grouped with the aliases of the names they form, weighted by rarity), {@code
 * KeywordQuery} (BM25F retrieval of articles), {@link dev.dealarchive.answer.PassagePicker} (the one to three
 * sentences of an article that answer best) and {@code Recency} (newer articles lifted when the question asks for
 * the latest).
 *
 * <p>The pieces read the index through {@link dev.dealarchive.answer.AnswerIndex} (article count, term statistics,
 * the closest word for a slip, the best articles of a keyword query): {@link dev.dealarchive.answer.LuceneAnswerIndex}
 * for the embedded index, the opensearch module's for a cluster. Ranking and passages by meaning ({@code
 * ArticleRanker} fusing BM25F with the nearest passage vectors) need the embedded index's vectors; on a cluster, or
 * an index without vectors or a model, articles are ranked by words alone through {@code AnswerIndex.top}.
 */
package dev.dealarchive.answer;
