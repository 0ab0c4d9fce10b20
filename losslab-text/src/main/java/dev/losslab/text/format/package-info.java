/**
 * fastText's model file, version 12, read and written byte for byte, and the losslab sidecar beside it.
 *
 * <ul>
 *   <li>{@link dev.losslab.text.format.FastTextBinary} — the whole {@code .bin} file as one immutable
 *       record ({@link dev.losslab.text.format.FastTextArgs args},
 *       {@link dev.losslab.text.format.FastTextDictionary dictionary}, input and output
 *       {@link dev.losslab.text.format.FastTextMatrix matrices}), with {@code read(Path)} and
 *       {@code write(Path)}; {@code readCompact(Path)} reads the same file with the dictionary as
 *       {@link dev.losslab.text.format.DictionaryBytes} (each entry's bytes and count, no object per
 *       word), and {@code write} also takes any {@link dev.losslab.text.format.DictionaryEntries} view;
 *   <li>{@link dev.losslab.text.format.ModelSidecar} — what the fastText format cannot hold (the losslab
 *       loss and its options, seed, data checksum, losslab version), in {@code MODEL.losslab} next to the
 *       model;
 *   <li>{@link dev.losslab.text.format.AtomicFiles} — every file here is written to a temporary file in
 *       the same folder, forced to disk, then renamed over the target.
 * </ul>
 *
 * <p>Loading is safe on untrusted files: every size read from the file is checked against the bytes that
 * remain before anything is allocated, so a truncated, corrupted or hostile file ends in a
 * {@link dev.losslab.text.format.MalformedModelException} naming the file, the byte offset and what is
 * wrong — never an {@link OutOfMemoryError} or a hang. Quantized models ({@code .ftz}) are refused with a
 * clear message.
 *
 * <p>Layout source: fastText v0.9.2 {@code fasttext.cc} (saveModel / loadModel), {@code args.cc}
 * (save / load), {@code dictionary.cc} (save / load), {@code densematrix.cc} (save / load).
 */
package dev.losslab.text.format;
