/**
 * The bundled embedding model, BAAI bge-small-en-v1.5 (int8 ONNX, inside the Maven jar, nothing downloaded), as an
 * {@link dev.dealarchive.embed.EmbedderProvider} the indexer finds by {@link java.util.ServiceLoader}.
 */
package dev.dealarchive.semantic;
