package io.kbsh.net.probe;

/** A network probe. (SPI; grows here.) */
public interface Probe {

    /** The probe's id, e.g. {@code smtp}. */
    String id();
}
