package studio.imgen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    @Test
    void keepsBinaryContentIntactEvenWhenItLooksLikeADelimiter() {
        byte[] tricky = {0, 13, 10, '-', '-', 'x', (byte) 0xff, 13, 10, 13, 10, 7};
        var body = new ByteArrayOutputStream();
        body.writeBytes(ascii("--abc\r\nContent-Disposition: form-data; name=\"image[]\"; filename=\"a b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        body.writeBytes(tricky);
        body.writeBytes(ascii("\r\n--abc\r\nContent-Disposition: form-data; name=\"prompt\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nÄ cat\r\n--abc--\r\n"));

        List<MultipartPart> parts = MultipartParser.parse("multipart/form-data; boundary=\"abc\"", body.toByteArray());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("image[]");
        assertThat(parts.get(0).filename()).isEqualTo("a b.png");
        assertThat(parts.get(0).contentType()).isEqualTo("image/png");
        assertThat(parts.get(0).bytes()).isEqualTo(tricky);
        assertThat(parts.get(1).name()).isEqualTo("prompt");
        assertThat(parts.get(1).filename()).isNull();
        assertThat(parts.get(1).text()).isEqualTo("Ä cat");
    }

    @Test
    void malformedBodiesAreRejected() {
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data; boundary=abc",
                ascii("--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
