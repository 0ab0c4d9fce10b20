/**
 * Plain-text formats shared by the modules: {@link dev.losslab.io.Json}, a dependency-free JSON reader
 * and writer for one-object-per-line files and streams.
 */
package dev.losslab.io;
