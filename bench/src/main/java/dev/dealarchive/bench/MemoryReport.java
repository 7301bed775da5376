package dev.dealarchive.bench;

/**
 * What a long-running serving process reported about itself after working through the logs.
 *
 * @param heapMaxMb the heap limit it ran with ({@code -Xmx})
 * @param heapPeakMb the sum of the peak usage of its heap pools (an upper bound of the peak heap in use)
 * @param heapAfterGcMb heap in use after a full collection at the end: what serving the index keeps live
 * @param rssPeakMb peak resident memory ({@code VmHWM} of {@code /proc/self/status})
 * @param rssMb resident memory at the end ({@code VmRSS})
 * @param searches searches served
 * @param asks questions answered
 * @param seconds wall time of the serving loop
 * @param gcCount garbage collections during the run
 */
public record MemoryReport(
    double heapMaxMb,
    double heapPeakMb,
    double heapAfterGcMb,
    double rssPeakMb,
    double rssMb,
    long searches,
    long asks,
    double seconds,
    long gcCount) {}
