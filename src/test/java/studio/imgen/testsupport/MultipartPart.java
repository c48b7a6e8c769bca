package studio.imgen.testsupport;

import java.nio.charset.StandardCharsets;

/** One part of a recorded {@code multipart/form-data} body; {@code filename} and {@code contentType} may be null. */
public record MultipartPart(String name, String filename, String contentType, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.length;
    }


    @Override
    public String toString() {
        return "MultipartPart[" + name + ", filename=" + filename + ", contentType=" + contentType + ", "
                + bytes.length + " bytes]";
    }
}
