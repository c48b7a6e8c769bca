package studio.imgen.storage;

/**
 * A client's file name, made fit for a message: quoted, shortened, with control and bidi-override characters shown
 * as U+FFFD so a name cannot break a log line or disguise its extension. Not HTML-escaped: the UI renders text.
 */
final class DisplayNames {

    private static final int MAX_CODE_POINTS = 80;

    private DisplayNames() {}

    static String quote(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "“unnamed file”";
        }
        StringBuilder quoted = new StringBuilder("“");
        int count = 0;
        for (int i = 0; i < displayName.length(); ) {
            int codePoint = displayName.codePointAt(i);
            i += Character.charCount(codePoint);
            if (++count > MAX_CODE_POINTS) {
                quoted.append('…');
                break;
            }
            quoted.appendCodePoint(isHidden(codePoint) ? '\uFFFD' : codePoint);
        }
        return quoted.append('”').toString();
    }

    private static boolean isHidden(int codePoint) {
        return Character.isISOControl(codePoint)
                || codePoint == 0x200E || codePoint == 0x200F // left-to-right / right-to-left marks
                || codePoint >= 0x202A && codePoint <= 0x202E // embeddings and overrides
                || codePoint >= 0x2066 && codePoint <= 0x2069; // isolates
    }
}
