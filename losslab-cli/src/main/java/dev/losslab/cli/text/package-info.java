/**
 * fastText's commands on the losslab text classifier, with fastText's names and single-dash flags:
 * {@code supervised}, {@code test}, {@code test-label}, {@code predict}, {@code predict-prob},
 * {@code dump}.
 */
package dev.losslab.cli.text;
