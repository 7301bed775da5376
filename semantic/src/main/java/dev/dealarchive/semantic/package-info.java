/**
 * The bundled embedding models (ONNX, inside Maven jars, nothing downloaded), each an {@link
 * dev.dealarchive.embed.EmbedderProvider} the indexer finds by {@link java.util.ServiceLoader}: BAAI
 * bge-small-en-v1.5 int8 (the default), the same model in float32, intfloat e5-small-v2 int8 and all-MiniLM-L6-v2
 * int8, chosen by name with {@code ARCHIVE_MODEL}.
 */
package dev.dealarchive.semantic;
