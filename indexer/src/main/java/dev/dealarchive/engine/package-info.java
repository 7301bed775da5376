/**
 * The engine seam: {@link dev.dealarchive.engine.ArchiveEngine} is how the command line and the bot reach the
 * archive, reading and writing ({@link dev.dealarchive.engine.ArchiveWriter} is one write session).
 * {@link dev.dealarchive.engine.EmbeddedEngine} is the Lucene index in a folder; another engine (a cluster) plugs in
 * through an {@link dev.dealarchive.engine.EngineProvider} and is chosen by {@link
 * dev.dealarchive.engine.ArchiveEngines#open} from the command's {@link dev.dealarchive.engine.EngineSettings}.
 * Nothing here exposes Lucene types.
 */
package dev.dealarchive.engine;
