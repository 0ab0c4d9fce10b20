/**
 * An example of a loss of your own for losslab: {@link com.example.losses.Charbonnier}, offered by the
 * provider {@link com.example.losses.CustomLosses}, which {@code META-INF/services} registers.
 */
package com.example.losses;
