package studio.imgen.gallery;

/**
 * {@code If-None-Match} evaluation (RFC 9110 §13.1.2): "*" or any listed tag that equals ours under weak comparison
 * (a {@code W/} prefix is ignored) means the client's copy is current.
 */
final class ETags {

    private ETags() {
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
