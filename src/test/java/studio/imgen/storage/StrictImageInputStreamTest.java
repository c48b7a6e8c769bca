package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class StrictImageInputStreamTest {

    @Test
    void readsTheBytesThenAllowsOnlyAFewReadsPastTheEnd() throws IOException {
        try (StrictImageInputStream in = new StrictImageInputStream(new byte[] {1, 2, 3})) {
            assertThat(in.length()).isEqualTo(3);
            assertThat(in.read()).isEqualTo(1);
            byte[] rest = new byte[8];
            assertThat(in.read(rest, 0, 8)).isEqualTo(2);
            assertThat(rest).startsWith(2, 3);
            in.seek(0);
            assertThat(in.readShort()).isEqualTo((short) 0x0102);
            in.seek(3);

            for (int i = 0; i < StrictImageInputStream.MAX_READS_PAST_END; i++) {
                if (i % 2 == 0) {
                    assertThat(in.read()).isEqualTo(-1);
                } else {
                    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
                }
            }
            assertThatThrownBy(in::read)
                    .isInstanceOf(IIOException.class)
                    .isNotInstanceOf(EOFException.class);
        }
    }
}
