package studio.imgen.storage;

/**
 * An inpainting mask that passed validation: an RGBA PNG of the first image's size with at least one transparent
 * pixel.
 *
 * @param image the re-encoded mask, as stored and sent upstream
 * @param paintedShare the fraction of pixels that are fully transparent (the area that may change), above 0
 */
public record ValidatedMask(ValidatedImage image, double paintedShare) {

    /** The painted share as a whole percentage for people: never 0 % for a mask that has a painted area. */
    public int paintedPercent() {
        return (int) Math.max(1, Math.round(paintedShare * 100));
    }
}
