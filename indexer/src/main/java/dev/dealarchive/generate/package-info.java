/**
 * Written answers from the team's own language model, grounded in the archive and cited.
 *
 * <p>Off unless {@code ARCHIVE_LLM_URL} names an OpenAI-compatible API. {@link dev.dealarchive.generate.WrittenAnswers}
 * is the one entry point: it takes the extractive answer the archive already found, sends the question and those
 * passages (numbered, marked as data) to {@code POST {URL}/chat/completions}, and keeps only sentences that cite a
 * passage it sent. Whenever the model is absent, slow, refuses, errs or cites nothing valid, the caller shows the
 * extractive answer with the reason, so every sentence a user sees is either cited or quoted.
 */
package dev.dealarchive.generate;
