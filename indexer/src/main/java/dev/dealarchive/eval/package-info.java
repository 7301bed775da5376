/**
 * Retrieval evaluation in the manner of trec_eval: topics, relevance judgments (qrels), runs, and the measures
 * nDCG@10, Recall@100, Recall@1000 and MRR@10.
 *
 * <p>The package knows nothing of the archive's search code. {@link dev.dealarchive.eval.Evaluator} takes any
 * searcher as a function from {@link dev.dealarchive.eval.Topic} to ranked {@link dev.dealarchive.eval.ScoredDoc}s;
 * {@link dev.dealarchive.eval.Metrics} scores a {@link dev.dealarchive.eval.Run} against
 * {@link dev.dealarchive.eval.Qrels}, whether the run came from a searcher or from a run file.
 *
 * <p>Files are read and written as UTF-8. A line that cannot be used is reported as an
 * {@link dev.dealarchive.eval.EvalInputException} naming the file and the 1-based line.
 *
 * <p>Two trec_eval conventions decide exact agreement and are followed everywhere here: a ranking is ordered by
 * score descending with ties broken by document id descending, whatever order it arrived in (see
 * {@link dev.dealarchive.eval.ScoredDoc#TREC_EVAL_ORDER}); and a document is relevant when its judgment is at least
 * 1. How queries are averaged is described at
 * {@link dev.dealarchive.eval.Metrics#evaluate(dev.dealarchive.eval.Run, dev.dealarchive.eval.Qrels)}.
 */
package dev.dealarchive.eval;
