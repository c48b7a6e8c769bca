package studio.imgen.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small, strict {@code multipart/form-data} parser (RFC 7578) working on bytes, so binary parts stay intact. */
final class MultipartParser {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private MultipartParser() {}

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Parts in body order; throws {@link IllegalArgumentException} for a malformed body. */
    static List<MultipartPart> parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("multipart content type without boundary");
        }
        String boundary = boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(1);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<MultipartPart> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new IllegalArgumentException("multipart body without boundary");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (startsWith(body, afterDelimiter, new byte[] {'-', '-'})) {
                return parts;
            }
            if (!startsWith(body, afterDelimiter, CRLF)) {
                throw new IllegalArgumentException("boundary not followed by CRLF");
            }
            int headersStart = afterDelimiter + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part without header end");
            }
            int contentStart = headersEnd + HEADER_END.length;
            byte[] nextDelimiter = concat(CRLF, delimiter);
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("part without closing boundary");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = new byte[contentEnd - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(part(headers, content));
            position = contentEnd + CRLF.length;
        }
    }

    private static MultipartPart part(String headers, byte[] content) {
        String disposition = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new IllegalArgumentException("part without Content-Disposition");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new IllegalArgumentException("part without name");
        }
        Matcher filename = FILENAME.matcher(disposition);
        return new MultipartPart(name.group(1), filename.find() ? filename.group(1) : null, contentType, content);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (offset + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
